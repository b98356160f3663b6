import { beforeAll, describe, expect, it } from 'vitest';
import { answeringEngine } from '../src/answer.js';
import type { Engine } from '../src/engine/types.js';
import { loadLibrary } from '../src/library.js';
import { topParagraph } from './support/ask.js';

describe('a person named in full in the alias table is met by the surname (rule surnames)', () => {
  let on: Engine;
  let off: Engine;
  beforeAll(async () => {
    on = answeringEngine(await loadLibrary('data'));
    off = answeringEngine(await loadLibrary('data', { disabledRules: new Set(['surnames'] as const) }));
  });

  it('answers "what does the board member concede the americans are afraid of" from ¶13 ("Peng does acknowledge…"), not ¶12 where he is introduced', () => {
    const question = 'what does the board member concede the americans are afraid of';
    expect(topParagraph(on.search(question))).toBe(13);
    expect(topParagraph(off.search(question))).toBe(12);
  });
});
