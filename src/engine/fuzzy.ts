/**
 * Typo matching of a question word against the index vocabulary. Comparing with every vocabulary word
 * is too slow at 100k passages, so a character-bigram index proposes the few words that share enough
 * bigrams (the q-gram count filter) and a bounded edit distance decides.
 */

export interface FuzzyMatch {
  readonly word: string;
  readonly distance: number;
}

/** Edits allowed for a word of this length: none for very short words, where one edit changes the word. */
export function maxEditsFor(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
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
  let previous2 = new Array<number>(width).fill(0);
  let previous = new Array<number>(width);
  let current = new Array<number>(width);
  for (let j = 0; j < width; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > bound) return bound + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  const distance = previous[b.length] ?? bound + 1;
  return distance > bound ? bound + 1 : distance;
}

function bigramsOf(word: string): string[] {
  // Padding makes the first and last letters count, which is where typos are rarest.
  const padded = `^${word}$`;
  const grams: string[] = [];
  for (let i = 0; i + 2 <= padded.length; i += 1) grams.push(padded.slice(i, i + 2));
  return grams;
}

export class FuzzyIndex {
  private readonly words: readonly string[];
  private readonly postings = new Map<string, Int32Array>();
  /** Per-query scratch: shared-bigram counts per word id, reset after each lookup. */
  private readonly counts: Uint16Array;

  constructor(words: readonly string[]) {
    this.words = words;
    this.counts = new Uint16Array(words.length);
    const lists = new Map<string, number[]>();
    words.forEach((word, id) => {
      for (const gram of new Set(bigramsOf(word))) {
        let list = lists.get(gram);
        if (list === undefined) {
          list = [];
          lists.set(gram, list);
        }
        list.push(id);
      }
    });
    for (const [gram, list] of lists) this.postings.set(gram, Int32Array.from(list));
  }

  /** Vocabulary words within the edit bound for the word's length, closest first (at most `limit`). */
  lookup(word: string, limit = 5): FuzzyMatch[] {
    const bound = maxEditsFor(word.length);
    if (bound === 0 || word.length > 40) return [];
    const grams = [...new Set(bigramsOf(word))];
    // Each edit destroys at most two bigrams, so a match shares at least this many.
    const needed = Math.max(1, grams.length - 2 * bound);
    const touched: number[] = [];
    for (const gram of grams) {
      const list = this.postings.get(gram);
      if (list === undefined) continue;
      for (const id of list) {
        if (this.counts[id] === 0) touched.push(id);
        this.counts[id] = (this.counts[id] ?? 0) + 1;
      }
    }
    const matches: FuzzyMatch[] = [];
    for (const id of touched) {
      const shared = this.counts[id] ?? 0;
      this.counts[id] = 0;
      if (shared < needed) continue;
      const candidate = this.words[id];
      if (candidate === undefined || candidate === word) continue;
      const distance = boundedEditDistance(word, candidate, Math.min(bound, maxEditsFor(candidate.length)));
      if (distance <= bound && distance <= maxEditsFor(candidate.length))
        matches.push({ word: candidate, distance });
    }
    matches.sort((a, b) => a.distance - b.distance || a.word.localeCompare(b.word));
    return matches.slice(0, limit);
  }
}
