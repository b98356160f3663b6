import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/lexicon.js';
import { askerOf, topParagraph } from './support/ask.js';
import { memoryCorpus } from './support/memory-corpus.js';

describe('an adjective the article lacks, before the noun it narrows (rule absent-modifier)', () => {
  const lexicon = loadLexicon();
  const library = memoryCorpus([
    'The harbour council approved the ferry timetable for the summer.',
    'Many small towns cannot pay for the alternatives to the old diesel ferry.',
    'Residents complained about noise on the pier.',
  ]);
  const ask = askerOf(library, lexicon);
  const off = { disabledRules: new Set(['absent-modifier'] as const) };
  const narrowed = ['which electric alternatives are unaffordable?', 'what reliable alternatives exist?'];

  it.each(narrowed)('%s → the passage about the noun, though the article lacks the adjective', (question) => {
    expect(topParagraph(ask(question))).toBe(2);
  });

  it.each(narrowed)('%s → refused with the rule off: the adjective weighs in full', (question) => {
    expect(topParagraph(ask(question, off))).toBeUndefined();
  });

  it('still refuses when the noun itself is what the article lacks', () => {
    expect(topParagraph(ask('how much do electric submarines cost?'))).toBeUndefined();
  });
});
