import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.js';
import type { Corpus } from '../src/corpus/types.js';
import { EXCERPT_MAX_CHARS, createEngine } from '../src/engine/index.js';
import type { Engine } from '../src/engine/index.js';
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

describe('engine properties', () => {
  it('never throws, and returns passages of the corpus with verbatim excerpts within limits', () => {
    fc.assert(
      fc.property(questions, fc.integer({ min: 1, max: 10 }), (question, limit) => {
        const result = engine.search(question, { limit });
        expect(internalErrors).toEqual([]);
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
      }),
      { numRuns: 300 },
    );
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
