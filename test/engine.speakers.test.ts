import { describe, expect, it } from 'vitest';

import { prepareLexicon } from '../src/engine/lexicon-info.js';
import { askedSpeaker, speakerSpeaks, withSpokespeople } from '../src/engine/speakers.js';
import { NO_SUCH_STATEMENT } from '../src/engine/strings.js';
import { stem } from '../src/engine/tokenize.js';
import { loadLexicon } from '../src/lexicon.js';
import { askerOf, topParagraph } from './support/ask.js';
import { memoryCorpus } from './support/memory-corpus.js';

const lexicon = loadLexicon();
const info = prepareLexicon(lexicon);
const speaker = (...words: string[]): ReadonlySet<string> =>
  new Set(words.map((w) => (/^[A-Z]+$/u.test(w) ? w.toLowerCase() : stem(w.toLowerCase()))));

describe('askedSpeaker: questions asking what someone said or how they responded', () => {
  it.each([
    ['How did the US government respond to the op-ed?', 'the us government'],
    ['Did the council reply to the petition?', 'the council'],
    ['What did Ellen Ward tell the Coast Gazette?', 'ellen ward'],
    ['what was the mayor’s reaction', 'the mayor'],
    // Whether someone spoke of something at all.
    ['Does Ellen Ward address the noise law in her letter?', 'ellen ward'],
    ['has the council ever talked about the pier', 'the council'],
  ])('%s → %s', (question, asked) => {
    expect(askedSpeaker(question)).toBe(asked);
  });

  it.each([
    // A text "says" its content; a pronoun names nobody; the rest ask for something else.
    'What does the article say about the pier?',
    'what does the photo caption say',
    'What does the Coastal Noise Act say?',
    'What did he say?',
    'Why did the council close the pier?',
    // Nobody in particular, or the speaker before the auxiliary ("… have ever talked").
    'Has anyone from the council ever mentioned the pier?',
    "whether the council's people have ever talked about the pier",
  ])('%s → none', (question) => {
    expect(askedSpeaker(question)).toBeUndefined();
  });
});

describe('speakerSpeaks: whether a passage reports the speaker saying something', () => {
  it.each([
    ['the subject of a verb of saying', 'The mayor told the Coast Gazette the pier would reopen.', 'mayor'],
    ['across an appositive', 'We hope to reopen soon, a harbour board member, Ellen Ward, said.', 'Ward'],
    ['after the verb', 'The pier will reopen in May, said Ward.', 'Ward'],
    ['after "according to"', 'Repairs will cost more, according to engineer Sam Hale of Coastworks.', 'Hale'],
  ])('yes: %s', (_, text, who) => {
    expect(speakerSpeaks(text, undefined, speaker(who), info)).toBe(true);
  });

  it('reads a pronoun subject from the sentence before, in this passage or the previous one', () => {
    const previous = 'The mayor wrote to residents on Monday.';
    expect(speakerSpeaks('He said the pier would reopen in May.', previous, speaker('mayor'), info)).toBe(
      true,
    );
    expect(speakerSpeaks('He said the pier would reopen in May.', previous, speaker('council'), info)).toBe(
      false,
    );
  });

  it.each([
    ['someone else speaks', 'A harbour board member, Ellen Ward, said the US should pay.', 'US'],
    [
      'the name only describes another noun',
      'In all the talk about the US sanctions, none ever said more.',
      'US',
    ],
    ['nobody speaks', 'The council approved the northern route.', 'council'],
  ])('no: %s', (_, text, who) => {
    expect(speakerSpeaks(text, undefined, speaker(who), info)).toBe(false);
  });

  it('lets someone introduced as speaking for the speaker speak for it ("a Harbour Line board member, Ward")', () => {
    const texts = [
      'We will talk, a Harbour Line board member, Ellen Ward, said.',
      'She also repeated the offer.',
    ];
    const line = withSpokespeople(texts, speaker('Harbour', 'Line'));
    expect(speakerSpeaks(texts[1] ?? '', texts[0], line, info)).toBe(true);
    expect(speakerSpeaks(texts[1] ?? '', texts[0], speaker('Harbour', 'Line'), info)).toBe(false);
  });
});

describe('"how did X respond" questions (rule speaker-needs-speech)', () => {
  const library = memoryCorpus([
    'The mayor told the Coast Gazette that the ferry terminal would open next spring.',
    'A harbour board member, Ellen Ward, said the council should pay for the terminal.',
    'The council has not set a date for the vote.',
  ]);
  const ask = askerOf(library, lexicon);
  const top = topParagraph;

  it('are answered by a passage where the speaker speaks', () => {
    expect(top(ask('What did Ellen Ward say about the terminal?'))).toBe(2);
    expect(top(ask('What did the mayor tell the Coast Gazette?'))).toBe(1);
  });

  it('are refused, saying so, when only others speak in the passages on the subject', () => {
    const question = 'How did the council respond to Ellen Ward about the terminal?';
    expect(ask(question)).toMatchObject({ kind: 'no-match', reason: NO_SUCH_STATEMENT });
    expect(top(ask(question, { disabledRules: new Set(['speaker-needs-speech'] as const) }))).toBe(2);
  });
});
