/**
 * The library entry point: loads the articles and facts of a data folder and builds the search engine and
 * the fact matcher over them. The CLI and the bot both start here so they answer from the same data in the
 * same way.
 */
import { loadCorpus } from './corpus/load.js';
import type { Corpus } from './corpus/types.js';
import { createEngine } from './engine/index.js';
import type { Engine } from './engine/types.js';
import { loadFacts } from './facts/load.js';
import { createFactMatcher, type FactMatch } from './facts/match.js';
import type { FactSet } from './facts/types.js';
import { loadLexicon } from './lexicon.js';

export interface Library {
  readonly corpus: Corpus;
  readonly engine: Engine;
  readonly facts: FactSet;
  /** The decisions and arguments a question is about, best first (empty when none). */
  readonly matchFacts: (question: string) => readonly FactMatch[];
}

/** @throws DataError when the folder or one of its files (articles, aliases, facts) is unusable. */
export async function loadLibrary(dataDir: string): Promise<Library> {
  const corpus = await loadCorpus(dataDir);
  const facts = await loadFacts(dataDir, corpus);
  const lexicon = loadLexicon();
  const engine = createEngine(corpus, { lexicon });
  const matchFacts = createFactMatcher(facts, corpus.aliases, { isEnglishWord: (word) => lexicon.has(word) });
  return { corpus, engine, facts, matchFacts };
}
