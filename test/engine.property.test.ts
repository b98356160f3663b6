import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.js';
import type { Corpus } from '../src/corpus/types.js';
import { EXCERPT_MAX_CHARS, createEngine } from '../src/engine/index.js';
import type { Engine, Lexicon, Thesaurus } from '../src/engine/index.js';
import { loadLexicon } from '../src/lexicon.js';

let corpus: Corpus;
let engine: Engine;
let passageTexts: Set<string>;
/** Internal failures the engine swallowed (it must answer anyway); the properties require none. */
const internalErrors: unknown[] = [];

beforeAll(async () => {
  corpus = await loadCorpus('data');
  engine = createEngine(corpus, {
    lexicon: loadLexicon(),
    onInternalError: (error) => internalErrors.push(error),
  });
  passageTexts = new Set(corpus.articles.flatMap((a) => a.passages.map((p) => p.text)));
});

/** Pieces that stress the tokenizer, the phrase matcher and Fuse: operators, quotes, scripts, invisibles. */
const PIECES = [
  '^',
  '=',
  '!',
  "'",
  '|',
  '"',
  '“',
  '”',
  '$',
  '\\',
  '(',
  ')',
  '[',
  '*',
  '.',
  '-',
  '–',
  ' ',
  '  ',
  '\n',
  '\t',
  '\u200b',
  '\u200d',
  '\u202e',
  '\ufeff',
  '😀',
  '👩‍👩‍👧',
  'ب',
  'ש',
  '中国',
  'é',
  'e\u0301',
  'ß',
  'İ',
  'huawei',
  'Huawei',
  '5G',
  'ban',
  'US',
  'U.S.',
  'green-light',
  'vodaphone',
  'law',
  'Italy',
  "Huawei's",
  '2018',
  'the',
];

const questions = fc.oneof(
  fc.string({ maxLength: 3_000 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 400 }).map((parts) => parts.join('')),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(' ')),
);

/** The search property: answers every string, with corpus passages and verbatim excerpts within limits. */
function searchProperty(target: Engine, errors: readonly unknown[]) {
  return fc.property(questions, fc.integer({ min: 1, max: 10 }), (question, limit) => {
    const result = target.search(question, { limit });
    expect(errors).toEqual([]);
    if (result.kind === 'no-match') {
      expect(result.suggestions.length).toBeLessThanOrEqual(3);
      return;
    }
    expect(result.results.length).toBeGreaterThan(0);
    expect(result.results.length).toBeLessThanOrEqual(limit);
    for (const hit of result.results) {
      expect(passageTexts.has(hit.passage.text)).toBe(true);
      expect(hit.passage.text.includes(hit.excerpt.text)).toBe(true);
      expect(hit.excerpt.text.length).toBeLessThanOrEqual(EXCERPT_MAX_CHARS);
      expect(Number.isFinite(hit.score)).toBe(true);
      for (const [start, end] of hit.excerpt.highlights) {
        expect(0 <= start && start < end && end <= hit.excerpt.text.length).toBe(true);
      }
    }
  });
}

/** A lexicon whose thesaurus fails: a component of the engine that throws on real English words. */
function failingLexicon(): Lexicon {
  const real = loadLexicon();
  const broken: Thesaurus = {
    related: () => {
      throw new Error('injected thesaurus failure');
    },
    lemmas: () => {
      throw new Error('injected thesaurus failure');
    },
  };
  return Object.assign(new Map(real), { thesaurus: broken });
}

describe('engine properties', () => {
  it('never throws, and returns passages of the corpus with verbatim excerpts within limits', () => {
    fc.assert(searchProperty(engine, internalErrors), { numRuns: 300 });
  });

  it('an internal failure reaches onInternalError with the question, and the user still gets a no-match', () => {
    const errors: Array<{ error: unknown; question: string }> = [];
    const broken = createEngine(corpus, {
      lexicon: failingLexicon(),
      onInternalError: (error, question) => errors.push({ error, question }),
    });
    const result = broken.search("what's the weather in sydney");
    expect(result.kind).toBe('no-match');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.question).toBe("what's the weather in sydney");
    expect((errors[0]?.error as Error).message).toBe('injected thesaurus failure');
  });

  it('the search property fails when a component of search throws', () => {
    const errors: unknown[] = [];
    const broken = createEngine(corpus, {
      lexicon: failingLexicon(),
      onInternalError: (error) => errors.push(error),
    });
    // Real English words the article lacks reach the thesaurus; the property must notice.
    const withWords = fc.property(fc.constantFrom('weather in sydney', 'what about bananas'), (q) => {
      broken.search(q);
      expect(errors).toEqual([]);
    });
    expect(() => fc.assert(withWords, { numRuns: 5 })).toThrow();
    errors.length = 0;
    expect(() => fc.assert(searchProperty(broken, errors), { numRuns: 300, seed: 1 })).toThrow();
  });

  it('autocomplete never throws and stays within its limits', () => {
    fc.assert(
      fc.property(questions, fc.integer({ min: 0, max: 25 }), (typed, limit) => {
        const suggestions = engine.suggest(typed, limit);
        expect(internalErrors).toEqual([]);
        expect(suggestions.length).toBeLessThanOrEqual(limit);
        for (const s of suggestions) expect(s.length).toBeLessThanOrEqual(100);
        const passages = engine.suggestPassages(typed, limit);
        expect(passages.length).toBeLessThanOrEqual(limit);
        for (const p of passages) expect(passageTexts.has(p.text)).toBe(true);
        expect(internalErrors).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
