import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/lexicon.js';
import { askerOf, topCoverage, topParagraph } from './support/ask.js';
import { memoryCorpus } from './support/memory-corpus.js';

describe('a broader word of the question word (rule broader-words)', () => {
  const lexicon = loadLexicon();
  const library = memoryCorpus([
    'The embassy opened a new office in the capital last spring.',
    'Under the new rules every national must register with the embassy within a month.',
    'The farmers make cheese from the milk of their own goats.',
    'The herders sell the milk of their own goats and sheep.',
  ]);
  const ask = askerOf(library, lexicon);
  const off = { disabledRules: new Set(['broader-words'] as const) };
  const coverage = (question: string, options = {}): number => topCoverage(ask(question, options));

  it('citizens → national: the passage saying the broader word answers', () => {
    const question = 'what do citizens have to do at the embassy?';
    expect(topParagraph(ask(question))).toBe(2);
    expect(topParagraph(ask(question, off))).not.toBe(2);
  });

  it('an everyday broader word (oblige → make) counts for less than a rarer one (peddle → sell)', () => {
    const gain = (question: string): number => coverage(question) - coverage(question, off);
    const everyday = gain('what obliges the farmers?');
    const rare = gain('what do the herders peddle?');
    expect(everyday).toBeGreaterThanOrEqual(0);
    expect(rare).toBeGreaterThan(0);
    expect(everyday).toBeLessThan(rare * 0.75);
  });
});
