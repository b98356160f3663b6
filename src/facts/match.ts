/**
 * Pure matching between a user's question and the facts layer: which decisions and arguments a question is
 * about (so /ask can lead with them), fuzzy country choices for /decisions autocomplete, and groupings for
 * the listings. No I/O, no discord.js.
 *
 * Matching is deliberately conservative: showing a wrong "fact" above the passages is worse than showing
 * none, so every route needs two signals (a name plus a decision word, a speaker, or an argument word plus
 * shared content). Vocabulary comes from the facts and the alias table, never from particular questions.
 */
import Fuse from 'fuse.js';
import { stemmer } from 'stemmer';
import type { AliasTable } from '../corpus/types.js';
import { boundedEditDistance, maxEditsFor } from '../engine/fuzzy.js';
import {
  ARGUMENT_SIDES,
  DECISION_STATUSES,
  THE_ARTICLE,
  type Argument,
  type ArgumentSide,
  type Decision,
  type DecisionStatus,
  type Fact,
  type FactSet,
} from './types.js';

// ---------------------------------------------------------------------------------------------------------
// Vocabulary (word lists about question shape, not about this article)

/** Words that make a question about a decision once it names the decider ("Why did Australia ban …"). */
const DECISION_CUES = phrases(
  'decide decision decided ban banned blacklist sanction approve approval let letting allow permit select selection choose',
  'choice pick use block bar reject refuse exclude restrict accept adopt deploy back support why stance position',
  'policy verdict rule green-light',
);

/** Words that make a question about reasons and claims ("What did X argue?", "Why is trust lacking?"). */
const ARGUMENT_CUES = phrases(
  'argue argument claim say said tell told think believe view opinion reason why because trust distrust mistrust',
  'concern worry fear pitch offer promise hope want suggest recommend assure assurance reassure reassuring',
  'criticise criticize criticism critic position stance case problem issue explain blame justify point',
);

/** "Arguments against …", "the case for …": a question asking for one side's arguments. */
const SIDE_CUES: readonly { readonly cue: readonly string[]; readonly side: ArgumentSide }[] = [
  ...phrases('argument-for arguments-for argue-for case-for in-favour-of in-favor-of').map((cue) => ({
    cue,
    side: 'for-huawei-access' as const,
  })),
  ...phrases('argument-against arguments-against argue-against case-against').map((cue) => ({
    cue,
    side: 'against-huawei-access' as const,
  })),
];

/** Words that ask for a set of deciders ("Which countries …", "Who banned …"). */
const SET_CUES = phrases('countries country governments government nations nation who where');

/** Status words, when a question asks "which countries …" without naming one. */
const FAVOURABLE: readonly DecisionStatus[] = ['approved', 'conditionally-approved', 'likely-to-select'];
const UNFAVOURABLE: readonly DecisionStatus[] = ['decided-against', 'banned'];
const STATUS_CUES: readonly {
  readonly cue: readonly string[];
  readonly statuses: readonly DecisionStatus[];
}[] = [
  ...phrases(
    'approve approval green-light back support allow let select choose pick accept permit adopt win',
  ).map((cue) => ({ cue, statuses: FAVOURABLE })),
  ...phrases('condition conditional conditionally').map((cue) => ({
    cue,
    statuses: ['conditionally-approved'] as const,
  })),
  ...phrases('likely').map((cue) => ({ cue, statuses: ['likely-to-select'] as const })),
  ...phrases('ban blacklist sanction block bar prohibit').map((cue) => ({
    cue,
    statuses: ['banned'] as const,
  })),
  ...phrases('against reject refuse shun exclude avoid').map((cue) => ({ cue, statuses: UNFAVOURABLE })),
];

/** Function words and words about the source itself: they carry no topic. */
const STOPWORDS = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being between both but by ' +
    'can could did do does doing done for from had has have having he her here hers him his how i if in into is ' +
    'it its itself just me more most my no nor not now of off on once only or other our out over own same she ' +
    'should so some such than that the their them then there these they this those through to too under until ' +
    'up very was we were what when where which while who whom why will with would you your yours ' +
    'article author story piece text say said says tell told ask asked mention mentioned ' +
    'argue argued argues argument arguments claim claims claimed reason reasons'
  ).split(' '),
);

const STOP_STEMS = new Set([...STOPWORDS].map((word) => stemmer(word)));

/** A word in more than this share of facts says nothing about which fact is meant (e.g. the vendor's name). */
const COMMON_SHARE = 0.25;

/** Score bands per route so a name-backed match always ranks above a content-only one. */
const ROUTE_SCORE = { country: 100, speaker: 80, reason: 70, status: 50, side: 40, content: 0 } as const;
const OVERLAP_POINTS = 10;

export const DEFAULT_MATCH_LIMIT = 5;
export const DEFAULT_CHOICE_LIMIT = 25;

// ---------------------------------------------------------------------------------------------------------
// Public API

export type MatchRoute = keyof typeof ROUTE_SCORE;

export interface FactMatch {
  readonly fact: Fact;
  /** Higher is better; comparable within one call. */
  readonly score: number;
  /** Why it matched: the decider was named, the speaker was named, it explains a matched decision, … */
  readonly route: MatchRoute;
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

/**
 * Autocomplete for /decisions country: the canonical countries whose name, operator or alias-group members
 * fuzzily match what is typed ("ita" → Italy, "malasia" → Malaysia, "Rome" → Italy), best first.
 * Empty input lists every country in data order.
 */
export function countryChoices(
  typed: string,
  facts: FactSet,
  aliases: AliasTable,
  limit: number = DEFAULT_CHOICE_LIMIT,
): readonly string[] {
  const countries = uniqueCountries(facts);
  const query = typed.trim();
  if (query === '') return countries.slice(0, limit);
  const labels = countries.flatMap((country) =>
    countryLabels(country, facts, aliases).map((label) => ({ label, country })),
  );
  const fuse = new Fuse(labels, {
    keys: ['label'],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.4,
  });
  const ranked: string[] = [];
  for (const { item } of fuse.search(query)) {
    if (!ranked.includes(item.country)) ranked.push(item.country);
  }
  return ranked.slice(0, limit);
}

/**
 * The canonical country a typed value means: an exact (case-insensitive) country, operator or alias-group
 * member, else the best fuzzy choice; undefined when nothing is close.
 */
export function resolveCountry(typed: string, facts: FactSet, aliases: AliasTable): string | undefined {
  const wanted = typed.trim().toLowerCase();
  if (wanted === '') return undefined;
  const countries = uniqueCountries(facts);
  const exact = countries.find((country) =>
    countryLabels(country, facts, aliases).some((label) => label.toLowerCase() === wanted),
  );
  return exact ?? countryChoices(typed, facts, aliases, 1)[0];
}

/** The decisions about one canonical country, in data order. */
export function decisionsForCountry(facts: FactSet, country: string): readonly Decision[] {
  return facts.decisions.filter((decision) => decision.country === country);
}

/** Decisions grouped by status in DECISION_STATUSES order; statuses with no decision are left out. */
export function decisionsByStatus(
  facts: FactSet,
): readonly { readonly status: DecisionStatus; readonly decisions: readonly Decision[] }[] {
  return DECISION_STATUSES.map((status) => ({
    status,
    decisions: facts.decisions.filter((decision) => decision.status === status),
  })).filter((group) => group.decisions.length > 0);
}

/**
 * Arguments grouped by side in ARGUMENT_SIDES order. Without `side`, sides with no argument are left out;
 * with one, exactly that group is returned (possibly empty, so the caller can say there are none).
 */
export function argumentsBySide(
  facts: FactSet,
  side?: ArgumentSide,
): readonly { readonly side: ArgumentSide; readonly arguments: readonly Argument[] }[] {
  const sides = side === undefined ? ARGUMENT_SIDES : [side];
  return sides
    .map((candidate) => ({ side: candidate, arguments: facts.arguments.filter((a) => a.side === candidate) }))
    .filter((group) => side !== undefined || group.arguments.length > 0);
}

// ---------------------------------------------------------------------------------------------------------
// Text: tokens keep their original spelling (acronyms are matched case-sensitively) and a Porter stem

interface Token {
  readonly raw: string;
  readonly lower: string;
  readonly stem: string;
}

/** Words and numbers; "Italy's" → Italy, "U.S." → U S, "green-light" → green light. */
function tokenize(text: string): Token[] {
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
  return words.map((word) => {
    const raw = word.replace(/['’]s$/u, '').replace(/’/gu, "'");
    const lower = raw.toLowerCase();
    return { raw, lower, stem: stemmer(lower) };
  });
}

/** Word lists above are written as text; each space-separated item is a phrase (hyphens join words). */
function phrases(...lines: string[]): readonly (readonly string[])[] {
  return lines
    .join(' ')
    .split(/\s+/)
    .filter((item) => item !== '')
    .map((item) => tokenize(item.replace(/-/g, ' ')).map((token) => token.stem));
}

/** A name as the question may write it. Short all-capital names ("US") only match in capitals, so "talk to us" is not the United States. */
interface NamePattern {
  readonly tokens: readonly Token[];
  readonly caseSensitive: boolean;
}

function namePattern(name: string): NamePattern | undefined {
  const tokens = tokenize(name);
  if (tokens.length === 0) return undefined;
  return { tokens, caseSensitive: isAcronym(name) };
}

/** "US", "U.S.", "EU": short and all in capitals. */
function isAcronym(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 1 &&
    letters.length <= 4 &&
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase()
  );
}

/** Start positions where the pattern occurs as whole tokens in the question. */
function findName(question: readonly Token[], pattern: NamePattern): number[] {
  const starts: number[] = [];
  for (let start = 0; start + pattern.tokens.length <= question.length; start += 1) {
    const all = pattern.tokens.every((token, offset) => {
      const word = question[start + offset];
      if (word === undefined) return false;
      return pattern.caseSensitive ? word.raw === token.raw : word.lower === token.lower;
    });
    if (all) starts.push(start);
  }
  return starts;
}

function containsPhrase(stems: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start + phrase.length <= stems.length; start += 1) {
    if (phrase.every((stem, offset) => stems[start + offset] === stem)) return true;
  }
  return false;
}

/** Every alias-group member that means the same as `name` (including `name` itself). */
function aliasesOf(name: string, aliases: AliasTable): string[] {
  const key = name.toLowerCase();
  const names = new Set([name]);
  for (const group of aliases.groups) {
    if (group.some((member) => member.toLowerCase() === key)) group.forEach((member) => names.add(member));
  }
  return [...names];
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
    if (isEnglishWord(token.lower)) return token;
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

function patterns(names: readonly string[]): NamePattern[] {
  return names.map(namePattern).filter((pattern): pattern is NamePattern => pattern !== undefined);
}

// ---------------------------------------------------------------------------------------------------------
// Matching

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
  const tokens = correctNameTypos(tokenize(question), index, options.isEnglishWord);
  // An acronym is a name, not a word: "US" must not read as the cue "use" (both stem to "us").
  const stems = tokens.map((token) => (isAcronym(token.raw) ? '' : token.stem));
  const has = (cues: readonly (readonly string[])[]): boolean =>
    cues.some((cue) => containsPhrase(stems, cue));
  const concepts = questionConcepts(tokens, index);
  const asksDecision = has(DECISION_CUES);
  const asksArgument = has(ARGUMENT_CUES);
  const asksWhy = stems.includes(stemmer('why')) || stems.includes(stemmer('reason'));

  const best = new Map<string, FactMatch>();
  const offer = (entry: FactEntry, route: MatchRoute, shared: number): void => {
    const score = ROUTE_SCORE[route] + OVERLAP_POINTS * shared;
    const current = best.get(entry.fact.id);
    if (current === undefined || current.score < score)
      best.set(entry.fact.id, { fact: entry.fact, score, route });
  };

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
      if (named && (asksDecision || shared > 0)) offer(entry, 'country', shared);
      continue;
    }
    const roleHits = [...entry.roleStems].filter((stem) => stems.includes(stem)).length;
    if (named || (entry.roleNeeded > 0 && roleHits >= entry.roleNeeded)) offer(entry, 'speaker', shared);
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
      const exactStatus = containsPhrase(
        stems,
        tokenize(entry.fact.status.replace(/-/g, ' ')).map((t) => t.stem),
      );
      offer(entry, 'status', overlap(concepts, entry.stems) + (exactStatus ? 1 : 0));
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

// ---------------------------------------------------------------------------------------------------------
// Countries

function uniqueCountries(facts: FactSet): string[] {
  return [...new Set(facts.decisions.map((decision) => decision.country))];
}

/** Everything a user may type for a country: its name, its operators and its alias-group members. */
function countryLabels(country: string, facts: FactSet, aliases: AliasTable): string[] {
  const operators = decisionsForCountry(facts, country).flatMap((d) =>
    d.operator === undefined ? [] : [d.operator],
  );
  return [...new Set([...aliasesOf(country, aliases), ...operators])];
}
