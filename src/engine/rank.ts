/**
 * First-stage ranking: BM25 over an inverted index, each concept scored by its best variant (so a
 * word and its alias do not add up), plus the context field at low weight. Returns the top candidates.
 */
import type { InvertedIndex } from './index-build.js';
import type { ParsedQuery } from './query.js';
import type { RuleSwitches } from './rules.js';
import { ANAPHOR_CONTEXT_WEIGHT, B, CONTEXT_WEIGHT, K1, RERANK_DEPTH } from './weights.js';

/** Per-document accumulators reused across searches (searches are synchronous, so never shared). */
export interface Scratch {
  readonly body: Float64Array;
  readonly concept: Float64Array;
  readonly seen: Uint8Array;
}

export function rank(
  index: InvertedIndex,
  query: ParsedQuery,
  scratch: Scratch,
  rules: RuleSwitches,
): Array<{ doc: number; bm25: number }> {
  const contextWeight = rules.on('context-field') ? CONTEXT_WEIGHT : 0;
  // A passage that opens by pointing back ("That's not a surprise") is about what came before it.
  const borrowing = rules.on('anaphora') && contextWeight > 0;
  const { body, concept, seen } = scratch;
  const touched: number[] = [];
  for (const c of query.concepts) {
    const conceptTouched: number[] = [];
    for (const variant of c.variants) {
      if (variant.terms.length === 1) {
        const term = variant.terms[0] ?? 0;
        const idf = index.idf[term] ?? 0;
        const from = index.postingStart[term] ?? 0;
        const to = index.postingStart[term + 1] ?? 0;
        for (let p = from; p < to; p += 1) {
          const doc = index.postingDoc[p] ?? 0;
          const score = variant.weight * idf * termFrequencyWeight(index, p, doc);
          if (concept[doc] === 0) conceptTouched.push(doc);
          if (score > (concept[doc] ?? 0)) concept[doc] = score;
        }
        // Context field: the section heading and caption label, at low weight.
        const contextScore = contextWeight * variant.weight * idf;
        for (let p = index.contextStart[term] ?? 0; p < (index.contextStart[term + 1] ?? 0); p += 1) {
          const doc = index.contextDoc[p] ?? 0;
          if (concept[doc] === 0) conceptTouched.push(doc);
          if (contextScore > (concept[doc] ?? 0)) concept[doc] = contextScore;
        }
      } else {
        // Multi-word alias: every word must be there; score is their mean.
        const sums = new Map<number, { hits: number; score: number }>();
        for (const term of variant.terms) {
          const idf = index.idf[term] ?? 0;
          const from = index.postingStart[term] ?? 0;
          const to = index.postingStart[term + 1] ?? 0;
          for (let p = from; p < to; p += 1) {
            const doc = index.postingDoc[p] ?? 0;
            const entry = sums.get(doc) ?? { hits: 0, score: 0 };
            entry.hits += 1;
            entry.score += idf * termFrequencyWeight(index, p, doc);
            sums.set(doc, entry);
          }
        }
        for (const [doc, entry] of sums) {
          if (entry.hits < variant.terms.length) continue;
          const score = (variant.weight * entry.score) / variant.terms.length;
          if (concept[doc] === 0) conceptTouched.push(doc);
          if (score > (concept[doc] ?? 0)) concept[doc] = score;
        }
      }
    }
    if (borrowing) {
      // A passage pointing back at this one ("That's not a surprise") has its words as its own,
      // concept by concept: what it says itself is not counted twice.
      const borrowed: Array<[number, number]> = [];
      for (const doc of conceptTouched) {
        for (let next = doc + 1; next <= doc + 2 && next < index.docCount; next += 1) {
          if (index.previousDoc[next] === doc && index.refersBack[next] === 1)
            borrowed.push([next, ANAPHOR_CONTEXT_WEIGHT * (concept[doc] ?? 0)]);
        }
      }
      for (const [next, score] of borrowed) {
        if (score <= (concept[next] ?? 0)) continue;
        if (concept[next] === 0) conceptTouched.push(next);
        concept[next] = score;
      }
    }
    for (const doc of conceptTouched) {
      if (seen[doc] === 0) {
        seen[doc] = 1;
        touched.push(doc);
      }
      body[doc] = (body[doc] ?? 0) + (concept[doc] ?? 0);
      concept[doc] = 0;
    }
  }
  // Context field: a passage also earns a share of its predecessor's score ("He said…" follows the name).
  const heap = new TopK(RERANK_DEPTH);
  const consider = (doc: number): void => {
    const previous = index.previousDoc[doc] ?? -1;
    // A passage pointing back has its predecessor's words already, concept by concept.
    const share = borrowing && index.refersBack[doc] === 1 ? 0 : contextWeight;
    const score = (body[doc] ?? 0) + (previous >= 0 ? share * (body[previous] ?? 0) : 0);
    if (score > 0) heap.push(doc, score);
  };
  for (const doc of touched) {
    consider(doc);
    // Passages whose context is this one: the next, or the one after an intervening caption.
    for (let next = doc + 1; next <= doc + 2 && next < index.docCount; next += 1) {
      if (index.previousDoc[next] === doc && seen[next] === 0) consider(next);
    }
  }
  for (const doc of touched) {
    body[doc] = 0;
    seen[doc] = 0;
  }
  return heap.sorted().map(({ id, score }) => ({ doc: id, bm25: score }));
}

/** BM25's saturated, length-normalised term frequency of posting `p` (which belongs to passage `doc`). */
export function termFrequencyWeight(index: InvertedIndex, p: number, doc: number): number {
  const tf = index.postingTf[p] ?? 0;
  const norm = K1 * (1 - B + (B * (index.docLength[doc] ?? 0)) / index.averageLength);
  return (tf * (K1 + 1)) / (tf + norm);
}

/** Bounded min-heap keeping the k best (id, score) pairs. */
class TopK {
  private readonly items: Array<{ id: number; score: number }> = [];
  constructor(private readonly k: number) {}

  push(id: number, score: number): void {
    const items = this.items;
    if (items.length < this.k) {
      items.push({ id, score });
      let i = items.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.less(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    const root = items[0];
    if (root === undefined || score <= root.score) return;
    items[0] = { id, score };
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && this.less(left, smallest)) smallest = left;
      if (right < items.length && this.less(right, smallest)) smallest = right;
      if (smallest === i) break;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  sorted(): Array<{ id: number; score: number }> {
    return [...this.items].sort((a, b) => b.score - a.score || a.id - b.id);
  }

  private less(a: number, b: number): boolean {
    const x = this.items[a];
    const y = this.items[b];
    return x !== undefined && y !== undefined && (x.score < y.score || (x.score === y.score && x.id > y.id));
  }

  private swap(a: number, b: number): void {
    const x = this.items[a];
    const y = this.items[b];
    if (x === undefined || y === undefined) return;
    this.items[a] = y;
    this.items[b] = x;
  }
}
