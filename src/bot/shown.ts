/**
 * One de-duplication for everything a reply quotes: fact quotes, the main excerpt and "See also" all say
 * which characters of which passage they show, and a sentence already shown is not shown again. The unit
 * is the sentence (Intl.Segmenter), because that is what a reader recognises as "the same quote": the
 * part of a sentence a new piece would show is left out when at least half of it is already shown, or
 * when it holds a whole quote shown above (a fact quoting a clause stands for the sentence around it,
 * which would repeat the clause word for word). Another clause of the same sentence is still shown. The
 * Source citation and /quote still reach the whole paragraph. Pure; one instance per reply.
 */
import type { Passage } from '../corpus/types.js';
import type { Excerpt, Hit } from '../engine/types.js';

/** A range [start, end) of a passage's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Share of a piece already shown above which it is left out (a repeat rather than a new sentence). */
const SHOWN_SHARE = 0.5;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const sentenceCache = new WeakMap<Passage, Span[]>();

/** The passage's sentences as ranges, surrounding whitespace excluded. */
export function sentenceSpans(passage: Passage): Span[] {
  const cached = sentenceCache.get(passage);
  if (cached) return cached;
  const spans: Span[] = [];
  for (const { segment, index } of segmenter.segment(passage.text)) {
    const lead = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (trimmed) spans.push({ start: index + lead, end: index + lead + trimmed.length });
  }
  sentenceCache.set(passage, spans);
  return spans;
}

export class ShownSentences {
  readonly #shown = new Map<string, Span[]>();

  /** Record that a reply shows `span` of `passage`. */
  mark(passage: Passage, span: Span): void {
    const list = this.#shown.get(passage.id) ?? [];
    list.push(span);
    this.#shown.set(passage.id, list);
  }

  /**
   * The longest run of `span` (cut at sentence boundaries) whose sentences are not shown yet, or
   * undefined when every sentence it touches has been shown. Does not mark anything.
   */
  unshown(passage: Passage, span: Span): Span | undefined {
    const pieces = sentenceSpans(passage)
      .map((sentence) => ({
        sentence,
        piece: { start: Math.max(sentence.start, span.start), end: Math.min(sentence.end, span.end) },
      }))
      .filter(({ piece }) => piece.end > piece.start);
    let best: Span | undefined;
    let run: Span | undefined;
    for (const { piece } of pieces) {
      if (this.#isShown(passage, piece)) {
        run = undefined;
        continue;
      }
      run = run ? { start: run.start, end: piece.end } : piece;
      if (!best || run.end - run.start > best.end - best.start) best = run;
    }
    // Whitespace between sentences stays inside a run; text outside any sentence is never added.
    return best;
  }

  #isShown(passage: Passage, piece: Span): boolean {
    const shown = this.#shown.get(passage.id) ?? [];
    if (shown.some((span) => span.start >= piece.start && span.end <= piece.end)) return true;
    const covered = new Uint8Array(piece.end - piece.start);
    for (const span of shown) {
      for (let i = Math.max(span.start, piece.start); i < Math.min(span.end, piece.end); i++) {
        covered[i - piece.start] = 1;
      }
    }
    return covered.reduce((sum, bit) => sum + bit, 0) >= SHOWN_SHARE * covered.length;
  }
}

/** Where `text` sits in the passage (a verbatim quote or excerpt), or undefined if it is not in it. */
export function locate(passage: Passage, text: string): Span | undefined {
  const start = passage.text.indexOf(text);
  return start === -1 ? undefined : { start, end: start + text.length };
}

/**
 * A hit whose excerpt keeps only sentences not shown yet (highlights moved with it, clipping flags
 * recomputed), or undefined when all of it has been shown. Marks what it keeps.
 */
export function unshownHit(shown: ShownSentences, hit: Hit): Hit | undefined {
  const { passage, excerpt } = hit;
  const at = locate(passage, excerpt.text);
  if (!at) return hit; // not locatable: shown as the engine gave it
  const keep = shown.unshown(passage, at);
  if (!keep) return undefined;
  shown.mark(passage, keep);
  if (keep.start === at.start && keep.end === at.end) return hit;
  const offset = keep.start - at.start;
  const text = passage.text.slice(keep.start, keep.end);
  const trimmed: Excerpt = {
    text,
    highlights: excerpt.highlights
      .map(([start, end]): [number, number] => [start - offset, end - offset])
      .filter(([start, end]) => start >= 0 && end <= text.length && end > start),
    clippedStart: keep.start > 0,
    clippedEnd: keep.end < passage.text.length,
  };
  return { ...hit, excerpt: trimmed };
}
