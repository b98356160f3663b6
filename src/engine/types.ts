import type { Passage } from '../corpus/types.js';

/** Character range [start, end) inside Excerpt.text of a word that matched the question. */
export type Highlight = readonly [start: number, end: number];

export interface Excerpt {
  /** The best sentence(s) of the passage, verbatim (a substring of passage.text), at most EXCERPT_MAX_CHARS. */
  readonly text: string;
  readonly highlights: readonly Highlight[];
  /** True when text does not start at the start of the passage / end at its end (render an ellipsis). */
  readonly clippedStart: boolean;
  readonly clippedEnd: boolean;
}

export interface Hit {
  readonly passage: Passage;
  /** Higher is better; comparable within one search only. */
  readonly score: number;
  /**
   * Share (0–1) of the question's weighted content words this passage covers; the engine refuses
   * when the best passage's coverage is below its threshold. Optional so test doubles may omit it.
   */
  readonly coverage?: number;
  readonly excerpt: Excerpt;
}

/**
 * `asked`, when present, is the question the engine actually read after stripping chat noise
 * (greetings, links, mention tags, sign-offs) or shortening a long message to its question;
 * transports show it with a "shortened" note. Absent when the input was read as typed.
 * `reason` on a no-match says why in words a user can act on (e.g. the article gives no such figure).
 */
export type SearchResult =
  | {
      readonly kind: 'answer';
      readonly query: string;
      readonly asked?: string;
      readonly results: readonly Hit[];
    }
  | {
      readonly kind: 'no-match';
      readonly query: string;
      readonly asked?: string;
      readonly reason?: string;
      readonly suggestions: readonly string[];
    };

export interface SearchOptions {
  /** Maximum number of results (default 5). */
  readonly limit?: number;
}

export interface Engine {
  search(question: string, options?: SearchOptions): SearchResult;
  /** Autocomplete: example questions / topics the corpus can answer that fuzzily match what is typed so far. */
  suggest(typed: string, limit?: number): readonly string[];
  /** Autocomplete for /quote: passages whose text fuzzily matches what is typed. */
  suggestPassages(typed: string, limit?: number): readonly Passage[];
  readonly passageCount: number;
}
