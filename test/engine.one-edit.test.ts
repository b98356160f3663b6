import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FuzzyIndex } from '../src/engine/fuzzy.js';
import { OneEditIndex, isOneEdit } from '../src/engine/one-edit.js';

/**
 * The specification a deletion-neighbourhood lookup must meet: every string one deletion, adjacent
 * swap, substitution or insertion (over `alphabet`) away from the word, kept when it is a known word.
 * This is how one-edit matches were found before the index existed, so it also pins the answers.
 */
function generatedEdits(word: string, alphabet: readonly string[], known: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const consider = (candidate: string): void => {
    if (candidate !== word && known.has(candidate)) found.add(candidate);
  };
  for (let i = 0; i < word.length; i += 1) {
    const head = word.slice(0, i);
    const tail = word.slice(i + 1);
    consider(head + tail);
    if (i + 1 < word.length) consider(head + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2));
    for (const letter of alphabet) {
      if (letter !== word.charAt(i)) consider(head + letter + tail);
      consider(head + letter + word.slice(i));
    }
  }
  for (const letter of alphabet) consider(word + letter);
  return [...found].sort();
}

const everyLetter = (): boolean => true;
/** A small alphabet makes random words collide often, so the properties meet many real matches. */
const letters = fc.constantFrom('a', 'b', 'c', 'd', 'é');
const smallWord = fc.array(letters, { minLength: 0, maxLength: 7 }).map((chars) => chars.join(''));

describe('isOneEdit', () => {
  it.each([
    ['huawei', 'huawi', true, 'deletion'],
    ['huawei', 'huwaei', true, 'adjacent swap'],
    ['huawei', 'huawej', true, 'substitution'],
    ['huawei', 'huaweii', true, 'insertion of a doubled letter'],
    ['huawei', 'xhuawei', true, 'insertion at the start'],
    ['huawei', 'huawei', false, 'the word itself'],
    ['huawei', 'hauwie', false, 'two swaps'],
    ['huawei', 'huaw', false, 'two deletions'],
    ['abc', 'bca', false, 'a rotation shares a deletion but is two edits away'],
  ])('%s → %s is %s (%s)', (from, to, expected) => {
    expect(isOneEdit(from, to, everyLetter)).toBe(expected);
  });

  it('counts a substitution or insertion only of an allowed character', () => {
    const noJ = (code: number): boolean => code !== 'j'.charCodeAt(0);
    expect(isOneEdit('huawei', 'huawej', noJ)).toBe(false);
    expect(isOneEdit('huawei', 'huaweij', noJ)).toBe(false);
    expect(isOneEdit('huaweij', 'huawei', noJ)).toBe(true);
  });
});

describe('OneEditIndex', () => {
  it('finds exactly the known words that generating every edit finds', () => {
    fc.assert(
      fc.property(fc.uniqueArray(smallWord, { maxLength: 60 }), smallWord, (words, word) => {
        const alphabet = ['a', 'b', 'c', 'd'];
        const allowed = (code: number): boolean => alphabet.includes(String.fromCharCode(code));
        const found = new OneEditIndex(words).near(word, allowed).sort();
        expect(found).toEqual(generatedEdits(word, alphabet, new Set(words)));
      }),
      { numRuns: 500 },
    );
  });

  it('finds nothing in an empty vocabulary', () => {
    expect(new OneEditIndex([]).near('huawei', everyLetter)).toEqual([]);
  });
});

describe('FuzzyIndex one-edit lookup', () => {
  it('returns the first known words of four letters or more one edit away, in code-unit order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(smallWord, { maxLength: 80 }), smallWord, (words, word) => {
        const known = new Set(words);
        const fuzzy = new FuzzyIndex(words, known);
        // Every letter of the vocabulary is in its alphabet (it is far below the alphabet's size).
        const alphabet = [...new Set(words.join(''))];
        const expected = generatedEdits(word, alphabet, known)
          .filter((candidate) => candidate.length >= 4)
          .slice(0, 8)
          .map((candidate) => ({ word: candidate, distance: 1 }));
        expect(fuzzy.lookup(word, 8, 1)).toEqual(word.length >= 4 ? expected : []);
      }),
      { numRuns: 300 },
    );
  });
});

describe('FuzzyIndex built for one edit', () => {
  const vocabulary = ['telecommunications'];
  const typo = 'telecomunicatoins'; // a deletion and a swap: two edits

  it('finds two-edit matches when built for two', () => {
    expect(new FuzzyIndex(vocabulary, new Set(vocabulary)).lookup(typo, 5, 2)).toEqual([
      { word: 'telecommunications', distance: 2 },
    ]);
  });

  it('never scans for two edits when built for one, whatever a lookup asks', () => {
    expect(new FuzzyIndex(vocabulary, new Set(vocabulary), 1).lookup(typo, 5, 2)).toEqual([]);
    expect(new FuzzyIndex(vocabulary, new Set(vocabulary), 1).lookup('telecomunications', 5, 2)).toEqual([
      { word: 'telecommunications', distance: 1 },
    ]);
  });
});
