/**
 * Finds the written words of a text exactly as WORD_PATTERN does, with a hand-rolled scan for plain
 * ASCII words (most of any English text, and twice as fast as the Unicode regex) that also hashes
 * each plain word as it goes, so a caller can look it up in place without cutting a substring.
 * Anything else (non-ASCII letters, joiners, apostrophes) goes through the regex.
 */
import { WORD_PATTERN } from './tokenize.js';

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** FNV-1a of a whole string, as WordScanner computes it for a plain word. */
export function hashWord(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash;
}

export class WordScanner {
  /** The current word is text[start, end). */
  start = 0;
  end = 0;
  /** Plain ASCII word (letters and digits only): `hash` is its FNV-1a; otherwise `raw` is the word. */
  plain = false;
  hash = 0;
  raw = '';
  private text = '';
  private position = 0;
  private readonly regex = new RegExp(WORD_PATTERN.source, WORD_PATTERN.flags);

  reset(text: string): void {
    this.text = text;
    this.position = 0;
  }

  /** Moves to the next word; false when there is none. */
  next(): boolean {
    const text = this.text;
    let i = this.position;
    while (i < text.length) {
      const first = text.charCodeAt(i);
      if (first < 128 && !isAsciiWordChar(first)) {
        i += 1;
        continue;
      }
      let end = i + 1;
      let hash = Math.imul(FNV_OFFSET ^ first, FNV_PRIME);
      if (first < 128) {
        while (end < text.length) {
          const code = text.charCodeAt(end);
          if (!isAsciiWordChar(code)) break;
          hash = Math.imul(hash ^ code, FNV_PRIME);
          end += 1;
        }
      }
      const after = end < text.length ? text.charCodeAt(end) : 32;
      const joins =
        (after === 45 || after === 39 || after === 46 || after === 183) &&
        end + 1 < text.length &&
        isWordStart(text.charCodeAt(end + 1));
      if (first >= 128 || after >= 128 || joins) {
        this.regex.lastIndex = i;
        const match = this.regex.exec(text);
        if (match === null) break;
        this.plain = false;
        this.raw = match[0];
        this.start = match.index;
        this.end = match.index + match[0].length;
        this.position = this.end;
        return true;
      }
      this.plain = true;
      this.hash = hash;
      this.start = i;
      this.end = end;
      this.position = end;
      return true;
    }
    this.position = text.length;
    return false;
  }

  /** The current word as a string (cuts a substring for a plain word). */
  word(): string {
    return this.plain ? this.text.slice(this.start, this.end) : this.raw;
  }
}

function isAsciiWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** A character that may start the next piece of a joined word: ASCII letter/digit or any non-ASCII. */
function isWordStart(code: number): boolean {
  return code >= 128 || isAsciiWordChar(code);
}

/**
 * Plain words looked up by the hash the scanner computed and compared character by character in
 * place: at 100k passages (6M words) cutting each word out of its passage just to look it up in a
 * Map cost about a second of the build.
 */
export class PlainWordTable<V> {
  private keys: (string | undefined)[];
  private hashes: Int32Array;
  private values: (V | undefined)[];
  private size = 0;

  constructor(capacity = 16) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.keys = new Array<string | undefined>(slots);
    this.hashes = new Int32Array(slots);
    this.values = new Array<V | undefined>(slots);
  }

  find(text: string, start: number, end: number, hash: number): V | undefined {
    const mask = this.keys.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const key = this.keys[slot];
      if (key === undefined) return undefined;
      if (this.hashes[slot] !== hash || key.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k += 1) {
        if (key.charCodeAt(k) !== text.charCodeAt(start + k)) {
          same = false;
          break;
        }
      }
      if (same) return this.values[slot];
    }
  }

  /** Adds a key not yet in the table. */
  add(key: string, hash: number, value: V): void {
    if ((this.size + 1) * 2 > this.keys.length) this.resize();
    this.place(key, hash, value);
    this.size += 1;
  }

  private place(key: string, hash: number, value: V | undefined): void {
    const mask = this.keys.length - 1;
    let slot = hash & mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    this.hashes[slot] = hash;
    this.values[slot] = value;
  }

  private resize(): void {
    const { keys, hashes, values } = this;
    this.keys = new Array<string | undefined>(keys.length * 2);
    this.hashes = new Int32Array(keys.length * 2);
    this.values = new Array<V | undefined>(keys.length * 2);
    for (let slot = 0; slot < keys.length; slot += 1) {
      const key = keys[slot];
      if (key !== undefined) this.place(key, hashes[slot] ?? 0, values[slot]);
    }
  }
}
