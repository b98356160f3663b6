import { describe, expect, it } from 'vitest';
import { ShownSentences, sentenceSpans, unshownHit } from '../../src/bot/shown.js';
import { hit, passage } from './fixtures.js';

const P = passage('sample', 1, 'First sentence here. Second one follows! A third, last one?');
const span = (text: string) => {
  const start = P.text.indexOf(text);
  return { start, end: start + text.length };
};

describe('one de-duplication per reply', () => {
  it('splits a passage into sentences', () => {
    expect(sentenceSpans(P).map((s) => P.text.slice(s.start, s.end))).toEqual([
      'First sentence here.',
      'Second one follows!',
      'A third, last one?',
    ]);
  });

  it('a sentence shown once is not offered again; the rest of a span still is', () => {
    const shown = new ShownSentences();
    expect(shown.unshown(P, span(P.text))).toEqual(span(P.text));
    shown.mark(P, span('Second one follows!'));
    // The longest unshown run: either neighbour alone (the first, being first of two equals).
    expect(shown.unshown(P, span(P.text))).toEqual(span('First sentence here.'));
    expect(shown.unshown(P, span('Second one follows!'))).toBeUndefined();
    expect(shown.unshown(P, span('A third, last one?'))).toEqual(span('A third, last one?'));
  });

  it('a quoted clause stands for its sentence', () => {
    const shown = new ShownSentences();
    shown.mark(P, span('third, last'));
    expect(shown.unshown(P, span('A third, last one?'))).toBeUndefined();
    expect(shown.unshown(P, span(P.text))).toEqual(span('First sentence here. Second one follows!'));
  });

  it('another clause of a sentence a fact quoted part of is still shown', () => {
    const shown = new ShownSentences();
    shown.mark(P, span('A third,'));
    expect(shown.unshown(P, span('last one?'))).toEqual(span('last one?'));
    shown.mark(P, span('Second one'));
    // More than half of the sentence's piece is shown already: left out.
    expect(shown.unshown(P, span('Second one follows!'))).toBeUndefined();
  });

  it('passages are kept apart', () => {
    const other = passage('sample', 2, P.text);
    const shown = new ShownSentences();
    shown.mark(P, span(P.text));
    expect(shown.unshown(other, span(P.text))).toEqual(span(P.text));
  });

  it('an excerpt keeps only what is new, with its highlights moved and clipping marked', () => {
    const shown = new ShownSentences();
    shown.mark(P, span('First sentence here.'));
    const trimmed = unshownHit(shown, hit(P, ['third']))!;
    expect(trimmed.excerpt.text).toBe('Second one follows! A third, last one?');
    expect(trimmed.excerpt.highlights).toEqual([[22, 27]]);
    expect(trimmed.excerpt.clippedStart).toBe(true);
    expect(trimmed.excerpt.clippedEnd).toBe(false);
    // What it kept is now shown too: the same hit again has nothing left.
    expect(unshownHit(shown, hit(P))).toBeUndefined();
  });
});
