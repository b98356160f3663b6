import { describe, expect, it } from 'vitest';
import { prepareLexicon } from '../src/engine/lexicon-info.js';
import { parseQuery, prepareAliases } from '../src/engine/query.js';
import type { Concept } from '../src/engine/query.js';
import { ruleSwitches } from '../src/engine/rules.js';
import type { RuleName } from '../src/engine/rules.js';
import { DERIVATION_WEIGHT } from '../src/engine/weights.js';
import { buildIndex } from '../src/engine/index-build.js';
import { baseForms, onlyFamilyOf } from '../src/engine/inflections.js';
import { loadLexicon } from '../src/lexicon.js';
import { memoryCorpus } from './support/memory-corpus.js';

const lexicon = loadLexicon();

describe('baseForms: the forms an inflected word may come from', () => {
  it.each([
    ['nations', ['nation']],
    ['worried', ['worry']],
    ['banned', ['ban']],
    ['approved', ['approve']],
    ['competing', ['compete']],
    ['countries', ['country']],
  ])('%s comes from %j', (word, bases) => {
    expect(baseForms(word)).toEqual(expect.arrayContaining([word, ...bases]));
  });

  it('strips no derivational ending (national, generally stay themselves)', () => {
    expect(baseForms('national')).toEqual(['national']);
    expect(baseForms('generally')).toEqual(['generally']);
  });
});

describe('onlyFamilyOf: a stem the corpus writes only as another word of the family', () => {
  const index = buildIndex(
    memoryCorpus(['The national network was approved.', 'Both nations talk often.', 'Talks stalled.']),
  );
  const term = (word: string): number => index.termIds.get(word) ?? -1;

  it('is false when some written form is an inflection of the question word', () => {
    // "nations" (passage 2) is written; "approved" is a form of "approve"; "talk" of "talks".
    expect(onlyFamilyOf('nation', term('nation'), index)).toBe(false);
    expect(onlyFamilyOf('approve', term('approv'), index)).toBe(false);
    expect(onlyFamilyOf('talks', term('talk'), index)).toBe(false);
  });

  it('is true when every written form is another member of the family', () => {
    const only = buildIndex(memoryCorpus(['The national network was approved.']));
    expect(onlyFamilyOf('nations', only.termIds.get('nation') ?? -1, only)).toBe(true);
  });
});

describe('a question word met only by another word of its family (rule inflections-only)', () => {
  const corpus = memoryCorpus([
    'The national ferry network will close two piers next year.',
    'Several countries have doubts about the ferry operator.',
  ]);
  const index = buildIndex(corpus);
  const nations = (disabled?: ReadonlySet<RuleName>): Concept | undefined =>
    parseQuery('What do nations think of the ferry operator?', {
      index,
      aliases: prepareAliases({ groups: [] }),
      lexicon: prepareLexicon(lexicon),
      rules: ruleSwitches(disabled),
    }).concepts.find((c) => c.label === 'nations');
  const weightOf = (concept: Concept | undefined, word: string): number | undefined =>
    concept?.variants.find((v) => v.terms.length === 1 && index.terms[v.terms[0] ?? -1] === word)?.weight;

  it('counts as a derivation, and leaves room for the word\'s synonyms ("nations" → countries)', () => {
    const concept = nations();
    expect(weightOf(concept, 'nation')).toBe(DERIVATION_WEIGHT);
    expect(weightOf(concept, 'countri')).toBeGreaterThan(0);
  });

  it('with the rule off, the stem meets "national" as if it were the word itself', () => {
    const concept = nations(new Set(['inflections-only']));
    expect(weightOf(concept, 'nation')).toBe(1);
    expect(weightOf(concept, 'countri')).toBeUndefined();
  });
});
