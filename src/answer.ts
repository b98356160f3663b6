/**
 * One question, answered the same way everywhere (CLI, /ask, console, context menu): the cited facts the
 * question is about lead, then the passages, the one the leading fact cites first. Pure: it only combines
 * what the library already built.
 */
import type { Hit, SearchResult } from './engine/types.js';
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

/** The engine's default number of passages (SearchOptions.limit). */
const DEFAULT_LIMIT = 5;
/** How far down the ranking to look for the leading fact's passage when it is not among the first few. */
const CITED_PASSAGE_DEPTH = 20;

export function answerQuestion(
  library: Pick<Library, 'engine' | 'matchFacts'>,
  question: string,
  options: AnswerOptions = {},
): Answer {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const search = library.engine.search(question, options.limit === undefined ? {} : { limit });
  // A fact leads only when the passages agree the article covers the question: the matcher keys on names
  // and decision words, so on its own it could cite a fact for a question the article does not answer.
  const facts = search.kind === 'answer' ? library.matchFacts(question) : [];
  if (search.kind !== 'answer' || facts[0] === undefined) return { query: question, search, facts };
  const lead = facts[0].fact;
  let pool = search.results;
  // The cited passage may rank just below the cut; a fact above a list that omits its own ¶ would read as
  // the passages disagreeing with it.
  if (!pool.some((hit) => cites(lead, hit)) && pool.length >= limit) {
    const deeper = library.engine.search(question, { limit: Math.max(CITED_PASSAGE_DEPTH, limit) });
    const cited = deeper.kind === 'answer' ? deeper.results.find((hit) => cites(lead, hit)) : undefined;
    if (cited !== undefined) pool = [...pool, cited];
  }
  const results = factLedPassages(pool, facts).slice(0, limit);
  return { query: question, search: { ...search, results }, facts };
}

/**
 * The passages with the one the leading fact cites moved first, the rest in their order: when a fact leads
 * the answer ("Vietnam decided against", ¶9), the first passage is its evidence, not another country's.
 * Unchanged when no fact leads or its passage is not among them.
 */
export function factLedPassages(results: readonly Hit[], facts: readonly FactMatch[]): readonly Hit[] {
  const lead = facts[0]?.fact;
  if (lead === undefined) return results;
  const at = results.findIndex((hit) => cites(lead, hit));
  if (at <= 0) return results;
  const cited = results[at];
  return cited === undefined ? results : [cited, ...results.slice(0, at), ...results.slice(at + 1)];
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
