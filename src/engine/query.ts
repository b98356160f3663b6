/**
 * Turns a question into weighted concepts: each content word (or alias phrase) becomes one concept
 * with the index terms that can stand for it (the word, its aliases, its derivations, its typo
 * corrections), each with a confidence weight. A concept's `mass` is how much the question is about
 * it; abstention compares the mass a passage covers with the question's total mass.
 */
import { entryTerms, matchAlias } from './aliases.js';
import type { PreparedAliases } from './aliases.js';
import { looksLikeName, specificity, unknownMass } from './evidence.js';
import type { InvertedIndex } from './index-build.js';
import type { LexiconInfo } from './lexicon-info.js';
import type { RuleSwitches } from './rules.js';
import { INVISIBLE, STOPWORDS, normalizeForPhrase, stem, tokenize } from './tokenize.js';
import type { Token } from './tokenize.js';
import { absentCompound } from './compounds.js';
import { confirmSynonyms, neighbourVariants } from './neighbours.js';
import { placeInLongerName } from './name-parts.js';
import { onlyFamilyOf } from './inflections.js';
import { sourceTokens } from './sources.js';
import type { SourceNames } from './sources.js';
import { answerTypeTokens, inOrganisationDescription, topicTokens, writtenAsNames } from './wording.js';
import {
  abbreviationVariant,
  acronymTerms,
  addRelated,
  derivations,
  nearStopword,
  typoVariants,
} from './variants.js';
import { ABSENT_MODIFIER_MASS, ALIAS_WEIGHT, DERIVATION_WEIGHT } from './weights.js';

export { prepareAliases } from './aliases.js';
export type { AliasEntry, PreparedAliases } from './aliases.js';
export { prepareLexicon } from './lexicon-info.js';
export type {
  Lexicon,
  LexiconInfo,
  RelatedWord,
  Thesaurus,
  NamedKind,
  WordClass,
  Neighbour,
  WordNeighbours,
} from './lexicon-info.js';

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
  /** A compound noun (prime minister) the dictionary lists and no passage has: see compounds.ts. */
  readonly absentCompound?: boolean;
  /**
   * An adjective written right before the next word of the question ("best pizza", "good recipe"):
   * it describes the thing asked about rather than naming it.
   */
  readonly modifier?: boolean;
}

export interface ParsedQuery {
  readonly concepts: readonly Concept[];
  /** Quoted phrases, normalised for comparison with normalizeForPhrase(passage). */
  readonly phrases: readonly string[];
  /**
   * Index in `concepts` of the first concept after "about" / "regarding" / "concerning" ("what did
   * Peng say about revenue"): the topic the question names explicitly. Undefined when it names none.
   * The topic runs to `topicEnd` (exclusive): the end of its clause.
   */
  readonly topic?: number;
  readonly topicEnd?: number;
}

/** Longest question we read; beyond this a "question" is a paste, and work must stay bounded. */
export const MAX_QUERY_CHARS = 1_000;
const MAX_CONCEPTS = 32;

export interface QueryContext {
  readonly index: InvertedIndex;
  readonly aliases: PreparedAliases;
  readonly lexicon: LexiconInfo | undefined;
  readonly rules: RuleSwitches;
  /** The corpus's publication names, which point at the article rather than ask about something. */
  readonly sources?: SourceNames;
}

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
  const read = tokenize(text, { ignoreCase, maxTokens: MAX_CONCEPTS * 2 }).filter((token) => !token.joined);
  // "The Light Reading piece", "that LR article": the source named, not a topic.
  const source =
    context.sources !== undefined && context.rules.on('source-names')
      ? sourceTokens(text, read, context.sources, context.index)
      : undefined;
  const tokens = source === undefined || source.size === 0 ? read : read.filter((t) => !source.has(t));
  const names = ignoreCase ? new Set<Token>() : writtenAsNames(text, tokens);
  const questionWords = new Set(read.map((t) => t.word));
  const answerTypes = answerTypeTokens(text, tokens);
  const inTopic = topicTokens(text, tokens);
  let topic: number | undefined;
  let topicEnd: number | undefined;
  const { aliases } = context;
  const concepts: Concept[] = [];
  let i = 0;
  while (i < tokens.length && concepts.length < MAX_CONCEPTS) {
    const token = tokens[i];
    if (token === undefined) break;
    if (topic === undefined && inTopic.has(token)) topic = concepts.length;
    else if (topic !== undefined && topicEnd === undefined && !inTopic.has(token)) topicEnd = concepts.length;
    const alias = matchAlias(tokens, i, aliases, context.rules.on('acronym-case'));
    const compound = alias === undefined ? absentCompound(text, tokens, i, context, answerTypes) : undefined;
    if (compound !== undefined) {
      concepts.push(compound);
      i += 2;
      continue;
    }
    if (alias !== undefined) {
      const span = tokens.slice(i, i + alias.length);
      concepts.push(aliasConcept(span, alias.groups, context, names));
      i += alias.length;
      continue;
    }
    const concept = wordConcept(token, context, names.has(token), 0, answerTypes.has(token));
    if (concept !== undefined) {
      let placed = placeInLongerName(concept, token, context, questionWords);
      // "The Shenzhen firm" describes the company meant; Shenzhen is not what the question asks about.
      if (
        placed.absentName === true &&
        context.rules.on('absent-name') &&
        inOrganisationDescription(text, tokens, i)
      )
        placed = { ...placed, absentName: false, mass: placed.mass * DESCRIPTOR_MASS };
      concepts.push(describesNext(text, tokens, i, context) ? asModifier(placed, context.rules) : placed);
    }
    i += 1;
  }
  const topical = topic !== undefined && topic < concepts.length;
  return {
    concepts,
    phrases,
    ...(topical ? { topic, topicEnd: topicEnd ?? concepts.length } : {}),
  };
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

/** Whether the i-th token is an adjective written right before the next content word ("best pizza"). */
function describesNext(text: string, tokens: readonly Token[], i: number, context: QueryContext): boolean {
  const token = tokens[i];
  const next = tokens[i + 1];
  if (token === undefined || next === undefined || !/^\s+$/u.test(text.slice(token.end, next.start)))
    return false;
  return context.lexicon?.thesaurus?.partsOfSpeech?.(token.word).includes('adj') === true;
}

/**
 * An adjective before a noun narrows what the noun names ("mobile network", "western alternatives"):
 * when the article lacks it (nothing of its own covers even half), the passage may still be about the
 * noun, so the missing adjective counts against it at ABSENT_MODIFIER_MASS of its weight.
 */
function asModifier(concept: Concept, rules: RuleSwitches): Concept {
  const absent = concept.variants.every((v) => (v.cover ?? v.weight) < HALF_COVER);
  const lighter = absent && rules.on('absent-modifier');
  return { ...concept, modifier: true, ...(lighter ? { mass: concept.mass * ABSENT_MODIFIER_MASS } : {}) };
}
const HALF_COVER = 0.5;

function sameTerms(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((t, k) => t === b[k]);
}

function meanIdf(terms: readonly number[], index: InvertedIndex): number {
  let sum = 0;
  for (const t of terms) sum += index.idf[t] ?? 0;
  return terms.length > 0 ? sum / terms.length : 0;
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
  const stemmed = exact !== undefined && hasPostings(exact) && !acronymOnly;
  // The article writes the stem only as another word of the family (nations → national): that is
  // a derivation, not the word, and the word's synonyms may still stand for it.
  const familyOnly = stemmed && rules.on('inflections-only') && onlyFamilyOf(token.word, exact, index);
  const hasExact = stemmed && !familyOnly;
  const thesaurus = realWord && !token.acronym && rules.on('thesaurus') ? lexicon.thesaurus : undefined;
  if (hasExact) variants.push({ terms: [exact], weight: 1 });
  else if (familyOnly) variants.push({ terms: [exact], weight: DERIVATION_WEIGHT });
  for (const id of rules.on('derivations') ? derivations(token.term, index) : []) {
    if (id !== exact && hasPostings(id)) variants.push({ terms: [id], weight: DERIVATION_WEIGHT });
  }
  if (!hasExact && thesaurus !== undefined) {
    const synonymsFrom = variants.length;
    addRelated(token, thesaurus, index, variants, hasPostings, specificity(token.word, context));
    const table = lexicon?.neighbours;
    if (rules.on('confirmed-synonyms') && table !== undefined)
      confirmSynonyms(token.word, table, index, variants, synonymsFrom);
  }
  // Word-vector neighbours rank a paraphrase but, like the absent word itself, are no evidence that
  // the article covers the thing asked about: the absent-name and absent-thing checks ignore them.
  // A name's neighbours are other names (Germany → Italy), never the same thing.
  const named = writtenAsName || looksLikeName(token.word, lexicon);
  const neighbours = new Set<Variant>();
  const table = rules.on('embedding-neighbours') ? lexicon?.neighbours : undefined;
  const specific = specificity(token.word, context);
  if (
    !hasExact &&
    realWord &&
    !token.acronym &&
    !named &&
    specific >= NEIGHBOUR_MIN_SPECIFICITY &&
    table !== undefined
  ) {
    for (const near of neighbourVariants(token.word, table, index, variants, hasPostings, specific)) {
      neighbours.add(near);
      variants.push(near);
    }
  }
  // A written abbreviation of one article word (natl, govt) means that word.
  // Such spellings are rare in the word list (natl, govt: a handful of uses) rather than absent.
  const rareSpelling = (lexicon?.count(token.word) ?? 0) < RARE_WORD_COUNT;
  const abbreviation =
    !hasExact && !token.acronym && rareSpelling && variants.length === 0 && rules.on('typo-correction')
      ? abbreviationVariant(token.word, index)
      : undefined;
  if (abbreviation !== undefined) variants.push(abbreviation);
  else if (!hasExact && !token.acronym && !realWord && rules.on('typo-correction')) {
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
  const ownVariants = variants.filter((variant) => !neighbours.has(variant)).length;
  const absentName = ownVariants === 0 && named;
  const absentThing =
    !answerType &&
    ownVariants === 0 &&
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
/**
 * The share of its mass an absent name keeps when it only describes the company meant ("the Shenzhen
 * firm"): a descriptor, not what is asked about (every set: 1 → 1824 right, 0.5 and 0.2 → 1825).
 */
const DESCRIPTOR_MASS = 0.3;
/** A word this rare in English one slip from a function word is that word mistyped (wat → what). */
const RARE_WORD_COUNT = 100;
/** Everyday nouns (thing, way, people) name no topic of their own. */
const ABSENT_THING_MIN_SPECIFICITY = 0.9;
/** An everyday word's vector neighbours are everyday words too (best → better, first): they match anywhere. */
const NEIGHBOUR_MIN_SPECIFICITY = 0.9;
