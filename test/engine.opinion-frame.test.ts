import { beforeAll, describe, expect, it } from 'vitest';
import { answeringEngine } from '../src/answer.js';
import type { Engine } from '../src/engine/types.js';
import { loadLibrary } from '../src/library.js';
import { topParagraph } from './support/ask.js';

describe('a verb of opinion after whoever holds it is not a word of the answer (rule opinion-frame)', () => {
  let on: Engine;
  let off: Engine;
  beforeAll(async () => {
    on = answeringEngine(await loadLibrary('data'));
    off = answeringEngine(await loadLibrary('data', { disabledRules: new Set(['opinion-frame'] as const) }));
  });

  it('answers "does the writer think the US is blocking Huawei because it cannot compete" from ¶15, not ¶1 ("it still thinks…")', () => {
    const question = 'does the writer think the us is blocking huawei because it cannot compete';
    expect(topParagraph(on.search(question))).toBe(15);
    expect(topParagraph(off.search(question))).toBe(1);
  });

  it('keeps "think" as a word when it is not the asker\'s frame ("why does Huawei think it can…")', () => {
    expect(topParagraph(on.search('why does huawei still think it can get the us to drop its bans'))).toBe(1);
  });
});
