/**
 * Pure formatting of where a passage comes from, shared by the CLI and the bot so that both cite the same
 * way: "¶7", "caption after ¶3", `Light Reading, "Title", ¶7`, and a deep link to the passage.
 */
import type { Excerpt } from '../engine/types.js';
import type { Article, Passage } from './types.js';

/** How many leading words of a passage go into a link's text fragment: enough to be unique in a page. */
const LINK_FRAGMENT_WORDS = 6;

/** "¶7" for a body paragraph; "caption after ¶3" for a caption ("caption before ¶1" at the very top). */
export function paragraphLabel(passage: Passage): string {
  if (passage.kind === 'paragraph') return `¶${passage.paragraph}`;
  return passage.paragraph === 0 ? 'caption before ¶1' : `caption after ¶${passage.paragraph}`;
}

/** `Light Reading, "Huawei gets some 5G wins, calls for talks with US", ¶7` (publisher left out when unknown). */
export function citation(article: Article, passage: Passage): string {
  const source = `"${article.title}", ${paragraphLabel(passage)}`;
  return article.publisher === undefined ? source : `${article.publisher}, ${source}`;
}

/**
 * The article's url with a text fragment (`#:~:text=`) that scrolls the browser to the passage, or
 * undefined when the article has no url (the data never invents one).
 */
export function passageLink(article: Article, passage: Passage): string | undefined {
  if (article.url === undefined) return undefined;
  const words = passage.text.trim().split(/\s+/).slice(0, LINK_FRAGMENT_WORDS).join(' ');
  const base = article.url.split('#')[0] ?? article.url;
  return `${base}#:~:text=${encodeTextFragment(words)}`;
}

/** encodeURIComponent leaves "-" alone, but in a text fragment "-" (like "&" and ",") is syntax. */
export function encodeTextFragment(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/**
 * An excerpt as Markdown-ish text: matched words wrapped in **bold**, "…" where the excerpt was clipped.
 * The text between the marks is verbatim; callers that render Markdown escape it through `escape`.
 */
export function markExcerpt(excerpt: Excerpt, escape: (text: string) => string = (text) => text): string {
  let out = '';
  let cursor = 0;
  for (const [start, end] of mergeHighlights(excerpt)) {
    out += escape(excerpt.text.slice(cursor, start)) + `**${escape(excerpt.text.slice(start, end))}**`;
    cursor = end;
  }
  out += escape(excerpt.text.slice(cursor));
  return (excerpt.clippedStart ? '…' : '') + out + (excerpt.clippedEnd ? '…' : '');
}

/** Sorted, overlap-free ranges; neighbours separated only by a space are joined ("**National Intelligence**"). */
function mergeHighlights(excerpt: Excerpt): [number, number][] {
  const sorted = excerpt.highlights
    .map(([start, end]): [number, number] => [Math.max(0, start), Math.min(excerpt.text.length, end)])
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && (start <= last[1] || excerpt.text.slice(last[1], start) === ' ')) {
      last[1] = Math.max(last[1], end);
    } else {
      merged.push([start, end]);
    }
  }
  return merged;
}
