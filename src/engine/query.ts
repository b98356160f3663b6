/**
 * Turns a question into weighted concepts: each content word (or alias phrase) becomes one concept
 * with the index terms that can stand for it (the word, its aliases, its derivations, its typo
 * corrections), each with a confidence weight. A concept's `mass` is how much the question is about
 * it; abstention compares the mass a passage covers with the question's total mass.
 */
import type { AliasTable } from '../corpus/types.js';
import type { InvertedIndex } from './index-build.js';
import { bm25Idf } from './index-build.js';
import { INVISIBLE, STOPWORDS, fold, normalizeForPhrase, tokenize } from './tokenize.js';
import type { Token } from './tokenize.js';

/** Word → count in a large English corpus (SUBTLEX), spelled as in the list (proper nouns capitalised). */
export type Lexicon = ReadonlyMap<string, number>;

export interface Variant {
  /** All of these terms must occur (a multi-word alias such as "Ren Zhengfei"). */
  readonly terms: readonly number[];
  /** Confidence that this variant means the question word (1 = the word itself). */
  readonly weight: number;
}

export interface Concept {
  readonly label: string;
  readonly mass: number;
  readonly variants: readonly Variant[];
  /** Folded query words of this concept, for exact adjacent-pair (phrase) bonuses. */
  readonly words: readonly string[];
}

export interface ParsedQuery {
  readonly concepts: readonly Concept[];
  /** Quoted phrases, normalised for comparison with normalizeForPhrase(passage). */
  readonly phrases: readonly string[];
  /** Normalised adjacent content-word pairs of the question (unquoted phrase evidence). */
  readonly pairs: readonly string[];
}

/** Longest question we read; beyond this a "question" is a paste, and work must stay bounded. */
export const MAX_QUERY_CHARS = 1_000;
const MAX_CONCEPTS = 32;

/** Weights of non-literal variants: an alias is nearly the word, a derivation less, a typo fix by distance. */
const ALIAS_WEIGHT = 0.85;
const DERIVATION_WEIGHT = 0.7;
const TYPO_WEIGHT = 0.9;
/** A correctly spelled English word that merely resembles a corpus word is probably a different word. */
const REAL_WORD_TYPO_WEIGHT = 0.35;

export interface AliasEntry {
  /** Index terms of the entry's words ("spy agencies" → spi, agenc). */
  readonly terms: readonly string[];
  readonly group: number;
}

export interface PreparedAliases {
  /** First term of an entry → entries starting with it. */
  readonly byFirstTerm: ReadonlyMap<string, readonly AliasEntry[]>;
  readonly groups: readonly (readonly AliasEntry[])[];
}

export function prepareAliases(table: AliasTable): PreparedAliases {
  const byFirstTerm = new Map<string, AliasEntry[]>();
  const groups: AliasEntry[][] = [];
  table.groups.forEach((group, g) => {
    const entries: AliasEntry[] = [];
    for (const phrase of group) {
      const terms = tokenize(phrase)
        .filter((token) => !token.joined)
        .map((token) => token.term);
      if (terms.length === 0) continue;
      const entry = { terms, group: g };
      entries.push(entry);
      const first = terms[0] ?? '';
      const list = byFirstTerm.get(first) ?? [];
      list.push(entry);
      byFirstTerm.set(first, list);
    }
    groups.push(entries);
  });
  return { byFirstTerm, groups };
}

export interface LexiconInfo {
  /** Count of the word in any case. */
  count(word: string): number;
  /** Whether the list spells the word mostly with a capital (a name: Germany, Ericsson). */
  isName(word: string): boolean;
  readonly total: number;
}

export function prepareLexicon(lexicon: Lexicon | undefined): LexiconInfo | undefined {
  if (lexicon === undefined) return undefined;
  const counts = new Map<string, number>();
  const capitalised = new Map<string, number>();
  let total = 0;
  for (const [word, count] of lexicon) {
    const folded = fold(word);
    counts.set(folded, (counts.get(folded) ?? 0) + count);
    if (/^\p{Lu}/u.test(word)) capitalised.set(folded, (capitalised.get(folded) ?? 0) + count);
    total += count;
  }
  return {
    count: (word) => counts.get(word) ?? 0,
    isName: (word) => (capitalised.get(word) ?? 0) * 2 > (counts.get(word) ?? 0),
    total: Math.max(total, 1),
  };
}

export interface QueryContext {
  readonly index: InvertedIndex;
  readonly aliases: PreparedAliases;
  readonly lexicon: LexiconInfo | undefined;
}

const QUOTED = /["“”„«»]([^"“”„«»]{1,300})["“”„«»]/gu;

export function parseQuery(question: string, context: QueryContext): ParsedQuery {
  const text = question.slice(0, MAX_QUERY_CHARS).replace(INVISIBLE, ' ');
  const phrases: string[] = [];
  for (const match of text.matchAll(QUOTED)) {
    const phrase = normalizeForPhrase(match[1] ?? '');
    if (phrase.length > 0) phrases.push(phrase);
  }
  // A question typed entirely in capitals is shouting, not a string of acronyms.
  const ignoreCase = !/\p{Ll}/u.test(text);
  const tokens = tokenize(text, { ignoreCase, maxTokens: MAX_CONCEPTS * 2 }).filter((token) => !token.joined);
  const { aliases } = context;
  const concepts: Concept[] = [];
  const wordsInOrder: string[] = [];
  let i = 0;
  while (i < tokens.length && concepts.length < MAX_CONCEPTS) {
    const token = tokens[i];
    if (token === undefined) break;
    const alias = matchAlias(tokens, i, aliases);
    if (alias !== undefined) {
      const span = tokens.slice(i, i + alias.length);
      concepts.push(aliasConcept(span, alias.groups, context));
      wordsInOrder.push(...span.map((t) => t.word));
      i += alias.length;
      continue;
    }
    const concept = wordConcept(token, i, context);
    if (concept !== undefined) concepts.push(concept);
    wordsInOrder.push(token.word);
    i += 1;
  }
  const pairs: string[] = [];
  for (let k = 0; k + 1 < wordsInOrder.length; k += 1)
    pairs.push(`${wordsInOrder[k]} ${wordsInOrder[k + 1]}`);
  return { concepts, phrases, pairs };
}

function matchAlias(
  tokens: readonly Token[],
  at: number,
  aliases: PreparedAliases,
): { length: number; groups: number[] } | undefined {
  const first = tokens[at];
  if (first === undefined) return undefined;
  let best: { length: number; groups: number[] } | undefined;
  for (const entry of aliases.byFirstTerm.get(first.term) ?? []) {
    const fits = entry.terms.every((term, k) => tokens[at + k]?.term === term);
    if (!fits) continue;
    if (best === undefined || entry.terms.length > best.length)
      best = { length: entry.terms.length, groups: [entry.group] };
    else if (entry.terms.length === best.length && !best.groups.includes(entry.group))
      best.groups.push(entry.group);
  }
  return best;
}

/** Term ids of an alias entry in the index, or undefined when one of its words is absent. */
function entryTerms(terms: readonly string[], index: InvertedIndex): number[] | undefined {
  const ids: number[] = [];
  for (const term of terms) {
    const id = index.termIds.get(term);
    if (id === undefined || (index.postingStart[id + 1] ?? 0) === (index.postingStart[id] ?? 0))
      return undefined;
    ids.push(id);
  }
  return ids;
}

function aliasConcept(span: readonly Token[], groups: readonly number[], context: QueryContext): Concept {
  const { index, aliases } = context;
  const variants: Variant[] = [];
  const own = entryTerms(
    span.map((token) => token.term),
    index,
  );
  if (own !== undefined) variants.push({ terms: own, weight: 1 });
  for (const g of groups) {
    for (const entry of aliases.groups[g] ?? []) {
      const ids = entryTerms(entry.terms, index);
      if (ids !== undefined && !variants.some((v) => sameTerms(v.terms, ids))) {
        variants.push({ terms: ids, weight: ALIAS_WEIGHT });
      }
    }
  }
  const label = span.map((token) => token.surface).join(' ');
  const known = variants.map((v) => meanIdf(v.terms, index));
  const mass = known.length > 0 ? Math.max(...known) : unknownMass(span[span.length - 1], context);
  return { label, mass, variants, words: span.map((token) => token.word) };
}

function sameTerms(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((t, k) => t === b[k]);
}

function meanIdf(terms: readonly number[], index: InvertedIndex): number {
  let sum = 0;
  for (const t of terms) sum += index.idf[t] ?? 0;
  return terms.length > 0 ? sum / terms.length : 0;
}

/**
 * How much an absent question word says the question is about something else. A name the article
 * lacks (Germany, Ericsson) is strong evidence; an everyday word (worried, tomorrow) is weaker, since
 * paraphrases use words the article does not; the weight falls with the word's everyday frequency.
 */
function unknownMass(token: Token | undefined, context: QueryContext): number {
  const ceiling = bm25Idf(0, Math.max(context.index.docCount, 1));
  if (token === undefined) return ceiling;
  const lexicon = context.lexicon;
  if (lexicon === undefined) return ceiling * 0.8;
  const count = lexicon.count(token.word);
  if (count === 0 || lexicon.isName(token.word) || (token.acronym && token.word.length > 1)) return ceiling;
  // log-frequency rarity: ~1 for rare words, ~0.3 for the most common content words.
  const rarity = Math.log(lexicon.total / count) / Math.log(lexicon.total);
  return ceiling * Math.min(1, Math.max(0.25, (rarity - 0.35) * 1.6));
}

function wordConcept(token: Token, _position: number, context: QueryContext): Concept | undefined {
  const { index, lexicon } = context;
  const variants: Variant[] = [];
  const exact = index.termIds.get(token.term);
  const realWord = lexicon !== undefined && lexicon.count(token.word) > 0;
  if (exact !== undefined && (index.postingStart[exact + 1] ?? 0) > (index.postingStart[exact] ?? 0)) {
    variants.push({ terms: [exact], weight: 1 });
  }
  for (const id of derivations(token.term, index))
    if (id !== exact) variants.push({ terms: [id], weight: DERIVATION_WEIGHT });
  const hasExact = variants.length > 0 && variants[0]?.weight === 1;
  if (!hasExact && !token.acronym) {
    for (const match of index.fuzzy.lookup(token.word, 4)) {
      const id = index.surfaceTerm.get(match.word);
      if (id === undefined || variants.some((v) => v.terms[0] === id)) continue;
      const closeness = 1 - match.distance / Math.max(token.word.length, match.word.length);
      variants.push({ terms: [id], weight: (realWord ? REAL_WORD_TYPO_WEIGHT : TYPO_WEIGHT) * closeness });
    }
  }
  if (variants.length === 0 && STOPWORDS.has(token.word)) return undefined;
  let mass: number;
  if (hasExact && exact !== undefined) mass = index.idf[exact] ?? 0;
  else if (variants.length > 0 && !realWord) {
    // A misspelling of a corpus word: the question is about that word.
    mass = Math.max(...variants.map((v) => meanIdf(v.terms, index)));
  } else mass = Math.max(unknownMass(token, context), ...variants.map((v) => meanIdf(v.terms, index)));
  return { label: token.surface, mass, variants, words: [token.word] };
}

const MIN_DERIVATION_STEM = 5;

/**
 * Index terms that share a stem prefix with the question word (compete/competition, invest/investor):
 * terms extending the query stem by a few letters, and the query stem's own prefixes that are terms.
 */
function derivations(term: string, index: InvertedIndex): number[] {
  if (term.length < MIN_DERIVATION_STEM || !/^\p{L}+$/u.test(term)) return [];
  const found: number[] = [];
  const sorted = index.sortedTerms;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? '') < term) low = mid + 1;
    else high = mid;
  }
  for (let k = low; k < sorted.length && found.length < 4; k += 1) {
    const candidate = sorted[k] ?? '';
    if (!candidate.startsWith(term)) break;
    if (candidate.length > term.length + 4) continue;
    const id = index.termIds.get(candidate);
    if (id !== undefined) found.push(id);
  }
  for (
    let length = term.length - 1;
    length >= MIN_DERIVATION_STEM && length >= term.length - 3;
    length -= 1
  ) {
    const id = index.termIds.get(term.slice(0, length));
    if (id !== undefined) found.push(id);
  }
  return found;
}
