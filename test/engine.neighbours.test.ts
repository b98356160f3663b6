import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/engine/index.js';
import type { Lexicon, Neighbour, SearchResult, WordNeighbours } from '../src/engine/index.js';
import { NEIGHBOUR_MIN_COSINE } from '../src/engine/weights.js';
import { WORD_NEIGHBOURS_FILE, loadWordNeighbours, parseWordNeighbours } from '../src/word-neighbours.js';
import { memoryCorpus } from './support/memory-corpus.js';

/** A file in the assets/word-neighbours.bin format, with fields that can be spoilt one at a time. */
function tableFile(
  words: readonly string[],
  near: readonly (readonly [id: number, cosine255: number])[][],
  header: { magic?: string; version?: number; most?: number; count?: number } = {},
): Buffer {
  const list = Buffer.from(words.join('\n'), 'utf8');
  const head = Buffer.alloc(16);
  head.write(header.magic ?? 'WNBR', 0, 'ascii');
  head.writeUInt16LE(header.version ?? 1, 4);
  head.writeUInt16LE(header.most ?? 4, 6);
  head.writeUInt32LE(header.count ?? words.length, 8);
  head.writeUInt32LE(list.length, 12);
  const counts = Buffer.from(near.map((entries) => entries.length));
  const entries = Buffer.alloc(near.flat().length * 3);
  near.flat().forEach(([id, cosine], k) => {
    entries.writeUInt16LE(id, k * 3);
    entries.writeUInt8(cosine, k * 3 + 2);
  });
  return Buffer.concat([head, list, counts, entries]);
}

describe('word neighbours (assets/word-neighbours.bin)', () => {
  const table = loadWordNeighbours();
  const cosineOf = (word: string, other: string): number | undefined =>
    table.neighbours(word).find((n) => n.word === other)?.cosine;

  it('lists the words used alike, nearest first, and nothing for unknown words', () => {
    expect(cosineOf('nations', 'countries')).toBeGreaterThan(NEIGHBOUR_MIN_COSINE);
    expect(cosineOf('plant', 'factory')).toBeGreaterThan(NEIGHBOUR_MIN_COSINE);
    expect(cosineOf('nations', 'banana')).toBeUndefined();
    const cosines = table.neighbours('nations').map((n) => n.cosine);
    expect(cosines).toEqual([...cosines].sort((a, b) => b - a));
    expect(table.neighbours('xqzvbn')).toEqual([]);
    expect(table.neighbours('Nations')).toEqual([]); // the list is lower case; callers fold
  });

  it('parses a well-formed file', () => {
    const parsed = parseWordNeighbours(
      tableFile(['up', 'down', 'rise'], [[[2, 204]], [], [[0, 204]]]),
      'small.bin',
    );
    expect(parsed.neighbours('up')).toEqual([{ word: 'rise', cosine: 0.8 }]);
    expect(parsed.neighbours('down')).toEqual([]);
  });

  it.each([
    [
      'a short header',
      Buffer.from('WNBR'),
      'word-neighbours: bad.bin: header: 4 bytes, expected at least 16',
    ],
    [
      'another magic',
      tableFile(['up'], [[]], { magic: 'WVEC' }),
      'word-neighbours: bad.bin: magic: expected "WNBR"',
    ],
    [
      'another version',
      tableFile(['up'], [[]], { version: 2 }),
      'word-neighbours: bad.bin: version: 2, this build reads 1',
    ],
    [
      'a word list that disagrees with the count',
      tableFile(['up', 'down'], [[], [], []], { count: 3 }),
      'word-neighbours: bad.bin: words: 2 in the word list, header says 3',
    ],
    [
      'more neighbours than the header allows',
      tableFile(['up', 'down'], [[[1, 200]], [[0, 200]]], { most: 0 }),
      'word-neighbours: bad.bin: counts: word "up" has 1 neighbours, header allows 0',
    ],
    [
      'a truncated entry block',
      tableFile(['up', 'down'], [[[1, 200]], [[0, 200]]]).subarray(0, -1),
      'word-neighbours: bad.bin: length: 30 bytes, expected 31 for the counts given',
    ],
    [
      'a neighbour outside the list',
      tableFile(['up', 'down'], [[[7, 200]], []]),
      'word-neighbours: bad.bin: neighbours: entry 0 names word 7, the list has 2',
    ],
  ])('rejects %s, naming the file and the field', (_, bytes, message) => {
    expect(() => parseWordNeighbours(bytes, 'bad.bin')).toThrow(message);
  });

  it('names the file it cannot read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wnbr-'));
    const missing = path.join(dir, 'none.bin');
    expect(() => loadWordNeighbours(missing)).toThrow(`word-neighbours: cannot read ${missing}:`);
    const spoilt = path.join(dir, 'spoilt.bin');
    writeFileSync(spoilt, tableFile(['up'], [[]], { version: 9 }));
    expect(() => loadWordNeighbours(spoilt)).toThrow(
      `word-neighbours: ${spoilt}: version: 9, this build reads 1`,
    );
    expect(WORD_NEIGHBOURS_FILE.endsWith(path.join('assets', 'word-neighbours.bin'))).toBe(true);
  });
});

describe('rule embedding-neighbours', () => {
  const texts = ['The harbour office will close in June.', 'The plant will close in May.'];
  // Made-up neighbours: factory is used like plant (0.9); banana only loosely (0.5, below the threshold).
  const near: Record<string, readonly Neighbour[]> = {
    factory: [{ word: 'plants', cosine: 0.9 }],
    banana: [{ word: 'plant', cosine: 0.5 }],
  };
  const fakeTable: WordNeighbours = { neighbours: (word) => near[word] ?? [] };
  const words = ['the', 'plant', 'will', 'close', 'in', 'may', 'harbour', 'office', 'june'];
  const lexicon = (withNeighbours: boolean): Lexicon => {
    const counts = new Map<string, number>([...words, 'factory', 'banana', 'when'].map((w) => [w, 1]));
    for (let k = 0; k < 10_000; k += 1) counts.set(`filler${k}`, 1);
    return withNeighbours ? Object.assign(counts, { neighbours: fakeTable }) : counts;
  };
  const top = (result: SearchResult): number | 'no-match' =>
    result.kind === 'answer' ? (result.results[0]?.passage.paragraph ?? 'no-match') : 'no-match';

  it('meets a paraphrase through a neighbour the article has (in another form)', () => {
    const engine = createEngine(memoryCorpus(texts), { lexicon: lexicon(true) });
    expect(top(engine.search('When will the factory close?'))).toBe(2);
  });

  it('gives a loosely related word no neighbour: the result is as without the rule', () => {
    const on = createEngine(memoryCorpus(texts), { lexicon: lexicon(true) });
    const off = createEngine(memoryCorpus(texts), { lexicon: lexicon(false) });
    const question = 'When will the banana close?';
    expect(on.search(question)).toEqual(off.search(question));
    expect(top(on.search(question))).not.toBe(2);
  });

  it('does not answer on a neighbour alone: it counts as little coverage as a synonym', () => {
    const engine = createEngine(memoryCorpus(texts), { lexicon: lexicon(true) });
    expect(engine.search('factory?').kind).toBe('no-match');
    expect(engine.search('plant?').kind).toBe('answer');
  });

  it('changes the result when switched off, and without the table', () => {
    const off = createEngine(memoryCorpus(texts), {
      lexicon: lexicon(true),
      disabledRules: new Set(['embedding-neighbours']),
    });
    expect(top(off.search('When will the factory close?'))).not.toBe(2);
    const none = createEngine(memoryCorpus(texts), { lexicon: lexicon(false) });
    expect(top(none.search('When will the factory close?'))).not.toBe(2);
  });
});
