import { describe, expect, it } from 'vitest';
import { findPassage, parsePassageRef, passagesByNumberPrefix } from '../../src/bot/passage-ref.js';
import { CAPTION, P1, P2, P3, SAMPLE } from './fixtures.js';

describe('passage references', () => {
  it.each([
    ['12', { kind: 'paragraph', paragraph: 12 }],
    ['¶12', { kind: 'paragraph', paragraph: 12 }],
    ['¶ 12', { kind: 'paragraph', paragraph: 12 }],
    ['p12', { kind: 'paragraph', paragraph: 12 }],
    ['P.12', { kind: 'paragraph', paragraph: 12 }],
    ['para 12', { kind: 'paragraph', paragraph: 12 }],
    ['paragraph 12', { kind: 'paragraph', paragraph: 12 }],
    ['Paragraph12', { kind: 'paragraph', paragraph: 12 }],
    ['caption', { kind: 'caption', index: 1 }],
    ['the photo caption', { kind: 'caption', index: 1 }],
    ['caption 2', { kind: 'caption', index: 2 }],
    ['caption after ¶3', { kind: 'caption-after', paragraph: 3 }],
    ['caption before ¶1', { kind: 'caption-after', paragraph: 0 }],
  ])('%s names a passage', (typed, ref) => {
    expect(parsePassageRef(typed)).toEqual(ref);
  });

  it.each(['vodafone', '5G wins', 'paragraph about Italy', '12 countries', 'p 12 and 13', ''])(
    '%s is words to search for',
    (typed) => {
      expect(parsePassageRef(typed)).toBeUndefined();
    },
  );

  it('finds the numbered paragraph or caption, and nothing for a number the article lacks', () => {
    expect(findPassage(SAMPLE, { kind: 'paragraph', paragraph: 2 })).toBe(P2);
    expect(findPassage(SAMPLE, { kind: 'caption', index: 1 })).toBe(CAPTION);
    expect(findPassage(SAMPLE, { kind: 'caption-after', paragraph: 2 })).toBe(CAPTION);
    expect(findPassage(SAMPLE, { kind: 'paragraph', paragraph: 9 })).toBeUndefined();
    expect(findPassage(SAMPLE, { kind: 'caption', index: 2 })).toBeUndefined();
  });

  it('lists the paragraphs a number being typed may become', () => {
    expect(passagesByNumberPrefix(SAMPLE, '¶')).toEqual([]);
    expect(passagesByNumberPrefix(SAMPLE, '3')).toEqual([P3]);
    expect(passagesByNumberPrefix(SAMPLE, 'p1')).toEqual([P1]);
    expect(passagesByNumberPrefix(SAMPLE, 'caption')).toEqual([CAPTION]);
    expect(passagesByNumberPrefix(SAMPLE, 'bridge')).toEqual([]);
  });
});
