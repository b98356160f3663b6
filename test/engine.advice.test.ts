import { describe, expect, it } from 'vitest';
import { answeringEngine } from '../src/answer.js';
import { asksAdvice, recommends } from '../src/engine/advice.js';
import { loadLibrary } from '../src/library.js';

import { loadLexicon } from '../src/lexicon.js';
import { askerOf, topParagraph } from './support/ask.js';
import { memoryCorpus } from './support/memory-corpus.js';

describe('asksAdvice: questions asking what someone should do', () => {
  it.each([
    'What should the council do about the pier?',
    'wat shud the council do 2 get the pier reopened',
    'How could the council win back residents?',
    'how cld the operator get the ban lifted acc to the author',
    "What's the single best move the operator could make?",
    'In the writer’s view, what would most help the council?',
  ])('%s → yes', (question) => {
    expect(asksAdvice(question)).toBe(true);
  });

  it.each([
    'What did the council do about the pier?',
    'How did the council respond?',
    'Why was the pier closed?',
    'What is the best ferry route?',
  ])('%s → no', (question) => {
    expect(asksAdvice(question)).toBe(false);
  });
});

describe('recommends: a passage written as a recommendation', () => {
  it.each([
    'If the council wants to reopen the pier, the most useful thing it can do is publish the survey.',
    'The operator should publish its safety audit.',
    'Better still, it could hold a public meeting.',
  ])('%s → yes', (text) => {
    expect(recommends(text)).toBe(true);
  });

  it.each(['The council closed the pier last week.', 'The operator hopes to reopen the pier by May.'])(
    '%s → no',
    (text) => {
      expect(recommends(text)).toBe(false);
    },
  );
});

describe('a question asking what someone should do (rule advice-wanted)', () => {
  const lexicon = loadLexicon();
  const library = memoryCorpus([
    'The ferry operator still thinks it can get the council to lift the pier ban.',
    'If the operator wants the ban lifted, the most useful thing it can do is publish its safety audit.',
    'Residents complained about noise on the pier.',
  ]);
  const ask = askerOf(library, lexicon);
  const top = topParagraph;

  it('is answered first by the passage that recommends, not the one reporting the same words', () => {
    const question = 'What should the operator do to get the ban lifted?';
    expect(top(ask(question))).toBe(2);
    expect(top(ask(question, { disabledRules: new Set(['advice-wanted'] as const) }))).toBe(1);
  });
});

describe("advice against a passage that shares the question's words (the article)", () => {
  it('puts ¶20\'s recommendation before ¶1, which says Huawei "still thinks it can get the US to drop its bans"', async () => {
    const engine = answeringEngine(await loadLibrary('data'));
    for (const question of [
      'what should huawei do to get its bans removed',
      'wat shud huawei do to get the bans lifted',
    ])
      expect(topParagraph(engine.search(question))).toBe(20);
  });
});
