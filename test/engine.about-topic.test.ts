import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/lexicon.js';
import { askerOf, topParagraph } from './support/ask.js';
import { memoryCorpus } from './support/memory-corpus.js';

describe('an absent noun in what the question says it is about (rule about-topic)', () => {
  const lexicon = loadLexicon();
  const library = memoryCorpus([
    'The ferry operator repeated its offer to license its booking tech to a harbour firm.',
    'The council said the pier opens in May.',
    'Tourists crowd the beach in summer.',
  ]);
  const ask = askerOf(library, lexicon);

  it('is a paraphrase when the passage speaks of more of the topic than the article lacks', () => {
    const question = 'What offer has the operator repeated about licensing its booking technology?';
    expect(topParagraph(ask(question))).toBe(1);
  });

  it('refuses when what the article lacks outweighs the part of the topic it has', () => {
    expect(topParagraph(ask("What did the operator say about the firm's revenue?"))).toBeUndefined();
    expect(topParagraph(ask('What did the council say about the population?'))).toBeUndefined();
  });
});
