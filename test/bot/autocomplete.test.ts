import { describe, expect, it } from 'vitest';
import { countryInSentence, factQuestions } from '../../src/bot/autocomplete.js';
import type { Argument, Decision } from '../../src/facts/types.js';

const decision = (over: Partial<Decision>): Decision => ({
  kind: 'decision',
  id: 'd',
  articleId: 'a',
  summary: 's',
  quote: 'q',
  paragraph: 1,
  country: 'Atlantis',
  vendor: 'Acme',
  status: 'banned',
  conditions: [],
  reasons: [],
  ...over,
});
const argument = (over: Partial<Argument>): Argument => ({
  kind: 'argument',
  id: 'x',
  articleId: 'a',
  summary: 's',
  quote: 'q',
  paragraph: 1,
  speaker: 'the article',
  side: 'describes-position',
  ...over,
});

describe('questions derived from facts', () => {
  it('asks what a country decided, why (when the facts give reasons) and on what conditions', () => {
    expect(
      factQuestions({
        decisions: [
          decision({ reasons: ['r'] }),
          decision({ country: 'Utopia', status: 'conditionally-approved', conditions: ['c'] }),
          decision({ country: 'United Provinces', status: 'likely-to-select', reasons: ['r'] }),
        ],
        arguments: [],
      }),
    ).toEqual([
      'What did Atlantis decide about Acme?',
      'Why did Atlantis ban Acme?',
      'What did Utopia decide about Acme?',
      'What conditions did Utopia put on Acme?',
      'What did the United Provinces decide about Acme?',
      'Why is the United Provinces likely to pick Acme?',
    ]);
  });

  it('asks about people by name and about each side, not about the article’s own voice', () => {
    expect(
      factQuestions({
        decisions: [],
        arguments: [
          argument({ speaker: { name: 'Ada Lovelace', role: 'analyst' }, side: 'for-huawei-access' }),
          argument({ speaker: { name: 'US government', role: 'state' }, side: 'against-huawei-access' }),
          argument({}),
        ],
      }),
    ).toEqual([
      'What did Ada Lovelace say?',
      "Why do some argue for Huawei's access?",
      "Why do some argue against Huawei's access?",
    ]);
  });

  it.each([
    ['Italy', 'Italy'],
    ['United States', 'the United States'],
    ['Netherlands', 'the Netherlands'],
    ['Philippines', 'the Philippines'],
    ['South Korea', 'South Korea'],
  ])('%s reads as "%s" in a sentence', (country, phrase) => {
    expect(countryInSentence(country)).toBe(phrase);
  });
});
