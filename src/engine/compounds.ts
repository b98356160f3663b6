/**
 * Compound nouns: "prime minister", "stock exchange", "light rail" name one thing, not a prime and a
 * minister. When the question uses one the dictionary lists and no passage has the two words side
 * by side, its words matched apart (the article's "prime supplier", "deputy minister") are not
 * evidence that the article covers it: the compound is one concept the article lacks.
 */
import type { InvertedIndex } from './index-build.js';
import { tokenize } from './tokenize.js';
import type { Token } from './tokenize.js';

/** Whether some passage has the two words next to each other, spaced, hyphenated or joined. */
export function corpusHasPair(index: InvertedIndex, first: Token, second: Token): boolean {
  const a = index.termIds.get(first.term);
  const b = index.termIds.get(second.term);
  if (a === undefined || b === undefined) return false;
  const docsOf = (t: number): Set<number> => {
    const docs = new Set<number>();
    for (let p = index.postingStart[t] ?? 0; p < (index.postingStart[t + 1] ?? 0); p += 1)
      docs.add(index.postingDoc[p] ?? -1);
    return docs;
  };
  const withSecond = docsOf(b);
  for (const doc of docsOf(a)) {
    if (!withSecond.has(doc)) continue;
    // Read as the index reads: a hyphenated pair (light-rail) yields both words in order too.
    const words = tokenize(index.passages[doc]?.text ?? '').filter((t) => !t.joined);
    for (let k = 0; k + 1 < words.length; k += 1) {
      if (words[k]?.term === first.term && words[k + 1]?.term === second.term) return true;
    }
    // Written as one word (cyberattack): the joined form's term.
    if (index.termIds.has(first.term + second.term)) return true;
  }
  return false;
}
