/**
 * The library entry point: loads the articles and facts of a data folder and builds the search engine and
 * the fact matcher over them. The CLI and the bot both start here so they answer from the same data in the
 * same way.
 */
import { randomUUID } from 'node:crypto';
import { loadCorpus } from './corpus/load.js';
import type { Corpus } from './corpus/types.js';
import { createEngine } from './engine/index.js';
import type { RuleName } from './engine/rules.js';
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

/** Called with an internal engine error, the question it failed on and a short reference to quote. */
export type InternalErrorHook = (error: unknown, question: string, reference: string) => void;

export interface LibraryOptions {
  /** Where internal engine errors go (default: stderr, see logInternalErrorToStderr). */
  readonly onInternalError?: InternalErrorHook;
  /** Engine rules switched off (ablation in `npm run eval -- --ablation`); none in production. */
  readonly disabledRules?: ReadonlySet<RuleName>;
}

/** The CLI's report of an engine failure: the user got a no-match, the operator gets the stack. */
export const logInternalErrorToStderr: InternalErrorHook = (error, question, reference) => {
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(
    `engine: internal error [ref ${reference}] on question ${JSON.stringify(question)}\n${stack}\n`,
  );
};

/** @throws DataError when the folder or one of its files (articles, aliases, facts) is unusable. */
export async function loadLibrary(dataDir: string, options: LibraryOptions = {}): Promise<Library> {
  const corpus = await loadCorpus(dataDir);
  const facts = await loadFacts(dataDir, corpus);
  const lexicon = loadLexicon();
  const hook = options.onInternalError ?? logInternalErrorToStderr;
  const engine = createEngine(corpus, {
    lexicon,
    onInternalError: (error, question) => hook(error, question, randomUUID().slice(0, 8)),
    ...(options.disabledRules === undefined ? {} : { disabledRules: options.disabledRules }),
  });
  const matchFacts = createFactMatcher(facts, corpus.aliases, { isEnglishWord: (word) => lexicon.has(word) });
  return { corpus, engine, facts, matchFacts };
}
