/**
 * Words one edit (deletion, adjacent swap, substitution, insertion) from a typed word, found through a
 * deletion neighbourhood (the SymSpell idea): every word is filed under a hash of itself and of each
 * string it leaves when one character is deleted. Two words one edit apart always share such a key:
 * a deletion or insertion turns one into the other's key, a substitution at i leaves the same string
 * when both lose character i, and a swap of i and i+1 when one loses i and the other i+1. So a lookup
 * hashes the typed word's own few keys and checks the words filed there, instead of generating and
 * looking up every possible edit (hundreds of new strings per typo, which dominated query time).
 *
 * Keys are 32-bit hashes, so words filed under a colliding key turn up too; each candidate is checked
 * exactly, which also keeps the answers identical to generating the edits over the same alphabet.
 */

export class OneEditIndex {
  private readonly words: readonly string[];
  /** Bucket b's word ids are ids[start[b]..start[b + 1]). */
  private readonly start: Int32Array;
  private readonly ids: Int32Array;
  private readonly mask: number;

  constructor(words: readonly string[]) {
    this.words = words;
    let entries = 0;
    for (const word of words) entries += word.length + 1;
    // Two to four entries per bucket: still a short scan per key (each is a length test, mostly), and
    // at 100k passages (3M entries) the bucket table costs 4 MB instead of 12 MB for one per entry.
    let buckets = 1;
    while (buckets * 4 < entries) buckets *= 2;
    this.mask = buckets - 1;
    // Hash every key once, then file the ids in compressed-row form (no per-bucket arrays).
    const keyOf = new Int32Array(entries);
    const owner = new Int32Array(entries);
    let n = 0;
    for (let id = 0; id < words.length; id += 1) {
      const word = words[id] ?? '';
      keyOf[n] = hashWithout(word, -1) & this.mask;
      owner[n++] = id;
      for (let i = 0; i < word.length; i += 1) {
        // Deleting either letter of a doubled pair leaves the same string: file it once.
        if (i > 0 && word.charCodeAt(i) === word.charCodeAt(i - 1)) continue;
        keyOf[n] = hashWithout(word, i) & this.mask;
        owner[n++] = id;
      }
    }
    this.start = new Int32Array(buckets + 1);
    for (let k = 0; k < n; k += 1) {
      const next = (keyOf[k] ?? 0) + 1;
      this.start[next] = (this.start[next] ?? 0) + 1;
    }
    for (let b = 0; b < buckets; b += 1) this.start[b + 1] = (this.start[b + 1] ?? 0) + (this.start[b] ?? 0);
    const fill = this.start.slice(0, buckets);
    this.ids = new Int32Array(n);
    for (let k = 0; k < n; k += 1) {
      const bucket = keyOf[k] ?? 0;
      this.ids[fill[bucket] ?? 0] = owner[k] ?? 0;
      fill[bucket] = (fill[bucket] ?? 0) + 1;
    }
  }

  /**
   * Indexed words exactly one edit from `word` (never the word itself), in no particular order. A
   * substituted or inserted character counts only when `allowed` accepts its UTF-16 code.
   */
  near(word: string, allowed: (code: number) => boolean): string[] {
    const found = new Set<string>();
    for (let i = -1; i < word.length; i += 1) {
      if (i > 0 && word.charCodeAt(i) === word.charCodeAt(i - 1)) continue;
      const bucket = hashWithout(word, i) & this.mask;
      const end = this.start[bucket + 1] ?? 0;
      for (let p = this.start[bucket] ?? 0; p < end; p += 1) {
        const candidate = this.words[this.ids[p] ?? 0] ?? '';
        if (isOneEdit(word, candidate, allowed)) found.add(candidate);
      }
    }
    return [...found];
  }
}

/** FNV-1a over the word's UTF-16 codes, leaving out position `skip` (-1: none). */
function hashWithout(word: string, skip: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) {
    if (i === skip) continue;
    hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  }
  return (hash ^ (hash >>> 15)) >>> 0;
}

/**
 * Whether `to` is `from` after exactly one deletion, adjacent swap, substitution by an allowed
 * character, or insertion of an allowed character. The substituted or inserted character is the same
 * whichever position one credits it to, so the check does not depend on how the edit is found.
 */
export function isOneEdit(from: string, to: string, allowed: (code: number) => boolean): boolean {
  const lengthDifference = to.length - from.length;
  if (lengthDifference > 1 || lengthDifference < -1 || from === to) return false;
  const shorter = Math.min(from.length, to.length);
  let head = 0;
  while (head < shorter && from.charCodeAt(head) === to.charCodeAt(head)) head += 1;
  let tail = 0;
  while (
    tail < shorter - head &&
    from.charCodeAt(from.length - 1 - tail) === to.charCodeAt(to.length - 1 - tail)
  )
    tail += 1;
  if (lengthDifference === -1) return head + tail >= to.length;
  if (lengthDifference === 1) return head + tail >= from.length && allowed(to.charCodeAt(head));
  const differing = from.length - head - tail;
  if (differing === 1) return allowed(to.charCodeAt(head));
  return (
    differing === 2 &&
    from.charCodeAt(head) === to.charCodeAt(head + 1) &&
    from.charCodeAt(head + 1) === to.charCodeAt(head)
  );
}
