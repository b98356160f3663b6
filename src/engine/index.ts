/**
 * The answer engine (pure: no I/O, no discord.js). A question is parsed into weighted concepts
 * (query.ts), passages are ranked by BM25 (rank.ts), the top candidates re-ranked by how much of the
 * question they cover, their best sentence and quoted phrases (rerank.ts), and the engine abstains when
 * the evidence says the question is about something else (abstain.ts). Every rule is named in
 * rules.ts and every weight explained in weights.ts.
 */
import { preferRecommendations } from './advice.js';
import type { Corpus, Passage } from '../corpus/types.js';
import { abstain } from './abstain.js';
import {
  articleFacts,
  figureAnswers,
  instructionAnswers,
  coverAnswerType,
  nameAnswers,
  speakerAnswers,
  readMessage,
  timeAnswers,
} from './asking.js';
import { buildIndex } from './index-build.js';
import { MAX_QUERY_CHARS, parseQuery, prepareAliases, prepareLexicon } from './query.js';
import type { Concept, Lexicon, ParsedQuery, QueryContext } from './query.js';
import { rank } from './rank.js';
import type { Scratch } from './rank.js';
import { conceptCover, rerank, toHit } from './rerank.js';
import type { Candidate } from './rerank.js';
import { ruleSwitches } from './rules.js';
import type { RuleName } from './rules.js';
import { sourceNames } from './sources.js';
import { lazyNameInitials } from './initials.js';
import {
  NO_INSTRUCTIONS,
  NO_SUCH_FIGURE,
  NO_SUCH_NAME,
  NO_SUCH_PLACE,
  NO_SUCH_STATEMENT,
  NO_SUCH_TIME,
} from './strings.js';
import { NO_MATCH_SUGGESTIONS, SuggestionIndex } from './suggestions.js';
import type { Engine, Hit, SearchOptions, SearchResult } from './types.js';
import { ANAPHOR_CONTEXT_COVER, DEFAULT_MIN_COVERAGE } from './weights.js';

export type { Engine, Hit, SearchResult, SearchOptions, Excerpt, Highlight } from './types.js';
export type {
  Lexicon,
  RelatedWord,
  Thesaurus,
  NamedKind,
  WordClass,
  Neighbour,
  WordNeighbours,
} from './query.js';
export { EXCERPT_MAX_CHARS } from './excerpt.js';
export { RULES } from './rules.js';
export type { Rule, RuleName } from './rules.js';
export { DEFAULT_MIN_COVERAGE } from './weights.js';

export interface EngineOptions {
  /** English word frequencies (see src/lexicon.ts): tells a typo from a real word the article lacks. */
  readonly lexicon?: Lexicon;
  /**
   * Minimum share of the question's weighted content words the best passage must cover to answer
   * (default DEFAULT_MIN_COVERAGE). Lower answers more, refuses fewer off-topic questions.
   */
  readonly minCoverage?: number;
  /**
   * Called when a search or suggestion fails internally. The engine still answers (no-match or an
   * empty list) because it must accept any string; this hook lets callers log it and tests fail on it.
   */
  readonly onInternalError?: (error: unknown, question: string) => void;
  /** Rules (see rules.ts) switched off, for ablation: what does each rule change? */
  readonly disabledRules?: ReadonlySet<RuleName>;
}

/** One question's outcome inside a search, before it is rendered as a SearchResult. */
type Outcome =
  | {
      readonly kind: 'answered';
      readonly parsed: ParsedQuery;
      readonly asked: { readonly asked?: string };
      readonly candidates: readonly Candidate[];
    }
  | {
      readonly kind: 'refused';
      readonly parsed: ParsedQuery;
      readonly asked: { readonly asked?: string };
      readonly reason?: string;
    };

/** Passages a search returns when SearchOptions.limit is absent. */
export const DEFAULT_LIMIT = 5;

export function createEngine(corpus: Corpus, options: EngineOptions = {}): Engine {
  const index = buildIndex(corpus);
  const rules = ruleSwitches(options.disabledRules);
  const context: QueryContext = {
    index,
    aliases: prepareAliases(rules.on('aliases') ? corpus.aliases : { groups: [] }),
    lexicon: prepareLexicon(options.lexicon),
    rules,
    sources: sourceNames(corpus, index),
    initials: lazyNameInitials(index),
  };
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  const scratch: Scratch = {
    body: new Float64Array(index.docCount),
    concept: new Float64Array(index.docCount),
    seen: new Uint8Array(index.docCount),
  };
  // Where in the corpus an example question is answered (the top BM25 passage): lets a refusal
  // offer topics from different parts of the article. Asked lazily, on the first no-match.
  const locate = (text: string): number | undefined =>
    rank(index, parseQuery(text, context), scratch, rules)[0]?.doc;
  const suggestions = new SuggestionIndex(corpus, locate);

  function search(question: string, searchOptions: SearchOptions = {}): SearchResult {
    const query = typeof question === 'string' ? question : '';
    const limit = Math.max(1, Math.min(searchOptions.limit ?? DEFAULT_LIMIT, 50));
    // A chat message is read from its question; `asked` tells the transport what was read.
    const read = readMessage(query, rules);
    const facts = articleFacts(corpus, read.question, rules);
    if (facts !== undefined) {
      const suggested = suggestions.defaults(NO_MATCH_SUGGESTIONS);
      return { kind: 'no-match', query, ...read.asked, reason: facts, suggestions: suggested };
    }
    const first = answer(read.question, read.asked);
    if (first.kind === 'answered' || first.reason !== undefined) return reply(query, first, limit);
    // Several questions read together were refused: answer the one the article answers best, if any
    // (its best passage covers most of it).
    let chosen: Outcome = first;
    let cover = -1;
    for (const alternative of read.alternatives) {
      const apart = answer(alternative, { asked: alternative });
      const covered = apart.kind === 'answered' ? (apart.candidates[0]?.coverage ?? 0) : -1;
      if (covered > cover) [chosen, cover] = [apart, covered];
    }
    return reply(query, chosen, limit);
  }

  /** What one question read from the message comes to; nothing is rendered until it is the reply. */
  function answer(question: string, asked: { readonly asked?: string }): Outcome {
    const parsed = parseQuery(question, context);
    const refused = (reason?: string): Outcome => ({
      kind: 'refused',
      parsed,
      asked,
      ...(reason === undefined ? {} : { reason }),
    });
    const candidates = rank(index, parsed, scratch, rules);
    if (candidates.length === 0) return refused();
    const reranked = preferRecommendations(index, rerank(index, parsed, candidates, rules), question, rules);
    const best = reranked[0];
    if (best === undefined) return refused();
    // A passage that points back ("Until that happens") speaks of the topic its predecessor names.
    const anaphorTopic = rules.on('anaphora') ? ANAPHOR_CONTEXT_COVER : 0;
    const topicCover = (concept: Concept): number => conceptCover(index, concept, best.doc, 0, anaphorTopic);
    if (abstain(parsed, best.coverage, minCoverage, rules, topicCover) !== undefined) return refused();
    // A question asking how to do something is answered only by a passage that addresses the reader.
    const instructions = instructionAnswers(index, reranked, question, rules);
    if (instructions !== undefined && !((instructions[0]?.coverage ?? 0) >= minCoverage))
      return refused(NO_INSTRUCTIONS);
    // A question asking for a number is answered only by a passage that gives one.
    const figures = figureAnswers(index, reranked, question, parsed, rules);
    if (figures !== undefined && !((figures[0]?.coverage ?? 0) >= minCoverage))
      return refused(NO_SUCH_FIGURE);
    // A "when" question is answered only by a passage that says when.
    const times = figures === undefined ? timeAnswers(index, reranked, question, rules) : undefined;
    if (times !== undefined && !((times[0]?.coverage ?? 0) >= minCoverage)) return refused(NO_SUCH_TIME);
    // A "which newspaper" question is answered only by a passage that names one.
    const names =
      figures === undefined && times === undefined
        ? nameAnswers(index, reranked, question, parsed, context.lexicon, rules)
        : undefined;
    if (names !== undefined && !((names.candidates[0]?.coverage ?? 0) >= minCoverage))
      return refused(names.wanted.place === true ? NO_SUCH_PLACE : NO_SUCH_NAME);
    // A question asking what someone said is answered only by a passage where they speak.
    const speaking =
      figures === undefined && times === undefined && names === undefined
        ? speakerAnswers(index, reranked, question, context)
        : undefined;
    if (speaking !== undefined && !((speaking[0]?.coverage ?? 0) >= minCoverage))
      return refused(NO_SUCH_STATEMENT);
    if (names !== undefined && rules.on('answer-type-named'))
      coverAnswerType(index, parsed, names.candidates);
    // Passages naming something (or where the speaker speaks) lead; the others may still help the
    // reader and follow.
    const leading = names?.candidates ?? speaking;
    const led =
      leading === undefined ? undefined : [...leading, ...reranked.filter((c) => !leading.includes(c))];
    const answering = figures ?? times ?? led ?? instructions ?? reranked;
    return { kind: 'answered', parsed, asked, candidates: answering };
  }

  /** The search result for the outcome chosen: its hits and excerpts, or its refusal's suggestions. */
  function reply(query: string, outcome: Outcome, limit: number): SearchResult {
    const { parsed, asked } = outcome;
    if (outcome.kind === 'refused') {
      const suggested = suggestions.related(parsed, NO_MATCH_SUGGESTIONS);
      const reason = outcome.reason === undefined ? {} : { reason: outcome.reason };
      return { kind: 'no-match', query, ...asked, ...reason, suggestions: suggested };
    }
    const results: Hit[] = outcome.candidates.slice(0, limit).map((c) => toHit(index, parsed, c));
    return { kind: 'answer', query, ...asked, results };
  }

  return {
    search: (question, searchOptions) => {
      try {
        return search(question, searchOptions);
      } catch (error) {
        // The engine must answer every string, so the user gets a no-match; the hook makes the
        // failure visible (logged by the library, fatal in tests).
        options.onInternalError?.(error, typeof question === 'string' ? question : String(question));
        return {
          kind: 'no-match',
          query: String(question),
          suggestions: suggestions.defaults(NO_MATCH_SUGGESTIONS),
        };
      }
    },
    suggest: (typed, limit = 25) => guarded(typed, [], () => suggestions.suggest(typed, limit)),
    suggestPassages: (typed, limit = 25) => guarded(typed, [], () => suggestPassages(typed, limit)),
    passageCount: index.docCount,
  };

  /** Autocomplete must answer every string too: on an internal failure, report it and offer nothing. */
  function guarded<T>(typed: unknown, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      options.onInternalError?.(error, typeof typed === 'string' ? typed : String(typed));
      return fallback;
    }
  }

  function suggestPassages(typed: string, limit: number): readonly Passage[] {
    const text = typeof typed === 'string' ? typed.slice(0, MAX_QUERY_CHARS) : '';
    const count = Math.max(0, Math.min(limit, 25));
    if (text.trim().length === 0) return index.passages.slice(0, count);
    const parsed = parseQuery(text, context);
    const ranked = rerank(index, parsed, rank(index, parsed, scratch, rules), rules);
    const found = ranked
      .slice(0, count)
      .map((c) => index.passages[c.doc])
      .filter((p): p is Passage => p !== undefined);
    if (found.length > 0) return found;
    return suggestions.passagesByText(text, count);
  }
}
