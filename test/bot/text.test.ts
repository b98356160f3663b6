import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ELLIPSIS,
  countBoldMarkers,
  escapeMarkdown,
  renderHighlighted,
  toPlainText,
  trimText,
} from '../../src/bot/text.js';

describe('trimText', () => {
  it('leaves text that fits alone', () => {
    expect(trimText('Short enough.', 20)).toBe('Short enough.');
  });

  it('cuts at the last sentence end when it is in the second half of the budget', () => {
    const text = 'First sentence is here. Second sentence is a lot longer than the first one.';
    expect(trimText(text, 40)).toBe(`First sentence is here. ${ELLIPSIS}`);
  });

  it('otherwise cuts at a word boundary', () => {
    expect(trimText('alpha beta gamma delta epsilon zeta', 20)).toBe(`alpha beta gamma${ELLIPSIS}`);
  });

  it('closes a bold run the cut left open', () => {
    const trimmed = trimText('plain words then **bold words that go on and on** and more', 30);
    expect(trimmed.length).toBeLessThanOrEqual(30);
    expect(countBoldMarkers(trimmed)).toBe(2);
  });

  it('never exceeds the limit and never splits a surrogate pair (property)', () => {
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.integer({ min: 0, max: 300 }),
        (text, max) => {
          const trimmed = trimText(text, max);
          expect(trimmed.length).toBeLessThanOrEqual(max);
          if (text.length <= max) expect(trimmed).toBe(text);
          else expect(trimmed).not.toMatch(loneSurrogate);
        },
      ),
    );
  });
});

describe('escapeMarkdown', () => {
  it('escapes formatting, links, mentions and line-start syntax', () => {
    expect(escapeMarkdown('*a* _b_ ~~c~~ `d` ||e|| [f](g) <@123>')).toBe(
      '\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\`d\\` \\|\\|e\\|\\| \\[f\\](g) \\<@123\\>',
    );
    expect(escapeMarkdown('# head\n- item\n1. first\n> quote')).toBe(
      '\\# head\n\\- item\n1\\. first\n\\> quote',
    );
    expect(escapeMarkdown('hi @everyone and @here')).toBe('hi @\u200beveryone and @\u200bhere');
  });

  it('leaves mid-line dashes alone when continuing a line', () => {
    expect(escapeMarkdown('-light', { atLineStart: false })).toBe('-light');
  });

  it('round-trips: a reader sees exactly the original text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        fc.pre(!text.includes('@\u200b'));
        expect(toPlainText(escapeMarkdown(text))).toBe(text);
      }),
    );
  });
});

describe('renderHighlighted', () => {
  it('bolds matched words and escapes the rest verbatim', () => {
    const text = 'The *new* bridge_plan costs $40m.';
    const start = text.indexOf('bridge_plan');
    const rendered = renderHighlighted(text, [[start, start + 'bridge_plan'.length]], { max: 200 });
    expect(rendered).toBe('The \\*new\\* **bridge\\_plan** costs $40m.');
    expect(toPlainText(rendered)).toBe(text);
  });

  it('joins neighbouring highlighted words into one bold run', () => {
    expect(
      renderHighlighted(
        'National Intelligence Law',
        [
          [0, 8],
          [9, 21],
        ],
        { max: 100 },
      ),
    ).toBe('**National Intelligence** Law');
  });

  it('marks clipped excerpts with ellipses', () => {
    expect(renderHighlighted('middle part', [], { max: 100, clippedStart: true, clippedEnd: true })).toBe(
      `${ELLIPSIS} middle part ${ELLIPSIS}`,
    );
  });

  it('fits any text and highlights into the budget with balanced bold markers (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 600 }),
        fc.array(fc.tuple(fc.nat(600), fc.nat(40)), { maxLength: 20 }),
        fc.integer({ min: 20, max: 400 }),
        (text, spans, max) => {
          const highlights = spans.map(([start, length]) => [start, start + length] as const);
          const rendered = renderHighlighted(text, highlights, { max });
          expect(rendered.length).toBeLessThanOrEqual(max);
          expect(countBoldMarkers(rendered) % 2).toBe(0);
        },
      ),
    );
  });
});
