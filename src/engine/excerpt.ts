/**
 * Excerpts: the best one or two sentences of a passage, cut from the verbatim text (never rewritten),
 * with the matched words marked by character ranges.
 */
import type { Excerpt, Highlight } from './types.js';

/** Longest excerpt text in characters: fits comfortably in a Discord embed field with citation. */
export const EXCERPT_MAX_CHARS = 300;

export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Sentence spans of a passage. A sentence ends at . ! or ? (plus closing quotes/brackets) followed by
 * whitespace and an upper-case letter, digit or opening quote; this keeps "U.S. officials" and "2020/21" whole.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const boundary = /[.!?]+["”’')\]]*(?=\s+["“‘([]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let match = boundary.exec(text); match !== null; match = boundary.exec(text)) {
    const end = match.index + match[0].length;
    // Single capital letter before the dot is an initial (J. Smith), not a sentence end.
    if (/(?:^|\s)\p{Lu}$/u.test(text.slice(Math.max(0, match.index - 2), match.index))) continue;
    spans.push({ start, end });
    start = end;
    while (start < text.length && /\s/.test(text[start] ?? '')) start += 1;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans.length > 0 ? spans : [{ start: 0, end: text.length }];
}

/** Trims a span's surrounding whitespace. */
function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  return { start, end };
}

/**
 * Cuts [start, end) down to at most `max` characters around `focus` (the first matched word),
 * moving both cuts to word boundaries so no word is split.
 */
function clipAround(text: string, span: Span, focus: number, max: number): Span {
  if (span.end - span.start <= max) return span;
  let start = Math.max(span.start, Math.min(focus - Math.floor(max / 4), span.end - max));
  let end = Math.min(span.end, start + max);
  if (start > span.start) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < end) start = space + 1;
  }
  if (end < span.end) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  return trimSpan(text, { start, end });
}

/**
 * Builds the excerpt: `scores[i]` rates sentence i; the best sentence is taken, then its better
 * neighbour when both fit and the neighbour adds matches. `matches` are word ranges in passage text.
 */
export function buildExcerpt(
  text: string,
  sentences: readonly Span[],
  scores: readonly number[],
  matches: readonly Span[],
  max = EXCERPT_MAX_CHARS,
): Excerpt {
  let best = 0;
  for (let i = 1; i < sentences.length; i += 1) if ((scores[i] ?? 0) > (scores[best] ?? 0)) best = i;
  let span = sentences[best] ?? { start: 0, end: text.length };
  const neighbours = [best + 1, best - 1]
    .filter((i) => i >= 0 && i < sentences.length && (scores[i] ?? 0) > 0)
    .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  for (const i of neighbours) {
    const other = sentences[i];
    if (other === undefined) continue;
    const merged = { start: Math.min(span.start, other.start), end: Math.max(span.end, other.end) };
    if (merged.end - merged.start <= max) {
      span = merged;
      break;
    }
  }
  span = trimSpan(text, span);
  const firstMatch = matches.find((m) => m.start >= span.start && m.end <= span.end);
  span = clipAround(text, span, firstMatch?.start ?? span.start, max);
  if (span.end <= span.start) span = clipAround(text, trimSpan(text, { start: 0, end: text.length }), 0, max);
  const highlights: Highlight[] = [];
  for (const m of matches) {
    if (m.start >= span.start && m.end <= span.end)
      highlights.push([m.start - span.start, m.end - span.start]);
  }
  highlights.sort((a, b) => a[0] - b[0]);
  const merged: Highlight[] = [];
  for (const h of highlights) {
    const last = merged[merged.length - 1];
    if (last !== undefined && h[0] <= last[1]) merged[merged.length - 1] = [last[0], Math.max(last[1], h[1])];
    else merged.push(h);
  }
  return {
    text: text.slice(span.start, span.end),
    highlights: merged,
    clippedStart: text.slice(0, span.start).trim().length > 0,
    clippedEnd: text.slice(span.end).trim().length > 0,
  };
}
