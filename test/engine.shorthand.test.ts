import { beforeAll, describe, expect, it } from 'vitest';
import { answeringEngine } from '../src/answer.js';
import { respellIdioms, respellShorthand } from '../src/engine/chat-words.js';
import type { Engine } from '../src/engine/types.js';
import { loadLibrary } from '../src/library.js';
import { topParagraph } from './support/ask.js';

describe('chat shorthand for everyday words (rule chat-shorthand)', () => {
  it.each([
    ['licensing to a us co??', 'licensing to a us company??'],
    ['how many yrs since the ban', 'how many years since the ban'],
    ['the nat intel law', 'the national intel law'],
    ['the ex-official in KL', 'the former-official in KL'],
    ['what did the govts say', 'what did the governments say'],
    // Capitalised, it may be a name; inside a longer word or a hyphenated term it is not shorthand.
    ['Nat and Co. and Gov Smith', 'Nat and Co. and Gov Smith'],
    ['c-band and cobalt and exports', 'c-band and cobalt and exports'],
  ])('%s → %s', (typed, read) => {
    expect(respellShorthand(typed)).toBe(read);
  });

  let on: Engine;
  let off: Engine;
  beforeAll(async () => {
    on = answeringEngine(await loadLibrary('data'));
    off = answeringEngine(await loadLibrary('data', { disabledRules: new Set(['chat-shorthand'] as const) }));
  });

  it.each([
    // ¶15: "Huawei's offer to license its 5G tech to a US firm": "co" is not an unknown name.
    ['would huawei really license 5g to some us co', 15],
    // ¶17: "the National Intelligence Law, which requires all Chinese nationals to cooperate".
    ['the nat intel law, who does it cover', 17],
    // ¶12: "the second anniversary of Huawei's US blacklisting" gives the span "how many yrs" asks for.
    ['how many yrs has huawei been on the us blacklist', 12],
  ])('%s → ¶%i', (question, paragraph) => {
    expect(topParagraph(on.search(question))).toBe(paragraph);
    expect(topParagraph(off.search(question))).not.toBe(paragraph);
  });
});

describe('idioms read as what they mean (rule idioms)', () => {
  it.each([
    ['what strings are attached to the approval', 'what conditions to the approval'],
    ['approved, but with strings attached?', 'approved, but with conditions?'],
    ['any strings?', 'any conditions?'],
    // Strings that are not conditions.
    ['pull some strings in Rome', 'pull some strings in Rome'],
    ['string theory', 'string theory'],
  ])('%s → %s', (typed, read) => {
    expect(respellIdioms(typed)).toBe(read);
  });

  it('answers "rome let the operator use chinese kit, any strings attached?" from ¶7 ("it is conditional")', async () => {
    const on = answeringEngine(await loadLibrary('data'));
    const off = answeringEngine(await loadLibrary('data', { disabledRules: new Set(['idioms'] as const) }));
    const question = 'rome let the operator use chinese kit, any strings attached?';
    expect(topParagraph(on.search(question))).toBe(7);
    expect(topParagraph(off.search(question))).not.toBe(7);
  });
});
