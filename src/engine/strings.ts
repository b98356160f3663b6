/**
 * Sentences the engine itself says to users (transports render them as given). Kept here so the
 * wording is in one place and tests can compare it exactly.
 */
import type { ArticleField } from './intent.js';

/** A refusal for a question asking for a number the passages on its subject do not give. */
export const NO_SUCH_FIGURE =
  'The article gives no such figure: the passages on this subject state no number, amount, share or price for it.';

/** A refusal for a "when" question the passages on its subject give no time for. */
export const NO_SUCH_TIME =
  'The article gives no date or time for that: the passages on this subject do not say when.';

/** A refusal for a "which newspaper / what company" question the passages on its subject name none for. */
export const NO_SUCH_NAME =
  'The article does not name that: the passages on this subject do not say which one.';

/** A refusal for a "where" question the passages on its subject give no place for. */
export const NO_SUCH_PLACE =
  'The article does not say where: the passages on this subject name no place for it.';

/** A refusal for a "what did X say / how did X respond" question no passage reports X answering. */
export const NO_SUCH_STATEMENT =
  'The article reports no such statement: the passages on this subject do not say what they said or how they responded.';

/** A refusal for a "how do I…" question: the article reports, it does not instruct. */
export const NO_INSTRUCTIONS =
  'The article gives no instructions: the passages on this subject report what happened, not how to do it.';

/** What an article file records about itself (all optional but the title). */
export interface ArticleRecord {
  readonly title: string;
  readonly publisher?: string;
  readonly author?: string;
  readonly date?: string;
  readonly url?: string;
}

const FIELD_NAMES: Record<Exclude<ArticleField, 'title'>, string> = {
  publisher: 'a publisher',
  author: 'an author',
  date: 'a publication date',
  url: 'a URL',
};

/**
 * The answer to a question about the article itself: the field asked for when the file records it,
 * else a plain statement that it does not, then what the file does record, never a guess.
 */
export function articleFactAnswer(article: ArticleRecord, field: ArticleField): string {
  const named = `"${article.title}"`;
  const by = article.publisher === undefined ? '' : ` (${article.publisher})`;
  const lead = ((): string => {
    switch (field) {
      case 'title':
        return `The article is titled ${named}${by}.`;
      case 'publisher':
        return article.publisher === undefined
          ? `The article file does not record who published ${named}.`
          : `${named} was published by ${article.publisher}.`;
      case 'author':
        return article.author === undefined
          ? `The article file does not record who wrote ${named}${by}: it names no author.`
          : `${named} was written by ${article.author}.`;
      case 'date':
        return article.date === undefined
          ? `The article file does not record when ${named}${by} was published: it gives no date.`
          : `${named} is dated ${article.date}.`;
      case 'url':
        return article.url === undefined
          ? `The article file does not record a URL or link for ${named}${by}.`
          : `${named} is at ${article.url}.`;
    }
  })();
  const missing = (Object.keys(FIELD_NAMES) as Array<keyof typeof FIELD_NAMES>)
    .filter((f) => f !== field && article[f] === undefined)
    .map((f) => FIELD_NAMES[f]);
  const rest =
    missing.length === 0 ? '' : ` The article file records no ${listed(missing).replace(/\ban? /g, '')}.`;
  return lead + rest;
}

function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}
