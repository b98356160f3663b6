/**
 * One question, answered the same way everywhere (CLI, /ask, console, context menu): the cited facts the
 * question is about lead, then the passages. Pure: it only combines what the library already built.
 */
import type { SearchResult } from './engine/types.js';
import type { FactMatch } from './facts/match.js';
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

export function answerQuestion(
  library: Pick<Library, 'engine' | 'matchFacts'>,
  question: string,
  options: AnswerOptions = {},
): Answer {
  const search = library.engine.search(question, options.limit === undefined ? {} : { limit: options.limit });
  // A fact leads only when the passages agree the article covers the question: the matcher keys on names
  // and decision words, so on its own it could cite a fact for a question the article does not answer.
  // Facts are matched on what the engine read: a chat message's links, greetings and asides are not the
  // question and would otherwise name facts it is not about.
  const facts = search.kind === 'answer' ? library.matchFacts(search.asked ?? question) : [];
  return { query: question, search, facts };
}
