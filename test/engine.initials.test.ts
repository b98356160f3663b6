import { beforeAll, describe, expect, it } from 'vitest';
import { answeringEngine } from '../src/answer.js';
import { buildIndex } from '../src/engine/index-build.js';
import { nameInitials } from '../src/engine/initials.js';
import type { Engine } from '../src/engine/types.js';
import { loadLibrary } from '../src/library.js';
import { topParagraph } from './support/ask.js';
import { memoryCorpus } from './support/memory-corpus.js';

describe('nameInitials: the initials of the long names the passages write out', () => {
  const index = buildIndex(
    memoryCorpus([
      'The Tolland Valley Water Authority met on Monday. Mayor Delphin Okafor spoke.',
      'Residents asked the Tolland Valley Water Authority for a hosepipe ban.',
      'Vincent Peng wrote about the Trade Union Council and the Tenants Union Committee.',
    ]),
  );
  const initials = nameInitials(index);

  it.each([['tvwa'], ['mdo']])('%s spells one name', (key) => {
    expect(initials.get(key)?.length).toBeGreaterThanOrEqual(3);
  });

  it('leaves out two-word names (VP is as often a vice president) and initials two names share (TUC)', () => {
    expect(initials.has('vp')).toBe(false);
    expect(initials.has('tuc')).toBe(false);
  });
});

describe('a question naming a passage name by its initials (rule name-initials)', () => {
  let on: Engine;
  let off: Engine;
  beforeAll(async () => {
    on = answeringEngine(await loadLibrary('data'));
    off = answeringEngine(await loadLibrary('data', { disabledRules: new Set(['name-initials'] as const) }));
  });

  it('reads SMH as the Sydney Morning Herald (¶3), not as a name the article lacks', () => {
    const question = 'what did the former minister tell the SMH about huawei gear';
    expect(topParagraph(on.search(question))).toBe(3);
    expect(off.search(question).kind).toBe('no-match');
  });
});
