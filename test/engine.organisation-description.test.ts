import { beforeAll, describe, expect, it } from 'vitest';
import { answeringEngine } from '../src/answer.js';
import type { Engine } from '../src/engine/types.js';
import { organisationDescriptionHeads } from '../src/engine/wording.js';
import { tokenize } from '../src/engine/tokenize.js';
import { loadLibrary } from '../src/library.js';
import { topParagraph } from './support/ask.js';

describe('organisationDescriptionHeads: the kind noun of "the Chinese vendor"', () => {
  it.each([
    ['why did italy approve the chinese vendor', ['vendor']],
    ['is the Shenzhen telecom giant trying to patch things up', ['giant']],
    ['what did that firm promise', ['firm']],
    // Not a definite description of one organisation the reader knows.
    ['which firms supply 5G kit', []],
    ['a company in Italy got approval', []],
    // "Group" is as often a set of people or things ("the group chat", "the group of countries").
    ['the group chat says', []],
    ["what did the chinese vendor's board member say", ['vendor']],
  ])('%s → %j', (question, heads) => {
    const tokens = tokenize(question).filter((token) => !token.joined);
    expect([...organisationDescriptionHeads(question, tokens)].map((token) => token.word)).toEqual(heads);
  });
});

describe('a description of an organisation weighs as who is meant, not what is asked (rule organisation-description)', () => {
  let on: Engine;
  let off: Engine;
  beforeAll(async () => {
    on = answeringEngine(await loadLibrary('data'));
    off = answeringEngine(
      await loadLibrary('data', { disabledRules: new Set(['organisation-description'] as const) }),
    );
  });

  it('answers "why is nobody shocked that malaysia is going with the chinese firm" from ¶5 ("That\'s not a huge surprise")', () => {
    const question = 'why is nobody shocked that malaysia is going with the chinese firm';
    expect(topParagraph(on.search(question))).toBe(5);
    expect(topParagraph(off.search(question))).not.toBe(5);
  });
});
