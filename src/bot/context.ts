/**
 * What command handlers get besides the request: the loaded library, the recent-answers cache and a
 * logger. Built once at start-up; handlers stay thin and free of discord.js objects.
 */
import type { Answer } from '../answer.js';
import type { Article, Passage } from '../corpus/types.js';
import type { Library } from '../library.js';
import type { Feedback } from '../store/feedback.js';
import { DISPLAY } from './limits.js';
import type { Logger } from './log.js';

/** The bot answers from the whole library: passages (engine) and cited facts (decisions, arguments). */
export type BotLibrary = Library;

export interface CachedAnswer {
  /** The normalised question the answer is for (guards against key collisions). */
  readonly question: string;
  /** The one composition shared with the CLI (src/answer.ts): leading facts, then passages. */
  readonly answer: Answer;
}

/** Least-recently-used map: button clicks page through recent answers without searching again. */
export class AnswerCache {
  readonly #entries = new Map<string, CachedAnswer>();
  constructor(readonly capacity: number = DISPLAY.answerCacheSize) {}

  get(key: string): CachedAnswer | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedAnswer): void {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}

export interface BotContext {
  readonly library: BotLibrary;
  readonly answers: AnswerCache;
  readonly log: Logger;
  /** Where votes and refused questions go; absent in console mode and unit tests (nothing is recorded). */
  readonly feedback?: Feedback | undefined;
  /** Article of a passage (every passage's articleId names a loaded article). */
  articleOf(passage: Passage): Article;
  passageById(id: string): Passage | undefined;
  /** The body paragraph ¶`paragraph` of an article, for citing a fact; undefined when it does not exist. */
  paragraphOf(articleId: string, paragraph: number): { article: Article; passage: Passage } | undefined;
}

export function createContext(library: BotLibrary, log: Logger, feedback?: Feedback): BotContext {
  const articles = new Map(library.corpus.articles.map((article) => [article.id, article]));
  const passages = new Map(
    library.corpus.articles.flatMap((article) => article.passages.map((p) => [p.id, p] as const)),
  );
  return {
    library,
    answers: new AnswerCache(),
    log,
    feedback,
    articleOf(passage) {
      const article = articles.get(passage.articleId);
      if (!article)
        throw new Error(`bot error: passage ${passage.id} names unknown article ${passage.articleId}`);
      return article;
    },
    passageById: (id) => passages.get(id),
    paragraphOf(articleId, paragraph) {
      const article = articles.get(articleId);
      const passage = article?.passages.find((p) => p.kind === 'paragraph' && p.paragraph === paragraph);
      return article && passage ? { article, passage } : undefined;
    },
  };
}
