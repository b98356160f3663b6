import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.js';
import type { AliasTable } from '../src/corpus/types.js';
import { loadFacts } from '../src/facts/load.js';
import {
  countryChoices,
  createFactMatcher,
  decisionsForCountry,
  matchFacts,
  resolveCountry,
} from '../src/facts/match.js';
import type { Argument, Decision, FactSet } from '../src/facts/types.js';

/** The tests' own alias table, so they do not depend on what data/aliases.json happens to hold. */
const ALIASES: AliasTable = {
  groups: [
    ['United States', 'US', 'U.S.', 'America', 'American', 'Washington'],
    ['Italy', 'Italian', 'Rome'],
    ['Australia', 'Australian', 'Canberra'],
    ['Malaysia', 'Malaysian', 'Kuala Lumpur'],
    ['France', 'French', 'Paris'],
    ['founder', 'Ren Zhengfei'],
    ['trust', 'distrust', 'mistrust'],
  ],
};

let facts: FactSet;

beforeAll(async () => {
  facts = await loadFacts('data', await loadCorpus('data'));
});

const ids = (question: string, limit?: number) =>
  matchFacts(question, facts, ALIASES, limit === undefined ? {} : { limit }).map((match) => match.fact.id);
const idsOf = (predicate: (fact: Decision | Argument) => boolean) =>
  [...facts.decisions, ...facts.arguments].filter(predicate).map((fact) => fact.id);
const speakerIs = (name: string) => (fact: Decision | Argument) =>
  fact.kind === 'argument' && fact.speaker !== 'the article' && fact.speaker.name === name;

describe('matchFacts on the real facts', () => {
  it.each([
    ['Why did Australia ban Huawei?', 'Australia'],
    ['Is Italy letting Vodafone use Huawei?', 'Italy'],
    ['what did Rome decide', 'Italy'],
    ["Why did Italy's government approve Huawei with conditions?", 'Italy'],
    ['Is Huawei likely to be the prime supplier in Malaysia?', 'Malaysia'],
    ['What did the U.S. decide about Huawei?', 'United States'],
    ['What did Canberra decide?', 'Australia'],
  ])('%s → leads with the %s decision', (question, country) => {
    const first = matchFacts(question, facts, ALIASES)[0]?.fact;
    expect(first?.kind).toBe('decision');
    expect(first?.kind === 'decision' && first.country).toBe(country);
  });

  it('answers "why" about a decision with the arguments it lists as reasons', () => {
    const australia = facts.decisions.find((decision) => decision.country === 'Australia');
    const found = ids('Why did Australia ban Huawei?');
    expect(australia?.reasons.length).toBeGreaterThan(0);
    for (const reason of australia?.reasons ?? []) expect(found).toContain(reason);
  });

  it('matches a speaker by name: every Vincent Peng argument, his first', () => {
    const peng = idsOf(speakerIs('Vincent Peng'));
    const found = ids('What did Vincent Peng argue?', 10);
    expect(peng.length).toBeGreaterThan(1);
    expect(found.slice(0, peng.length).sort()).toEqual([...peng].sort());
  });

  it('matches a speaker through an alias group (founder → Ren Zhengfei)', () => {
    expect(ids("What did Huawei's founder say?")[0]).toBe(idsOf(speakerIs('Ren Zhengfei'))[0]);
  });

  it('matches "which countries …" by status when no country is named', () => {
    expect(ids('Which countries banned Huawei?').sort()).toEqual(
      idsOf((fact) => fact.kind === 'decision' && fact.status === 'banned').sort(),
    );
  });

  it('reads a question asking only for the deciders of a status as about those decisions whole', () => {
    const whole = (question: string): boolean[] =>
      matchFacts(question, facts, ALIASES).map((m) => m.whole === true);
    expect(whole('countries rejecting huawei')).not.toContain(false);
    expect(whole('Which countries banned Huawei?')).not.toContain(false);
    // Asking more than that (over what fears) is not asking about the decisions alone.
    expect(whole('Which countries banned Huawei over espionage fears?')).not.toContain(true);
  });

  it('reads a chat spelling of the opening question word as the word ("wat did italy decide")', () => {
    const first = matchFacts('wat did italy decide abt huawei', facts, ALIASES)[0];
    expect(first?.fact.kind === 'decision' && first.fact.country).toBe('Italy');
    expect(first?.whole).toBe(true);
  });

  it('reads "said no to" as rejected and "say yes to" as approve', () => {
    const against = (question: string): string[] =>
      matchFacts(question, facts, ALIASES)
        .filter((m) => m.whole === true)
        .map((m) => (m.fact.kind === 'decision' ? m.fact.status : ''));
    expect(against('which countries said no to huawei')).toContain('decided-against');
    const yes = matchFacts('did italy say yes to huawei?', facts, ALIASES)[0]?.fact;
    expect(yes?.kind === 'decision' && yes.country).toBe('Italy');
  });

  it('matches "arguments against …" by side, sharing words first', () => {
    const found = matchFacts('What are the arguments against trusting Huawei?', facts, ALIASES);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((m) => m.fact.kind === 'argument' && m.fact.side === 'against-huawei-access')).toBe(
      true,
    );
    expect(found[0]?.fact.quote).toContain('trust');
  });

  it('matches an argument by shared content when the question asks about beliefs', () => {
    const first = matchFacts('What does the US believe Huawei could be forced to do?', facts, ALIASES)[0]
      ?.fact;
    expect(first?.kind).toBe('argument');
    expect(first?.quote).toContain('forced to launch cyberattacks');
  });

  it.each([
    'What is the capital of France?',
    'When is the next iPhone?',
    'Did France ban Huawei?',
    'Will they talk to us?',
    'How many 5G base stations did Ericsson ship?',
    '',
  ])('%j → nothing', (question) => {
    expect(ids(question)).toEqual([]);
  });

  it('respects the limit and ranks name-backed matches above content-only ones', () => {
    expect(ids('What did Vincent Peng argue?', 2)).toHaveLength(2);
    const scores = matchFacts('Why did Australia ban Huawei?', facts, ALIASES).map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('gives the same answers through a prepared matcher', () => {
    const match = createFactMatcher(facts, ALIASES);
    for (const question of [
      'Why did Australia ban Huawei?',
      'What did Vincent Peng argue?',
      'When is the next iPhone?',
    ]) {
      expect(match(question)).toEqual(matchFacts(question, facts, ALIASES));
    }
  });
});

describe('matchFacts is generic: the same method on other facts', () => {
  const base = { articleId: 'other', summary: '', paragraph: 1 };
  const other: FactSet = {
    decisions: [
      {
        ...base,
        kind: 'decision',
        id: 'germany-dt',
        country: 'Germany',
        operator: 'Deutsche Telekom',
        vendor: 'Ericsson',
        status: 'banned',
        conditions: [],
        reasons: [],
        quote: 'Berlin has barred Deutsche Telekom from buying Ericsson radios.',
      },
    ],
    arguments: [
      {
        ...base,
        kind: 'argument',
        id: 'minister-cost',
        speaker: { name: 'Anna Schmidt', role: 'economy minister' },
        side: 'for-huawei-access',
        quote: 'Replacing the radios would cost billions, Schmidt said.',
      },
    ],
  };
  const aliases: AliasTable = { groups: [['Germany', 'German', 'Berlin']] };
  const found = (question: string) => matchFacts(question, other, aliases).map((m) => m.fact.id);

  it.each([
    ['Why did Berlin block Ericsson?', ['germany-dt']],
    ['Is Deutsche Telekom allowed to use Ericsson?', ['germany-dt']],
    ['What did Schmidt say?', ['minister-cost']],
    ['What did the economy minister argue?', ['minister-cost']],
    ['What is the capital of Germany?', []],
  ])('%s → %j', (question, expected) => {
    expect(found(question)).toEqual(expected);
  });
});

describe('countryChoices and resolveCountry', () => {
  it.each([
    ['ita', 'Italy'],
    ['malasia', 'Malaysia'],
    ['Rome', 'Italy'],
    ['Canberra', 'Australia'],
    ['America', 'United States'],
    ['vodafone', 'Italy'],
    ['viet', 'Vietnam'],
  ])('%j → %s first', (typed, country) => {
    expect(countryChoices(typed, facts, ALIASES)[0]).toBe(country);
  });

  it('lists every country once, in data order, when nothing is typed', () => {
    const countries = [...new Set(facts.decisions.map((decision) => decision.country))];
    expect(countryChoices('', facts, ALIASES)).toEqual(countries);
    expect(countryChoices('  ', facts, ALIASES, 2)).toEqual(countries.slice(0, 2));
  });

  it('returns canonical, distinct countries only', () => {
    const choices = countryChoices('a', facts, ALIASES);
    expect(new Set(choices).size).toBe(choices.length);
    for (const choice of choices)
      expect(facts.decisions.some((decision) => decision.country === choice)).toBe(true);
  });

  it('offers nothing for text like no country', () => {
    expect(countryChoices('zzzzqx', facts, ALIASES)).toEqual([]);
  });

  it.each([
    ['italy', 'Italy'],
    ['ROME', 'Italy'],
    ['U.S.', 'United States'],
    ['malasia', 'Malaysia'],
    ['Atlantis', undefined],
    ['', undefined],
  ])('resolveCountry(%j) → %s', (typed, country) => {
    expect(resolveCountry(typed, facts, ALIASES)).toBe(country);
  });

  it('finds the decisions for a canonical country', () => {
    expect(decisionsForCountry(facts, 'Italy').map((decision) => decision.operator)).toEqual(['Vodafone']);
    expect(decisionsForCountry(facts, 'Atlantis')).toEqual([]);
  });
});

describe('matchFacts reads misspelt names when told which words are real', () => {
  // A stand-in for the English word list: the real words these questions contain.
  const REAL_WORDS = new Set(['finish', 'factory', 'decide', 'pick', 'letting', 'huawei']);
  const isEnglishWord = (word: string) => REAL_WORDS.has(word);
  const countriesFor = (question: string, withWords: boolean) =>
    matchFacts(question, facts, ALIASES, withWords ? { isEnglishWord } : {}).flatMap((match) =>
      match.fact.kind === 'decision' ? [match.fact.country] : [],
    );

  it.each([
    ['Why did Malasia pick Huawei?', 'Malaysia'],
    ['what did Austrailia decide', 'Australia'],
    ['is itally letting operators use huawei', 'Italy'],
  ])('%s → %s', (question, country) => {
    expect(countriesFor(question, true)[0]).toBe(country);
    expect(countriesFor(question, false)).not.toContain(country);
  });

  it('leaves real words alone even when they are one edit from a name ("finish" is not "Finnish")', () => {
    const finnish: AliasTable = { groups: [...ALIASES.groups, ['Finland', 'Finnish', 'Helsinki']] };
    const matches = matchFacts('When will Huawei finish the factory?', facts, finnish, { isEnglishWord });
    expect(matches.filter((match) => match.fact.kind === 'decision')).toEqual([]);
  });
});
