/**
 * Text primitives for replies: escaping (so user and article text renders exactly as written and pings no
 * one) and trimming (so every piece fits Discord's limits). Pure functions, no discord.js.
 */
import type { Highlight } from '../engine/types.js';

export const ELLIPSIS = '…';

/**
 * Characters Discord markdown treats as syntax anywhere in a line. Discord accepts a backslash before any
 * ASCII punctuation, so escaping is always safe; we escape only what could change rendering.
 */
const INLINE_SYNTAX = /[\\*_~`|<>[\]]/g;
/** Syntax that only counts at the start of a line: headings, block quotes, lists, subtext. */
const LINE_START_SYNTAX = /^(\s*)([#>+-])/gm;
/** "1. " at a line start makes an ordered list; escaping the dot keeps the number as written. */
const ORDERED_LIST = /^(\s*\d+)\.(?=\s)/gm;
/** @everyone and @here are only dangerous when parsed; a zero-width space after "@" also stops the render. */
const MASS_MENTION = /@(everyone|here)/gi;
const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Escape text so Discord shows it literally: no formatting, links, mentions, emoji or timestamps.
 * `atLineStart: false` is for a piece that continues a line (e.g. after a bold word), where "-" or "#"
 * is ordinary text.
 */
export function escapeMarkdown(text: string, options: { atLineStart?: boolean } = {}): string {
  // A placeholder character keeps the first line from matching the line-start rules.
  const guarded = options.atLineStart === false ? `x${text}` : text;
  const escaped = guarded
    .replace(INLINE_SYNTAX, '\\$&')
    .replace(LINE_START_SYNTAX, '$1\\$2')
    .replace(ORDERED_LIST, '$1\\.')
    .replace(MASS_MENTION, `@${ZERO_WIDTH_SPACE}$1`);
  return options.atLineStart === false ? escaped.slice(1) : escaped;
}

/** Undo escapeMarkdown (and drop bold markers), giving the text a reader sees: used by console mode and tests. */
export function toPlainText(rendered: string): string {
  let out = '';
  for (let i = 0; i < rendered.length; i++) {
    const char = rendered[i] ?? '';
    const next = rendered[i + 1] ?? '';
    if (char === '\\' && ESCAPABLE.test(next)) {
      out += next;
      i++;
    } else if (char === '*' && next === '*') {
      i++;
    } else {
      out += char;
    }
  }
  return out.replaceAll(`@${ZERO_WIDTH_SPACE}`, '@');
}

/** Discord honours a backslash before any ASCII punctuation (and other non-alphanumeric symbols). */
const ESCAPABLE = /^[^\p{L}\p{N}\s]$/u;

/** Remove characters that would make a string look empty or spoof layout in a title. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Shorten text to at most `max` UTF-16 units (JavaScript length, never less strict than Discord's count),
 * cutting at the last sentence end, else the last word boundary, in the second half of the budget, and
 * ending with an ellipsis. Never splits a surrogate pair, never leaves a dangling escape backslash, and
 * closes a bold marker the cut left open.
 */
export function trimText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  // Reserve room for the ellipsis, a separating space and a closing "**".
  const budget = Math.max(0, max - ELLIPSIS.length - 3);
  let cut = budget;
  const window = text.slice(0, budget + 1);
  const minimum = Math.floor(budget / 2);
  const sentenceEnd = lastMatchEnd(window, /[.!?…][)"'”’\]]*\s/g);
  if (sentenceEnd >= minimum) {
    cut = sentenceEnd;
  } else {
    const space = window.lastIndexOf(' ');
    if (space >= minimum) cut = space;
  }
  let head = text.slice(0, cut);
  // A high surrogate at the end would leave half a character.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  // An odd run of trailing backslashes would escape whatever follows.
  const backslashes = /\\+$/.exec(head)?.[0].length ?? 0;
  if (backslashes % 2 === 1) head = head.slice(0, -1);
  head = head.trimEnd();
  const closesBold = countBoldMarkers(head) % 2 === 1 ? '**' : '';
  const separator = /[.!?]$/.test(head) ? ' ' : '';
  const result = `${head}${closesBold}${separator}${ELLIPSIS}`;
  return result.length <= max ? result : hardTrim(text, max);
}

/** Last resort when even the careful cut does not fit: plain cut, no markup kept. */
function hardTrim(text: string, max: number): string {
  let head = text.slice(0, max - ELLIPSIS.length);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  head = head.replace(/(?<!\\)\\$/, '').replace(/\*+$/, '');
  return `${head}${ELLIPSIS}`;
}

function lastMatchEnd(text: string, pattern: RegExp): number {
  let end = -1;
  for (const match of text.matchAll(pattern)) end = match.index + match[0].trimEnd().length;
  return end;
}

/** Bold markers ("**" not part of an escape sequence), counted left to right as Discord parses them. */
export function countBoldMarkers(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '*' && text[i + 1] === '*') {
      count++;
      i++;
    }
  }
  return count;
}

/**
 * Render verbatim text with the highlighted ranges in bold, escaping everything else, within `max`
 * characters: when the rendering is too long the text is cut at a word boundary before rendering, so
 * bold markers are never split.
 */
export function renderHighlighted(
  text: string,
  highlights: readonly Highlight[],
  options: { max: number; clippedStart?: boolean; clippedEnd?: boolean },
): string {
  const ranges = normaliseHighlights(highlights, text);
  const prefix = options.clippedStart ? `${ELLIPSIS} ` : '';
  let end = text.length;
  let clippedEnd = options.clippedEnd ?? false;
  for (;;) {
    const body = renderRanges(text.slice(0, end), ranges);
    const rendered = `${prefix}${body}${clippedEnd ? ` ${ELLIPSIS}` : ''}`;
    if (rendered.length <= options.max) return rendered;
    // Shorten the source text by at least the overflow, backing up to a word boundary.
    const overflow = rendered.length - options.max;
    let next = Math.max(0, end - Math.max(overflow, 1));
    const space = text.lastIndexOf(' ', next);
    if (space > end / 2) next = space;
    if (next <= 0) return trimText(escapeMarkdown(text), options.max);
    end = next;
    clippedEnd = true;
  }
}

function normaliseHighlights(highlights: readonly Highlight[], text: string): Highlight[] {
  const length = text.length;
  const sorted = highlights
    .map(([start, end]): Highlight => [Math.max(0, start), Math.min(length, end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    // Neighbours separated by one space become one bold run ("**National Intelligence**").
    if (last && (start <= last[1] || (start === last[1] + 1 && /\s/.test(text[last[1]] ?? '')))) {
      last[1] = Math.max(last[1], end);
    } else merged.push([start, end]);
  }
  return merged;
}

function renderRanges(text: string, ranges: readonly Highlight[]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (start >= text.length) break;
    const stop = Math.min(end, text.length);
    out += escapeMarkdown(text.slice(at, start), { atLineStart: startsLine(text, at) });
    const word = text.slice(start, stop);
    // Bold around leading/trailing spaces does not render in Discord, so keep spaces outside the markers.
    const inner = word.trim();
    if (inner) {
      const lead = word.slice(0, word.indexOf(inner));
      out += `${lead}**${escapeMarkdown(inner, { atLineStart: false })}**${word.slice(lead.length + inner.length)}`;
    } else {
      out += word;
    }
    at = stop;
  }
  return out + escapeMarkdown(text.slice(at), { atLineStart: startsLine(text, at) });
}

function startsLine(text: string, index: number): boolean {
  return index === 0 || text[index - 1] === '\n';
}
