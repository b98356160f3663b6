import { beforeAll, describe, expect, it } from 'vitest';
import { answeringEngine } from '../src/answer.js';
import type { Engine } from '../src/engine/types.js';
import { loadLibrary } from '../src/library.js';
import { topParagraph } from './support/ask.js';

describe('a region met by the countries the data folder lists in it (rule regions)', () => {
  let on: Engine;
  let off: Engine;
  beforeAll(async () => {
    on = answeringEngine(await loadLibrary('data'));
    off = answeringEngine(await loadLibrary('data', { disabledRules: new Set(['regions'] as const) }));
  });

  it.each([
    // ¶4: "He said the government was likely to select Huawei as prime supplier" (in Malaysia, ¶3).
    ['will a southeast asian govt make huawei its prime supplier?', 4],
    // ¶9: "China's neighbors, like Japan, India and Vietnam, for whom 5G is just one part of …".
    ["for china's asian neighbours, is 5g the only problem?", 9],
  ])('%s → ¶%i', (question, paragraph) => {
    expect(topParagraph(on.search(question))).toBe(paragraph);
    expect(topParagraph(off.search(question))).not.toBe(paragraph);
  });

  it('does not read a region as a member the question names on its own ("European countries besides Italy")', () => {
    expect(on.search('Which European countries other than Italy have cleared Huawei?').kind).toBe('no-match');
  });

  it('still refuses a region none of whose listed countries the article names', () => {
    expect(on.search('What did Scandinavian regulators decide about Huawei?').kind).toBe('no-match');
  });
});
