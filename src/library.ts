/**
 * The library entry point: loads the articles of a data folder and builds the search engine over them.
 * The CLI and the bot both start here so they answer from the same data in the same way.
 */
import { loadCorpus } from './corpus/load.js';
import type { Corpus } from './corpus/types.js';
import { createEngine } from './engine/index.js';
import type { Engine } from './engine/types.js';
import { loadLexicon } from './lexicon.js';

export interface Library {
  readonly corpus: Corpus;
  readonly engine: Engine;
}

/** @throws DataError when the folder or one of its files is unusable. */
export async function loadLibrary(dataDir: string): Promise<Library> {
  const corpus = await loadCorpus(dataDir);
  const engine = createEngine(corpus, { lexicon: loadLexicon() });
  return { corpus, engine };
}
