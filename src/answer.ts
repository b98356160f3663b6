/**
 * One question, answered the same way everywhere (CLI, /ask, console, context menu): the cited facts the
 * question is about lead, then the passages, the one the leading fact cites first. Pure: it only combines
 * what the library already built.
 */
import { DEFAULT_LIMIT } from './engine/index.js';
import type { Engine, Hit, SearchResult } from './engine/types.js';
import type { FactMatch } from './facts/match.js';
import type { Fact } from './facts/types.js';
import type { Library } from './library.js';

export interface Answer {
  readonly query: string;
  readonly search: SearchResult;
  /** Decisions/arguments the question is about; empty when the passages must answer alone or nothing does. */
  readonly facts: readonly FactMatch[];
}

export interface AnswerOptions {
  /** Maximum passages (the engine's default when absent). */
  readonly limit?: number;
}

/** How far down the ranking to look for the leading fact's passage when it is not among the first few. */
const CITED_PASSAGE_DEPTH = 20;

export function answerQuestion(
  library: Pick<Library, 'engine' | 'matchFacts'>,
  question: string,
  options: AnswerOptions = {},
): Answer {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const search = library.engine.search(question, options.limit === undefined ? {} : { limit });
  // Facts are shown only when the passages agree the article covers the question: the matcher keys on
  // names and decision words, so on its own it could cite a fact for a question the article does not answer.
  // Facts are matched on what the engine read: a chat message's links, greetings and asides are not the
  // question and would otherwise name facts it is not about.
  const matched = search.kind === 'answer' ? library.matchFacts(search.asked ?? question) : [];
  if (search.kind !== 'answer' || matched.length === 0) return { query: question, search, facts: [] };
  let pool = search.results;
  // A cited passage may rank just below the cut; look a little deeper before judging the fact by it.
  if (matched.some((match) => !pool.some((hit) => cites(match.fact, hit))) && pool.length >= limit) {
    const deeper = library.engine.search(question, { limit: Math.max(CITED_PASSAGE_DEPTH, limit) });
    if (deeper.kind === 'answer') {
      const extra = deeper.results.filter(
        (hit) =>
          !pool.some((shown) => shown.passage.id === hit.passage.id) &&
          matched.some((m) => cites(m.fact, hit)),
      );
      pool = [...pool, ...extra];
    }
  }
  const agreed = factLedPassages(pool, matched, limit);
  return { query: question, search: { ...search, results: agreed.results }, facts: agreed.facts };
}

/** Coverage is a share of weighted words; differences this small are rounding, not evidence. */
const COVERAGE_TIE = 0.005;

/**
 * Facts and passages that agree. A fact agrees with the passages when the paragraph it cites covers as
 * much of the question as the best of the first `limit` passages ("Did Vietnam approve Huawei?" → the
 * Vietnam decision, ¶9, which covers as much as Italy's ¶7), or when the question asks about nothing but
 * the fact's subject (FactMatch.whole: "What did Italy decide?" → Italy's decision, ¶7, even though another
 * paragraph holds more of the question's words). Agreeing facts come first (those agreeing by coverage
 * before those agreeing by subject, otherwise in the matcher's order) and the leading one's passage leads
 * the passages, the rest keeping their order. When no fact agrees, the facts are context about the
 * question's names but not its point ("Why was Rome's go-ahead a shock?" is answered by the passage on the
 * surprise, not by Italy's decision), and the engine's order stands. At most `limit` passages.
 */
export function factLedPassages(
  pool: readonly Hit[],
  facts: readonly FactMatch[],
  limit: number = pool.length,
): { readonly results: readonly Hit[]; readonly facts: readonly FactMatch[] } {
  const best = Math.max(0, ...pool.slice(0, limit).map((hit) => hit.coverage ?? 0));
  const cited = (match: FactMatch): Hit | undefined => pool.find((hit) => cites(match.fact, hit));
  const byCoverage = (match: FactMatch): boolean => {
    const hit = cited(match);
    return hit !== undefined && (hit.coverage ?? 0) >= best - COVERAGE_TIE;
  };
  const bySubject = (match: FactMatch): boolean =>
    !byCoverage(match) && match.whole === true && cited(match) !== undefined;
  const ordered = [
    ...facts.filter(byCoverage),
    ...facts.filter(bySubject),
    ...facts.filter((match) => !byCoverage(match) && !bySubject(match)),
  ];
  const lead = ordered[0];
  if (lead === undefined || !(byCoverage(lead) || bySubject(lead)))
    return { results: pool.slice(0, limit), facts };
  const at = pool.findIndex((hit) => cites(lead.fact, hit));
  const first = pool[at];
  const results =
    at <= 0 || first === undefined ? pool : [first, ...pool.slice(0, at), ...pool.slice(at + 1)];
  return { results: results.slice(0, limit), facts: ordered };
}

/** Whether a passage is the body paragraph a fact quotes. */
function cites(fact: Fact, hit: Hit): boolean {
  const { passage } = hit;
  return (
    passage.kind === 'paragraph' &&
    passage.articleId === fact.articleId &&
    passage.paragraph === fact.paragraph
  );
}

/**
 * The engine as users meet it: each search answered as `answerQuestion` answers it (the leading
 * fact's passage first), so what `npm run eval` measures is the reply the CLI and the bot give.
 */
export function answeringEngine(library: Pick<Library, 'engine' | 'matchFacts'>): Engine {
  return {
    ...library.engine,
    search: (question, options) =>
      answerQuestion(library, question, options?.limit === undefined ? {} : { limit: options.limit }).search,
  };
}
