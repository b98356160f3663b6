import { createEngine } from '../../src/engine/index.js';
import type { EngineOptions, SearchResult } from '../../src/engine/index.js';
import type { Corpus } from '../../src/corpus/types.js';
import type { Lexicon } from '../../src/engine/query.js';

/** Asks one question of a fresh engine over the corpus, with the lexicon and any options (rules off). */
export function askerOf(
  corpus: Corpus,
  lexicon: Lexicon,
): (question: string, options?: EngineOptions) => SearchResult {
  return (question, options = {}) => createEngine(corpus, { lexicon, ...options }).search(question);
}

/** The paragraph of the first result, or undefined for a no-match. */
export function topParagraph(result: SearchResult): number | undefined {
  return result.kind === 'answer' ? result.results[0]?.passage.paragraph : undefined;
}

/** The coverage of the first result (the share of the question's weight it covers), 0 for a no-match. */
export function topCoverage(result: SearchResult): number {
  return result.kind === 'answer' ? (result.results[0]?.coverage ?? 0) : 0;
}
