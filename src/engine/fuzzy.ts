/**
 * Typo matching of a question word against the index vocabulary. Comparing with every vocabulary word
 * is too slow at 100k passages: words one edit away come from a deletion neighbourhood (one-edit.ts),
 * and for two edits a character-bigram index proposes the few words that share enough bigrams (the
 * q-gram count filter) and a bounded edit distance decides.
 */

import { OneEditIndex } from './one-edit.js';

export interface FuzzyMatch {
  readonly word: string;
  readonly distance: number;
}

/** Edits allowed for a word of this length: none for very short words, where one edit changes the word. */
export function maxEditsFor(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition: huwaei → huawei is one
 * edit), giving up as soon as it must exceed `bound`. Returns bound + 1 when over the bound.
 */
export function boundedEditDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  // Three rolling rows in one reused buffer: this runs thousands of times per typo lookup.
  if (rows.length < width * 3) rows = new Int32Array(width * 6);
  let previous2 = 0;
  let previous = width;
  let current = width * 2;
  for (let j = 0; j < width; j += 1) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    rows[current] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j += 1) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let value = Math.min(
        (rows[previous + j] ?? 0) + 1,
        (rows[current + j - 1] ?? 0) + 1,
        (rows[previous + j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        value = Math.min(value, (rows[previous2 + j - 2] ?? 0) + 1);
      }
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > bound) return bound + 1;
    const recycled = previous2;
    previous2 = previous;
    previous = current;
    current = recycled;
  }
  const distance = rows[previous + b.length] ?? bound + 1;
  return distance > bound ? bound + 1 : distance;
}
let rows = new Int32Array(64 * 3);

/** Longest word considered for typo matching (longer strings are pastes, not words). */
const MAX_WORD_FOR_GRAMS = 40;

/** Bigram → posting slot: a flat table for ASCII pairs (nearly all), a map for the rest. */
class BigramSlots {
  private readonly ascii = new Int32Array(128 * 128).fill(-1);
  private readonly other = new Map<number, number>();

  get(gram: number): number | undefined {
    const high = Math.floor(gram / 0x10000);
    const low = gram % 0x10000;
    if (high < 128 && low < 128) {
      const slot = this.ascii[high * 128 + low] ?? -1;
      return slot < 0 ? undefined : slot;
    }
    return this.other.get(gram);
  }

  set(gram: number, slot: number): void {
    const high = Math.floor(gram / 0x10000);
    const low = gram % 0x10000;
    if (high < 128 && low < 128) this.ascii[high * 128 + low] = slot;
    else this.other.set(gram, slot);
  }
}

interface Postings {
  readonly slots: BigramSlots;
  /** Slot's word ids (ascending, hence by length) are ids[start[slot]..start[slot + 1]). */
  readonly start: Int32Array;
  readonly ids: Int32Array;
}

/**
 * Character bigrams of the padded word as integer keys (two UTF-16 units), deduplicated, written into
 * `out` (reused across calls to avoid allocating per word); returns how many.
 */
function bigramsInto(word: string, out: Float64Array): number {
  // Padding makes the first and last letters count, which is where typos are rarest.
  let count = 0;
  let previous = 0x02; // start marker
  for (let i = 0; i <= word.length; i += 1) {
    const code = i < word.length ? word.charCodeAt(i) : 0x03; // end marker
    const gram = previous * 0x10000 + code;
    let seen = false;
    for (let k = 0; k < count; k += 1) if (out[k] === gram) seen = true;
    if (!seen) out[count++] = gram;
    previous = code;
  }
  return count;
}

const gramBuffer = new Float64Array(MAX_WORD_FOR_GRAMS + 2);

function bigramsOf(word: string): number[] {
  const count = bigramsInto(word, gramBuffer);
  return Array.from(gramBuffer.subarray(0, count));
}

/**
 * Words are numbered in order of length, so each bigram's posting list is sorted by word length and a
 * lookup scans only the slice of lengths an edit bound allows.
 */
export class FuzzyIndex {
  private readonly words: readonly string[];
  /** Bigram → slot; slot's word ids (ascending, hence by length) are ids[start[slot]..start[slot + 1]). */
  private readonly postings: Postings;
  /** Every known word a one-edit lookup may return (four characters or more: see maxEditsFor). */
  private readonly neighbourhood: OneEditIndex;
  /**
   * Characters a one-edit match may substitute or insert: the vocabulary's most frequent ones. One-edit
   * matches were once found by generating edits over this alphabet; keeping it keeps those answers.
   */
  private readonly inAlphabet: (code: number) => boolean;
  /** firstOfLength[n] = id of the first word of length ≥ n. */
  private readonly firstOfLength: Int32Array;
  /** Recent lookups (people repeat their typos); cleared when full. */
  private readonly cache = new Map<string, FuzzyMatch[]>();
  /** Per-query scratch: shared-bigram counts per word id, reset after each lookup. */
  private readonly counts: Uint8Array;

  /** Most edits any lookup may allow: 1 leaves out the bigram postings, which only two-edit scans use. */
  private readonly maxEdits: number;

  /** `known` holds every word a one-edit lookup may return (the index's own map, not a copy). */
  constructor(vocabulary: readonly string[], known: { keys(): Iterable<string> }, maxEdits = 2) {
    // Bucket by length (a comparison sort of 300k words is needlessly slow).
    const buckets: string[][] = Array.from({ length: MAX_WORD + 1 }, () => []);
    for (const word of vocabulary) if (word.length <= MAX_WORD) buckets[word.length]?.push(word);
    const words = buckets.flat();
    this.words = words;
    this.maxEdits = maxEdits;
    this.counts = new Uint8Array(maxEdits >= 2 ? words.length : 0);
    this.firstOfLength = new Int32Array(MAX_WORD + 2).fill(words.length);
    for (let id = words.length - 1; id >= 0; id -= 1) {
      const length = words[id]?.length ?? 0;
      for (let n = length; n >= 0 && (this.firstOfLength[n] ?? 0) > id; n -= 1) this.firstOfLength[n] = id;
    }
    this.postings = FuzzyIndex.buildPostings(maxEdits >= 2 ? words : []);
    const editable: string[] = [];
    for (const word of known.keys()) {
      if (maxEditsFor(word.length) >= 1 && word.length <= MAX_WORD + 1) editable.push(word);
    }
    this.neighbourhood = new OneEditIndex(editable);
    // The alphabet: the most frequent characters of a vocabulary sample.
    const characters = new Map<number, number>();
    const step = Math.max(1, Math.floor(words.length / ALPHABET_SAMPLE));
    for (let id = 0; id < words.length; id += step) {
      const word = words[id] ?? '';
      for (let i = 0; i < word.length; i += 1) {
        const code = word.charCodeAt(i);
        characters.set(code, (characters.get(code) ?? 0) + 1);
      }
    }
    const alphabet = new Set(
      [...characters]
        .sort((a, b) => b[1] - a[1])
        .slice(0, MAX_ALPHABET)
        .map(([code]) => code),
    );
    this.inAlphabet = (code) => alphabet.has(code);
  }

  /** Bigram postings in one typed array (count, then fill): no per-bigram JS arrays to build. */
  private static buildPostings(words: readonly string[]): Postings {
    const slots = new BigramSlots();
    const counts: number[] = [];
    for (const word of words) {
      const n = bigramsInto(word, gramBuffer);
      for (let k = 0; k < n; k += 1) {
        const gram = gramBuffer[k] ?? 0;
        let slot = slots.get(gram);
        if (slot === undefined) {
          slot = counts.length;
          slots.set(gram, slot);
          counts.push(0);
        }
        counts[slot] = (counts[slot] ?? 0) + 1;
      }
    }
    const start = new Int32Array(counts.length + 1);
    for (let slot = 0; slot < counts.length; slot += 1)
      start[slot + 1] = (start[slot] ?? 0) + (counts[slot] ?? 0);
    const fill = start.slice(0, counts.length);
    const ids = new Int32Array(start[counts.length] ?? 0);
    words.forEach((word, id) => {
      const n = bigramsInto(word, gramBuffer);
      for (let k = 0; k < n; k += 1) {
        const slot = slots.get(gramBuffer[k] ?? 0) ?? 0;
        ids[fill[slot] ?? 0] = id;
        fill[slot] = (fill[slot] ?? 0) + 1;
      }
    });
    return { slots, start, ids };
  }

  /** Words one edit away (see one-edit.ts), in the order and number the lookup has always returned. */
  private oneEdit(word: string): FuzzyMatch[] {
    return this.neighbourhood
      .near(word, this.inAlphabet)
      .sort(compare)
      .slice(0, MAX_MATCHES)
      .map((candidate) => ({ word: candidate, distance: 1 }));
  }

  /**
   * Vocabulary words within the edit bound for the word's length, closest first (at most `limit`).
   * Tries one edit first: most typos are one edit, and that scan is several times cheaper.
   */
  lookup(word: string, limit = 5, maxEdits = 2): FuzzyMatch[] {
    if (word.length > MAX_WORD) return [];
    const edits = Math.min(maxEdits, this.maxEdits, maxEditsFor(word.length));
    const key = `${edits}:${word}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached.slice(0, limit);
    let matches: FuzzyMatch[] = [];
    if (edits >= 1) matches = this.oneEdit(word);
    if (edits >= 2 && matches.length === 0) matches = this.scan(word, 2);
    if (this.cache.size >= CACHE_SIZE) this.cache.clear();
    this.cache.set(key, matches);
    return matches.slice(0, limit);
  }

  private scan(word: string, bound: number): FuzzyMatch[] {
    const grams = bigramsOf(word);
    // Each edit destroys at most two bigrams, so a match shares at least `needed` of them, and hence
    // at least one of any (grams - needed + 1): candidates come from that many of the rarest lists,
    // and the other lists are only probed for those candidates.
    const needed = Math.max(1, grams.length - 2 * bound);
    const fromId = this.firstOfLength[Math.max(0, word.length - bound)] ?? 0;
    const toId = this.firstOfLength[Math.min(MAX_WORD + 1, word.length + bound + 1)] ?? this.words.length;
    const { slots, start, ids } = this.postings;
    const lists = grams
      .map((gram) => slots.get(gram))
      .filter((slot): slot is number => slot !== undefined)
      .map((slot) => {
        const begin = start[slot] ?? 0;
        const end = start[slot + 1] ?? 0;
        return { from: lowerBound(ids, fromId, begin, end), to: lowerBound(ids, toId, begin, end) };
      })
      .sort((a, b) => a.to - a.from - (b.to - b.from));
    const seeds = grams.length - needed + 1;
    const touched: number[] = [];
    for (const { from, to } of lists.slice(0, seeds)) {
      for (let p = from; p < to; p += 1) {
        const id = ids[p] ?? 0;
        const count = this.counts[id] ?? 0;
        if (count === 0) touched.push(id);
        this.counts[id] = count + 1;
      }
    }
    const probes = lists.slice(seeds);
    const matches: FuzzyMatch[] = [];
    for (const id of touched) {
      let shared = this.counts[id] ?? 0;
      this.counts[id] = 0;
      for (let k = 0; k < probes.length && shared < needed; k += 1) {
        const probe = probes[k];
        if (probe === undefined) continue;
        const at = lowerBound(ids, id, probe.from, probe.to);
        if (at < probe.to && ids[at] === id) shared += 1;
        // Give up once even matching every remaining list could not reach `needed`.
        if (shared + (probes.length - k - 1) < needed) break;
      }
      if (shared < needed) continue;
      const candidate = this.words[id];
      if (candidate === undefined || candidate === word) continue;
      const candidateBound = Math.min(bound, maxEditsFor(candidate.length));
      const distance = boundedEditDistance(word, candidate, candidateBound);
      if (distance <= candidateBound) matches.push({ word: candidate, distance });
    }
    matches.sort((a, b) => a.distance - b.distance || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    return matches.slice(0, MAX_MATCHES);
  }
}

const CACHE_SIZE = 2_000;
const MAX_ALPHABET = 48;
const ALPHABET_SAMPLE = 20_000;
const MAX_MATCHES = 8;

const MAX_WORD = MAX_WORD_FOR_GRAMS;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lowerBound(list: Int32Array, value: number, from = 0, to = list.length): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((list[mid] ?? 0) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
