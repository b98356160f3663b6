/**
 * Distributional neighbours: the article's words used like a question word the article lacks
 * (promise for pledge, factory for plant), read from a table of each English word's nearest words
 * by vector cosine (src/word-neighbours.ts). A neighbour is weak evidence: vectors place related
 * words (Italy, Germany; rain, weather) as close as synonyms, so neighbours are weighted and capped
 * like thesaurus synonyms. A table lookup, not a scan of the vocabulary: the cost per question word
 * does not grow with the corpus.
 */
import type { InvertedIndex } from './index-build.js';
import type { WordNeighbours } from './lexicon-info.js';
import type { Variant } from './query.js';
import { stem } from './tokenize.js';
import {
  CONFIRMED_SYNONYM_WEIGHT,
  MAX_NEIGHBOURS,
  MAX_SYNONYM_COVER,
  MIN_RELATED_WEIGHT,
  NEIGHBOUR_MIN_COSINE,
  SYNONYM_WEIGHT,
} from './weights.js';

/**
 * Variants for a question word from its table neighbours at cosine ≥ NEIGHBOUR_MIN_COSINE that the
 * index has (the nearest MAX_NEIGHBOURS terms), weighted by cosine and by how specific the word is.
 */
export function neighbourVariants(
  word: string,
  table: WordNeighbours,
  index: InvertedIndex,
  existing: readonly Variant[],
  usable: (id: number) => boolean,
  specific: number,
): Variant[] {
  const found: Variant[] = [];
  for (const { id, cosine } of closeTerms(word, table, index)) {
    if (found.length >= MAX_NEIGHBOURS) break;
    if (!usable(id) || [...existing, ...found].some((v) => v.terms[0] === id)) continue;
    const weight = SYNONYM_WEIGHT * cosine * specific;
    if (weight < MIN_RELATED_WEIGHT) continue;
    found.push({ terms: [id], weight, cover: Math.min(weight, MAX_SYNONYM_COVER) });
  }
  return found;
}

/**
 * Thesaurus synonyms from `from` on that are also among the word's close vector neighbours: two
 * independent sources agree that the article word is used for the question word (nations/countries,
 * troubles/problems, admit/acknowledge), so it counts like a derived form rather than a mere synonym.
 */
export function confirmSynonyms(
  word: string,
  table: WordNeighbours,
  index: InvertedIndex,
  variants: Variant[],
  from: number,
): void {
  const close = new Set([...closeTerms(word, table, index)].map(({ id }) => id));
  for (let k = from; k < variants.length; k += 1) {
    const variant = variants[k];
    const term = variant?.terms.length === 1 ? variant.terms[0] : undefined;
    if (variant === undefined || term === undefined || !close.has(term)) continue;
    if (variant.weight >= CONFIRMED_SYNONYM_WEIGHT) continue;
    variants[k] = { terms: variant.terms, weight: CONFIRMED_SYNONYM_WEIGHT, cover: CONFIRMED_SYNONYM_WEIGHT };
  }
}

/** The index terms of the word's table neighbours at cosine ≥ NEIGHBOUR_MIN_COSINE, nearest first. */
function* closeTerms(
  word: string,
  table: WordNeighbours,
  index: InvertedIndex,
): Generator<{ readonly id: number; readonly cosine: number }> {
  for (const { word: near, cosine } of table.neighbours(word)) {
    if (cosine < NEIGHBOUR_MIN_COSINE) return;
    const id = index.termIds.get(stem(near));
    if (id !== undefined) yield { id, cosine };
  }
}
