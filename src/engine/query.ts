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
import { INVISIBLE, normalizeForPhrase, tokenize } from './tokenize.js';
import type { Token } from './tokenize.js';
import { absentCompound } from './compounds.js';
import { meanIdf, wordConcept } from './word-concept.js';
import { placeInLongerName } from './name-parts.js';
import { sourceTokens } from './sources.js';
import type { SourceNames } from './sources.js';
import type { NameInitials } from './initials.js';
import {
  answerTypeTokens,
  inOrganisationDescription,
  organisationDescriptionHeads,
  topicTokens,
  writtenAsNames,
} from './wording.js';
import { ABSENT_MODIFIER_MASS, ALIAS_WEIGHT, REGION_WEIGHT } from './weights.js';

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
  /** The noun after which/what ("which countries"): the kind of thing the answer names. */
  readonly answerType?: boolean;
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
  /** Initials of the long names the passages write out (SMH: Sydney Morning Herald). */
  readonly initials?: Pick<NameInitials, 'get'>;
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
      ? sourceTokens(text, read, context.sources, context.index, context.rules.on('opinion-frame'))
      : undefined;
  const tokens = source === undefined || source.size === 0 ? read : read.filter((t) => !source.has(t));
  const names = ignoreCase ? new Set<Token>() : writtenAsNames(text, tokens);
  const questionWords = new Set(read.map((t) => t.word));
  const answerTypes = answerTypeTokens(text, tokens);
  const inTopic = topicTokens(text, tokens);
  // "The Chinese vendor", "the Shenzhen firm": who is meant, not what is asked about.
  const describing = context.rules.on('organisation-description')
    ? organisationDescriptionHeads(text, tokens)
    : new Set<Token>();
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
      const made = aliasConcept(span, alias.groups, context, names, questionWords);
      concepts.push(span.some((t) => describing.has(t)) ? describingConcept(made) : made);
      i += alias.length;
      continue;
    }
    const particle = PARTICLE.exec(text.slice(token.end))?.[1]?.toLowerCase();
    const concept = wordConcept(token, context, names.has(token), 0, answerTypes.has(token), particle);
    if (concept !== undefined) {
      let placed = placeInLongerName(concept, token, context, questionWords);
      // "The Shenzhen firm" describes the company meant; Shenzhen is not what the question asks about.
      if (
        placed.absentName === true &&
        context.rules.on('absent-name') &&
        inOrganisationDescription(text, tokens, i)
      )
        placed = { ...placed, absentName: false, mass: placed.mass * DESCRIPTOR_MASS };
      if (describing.has(token)) placed = describingConcept(placed);
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

/** The kind noun of a description of an organisation weighs like the description's other words. */
function describingConcept(concept: Concept): Concept {
  return { ...concept, mass: concept.mass * DESCRIPTOR_MASS, absentName: false, absentThing: false };
}

function aliasConcept(
  span: readonly Token[],
  groups: readonly number[],
  context: QueryContext,
  names: ReadonlySet<Token>,
  questionWords: ReadonlySet<string>,
): Concept {
  const { index, aliases } = context;
  const variants: Variant[] = [];
  const own = entryTerms(
    span.map((token) => token.term),
    index,
  );
  if (own !== undefined) variants.push({ terms: own, weight: 1 });
  const add = (terms: readonly string[], weight: number): void => {
    const ids = entryTerms(terms, index);
    if (ids !== undefined && !variants.some((v) => sameTerms(v.terms, ids)))
      variants.push({ terms: ids, weight });
  };
  for (const g of groups) {
    for (const entry of aliases.groups[g] ?? []) {
      add(entry.terms, ALIAS_WEIGHT);
      // After naming "Vincent Peng" once, the article writes "Peng".
      if (context.rules.on('surnames') && entry.terms.length >= 2 && entry.capitalised)
        add(entry.terms.slice(-1), ALIAS_WEIGHT);
    }
    const region = context.rules.on('regions') ? aliases.regions.get(g) : undefined;
    if (region === undefined) continue;
    // "Asian countries": a passage naming Japan or India names some of them. A member the question
    // names on its own is not what the region stands for ("China's Asian neighbours", "European
    // countries besides Italy").
    for (const member of region) {
      const entries = aliases.groups[member] ?? [];
      if (entries.some((entry) => entry.words.every((word) => questionWords.has(word)))) continue;
      for (const entry of entries) add(entry.terms, REGION_WEIGHT);
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

/**
 * The share of its mass an absent name keeps when it only describes the company meant ("the Shenzhen
 * firm"): a descriptor, not what is asked about (every set: 1 → 1824 right, 0.5 and 0.2 → 1825).
 */
const DESCRIPTOR_MASS = 0.3;

/**
 * The particle after a word, right after it or after a short object ("turned down", "patch things
 * up", "shut the company out"): with a verb it may make a phrasal verb the dictionary lists.
 */
const PARTICLES = 'up|down|out|off|in|on|over|back|through|away|along|around|aside|with|against|into';
// The object's second word is not itself a particle: in "patch things up with", "up" is the particle.
const PARTICLE = new RegExp(
  `^\\s+(?:(?:the|a|an|it|them|things|this|that|its|their)\\s+(?:(?!(?:${PARTICLES})\\b)[\\p{L}-]+\\s+)?)?(${PARTICLES})\\b`,
  'iu',
);
