import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.js';
import type { AliasTable } from '../src/corpus/types.js';
import {
  countryChoices,
  isRealCountryName,
  lookupCountry,
  realCountryNames,
  reportedCountries,
} from '../src/facts/countries.js';
import { loadFacts } from '../src/facts/load.js';
import { createFactMatcher } from '../src/facts/match.js';
import type { Decision, FactSet } from '../src/facts/types.js';

// The shipped alias table: "the us" → United States is a property of the data the bot runs on.
let facts: FactSet;
let aliases: AliasTable;
let reported: readonly string[];

beforeAll(async () => {
  const corpus = await loadCorpus('data');
  facts = await loadFacts('data', corpus);
  aliases = corpus.aliases;
  reported = reportedCountries(facts);
});

const lookup = (typed: string) => lookupCountry(typed, facts, aliases);

describe('lookupCountry: names and aliases', () => {
  it.each([
    ['United States', 'United States'],
    ['united states', 'United States'],
    ['the us', 'United States'],
    ['the US', 'United States'],
    ['US', 'United States'],
    ['U.S.', 'United States'],
    ['USA', 'United States'],
    ['America', 'United States'],
    ['Washington', 'United States'],
    ['DC', 'United States'],
    ['United States of America', 'United States'],
    ['Italy', 'Italy'],
    ['ROME', 'Italy'],
    ['Vodafone', 'Italy'],
    ['Kuala Lumpur', 'Malaysia'],
    ['KL', 'Malaysia'],
    ['Canberra', 'Australia'],
    ['Hanoi', 'Vietnam'],
    ['  japan  ', 'Japan'],
  ])('%j → %s by name', (typed, country) => {
    expect(lookup(typed)).toEqual({ kind: 'found', country, via: 'name' });
  });
});

describe('lookupCountry: misspellings of countries the facts report', () => {
  it.each([
    ['Malasia', 'Malaysia'],
    ['malaysa', 'Malaysia'],
    ['Austrailia', 'Australia'],
    ['Australa', 'Australia'],
    ['Itly', 'Italy'],
    ['Vietnma', 'Vietnam'],
    ['Viet Nam', 'Vietnam'],
    ['Japna', 'Japan'],
    ['Vodaphone', 'Italy'],
    ['Untied States', 'United States'],
  ])('%j → %s by spelling', (typed, country) => {
    expect(lookup(typed)).toEqual({ kind: 'found', country, via: 'spelling' });
  });
});

describe('lookupCountry: real countries the article reports no decision by', () => {
  it.each([
    'China',
    'china',
    'Taiwan',
    'Germany',
    'UK',
    'United Kingdom',
    'France',
    'Austria', // one edit from no reported name, but a real country all the same
    'Iran',
    'Indonesia',
    'South Korea',
    'Taiwanese',
    'Atlantis',
    'zzzzqx',
    '',
    '   ',
  ])('%j → not reported, with the list of countries it does report', (typed) => {
    expect(lookup(typed)).toEqual({ kind: 'not-reported', typed, reported });
  });

  it('the list is every reported country once, in data order', () => {
    expect(reported).toEqual([...new Set(facts.decisions.map((decision) => decision.country))]);
    expect(reported).toContain('United States');
  });

  it('knows real countries from the runtime’s region names', () => {
    for (const name of ['taiwan', 'china', 'germany', 'united kingdom', 'uk', 'malaysia'])
      expect(realCountryNames().has(name)).toBe(true);
    expect(isRealCountryName('Taiwanese', aliases)).toBe(true);
    expect(isRealCountryName('Malasia', aliases)).toBe(false);
  });

  it('autocomplete offers no other country for a real country’s full name', () => {
    for (const typed of ['China', 'Taiwan', 'Germany', 'UK'])
      expect(countryChoices(typed, facts, aliases)).toEqual([]);
    expect(countryChoices('the us', facts, aliases)[0]).toBe('United States');
    expect(countryChoices('Malasia', facts, aliases)[0]).toBe('Malaysia');
  });
});

describe('lookupCountry never throws', () => {
  it('answers any string with a reported country or the list', () => {
    const names = fc.constantFrom(
      'Malaysia',
      'U.S.',
      'China',
      'the us',
      'Rome',
      'Taiwan',
      'ı',
      'ß',
      '\u0301',
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 60 }), names),
        (typed) => {
          const result = lookup(typed);
          if (result.kind === 'found') expect(reported).toContain(result.country);
          else expect(result.reported).toEqual(reported);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the question matcher reads no real country as another', () => {
  // Every word unknown to "English", so only the country-name guard can stop a correction.
  const match = () => createFactMatcher(facts, aliases, { isEnglishWord: () => false });

  it.each(['What did Taiwan decide about Huawei?', 'Did Germany ban Huawei?', 'Did Nigeria approve Huawei?'])(
    '%j → no decision',
    (question) => {
      expect(match()(question).filter((m) => m.fact.kind === 'decision')).toEqual([]);
    },
  );

  it('a real country one edit from a reported one stays itself (Ireland is not a typo of Iceland)', () => {
    const iceland: Decision = {
      kind: 'decision',
      id: 'iceland-ban',
      articleId: 'a',
      country: 'Iceland',
      vendor: 'Huawei',
      status: 'banned',
      summary: 'Iceland banned the vendor.',
      quote: 'Iceland banned the vendor.',
      paragraph: 1,
      conditions: [],
      reasons: [],
    };
    const only = createFactMatcher(
      { decisions: [iceland], arguments: [] },
      { groups: [] },
      { isEnglishWord: () => false },
    );
    expect(only('Did Icelnd ban Huawei?').map((m) => m.fact.id)).toEqual(['iceland-ban']);
    expect(only('Did Ireland ban Huawei?')).toEqual([]);
  });

  it('still reads a misspelt reported country', () => {
    expect(match()('Did Malasia pick Huawei?')[0]?.fact).toMatchObject({
      kind: 'decision',
      country: 'Malaysia',
    });
  });
});
