/** Citations as reply markdown: "¶7", "[Title, ¶7](link) · Publisher", the "↗" link after an excerpt. */
import type { Article, Passage } from '../corpus/types.js';
import { paragraphLabel, passageLink } from '../corpus/cite.js';
import { escapeMarkdown, trimText } from './text.js';

/** "¶7", or "Other article title, ¶7" when the passage is from a different article than `mainArticle`. */
export function citationLabel(article: Article, passage: Passage, mainArticle?: Article): string {
  const label = paragraphLabel(passage);
  if (!mainArticle || mainArticle.id === article.id) return label;
  return `${trimText(article.title, 120)}, ${label}`;
}

/** "[Title, ¶7](link) · Publisher", without a link when the article has no URL. */
export function citationMarkdown(article: Article, passage: Passage): string {
  const text = `${escapeMarkdown(article.title)}, ${paragraphLabel(passage)}`;
  const link = passageLink(article, passage);
  const cited = link ? `[${text}](${link})` : `*${text}*`;
  return article.publisher ? `${cited} · ${escapeMarkdown(article.publisher)}` : cited;
}

export function linkSuffix(article: Article, passage: Passage): string {
  const link = passageLink(article, passage);
  return link ? ` [↗](${link})` : '';
}
