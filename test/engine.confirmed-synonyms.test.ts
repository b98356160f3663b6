import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/lexicon.js';
import { askerOf, topCoverage, topParagraph } from './support/ask.js';
import { memoryCorpus } from './support/memory-corpus.js';

describe('a synonym the thesaurus and the word vectors both give (rule confirmed-synonyms)', () => {
  const lexicon = loadLexicon();
  const library = memoryCorpus([
    'Most countries in the region trade heavily with the port and rely on its ferries.',
    'The harbour master says the ferry problems began with a storm last winter.',
    'The region voted to keep the old pier open.',
  ]);
  const ask = askerOf(library, lexicon);
  const off = { disabledRules: new Set(['confirmed-synonyms'] as const) };
  const coverage = (question: string, options = {}): number => topCoverage(ask(question, options));

  it('nations → countries: answers where the synonym alone is too weak to', () => {
    const question = 'what do the nations of the region have in common?';
    expect(topParagraph(ask(question))).toBe(1);
    expect(topParagraph(ask(question, off))).toBeUndefined();
  });

  it.each(['where do the ferry troubles come from?', 'when did the ferry troubles start?'])(
    '%s → troubles met by "problems" nearly like a form of the word',
    (question) => {
      expect(topParagraph(ask(question))).toBe(2);
      expect(coverage(question)).toBeGreaterThan(coverage(question, off) + 0.15);
    },
  );
});
