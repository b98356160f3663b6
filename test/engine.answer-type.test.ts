import { beforeAll, describe, expect, it } from 'vitest';
import { answeringEngine } from '../src/answer.js';
import type { Engine } from '../src/engine/types.js';
import { loadLibrary } from '../src/library.js';
import { topParagraph } from './support/ask.js';

describe('the kind a "which" question asks for, met by the names of a passage (rule answer-type-named)', () => {
  let on: Engine;
  let off: Engine;
  beforeAll(async () => {
    on = answeringEngine(await loadLibrary('data'));
    off = answeringEngine(
      await loadLibrary('data', { disabledRules: new Set(['answer-type-named'] as const) }),
    );
  });

  it.each([
    // ¶9 names Japan, India and Vietnam without the word "countries"; ¶8 says "countries" and names none of them.
    ['which countrys rejected huawei 5g', 9],
    ['wich countries said no to huawei 5g', 9],
    // ¶2 names Malaysia and Italy: "Both Malaysia and Italy are reportedly set to green-light the Chinese vendor."
    ['which countrys r gonna greenlight huawei', 2],
    // ¶7 names Reuters, a news agency, without the words.
    ['Which news agency is the source for the Italy report?', 7],
  ])('%s → ¶%i', (question, paragraph) => {
    expect(topParagraph(on.search(question))).toBe(paragraph);
    expect(topParagraph(off.search(question))).not.toBe(paragraph);
  });

  it('does not make a question the article does not answer look answered ("which newspaper ran the op-ed")', () => {
    expect(on.search("Which newspaper ran Vincent Peng's op-ed?").kind).toBe('no-match');
  });
});
