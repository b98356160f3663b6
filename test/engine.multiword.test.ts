import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../src/lexicon.js';
import { askerOf, topParagraph } from './support/ask.js';
import { memoryCorpus } from './support/memory-corpus.js';

describe('word pairs the dictionary lists as one word (rule multiword-lemmas)', () => {
  const lexicon = loadLexicon();
  const off = { disabledRules: new Set(['multiword-lemmas'] as const) };

  it.each([
    [
      'a verb and its particle (patch up → repair)',
      [
        'The club has good relations with its fans.',
        'The club wants to repair its relations with the league.',
      ],
      'will the club patch up its relations?',
    ],
    [
      'a particle after a short object, before a preposition (patch things up with → repair)',
      [
        'The club has good relations with its fans.',
        'The club wants to repair its relations with the league.',
      ],
      'is the club honestly trying to patch things up with the league now?',
    ],
    [
      'a particle after its preposition (clamp down on → restrict)',
      ['The council will discuss the club.', 'The council will restrict the club.'],
      'did the council clamp down on the club?',
    ],
    [
      'a noun compound by its broader word (olive branch → offer)',
      ['The mayor met the club.', 'Last spring the club made an offer to buy the land.'],
      'was there an olive branch from the club?',
    ],
  ])('%s', (_, texts, question) => {
    const ask = askerOf(memoryCorpus(texts), lexicon);
    expect(topParagraph(ask(question))).toBe(2);
    expect(topParagraph(ask(question, off))).not.toBe(2);
  });

  it("a compound's head is not its meaning: a European country is no evidence for any country", () => {
    const countries = memoryCorpus([
      'Several countries, among them Chile and Peru, have joined the treaty.',
      'The treaty was signed in a hotel.',
    ]);
    const ask = askerOf(countries, lexicon);
    expect(
      topParagraph(ask('which other European countries besides Chile joined the treaty?')),
    ).toBeUndefined();
  });
});
