import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataError } from '../src/corpus/errors.js';
import { loadCorpus } from '../src/corpus/load.js';
import type { Corpus } from '../src/corpus/types.js';
import { loadFacts, validateFacts } from '../src/facts/load.js';
import { argumentsBySide, decisionsByStatus } from '../src/facts/match.js';
import {
  ARGUMENT_SIDES,
  DECISION_STATUSES,
  THE_ARTICLE,
  factRecord,
  factSubject,
  speakerLabel,
  type Fact,
  type FactSet,
} from '../src/facts/types.js';

const FIXTURES = 'test/fixtures/facts';
const ARTICLE = 'huawei-5g-wins';

let corpus: Corpus;
let facts: FactSet;

beforeAll(async () => {
  corpus = await loadCorpus('data');
  facts = await loadFacts('data', corpus);
});

function paragraphText(paragraph: number): string {
  const article = corpus.articles.find((candidate) => candidate.id === ARTICLE);
  const passage = article?.passages.find((p) => p.kind === 'paragraph' && p.paragraph === paragraph);
  if (passage === undefined) throw new Error(`no ¶${paragraph}`);
  return passage.text;
}

describe('the real facts file', () => {
  it('cites every quote verbatim in its paragraph (checked here independently of the loader)', () => {
    const all: Fact[] = [...facts.decisions, ...facts.arguments];
    expect(all.length).toBeGreaterThan(0);
    for (const fact of all) {
      expect(fact.articleId, fact.id).toBe(ARTICLE);
      expect(paragraphText(fact.paragraph), fact.id).toContain(fact.quote);
    }
    for (const decision of facts.decisions) {
      for (const condition of decision.conditions)
        expect(paragraphText(decision.paragraph)).toContain(condition);
    }
  });

  it.each([
    ['Malaysia', 'likely-to-select', 4],
    ['Italy', 'conditionally-approved', 7],
    ['Japan', 'decided-against', 9],
    ['India', 'decided-against', 9],
    ['Vietnam', 'decided-against', 9],
    ['Australia', 'banned', 17],
    ['United States', 'banned', 12],
  ] as const)('records %s as %s, citing ¶%i', (country, status, paragraph) => {
    const found = facts.decisions.filter((decision) => decision.country === country);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ status, paragraph, vendor: 'Huawei' });
  });

  it('keeps Italy’s conditions and operator, and dates only what the article dates', () => {
    const italy = facts.decisions.find((decision) => decision.country === 'Italy');
    expect(italy?.operator).toBe('Vodafone');
    expect(italy?.conditions).toEqual([
      "limits on Huawei's ability to remotely manage the network",
      'high security threshold',
    ]);
    const dated = facts.decisions.filter((decision) => decision.when !== undefined);
    expect(dated.map((decision) => [decision.country, decision.when])).toEqual([['Australia', '2018']]);
  });

  it.each([
    // [paragraph, speaker name or the article, side]: the arguments the issue lists by name
    [3, 'Kian Ming Ong', 'for-huawei-access'],
    [5, THE_ARTICLE, 'describes-position'],
    [8, THE_ARTICLE, 'describes-position'],
    [9, THE_ARTICLE, 'describes-position'],
    [12, 'Vincent Peng', 'for-huawei-access'],
    [13, 'US government', 'against-huawei-access'],
    [14, 'Vincent Peng', 'for-huawei-access'],
    [15, 'Vincent Peng', 'for-huawei-access'],
    [15, THE_ARTICLE, 'against-huawei-access'],
    [16, THE_ARTICLE, 'against-huawei-access'],
    [17, THE_ARTICLE, 'against-huawei-access'],
    [17, 'Australian cybersecurity experts', 'against-huawei-access'],
    [19, 'Ren Zhengfei', 'for-huawei-access'],
    [19, THE_ARTICLE, 'against-huawei-access'],
    [20, THE_ARTICLE, 'describes-position'],
  ] as const)('has an argument in ¶%i by %s (%s)', (paragraph, speaker, side) => {
    const found = facts.arguments.filter(
      (argument) =>
        argument.paragraph === paragraph &&
        argument.side === side &&
        (argument.speaker === THE_ARTICLE ? THE_ARTICLE : argument.speaker.name) === speaker,
    );
    expect(found.length).toBeGreaterThan(0);
  });

  it('links every decision reason to an argument that exists', () => {
    const ids = new Set(facts.arguments.map((argument) => argument.id));
    for (const decision of facts.decisions)
      for (const reason of decision.reasons) expect(ids).toContain(reason);
    expect(facts.decisions.find((d) => d.country === 'Australia')?.reasons).toContain(
      'national-intelligence-law',
    );
  });

  it('groups decisions by status and arguments by side in vocabulary order', () => {
    const byStatus = decisionsByStatus(facts);
    expect(byStatus.map((group) => group.status)).toEqual(
      DECISION_STATUSES.filter((status) => facts.decisions.some((d) => d.status === status)),
    );
    expect(byStatus.flatMap((group) => group.decisions)).toHaveLength(facts.decisions.length);
    const bySide = argumentsBySide(facts);
    expect(bySide.map((group) => group.side)).toEqual([...ARGUMENT_SIDES]);
    expect(bySide.flatMap((group) => group.arguments)).toHaveLength(facts.arguments.length);
    const against = argumentsBySide(facts, 'against-huawei-access');
    expect(against).toHaveLength(1);
    expect(against[0]?.arguments.every((argument) => argument.side === 'against-huawei-access')).toBe(true);
  });

  it('labels speakers and subjects for listings', () => {
    const peng = facts.arguments.find((argument) => argument.id === 'peng-hopes-for-talks');
    expect(peng && speakerLabel(peng.speaker)).toBe('Vincent Peng (Huawei board member)');
    const italy = facts.decisions.find((decision) => decision.country === 'Italy');
    expect(italy && factSubject(italy)).toBe('Italy (Vodafone)');
  });

  it('renders a fact as the JSON record the CLI lists (kind, subject, status or side, quote, ¶)', () => {
    const italy = facts.decisions.find((decision) => decision.country === 'Italy');
    const peng = facts.arguments.find((argument) => argument.id === 'peng-hopes-for-talks');
    if (italy === undefined || peng === undefined) throw new Error('fixture facts missing');
    expect(factRecord(italy)).toEqual({
      kind: 'decision',
      id: 'italy-vodafone',
      subject: 'Italy (Vodafone)',
      status: 'conditionally-approved',
      conditions: italy.conditions,
      quote: italy.quote,
      paragraph: 7,
      articleId: ARTICLE,
    });
    expect(factRecord(peng)).toEqual({
      kind: 'argument',
      id: 'peng-hopes-for-talks',
      subject: 'Vincent Peng',
      side: 'for-huawei-access',
      quote: peng.quote,
      paragraph: 12,
      articleId: ARTICLE,
    });
  });
});

describe('argumentsBySide and decisionsByStatus on empty facts', () => {
  it('return no groups, except an explicitly asked side (empty, so the caller can say so)', () => {
    const none: FactSet = { decisions: [], arguments: [] };
    expect(decisionsByStatus(none)).toEqual([]);
    expect(argumentsBySide(none)).toEqual([]);
    expect(argumentsBySide(none, 'for-huawei-access')).toEqual([
      { side: 'for-huawei-access', arguments: [] },
    ]);
  });
});

describe('loadFacts errors name the file and the entry', () => {
  const file = (dir: string, name = 'huawei-5g-wins.facts.json') => `${FIXTURES}/${dir}/${name}`;

  it.each([
    [
      'quote-not-verbatim',
      `${file('quote-not-verbatim')}: decisions[0] (italy-vodafone): quote is not verbatim in ¶7 of huawei-5g-wins`,
    ],
    [
      'quote-retyped-dash',
      `${file('quote-retyped-dash')}: arguments[0] (huawei-hopes-us-drops-bans): quote is not verbatim in ¶1 of ` +
        'huawei-5g-wins (it matches only once quotes, dashes and spaces are normalised: copy it from the article)',
    ],
    [
      'unknown-status',
      `${file('unknown-status')}: decisions[0] (italy-vodafone): status "maybe" is unknown ` +
        '(allowed: approved, conditionally-approved, likely-to-select, decided-against, banned)',
    ],
    [
      'unknown-side',
      `${file('unknown-side')}: arguments[0] (peng-hopes-for-talks): side "pro-huawei" is unknown ` +
        '(allowed: for-huawei-access, against-huawei-access, describes-position)',
    ],
    [
      'unknown-article',
      `${file('unknown-article')}: article "huawei-6g-wins" is not in the corpus (known: huawei-5g-wins)`,
    ],
    ['missing-field', `${file('missing-field')}: decisions[0] (italy-vodafone): field "country" is missing`],
    [
      'wrong-type',
      `${file('wrong-type')}: decisions[0] (italy-vodafone): field "paragraph" must be a positive integer`,
    ],
    [
      'no-such-paragraph',
      `${file('no-such-paragraph')}: arguments[0] (peng-hopes-for-talks): paragraph 42 does not exist in ` +
        'huawei-5g-wins (it has ¶1..¶21)',
    ],
    [
      'duplicate-id',
      `${file('duplicate-id')}: arguments[1] (peng-hopes-for-talks): duplicate id: arguments[0] in ` +
        `${file('duplicate-id')} already uses it`,
    ],
    [
      'duplicate-across-files',
      `${file('duplicate-across-files', 'b.facts.json')}: arguments[0] (peng-hopes-for-talks): duplicate id: ` +
        `arguments[0] in ${file('duplicate-across-files', 'a.facts.json')} already uses it`,
    ],
    [
      'condition-not-verbatim',
      `${file('condition-not-verbatim')}: decisions[0] (italy-vodafone): condition "a low security threshold" ` +
        'is not verbatim in ¶7 of huawei-5g-wins',
    ],
    [
      'unknown-reason',
      `${file('unknown-reason')}: decisions[0] (italy-vodafone): reason "no-such-argument" is not the id of an ` +
        'argument in this file',
    ],
    [
      'bad-speaker',
      `${file('bad-speaker')}: arguments[0] (peng-hopes-for-talks): field "speaker" must be "the article" or ` +
        'an object with non-empty string "name" and "role"',
    ],
    [
      'unknown-field',
      `${file('unknown-field')}: decisions[0] (italy-vodafone): unknown field "qoute" (allowed: id, country, ` +
        'operator, vendor, status, summary, conditions, when, reasons, quote, paragraph)',
    ],
  ])('%s', async (dir, problem) => {
    const error = await loadFacts(`${FIXTURES}/${dir}`, corpus).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toBe(`data error: ${problem}`);
  });

  it('loads the valid fixture (so the broken ones fail for the one thing each breaks)', async () => {
    const loaded = await loadFacts(`${FIXTURES}/valid`, corpus);
    expect(loaded.decisions.map((d) => d.id)).toEqual(['italy-vodafone']);
    expect(loaded.arguments.map((a) => a.id)).toEqual(['peng-hopes-for-talks']);
  });

  it('returns no facts for a folder without facts files', async () => {
    expect(await loadFacts(`${FIXTURES}/no-facts`, corpus)).toEqual({ decisions: [], arguments: [] });
  });

  it('reports invalid JSON with the file name', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'facts-'));
    try {
      await writeFile(path.join(dir, 'broken.facts.json'), '{ "article": ');
      const error = await loadFacts(dir, corpus).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).file).toBe(
        path.relative(process.cwd(), path.join(dir, 'broken.facts.json')),
      );
      expect((error as DataError).problem).toMatch(/^invalid JSON: /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('validateFacts (pure)', () => {
  const validate = (raw: unknown) => () => validateFacts(raw, 'x.facts.json', corpus);

  it.each([
    [null, 'top level must be an object with "article", "decisions" and "arguments"'],
    [[], 'top level must be an object with "article", "decisions" and "arguments"'],
    [{ article: ARTICLE, decisions: [] }, 'field "arguments" is missing'],
    [{ article: ARTICLE, decisions: {}, arguments: [] }, 'field "decisions" must be an array'],
    [{ article: 7, decisions: [], arguments: [] }, 'field "article" must be a non-empty string'],
    [
      { article: ARTICLE, decisions: [], arguments: [], extra: 1 },
      'unknown field "extra" at top level (allowed: article, decisions, arguments)',
    ],
    [{ article: ARTICLE, decisions: ['x'], arguments: [] }, 'decisions[0]: must be an object'],
    [
      { article: ARTICLE, decisions: [{ country: 'Italy' }], arguments: [] },
      'decisions[0]: field "id" is missing',
    ],
    [
      { article: ARTICLE, decisions: [], arguments: [{ id: 'Bad Id' }] },
      'arguments[0] (Bad Id): id "Bad Id" must be lowercase letters, digits and dashes',
    ],
  ])('refuses %j', (raw, problem) => {
    expect(validate(raw)).toThrow(new DataError('x.facts.json', problem));
  });

  it('accepts an empty facts file', () => {
    expect(validateFacts({ article: ARTICLE, decisions: [], arguments: [] }, 'x.facts.json', corpus)).toEqual(
      {
        decisions: [],
        arguments: [],
      },
    );
  });
});
