import { describe, expect, it } from 'vitest';
import { refersBack } from '../src/engine/anaphora.js';

import { loadLexicon } from '../src/lexicon.js';
import { askerOf, topParagraph } from './support/ask.js';
import { memoryCorpus } from './support/memory-corpus.js';

describe('refersBack: a passage that opens by pointing at the one before', () => {
  it.each([
    "That's not a huge surprise. The town has always backed the plan.",
    'Oddly enough, that is what it is trying to do.',
    'This has been made worse by the new parking law.',
    "The mayor doesn't touch on this at all.",
    'Until that happens, residents will draw their own conclusions.',
  ])('%s → yes', (text) => {
    expect(refersBack(text)).toBe(true);
  });

  it.each([
    // A demonstrative before its noun, or later in the sentence, points inside the sentence.
    'As a rule, those towns backing the plan are small and, related to that, are poor.',
    // Reported speech: the "that" of "acknowledge that".
    'The mayor does acknowledge that the council believes the route is too long.',
    // A pronoun inside a quotation speaks in another voice.
    'We hope that "when the time is right, they will talk to us," the mayor said.',
    'The council has approved the northern route.',
    // A personal pronoun points back at a person, not at what was said about them.
    'He said the council was likely to pick the northern route.',
    'But he leaves that thought hanging and moves on.',
  ])('%s → no', (text) => {
    expect(refersBack(text)).toBe(false);
  });
});

describe('a passage that points back is about what the one before it named (rule anaphora)', () => {
  const lexicon = loadLexicon();
  const library = memoryCorpus([
    'The harbour board met on Tuesday to discuss the ferry timetable.',
    'The Coastal Noise Act requires every operator to log engine noise at night.',
    'The mayor never touches on this at all. Nobody on the council has discussed this act either.',
    'Residents complained about the new ferry timetable.',
  ]);
  const ask = askerOf(library, lexicon);
  const top = topParagraph;

  it('ranks it first when the question joins its words with those of the passage before', () => {
    const question = 'Does the mayor address the Coastal Noise Act?';
    // The speaker rule would also pick the passage where the mayor speaks: leave it out here.
    const speaker = new Set(['speaker-needs-speech'] as const);
    expect(top(ask(question, { disabledRules: speaker }))).toBe(3);
    expect(top(ask(question, { disabledRules: new Set(['anaphora', ...speaker] as const) }))).toBe(2);
  });
});
