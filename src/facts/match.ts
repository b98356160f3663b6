/**
 * Pure matching between a user's question and the facts layer: which decisions and arguments a question is
 * about (so answers can lead with them). Text goes through text.ts (the engine's tokenizer), question-shape
 * words come from cues.ts, country names from countries.ts, listings from group.ts. No I/O, no discord.js.
 *
 * Matching is deliberately conservative: showing a wrong "fact" above the passages is worse than showing
 * none, so every route needs two signals (a name plus a decision word, a speaker, or an argument word plus
 * shared content). Vocabulary comes from the facts and the alias table, never from particular questions.
 */
import type { AliasTable } from '../corpus/types.js';
import { boundedEditDistance, maxEditsFor } from '../engine/fuzzy.js';
import { respellQuestionWord } from '../engine/chat-words.js';
import { readIdioms } from './idioms.js';
import { aliasesOf, isRealCountryName } from './countries.js';
import {
  ARGUMENT_CUES,
  CUE_STEMS,
  DECISION_CUES,
  SET_CUES,
  SIDE_CUES,
  STATUS_CUES,
  WHY_CUES,
} from './cues.js';
import {
  containsPhrase,
  findName,
  patterns,
  STOP_STEMS,
  stemsOf,
  tokenize,
  type NamePattern,
  type Token,
} from './text.js';
import { THE_ARTICLE, type Fact, type FactSet } from './types.js';

// The listings and country lookup live beside the matcher; re-exported so callers keep one entry point.
export {
  countryChoices,
  DEFAULT_CHOICE_LIMIT,
  lookupCountry,
  resolveCountry,
  type CountryLookup,
} from './countries.js';
export { argumentsBySide, decisionsByStatus, decisionsForCountry } from './group.js';

/** A word in more than this share of facts says nothing about which fact is meant (e.g. the vendor's name). */
const COMMON_SHARE = 0.25;

/** Score bands per route so a name-backed match always ranks above a content-only one. */
const ROUTE_SCORE = { country: 100, speaker: 80, reason: 70, status: 50, side: 40, content: 0 } as const;
const OVERLAP_POINTS = 10;

export const DEFAULT_MATCH_LIMIT = 5;

// ---------------------------------------------------------------------------------------------------------
// Public API

export type MatchRoute = keyof typeof ROUTE_SCORE;

export interface FactMatch {
  readonly fact: Fact;
  /** Higher is better; comparable within one call. */
  readonly score: number;
  /** Why it matched: the decider was named, the speaker was named, it explains a matched decision, … */
  readonly route: MatchRoute;
  /**
   * The question names this fact's subject and asks nothing beyond it: every other content word is a cue
   * word or a word of the fact ("What did Italy decide?", not "When did Italy tighten its restrictions?").
   */
  readonly whole?: boolean;
}

export interface MatchOptions {
  /** Maximum matches returned (default DEFAULT_MATCH_LIMIT). */
  readonly limit?: number;
}

export interface MatcherOptions {
  /**
   * Tells a real (lower-case) English word from a misspelling. When given, a question word that is not a
   * real word and is one or two edits from a name ("Malasia", "Austrailia") is read as that name; without
   * it names must be spelt right, since "finish" is not a typo of "Finnish".
   */
  readonly isEnglishWord?: (lowerCaseWord: string) => boolean;
}

/** Prepares the facts once for many questions (the bot builds one per process). */
export function createFactMatcher(
  facts: FactSet,
  aliases: AliasTable,
  options: MatcherOptions = {},
): (question: string) => readonly FactMatch[] {
  const index = buildIndex(facts, aliases);
  return (question) => matchWithIndex(question, index, DEFAULT_MATCH_LIMIT, options);
}

/**
 * The facts a question is about, best first; empty when it is about none of them.
 * - a decision matches when the question names its country or operator (directly or through an alias group)
 *   and speaks of a decision (decide, ban, approve, let, use, why, …) or shares a content word with it;
 * - with no decider named, "which countries banned …" style questions match decisions by status;
 * - an argument matches when the question names its speaker (name, alias or role), or asks about claims,
 *   reasons or trust and shares at least two content words with its summary or quote;
 * - "arguments for/against …" matches the arguments on that side;
 * - a "why" question about a matched decision also brings the arguments the decision lists as reasons.
 */
export function matchFacts(
  question: string,
  facts: FactSet,
  aliases: AliasTable,
  options: MatchOptions & MatcherOptions = {},
): readonly FactMatch[] {
  return matchWithIndex(question, buildIndex(facts, aliases), options.limit ?? DEFAULT_MATCH_LIMIT, options);
}

// ---------------------------------------------------------------------------------------------------------
// Index

interface FactEntry {
  readonly fact: Fact;
  /** Distinctive stems of the summary and quote (for content overlap). */
  readonly stems: ReadonlySet<string>;
  /** Names that identify the fact's subject: country and operator, or speaker (with aliases). */
  readonly names: readonly NamePattern[];
  /** Speaker role stems worth matching, and how many of them a question must contain. */
  readonly roleStems: ReadonlySet<string>;
  readonly roleNeeded: number;
}

interface FactIndex {
  /** Lower-case words of every name that is matched case-insensitively, for typo correction. */
  readonly nameWords: ReadonlyMap<string, Token>;
  readonly entries: readonly FactEntry[];
  readonly byId: ReadonlyMap<string, FactEntry>;
  readonly aliases: readonly (readonly NamePattern[])[];
  readonly uninformative: ReadonlySet<string>;
}

function buildIndex(facts: FactSet, aliases: AliasTable): FactIndex {
  const all: Fact[] = [...facts.decisions, ...facts.arguments];
  // The vendor is what every fact is about, so naming it identifies none of them.
  const vendorStems = new Set(facts.decisions.flatMap((d) => tokenize(d.vendor).map((token) => token.stem)));
  const textStems = all.map(
    (fact) => new Set(tokenize(`${fact.summary} ${fact.quote}`).map((token) => token.stem)),
  );
  const documentFrequency = new Map<string, number>();
  for (const stems of textStems)
    for (const stem of stems) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
  const uninformative = new Set<string>([...vendorStems, ...STOP_STEMS]);
  for (const [stem, count] of documentFrequency)
    if (count > all.length * COMMON_SHARE) uninformative.add(stem);

  const entries = all.map((fact, position): FactEntry => {
    const stems = new Set([...(textStems[position] ?? [])].filter((stem) => !uninformative.has(stem)));
    if (fact.kind === 'decision') {
      const subjects = [fact.country, ...(fact.operator === undefined ? [] : [fact.operator])];
      return {
        fact,
        stems,
        names: patterns(subjects.flatMap((s) => aliasesOf(s, aliases))),
        roleStems: new Set(),
        roleNeeded: 0,
      };
    }
    if (fact.speaker === THE_ARTICLE) return { fact, stems, names: [], roleStems: new Set(), roleNeeded: 0 };
    const roleStems = new Set(
      tokenize(fact.speaker.role)
        .map((token) => token.stem)
        .filter((stem) => !vendorStems.has(stem) && !STOP_STEMS.has(stem)),
    );
    return {
      fact,
      stems,
      names: patterns(speakerNames(fact.speaker.name, vendorStems).flatMap((n) => aliasesOf(n, aliases))),
      roleStems,
      roleNeeded: Math.min(2, roleStems.size),
    };
  });
  const aliasPatterns = aliases.groups.map((group) => patterns(group));
  const nameWords = new Map<string, Token>();
  for (const pattern of [...entries.flatMap((entry) => entry.names), ...aliasPatterns.flat()]) {
    if (pattern.caseSensitive) continue;
    for (const token of pattern.tokens) nameWords.set(token.lower, token);
  }
  return {
    nameWords,
    entries,
    byId: new Map(entries.map((entry) => [entry.fact.id, entry])),
    aliases: aliasPatterns,
    uninformative,
  };
}

/** Shortest question word read as a misspelt name: shorter words are too often another word one edit away. */
const MIN_TYPO_NAME_LENGTH = 5;

/**
 * Reads a misspelt name as the name ("Malasia" → Malaysia) when the word is not a real English word and
 * exactly one name word is closest to it; anything ambiguous or real is left as typed.
 */
function correctNameTypos(
  tokens: readonly Token[],
  index: FactIndex,
  isEnglishWord: ((word: string) => boolean) | undefined,
): readonly Token[] {
  if (isEnglishWord === undefined) return tokens;
  return tokens.map((token) => {
    if (token.lower.length < MIN_TYPO_NAME_LENGTH || index.nameWords.has(token.lower)) return token;
    // A real word, or another real country's name ("Taiwan" is not a typo of "Italian"), stays as typed.
    if (isEnglishWord(token.lower) || isRealCountryName(token.lower)) return token;
    let best: Token | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    let tied = false;
    for (const [lower, name] of index.nameWords) {
      const bound = maxEditsFor(Math.min(lower.length, token.lower.length));
      const distance = boundedEditDistance(token.lower, lower, bound);
      if (distance > bound) continue;
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
        tied = false;
      } else if (distance === bestDistance && name.lower !== best?.lower) tied = true;
    }
    return best === undefined || tied ? token : best;
  });
}

/**
 * How a speaker may be named: the full name and, for a proper name (every word capitalised), each word of
 * three letters or more ("Peng", "Zhengfei"). The vendor's own name is left out.
 */
function speakerNames(name: string, vendorStems: ReadonlySet<string>): string[] {
  const words = name.split(/\s+/).filter((word) => word !== '');
  const proper = words.every((word) => /^\p{Lu}/u.test(word));
  const parts =
    proper && words.length > 1 ? words.filter((word) => word.replace(/[^\p{L}]/gu, '').length >= 3) : [];
  return [name, ...parts].filter((candidate) =>
    tokenize(candidate).some((token) => !vendorStems.has(token.stem)),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Matching

/** The words that ask for a set of deciders, and the status words: a question's shape, not its topic. */
const SET_STEMS: ReadonlySet<string> = new Set([...SET_CUES, ...STATUS_CUES.map(({ cue }) => cue)].flat());

/**
 * A question's content as concepts: each alias group it mentions is one concept (all members' stems), and
 * every other informative word is a concept of its own stem. Overlap counts concepts, so "US … American"
 * in one quote is not counted twice.
 */
function questionConcepts(tokens: readonly Token[], index: FactIndex): ReadonlySet<string>[] {
  const covered = new Set<number>();
  const concepts: Set<string>[] = [];
  for (const group of index.aliases) {
    let found = false;
    for (const pattern of group) {
      for (const start of findName(tokens, pattern)) {
        found = true;
        pattern.tokens.forEach((_, offset) => covered.add(start + offset));
      }
    }
    if (found) concepts.push(new Set(group.flatMap((pattern) => pattern.tokens.map((token) => token.stem))));
  }
  tokens.forEach((token, position) => {
    if (!covered.has(position) && !index.uninformative.has(token.stem)) concepts.push(new Set([token.stem]));
  });
  return concepts;
}

function overlap(concepts: readonly ReadonlySet<string>[], stems: ReadonlySet<string>): number {
  return concepts.filter((concept) => [...concept].some((stem) => stems.has(stem))).length;
}

function matchWithIndex(
  question: string,
  index: FactIndex,
  limit: number,
  options: MatcherOptions,
): readonly FactMatch[] {
  // "Said no to" is rejected, "say yes to" approve: the status words the cues look for.
  const read = readIdioms(respellQuestionWord(question.trim()));
  const tokens = correctNameTypos(tokenize(read), index, options.isEnglishWord);
  // An acronym's term is marked apart from stems (text.ts), so "US" never reads as the cue "use".
  const stems = tokens.map((token) => token.stem);
  const has = (cues: readonly (readonly string[])[]): boolean =>
    cues.some((cue) => containsPhrase(stems, cue));
  const concepts = questionConcepts(tokens, index);
  const asksDecision = has(DECISION_CUES);
  const asksArgument = has(ARGUMENT_CUES);
  const asksWhy = has(WHY_CUES);

  const best = new Map<string, FactMatch>();
  const offer = (entry: FactEntry, route: MatchRoute, shared: number, whole = false): void => {
    const score = ROUTE_SCORE[route] + OVERLAP_POINTS * shared;
    const current = best.get(entry.fact.id);
    if (current === undefined || current.score < score)
      best.set(entry.fact.id, { fact: entry.fact, score, route, whole });
  };
  const accountedFor = (content: readonly ReadonlySet<string>[], entry: FactEntry): boolean =>
    content.every((concept) => [...concept].some((stem) => entry.stems.has(stem) || CUE_STEMS.has(stem)));

  let namedDecider = false;
  for (const entry of index.entries) {
    const named = entry.names.some((pattern) => findName(tokens, pattern).length > 0);
    // Once the subject is named, its name is not also evidence that the rest of the question is about the
    // fact; when it is not named, every shared word counts ("the US believe …" vs a quote about the US).
    const subjectStems = new Set(entry.names.flatMap((pattern) => pattern.tokens.map((token) => token.stem)));
    const content = named
      ? concepts.filter((concept) => ![...concept].some((stem) => subjectStems.has(stem)))
      : concepts;
    const shared = overlap(content, entry.stems);
    if (entry.fact.kind === 'decision') {
      if (named) namedDecider = true;
      if (named && (asksDecision || shared > 0))
        offer(entry, 'country', shared, accountedFor(content, entry));
      continue;
    }
    const roleHits = [...entry.roleStems].filter((stem) => stems.includes(stem)).length;
    if (named) offer(entry, 'speaker', shared, accountedFor(content, entry));
    else if (entry.roleNeeded > 0 && roleHits >= entry.roleNeeded) offer(entry, 'speaker', shared);
    else if (asksArgument && (shared >= 2 || (shared === 1 && concepts.length === 1)))
      offer(entry, 'content', shared);
  }

  // "Which countries banned …": no decider named, so the status words choose the decisions.
  if (!namedDecider && has(SET_CUES)) {
    const wanted = new Set(
      STATUS_CUES.filter(({ cue }) => containsPhrase(stems, cue)).flatMap(({ statuses }) => statuses),
    );
    for (const entry of index.entries) {
      if (entry.fact.kind !== 'decision' || !wanted.has(entry.fact.status)) continue;
      const exactStatus = containsPhrase(stems, stemsOf(entry.fact.status.replace(/-/g, ' ')));
      // Asking for nothing but deciders of a status ("countries rejecting huawei"), the question is about
      // these facts whole.
      const rest = concepts.filter((concept) => ![...concept].some((stem) => SET_STEMS.has(stem)));
      offer(
        entry,
        'status',
        overlap(concepts, entry.stems) + (exactStatus ? 1 : 0),
        accountedFor(rest, entry),
      );
    }
  }

  // "Arguments against …": every argument on that side, the ones sharing the question's words first.
  const sides = new Set(SIDE_CUES.filter(({ cue }) => containsPhrase(stems, cue)).map(({ side }) => side));
  for (const entry of index.entries) {
    if (entry.fact.kind === 'argument' && sides.has(entry.fact.side))
      offer(entry, 'side', overlap(concepts, entry.stems));
  }

  // A "why" about a decision is answered by the arguments the decision names as its reasons.
  if (asksWhy) {
    for (const match of [...best.values()]) {
      if (match.fact.kind !== 'decision' || match.route !== 'country') continue;
      for (const reasonId of match.fact.reasons) {
        const reason = index.byId.get(reasonId);
        if (reason !== undefined) offer(reason, 'reason', overlap(concepts, reason.stems));
      }
    }
  }

  const order = new Map(index.entries.map((entry, position) => [entry.fact.id, position]));
  return [...best.values()]
    .sort((a, b) => b.score - a.score || (order.get(a.fact.id) ?? 0) - (order.get(b.fact.id) ?? 0))
    .slice(0, limit);
}
