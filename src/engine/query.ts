/**
 * Turns a question into weighted concepts: each content word (or alias phrase) becomes one concept
 * with the index terms that can stand for it (the word, its aliases, its derivations, its typo
 * corrections), each with a confidence weight. A concept's `mass` is how much the question is about
 * it; abstention compares the mass a passage covers with the question's total mass.
 */
import type { AliasTable } from '../corpus/types.js';
import type { InvertedIndex } from './index-build.js';
import { FuzzyIndex, boundedEditDistance } from './fuzzy.js';
import type { FuzzyMatch } from './fuzzy.js';
import { bm25Idf } from './index-build.js';
import { INVISIBLE, STOPWORDS, fold, normalizeForPhrase, plainWordTerm, stem, tokenize } from './tokenize.js';
import type { Token } from './tokenize.js';
import type { RuleSwitches } from './rules.js';

/** A word related to a question word by meaning or form, with a confidence 0–1 that it stands for it. */
export interface RelatedWord {
  readonly word: string;
  readonly weight: number;
  readonly relation: 'synonym' | 'derivation';
}

/** Synonyms and derived forms of a lower-case English word (see src/wordnet.ts). */
export interface Thesaurus {
  related(word: string): readonly RelatedWord[];
  /** Dictionary forms of a word (issues → issue); empty when the thesaurus does not know it. */
  lemmas(word: string): readonly string[];
  /** Whether the dictionary knows the word only as a noun (wheat, population; not speed, strike). */
  onlyNoun?(word: string): boolean;
  /** Whether the dictionary has the word in lower case in some sense (objection: yes; Germany, UK: no). */
  commonWord?(word: string): boolean;
  /** Nouns for kinds of the thing a noun names (scientist → researcher, chemist). */
  narrower?(word: string): readonly string[];
}

/**
 * The engine's knowledge of English: word → count in a large corpus (SUBTLEX), spelled as in the list
 * (proper nouns capitalised), and optionally a thesaurus for words the question uses but the article
 * puts differently.
 */
export interface Lexicon extends ReadonlyMap<string, number> {
  readonly thesaurus?: Thesaurus;
}

export interface Variant {
  /** All of these terms must occur (a multi-word alias such as "Ren Zhengfei"). */
  readonly terms: readonly number[];
  /** Confidence that this variant means the question word (1 = the word itself). */
  readonly weight: number;
  /**
   * Share of the concept's mass a passage covers with this variant (default: weight). Lower for
   * thesaurus synonyms: they may rank a passage, but must not by themselves make an off-topic
   * question look answered.
   */
  readonly cover?: number;
}

export interface Concept {
  readonly label: string;
  readonly mass: number;
  readonly variants: readonly Variant[];
  /** Folded query words of this concept, for exact adjacent-pair (phrase) bonuses. */
  readonly words: readonly string[];
  /** A name (Germany, World Cup) the corpus never mentions: the question is about something else. */
  readonly absentName?: boolean;
  /**
   * A specific English noun (wheat, population) that neither the corpus nor any synonym or derived
   * form of it in the corpus has: if the question asks about it first, it asks about something else.
   */
  readonly absentThing?: boolean;
}

export interface ParsedQuery {
  readonly concepts: readonly Concept[];
  /** Quoted phrases, normalised for comparison with normalizeForPhrase(passage). */
  readonly phrases: readonly string[];
}

/** Longest question we read; beyond this a "question" is a paste, and work must stay bounded. */
export const MAX_QUERY_CHARS = 1_000;
const MAX_CONCEPTS = 32;

/** Weights of non-literal variants: an alias is nearly the word, a derivation less, a typo fix by distance. */
const ALIAS_WEIGHT = 0.85;
const DERIVATION_WEIGHT = 0.7;
const TYPO_WEIGHT = 0.9;

export interface AliasEntry {
  /** Index terms of the entry's words ("spy agencies" → spi, agenc). */
  readonly terms: readonly string[];
  /** Which of those words the table writes as acronyms (US): only a written acronym matches them. */
  readonly acronyms: readonly boolean[];
  readonly group: number;
}

export interface PreparedAliases {
  /** First term of an entry → entries starting with it. */
  readonly byFirstTerm: ReadonlyMap<string, readonly AliasEntry[]>;
  readonly groups: readonly (readonly AliasEntry[])[];
  /** Groups that name an entity (the first member is a proper noun: a country, a person). */
  readonly properGroups: ReadonlySet<number>;
}

export function prepareAliases(table: AliasTable): PreparedAliases {
  const byFirstTerm = new Map<string, AliasEntry[]>();
  const groups: AliasEntry[][] = [];
  const properGroups = new Set<number>();
  table.groups.forEach((group, g) => {
    if (/^\p{Lu}/u.test(group[0] ?? '')) properGroups.add(g);
    const entries: AliasEntry[] = [];
    for (const phrase of group) {
      const tokens = tokenize(phrase).filter((token) => !token.joined);
      const terms = tokens.map((token) => token.term);
      if (terms.length === 0) continue;
      const entry = { terms, acronyms: tokens.map((token) => token.acronym), group: g };
      entries.push(entry);
      const first = terms[0] ?? '';
      const list = byFirstTerm.get(first) ?? [];
      list.push(entry);
      byFirstTerm.set(first, list);
    }
    groups.push(entries);
  });
  return { byFirstTerm, groups, properGroups };
}

export interface LexiconInfo {
  readonly thesaurus: Thesaurus | undefined;
  /** Count of the word in any case. */
  count(word: string): number;
  /** Whether the list spells the word mostly with a capital (a name: Germany, Ericsson). */
  isName(word: string): boolean;
  /**
   * The English word a non-word most likely misspells: the nearest, then one the article has
   * (`inArticle`), then the commonest (aprove → approve, not prove).
   */
  correct(word: string, inArticle: (word: string) => boolean): FuzzyMatch | undefined;
  readonly total: number;
}

/** English words rarer than this are too often misspellings themselves to correct towards. */
const MIN_CORRECTION_COUNT = 20;
/** A word this rare in English one slip from a function word is that word mistyped (wat → what). */
const RARE_WORD_COUNT = 100;

const preparedLexicons = new WeakMap<Lexicon, LexiconInfo>();

/** Case-folded view of the lexicon; prepared once per lexicon object (engines are rebuilt, lexicons not). */
export function prepareLexicon(lexicon: Lexicon | undefined): LexiconInfo | undefined {
  if (lexicon === undefined) return undefined;
  const cached = preparedLexicons.get(lexicon);
  if (cached !== undefined) return cached;
  const info = foldLexicon(lexicon);
  preparedLexicons.set(lexicon, info);
  return info;
}

function foldLexicon(lexicon: Lexicon): LexiconInfo {
  const counts = new Map<string, number>();
  const capitalised = new Map<string, number>();
  let total = 0;
  for (const [word, count] of lexicon) {
    const folded = fold(word);
    counts.set(folded, (counts.get(folded) ?? 0) + count);
    if (/^\p{Lu}/u.test(word)) capitalised.set(folded, (capitalised.get(folded) ?? 0) + count);
    total += count;
  }
  // Built on the first misspelling, once per process: most questions have none.
  let english: FuzzyIndex | undefined;
  const correct = (word: string, inArticle: (word: string) => boolean): FuzzyMatch | undefined => {
    english ??= new FuzzyIndex(
      [...counts].filter(([w, n]) => n >= MIN_CORRECTION_COUNT && /^\p{Ll}+$/u.test(w)).map(([w]) => w),
      counts,
    );
    const matches = english.lookup(word, 12, 2);
    const nearest = matches[0]?.distance;
    let best: FuzzyMatch | undefined;
    for (const match of matches) {
      if (match.distance !== nearest || (counts.get(match.word) ?? 0) < MIN_CORRECTION_COUNT) continue;
      // The asker is asking about this article: of equally near words, one it uses is likelier meant.
      const rank = (m: FuzzyMatch): [number, number] => [inArticle(m.word) ? 1 : 0, counts.get(m.word) ?? 0];
      const [a, b] = [rank(match), best === undefined ? [-1, -1] : rank(best)];
      if (a[0] > (b[0] ?? 0) || (a[0] === b[0] && a[1] > (b[1] ?? 0))) best = match;
    }
    return best;
  };
  return {
    thesaurus: lexicon.thesaurus,
    correct,
    count: (word) => counts.get(word) ?? 0,
    isName: (word) => (capitalised.get(word) ?? 0) * 2 > (counts.get(word) ?? 0),
    total: Math.max(total, 1),
  };
}

export interface QueryContext {
  readonly index: InvertedIndex;
  readonly aliases: PreparedAliases;
  readonly lexicon: LexiconInfo | undefined;
  readonly rules: RuleSwitches;
}

/**
 * "Which newspaper", "what company": a noun right after which/what names the kind of thing the answer
 * is (the article names the newspaper without calling it one), not the topic of the question.
 */
const ANSWER_TYPE = /\b(?:which|what)\s+$/iu;

const QUOTED = /["“”„«»]([^"“”„«»]{1,300})["“”„«»]/gu;

export function parseQuery(question: string, context: QueryContext): ParsedQuery {
  const text = question.slice(0, MAX_QUERY_CHARS).replace(INVISIBLE, ' ');
  const phrases: string[] = [];
  for (const match of text.matchAll(QUOTED)) {
    const phrase = normalizeForPhrase(match[1] ?? '');
    if (phrase.length > 0) phrases.push(phrase);
  }
  // A question typed entirely in capitals is shouting, not a string of acronyms or names.
  const ignoreCase = !/\p{Ll}/u.test(text);
  const tokens = tokenize(text, { ignoreCase, maxTokens: MAX_CONCEPTS * 2 }).filter((token) => !token.joined);
  const names = ignoreCase ? new Set<Token>() : writtenAsNames(text, tokens);
  const answerTypes = new Set(tokens.filter((token) => ANSWER_TYPE.test(text.slice(0, token.start))));
  const { aliases } = context;
  const concepts: Concept[] = [];
  const wordsInOrder: string[] = [];
  let i = 0;
  while (i < tokens.length && concepts.length < MAX_CONCEPTS) {
    const token = tokens[i];
    if (token === undefined) break;
    const alias = matchAlias(tokens, i, aliases, context.rules.on('acronym-case'));
    if (alias !== undefined) {
      const span = tokens.slice(i, i + alias.length);
      concepts.push(aliasConcept(span, alias.groups, context, names));
      wordsInOrder.push(...span.map((t) => t.word));
      i += alias.length;
      continue;
    }
    const concept = wordConcept(token, context, names.has(token), 0, answerTypes.has(token));
    if (concept !== undefined) concepts.push(concept);
    wordsInOrder.push(token.word);
    i += 1;
  }
  return { concepts, phrases };
}

/**
 * Tokens the asker capitalised although they do not start a sentence (Germany, World Cup): names.
 * An absent name is strong evidence that the question is about something the article lacks.
 */
function writtenAsNames(text: string, tokens: readonly Token[]): Set<Token> {
  const names = new Set<Token>();
  for (const token of tokens) {
    if (!/^\p{Lu}/u.test(token.surface)) continue;
    const before = text.slice(0, token.start).trimEnd();
    const startsSentence = before.length === 0 || /[.!?:;"“(]$/u.test(before);
    if (!startsSentence) names.add(token);
  }
  return names;
}

function matchAlias(
  tokens: readonly Token[],
  at: number,
  aliases: PreparedAliases,
  acronymCase: boolean,
): { length: number; groups: number[] } | undefined {
  const first = tokens[at];
  if (first === undefined) return undefined;
  let best: { length: number; groups: number[] } | undefined;
  for (const entry of aliases.byFirstTerm.get(first.term) ?? []) {
    const fits = entry.terms.every((term, k) => {
      const token = tokens[at + k];
      // An acronym (US) is met by its letters in any case (uk), never by a stem (use, uses → us).
      return (
        token?.term === term &&
        (!acronymCase || entry.acronyms[k] !== true || token.acronym || token.word === term)
      );
    });
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

function aliasConcept(
  span: readonly Token[],
  groups: readonly number[],
  context: QueryContext,
  names: ReadonlySet<Token>,
): Concept {
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
  const words = span.map((token) => token.word);
  const specific = Math.max(...words.map((w) => specificity(w, context)));
  const known = variants.map((v) => meanIdf(v.terms, index));
  const last = span[span.length - 1];
  const mass =
    known.length > 0
      ? Math.max(...known) * specific
      : unknownMass(last, context, span.length > 1 || span.some((t) => names.has(t)));
  // An entity the alias table knows (the UK, however written) none of whose names the corpus has.
  const absentName =
    variants.length === 0 &&
    (groups.some((g) => aliases.properGroups.has(g)) ||
      span.some((token) => names.has(token) || looksLikeName(token.word, context.lexicon)));
  return { label, mass, variants, words, absentName };
}

/**
 * Whether the word list spells this word mostly with a capital and it is not an everyday word
 * (subtitles capitalise "Come on!" at sentence starts, so frequent words are excluded).
 */
function looksLikeName(word: string, lexicon: LexiconInfo | undefined): boolean {
  if (lexicon === undefined) return false;
  const count = lexicon.count(word);
  return count > 0 && count < NAME_MAX_COUNT && spelledAsName(word, lexicon);
}

/**
 * The word list capitalises it (subtitle lines start with a capital, so "Objection!" looks like a
 * name there) and the dictionary does not know it as a common word: Germany, Reuters, not objection.
 */
function spelledAsName(word: string, lexicon: LexiconInfo): boolean {
  return lexicon.isName(word) && lexicon.thesaurus?.commonWord?.(word) !== true;
}
const NAME_MAX_COUNT = 5_000;

function sameTerms(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((t, k) => t === b[k]);
}

function meanIdf(terms: readonly number[], index: InvertedIndex): number {
  let sum = 0;
  for (const t of terms) sum += index.idf[t] ?? 0;
  return terms.length > 0 ? sum / terms.length : 0;
}

/**
 * How topical a word is, from its everyday frequency: 1 for rare words and words the list lacks
 * (Huawei), falling towards SPECIFICITY_FLOOR for words used everywhere (go, good, find). Applied to
 * every concept, so that incidental everyday words neither make nor break a match.
 */
function specificity(word: string, context: QueryContext): number {
  const lexicon = context.lexicon;
  if (lexicon === undefined || !context.rules.on('specificity')) return 1;
  const count = lexicon.count(word);
  if (count === 0) return 1;
  const rarity = Math.log(lexicon.total / count) / Math.log(lexicon.total);
  return Math.min(1, Math.max(SPECIFICITY_FLOOR, (rarity - 0.3) / 0.25));
}
const SPECIFICITY_FLOOR = 0.15;
/** An absent everyday word counts this much of an absent name: paraphrases use words the article lacks. */
const ABSENT_COMMON_WORD = 0.6;

/**
 * How much an absent question word says the question is about something else. A name the article
 * lacks (Germany, Ericsson, World Cup) is strong evidence; an everyday word (worried, switched) is
 * weaker, since paraphrases use words the article does not.
 */
function unknownMass(token: Token | undefined, context: QueryContext, writtenAsName = false): number {
  const ceiling = bm25Idf(0, Math.max(context.index.docCount, 1));
  if (token === undefined) return ceiling;
  const lexicon = context.lexicon;
  if (lexicon === undefined) return ceiling * ABSENT_COMMON_WORD;
  const count = lexicon.count(token.word);
  if (count === 0 || writtenAsName || spelledAsName(token.word, lexicon) || token.acronym) return ceiling;
  return ceiling * ABSENT_COMMON_WORD * specificity(token.word, context);
}

const acronymTermsOf = new WeakMap<InvertedIndex, ReadonlySet<number>>();

/** Index terms written in the corpus only as acronyms (US, IT): no plain word of the corpus has them. */
function acronymTerms(index: InvertedIndex): ReadonlySet<number> {
  const cached = acronymTermsOf.get(index);
  if (cached !== undefined) return cached;
  const plain = new Set<number>();
  const all = new Set<number>();
  for (const [surface, id] of index.surfaceTerm) {
    all.add(id);
    const term = plainWordTerm(surface);
    if (term !== undefined && index.termIds.get(term) === id) plain.add(id);
  }
  const acronyms = new Set([...all].filter((id) => !plain.has(id)));
  acronymTermsOf.set(index, acronyms);
  return acronyms;
}

/** Article words at most `within` edits from a misspelling, as variants weighted by closeness. */
function typoVariants(
  matches: readonly FuzzyMatch[],
  within: number,
  word: string,
  index: InvertedIndex,
  existing: readonly Variant[],
): Variant[] {
  const found: Variant[] = [];
  for (const match of matches) {
    if (match.distance > within) continue;
    const id = index.surfaceTerm.get(match.word);
    if (id === undefined || [...existing, ...found].some((v) => v.terms[0] === id)) continue;
    const closeness = 1 - match.distance / Math.max(word.length, match.word.length);
    found.push({ terms: [id], weight: TYPO_WEIGHT * closeness });
  }
  return found;
}

/** `depth` 1: the word is an English correction of what was typed (corrected at most once). */
function wordConcept(
  token: Token,
  context: QueryContext,
  writtenAsName: boolean,
  depth = 0,
  answerType = false,
): Concept | undefined {
  const { index, lexicon, rules } = context;
  const variants: Variant[] = [];
  const exact = index.termIds.get(token.term);
  const realWord = lexicon !== undefined && lexicon.count(token.word) > 0;
  // A misspelling corrected to an English word counts like the English word.
  const hasPostings = (id: number): boolean =>
    (index.postingStart[id + 1] ?? 0) > (index.postingStart[id] ?? 0) ||
    (index.contextStart[id + 1] ?? 0) > (index.contextStart[id] ?? 0);
  // Lower-case "use"/"us" stem to the term of the acronym US; only a written acronym means it.
  const acronymOnly =
    exact !== undefined &&
    !token.acronym &&
    token.word !== token.term &&
    rules.on('acronym-case') &&
    acronymTerms(index).has(exact);
  const hasExact = exact !== undefined && hasPostings(exact) && !acronymOnly;
  const thesaurus = realWord && !token.acronym && rules.on('thesaurus') ? lexicon.thesaurus : undefined;
  if (hasExact) variants.push({ terms: [exact], weight: 1 });
  for (const id of rules.on('derivations') ? derivations(token.term, index) : []) {
    if (id !== exact && hasPostings(id)) variants.push({ terms: [id], weight: DERIVATION_WEIGHT });
  }
  if (!hasExact && thesaurus !== undefined) {
    addRelated(token, thesaurus, index, variants, hasPostings, specificity(token.word, context));
  }
  if (!hasExact && !token.acronym && !realWord && rules.on('typo-correction')) {
    // A misspelling: the word meant is the nearest spelling in the article or in English, whichever
    // is nearer (aprove → approve, which the article has as "approved"; suprising → surprising).
    const inArticle = index.fuzzy.lookup(token.word, 4, 2);
    const inEnglish = lexicon?.correct(token.word, (word) => {
      const id = index.termIds.get(stem(word));
      return id !== undefined && hasPostings(id);
    });
    const articleDistance = inArticle[0]?.distance ?? Number.POSITIVE_INFINITY;
    if (inEnglish !== undefined && inEnglish.distance <= articleDistance && depth === 0) {
      const corrected = tokenize(inEnglish.word)[0];
      // A misspelt function word (wat, teh) says nothing about the topic.
      if (corrected === undefined) return undefined;
      const meant = wordConcept(
        { ...token, word: corrected.word, term: corrected.term },
        context,
        writtenAsName,
        1,
        answerType,
      );
      if (meant === undefined) return undefined;
      const extra = typoVariants(inArticle, inEnglish.distance, token.word, index, meant.variants);
      return { ...meant, label: token.surface, variants: [...meant.variants, ...extra] };
    }
    variants.push(...typoVariants(inArticle, articleDistance, token.word, index, variants));
  }
  if (!token.acronym && rules.on('acronym-case')) {
    // No form of a lower-case word stands for an acronym (uses → us is not the US).
    const acronyms = acronymTerms(index);
    for (let k = variants.length - 1; k >= 0; k -= 1) {
      const variant = variants[k];
      const typedAsIs =
        variant?.terms.length === 1 && variant.terms[0] === exact && token.word === token.term;
      if (!typedAsIs && variant?.terms.some((t) => acronyms.has(t)) === true) variants.splice(k, 1);
    }
  }
  if (variants.length === 0 && STOPWORDS.has(token.word)) return undefined;
  // "Whta", "teh": a misspelt function word says nothing about the topic (but a name might be meant).
  const rare = !realWord || (lexicon?.count(token.word) ?? 0) < RARE_WORD_COUNT;
  if (variants.length === 0 && rare && !writtenAsName && !token.acronym && nearStopword(token.word)) {
    return undefined;
  }
  const specific = specificity(token.word, context);
  let mass: number;
  if (hasExact) mass = (index.idf[exact] ?? 0) * specific;
  else if (variants.length > 0 && !realWord) {
    // A misspelling of a corpus word: the question is about that word.
    mass = Math.max(...variants.map((v) => meanIdf(v.terms, index)));
  } else {
    // A real word the article lacks; derivations or look-alikes only partly stand in for it.
    const unknown = unknownMass(token, context, writtenAsName);
    const derived = variants
      .filter((v) => v.weight === DERIVATION_WEIGHT)
      .map((v) => meanIdf(v.terms, index) * specific);
    mass = Math.max(unknown, ...derived);
  }
  const absentName =
    variants.length === 0 &&
    (writtenAsName ||
      looksLikeName(token.word, lexicon) ||
      (rules.on('coined-word') && coinedWord(token, realWord, lexicon)));
  const absentThing =
    !answerType &&
    variants.length === 0 &&
    realWord &&
    !token.acronym &&
    specific >= ABSENT_THING_MIN_SPECIFICITY &&
    thesaurus?.onlyNoun?.(token.word) === true &&
    // The article may name a kind of it instead (scientists → the researchers).
    !(thesaurus.narrower?.(token.word) ?? []).some((kind) => {
      const id = index.termIds.get(stem(kind));
      return id !== undefined && hasPostings(id);
    });
  return { label: token.surface, mass, variants, words: [token.word], absentName, absentThing };
}
/** Everyday nouns (thing, way, people) name no topic of their own. */
const ABSENT_THING_MIN_SPECIFICITY = 0.9;

/**
 * A word neither English (per the word list) nor within typo reach of any corpus word (zebracorn):
 * not a slip, since a typo has a near neighbour, so it names something the corpus lacks, like an
 * absent name. Letters only and long enough that short slips and numbers never count.
 */
function coinedWord(token: Token, realWord: boolean, lexicon: LexiconInfo | undefined): boolean {
  return (
    lexicon !== undefined &&
    !realWord &&
    !token.acronym &&
    token.word.length >= COINED_MIN_LENGTH &&
    /^\p{L}+$/u.test(token.word)
  );
}
const COINED_MIN_LENGTH = 5;

/** Thesaurus variants: a synonym is weaker evidence than an alias, a derived form like a derivation. */
const SYNONYM_WEIGHT = 0.5;
const MAX_RELATED_VARIANTS = 6;
/** Coverage credit a synonym can give at most (see Variant.cover). */
const MAX_SYNONYM_COVER = 0.25;
/** Below this a synonym is more noise than evidence. */
const MIN_RELATED_WEIGHT = 0.1;

/** Adds index terms of the word's synonyms and derived forms (only terms the index has) as variants. */
function addRelated(
  token: Token,
  thesaurus: Thesaurus,
  index: InvertedIndex,
  variants: Variant[],
  hasPostings: (id: number) => boolean,
  specific: number,
): void {
  let added = 0;
  for (const related of thesaurus.related(token.word)) {
    if (added >= MAX_RELATED_VARIANTS) break;
    const id = index.termIds.get(stem(related.word));
    if (id === undefined || !hasPostings(id) || variants.some((v) => v.terms[0] === id)) continue;
    // An everyday word's synonyms are everyday words too: they would match anywhere.
    const weight =
      related.relation === 'derivation' ? DERIVATION_WEIGHT : SYNONYM_WEIGHT * related.weight * specific;
    if (weight < MIN_RELATED_WEIGHT) continue;
    variants.push({ terms: [id], weight, cover: Math.min(weight, MAX_SYNONYM_COVER) });
    added += 1;
  }
}

const STOPWORD_LIST = [...STOPWORDS].filter((word) => word.length >= 2);

/** Whether a word is one edit from a stopword of three letters or more (a typo of a function word). */
function nearStopword(word: string): boolean {
  if (word.length < 3 || word.length > 8) return false;
  return STOPWORD_LIST.some(
    (stopword) =>
      stopword.length >= 3 &&
      Math.abs(stopword.length - word.length) <= 1 &&
      boundedEditDistance(word, stopword, 1) <= 1,
  );
}

const MIN_DERIVATION_STEM = 5;
const MAX_DERIVATIONS = 4;

/**
 * Index terms that share a stem prefix with the question word (compete/competition, invest/investor):
 * terms extending the query stem by a few letters, and the query stem's own prefixes that are terms.
 */
function derivations(term: string, index: InvertedIndex): number[] {
  if (term.length < MIN_DERIVATION_STEM || !/^\p{L}+$/u.test(term)) return [];
  const isTerm = (rest: string): boolean => rest.length >= MIN_DERIVATION_STEM - 1 && index.termIds.has(rest);
  const found: number[] = [];
  const sorted = index.sortedTerms;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? '') < term) low = mid + 1;
    else high = mid;
  }
  for (let k = low; k < sorted.length && found.length < MAX_DERIVATIONS; k += 1) {
    const candidate = sorted[k] ?? '';
    if (!candidate.startsWith(term)) break;
    // Longer extensions only when the rest is a word of its own: a compound (cyber → cybersecurity).
    if (candidate.length > term.length + 4 && !isTerm(candidate.slice(term.length))) continue;
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
