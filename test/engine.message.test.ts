import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractQuestion } from '../src/engine/message.js';
import { WORD_PATTERN } from '../src/engine/tokenize.js';

describe('extractQuestion: chat noise is not part of the question', () => {
  it.each([
    ['a greeting and thanks', 'hi! who runs the port authority? thanks!', 'who runs the port authority?'],
    [
      'a greeting with an audience',
      'Hey everyone, what did the council vote for?',
      'what did the council vote for?',
    ],
    ['good morning', 'Good morning folks: is the bridge closing?', 'is the bridge closing?'],
    ['thanks in advance', 'why was the mayor fired, thanks in advance', 'why was the mayor fired'],
    ['a chat preamble', 'hey all! quick q, who owns the ferry line?', 'who owns the ferry line?'],
    ['another chat preamble', 'Random question: did the dam hold?', 'did the dam hold?'],
    ['several sign-offs', 'Where is the factory? Cheers, much appreciated!', 'Where is the factory?'],
    ['a user mention', '<@123456789> what did the minister promise?', 'what did the minister promise?'],
    ['a nickname mention', '<@!42> <@&7> <#99> who won the tender?', 'who won the tender?'],
    ['@everyone', '@everyone which bank lent the money?', 'which bank lent the money?'],
    ['custom emoji', 'did the strike end <:pepe:123> <a:dance:456>', 'did the strike end'],
    ['an emoji shortcode', 'did the strike end :thinking:', 'did the strike end'],
    [
      'a link',
      'what does https://example.org/news/123?x=1 say about tariffs?',
      'what does say about tariffs?',
    ],
    ['a link in brackets', 'who sued the airline (https://news.example.com/a/b)?', 'who sued the airline ?'],
    ['a bare domain', 'read it on example.com/story/9 - why did prices rise?', 'why did prices rise?'],
    [
      'a markdown link keeps its words',
      'is [the harbour report](https://x.io/r) accurate?',
      'is the harbour report accurate?',
    ],
    ['inline code', 'why does `npm test` fail for the pilots', 'why does fail for the pilots'],
    ['a code block', 'what broke?\n```\nstack trace here\n```\nthx', 'what broke?'],
  ])('%s', (_name, message, question) => {
    expect(extractQuestion(message)).toEqual({ question, shortened: true });
  });

  it.each([
    'What did the regulator decide about the merger?',
    'Why?',
    'Which country is best?',
    'so-called experts?',
    'When does the 10:30:45 train leave?',
    'Is the U.S. ban still in place?',
    'Evening Standard: who owns it now?',
    'Hilary or Yo-Yo Ma?',
  ])('leaves a plain question as typed: %s', (message) => {
    expect(extractQuestion(message)).toEqual({ question: message, shortened: false });
  });

  it('tidies spacing without calling the question shortened', () => {
    expect(extractQuestion('  what   did the court rule?  ')).toEqual({
      question: 'what did the court rule?',
      shortened: false,
    });
  });

  it.each([
    ['thanks!'],
    ['<@1> :wave:'],
    ['https://www.example.com/news/harbour-wall-to-be-rebuilt'],
    ['hey all, cheers'],
  ])('reads nothing from a message that is only chatter or a link: %s', (message) => {
    expect(extractQuestion(message)).toEqual({ question: '', shortened: true });
  });

  it.each([
    ['```\nWho paid for the roof?\n```', 'Who paid for the roof?'],
    ['```text\nWho paid for the roof?\n```', 'Who paid for the roof?'],
    ['`who paid for the roof`', 'who paid for the roof'],
  ])('reads a message that is nothing but code as its question: %j', (message, question) => {
    expect(extractQuestion(message)).toEqual({ question, shortened: true });
  });

  it('reads an empty message as empty, not shortened', () => {
    expect(extractQuestion('')).toEqual({ question: '', shortened: false });
    expect(extractQuestion('   ')).toEqual({ question: '', shortened: false });
  });
});

describe('extractQuestion: a long message is answered from its question', () => {
  it('reads the sentence with the question mark', () => {
    const message =
      'Long-time lurker here, I work in logistics and have been following the rail freight story since ' +
      'the spring when the first strikes started. My manager keeps asking me about it. Which unions ' +
      'signed the new wage agreement? Would be great to know before Monday.';
    expect(extractQuestion(message)).toEqual({
      question: 'Which unions signed the new wage agreement?',
      shortened: true,
    });
  });

  it('brings in the sentence a thin question points back to', () => {
    const message =
      'Evening all. A friend told me the vaccine trial was halted because of side effects in older ' +
      'patients. Is that true? Asking for my book club.';
    expect(extractQuestion(message).question).toBe(
      'the vaccine trial was halted because of side effects in older patients. Is that true?',
    );
  });

  it.each([
    ['I keep hearing that the mill will close. Why?', 'the mill will close. Why?'],
    ["we've read the dam is leaking, is it?", 'the dam is leaking, is it?'],
    ['my neighbour forwarded me something saying rents will rise. true?', 'rents will rise. true?'],
    ['people say the pier is unsafe. Is it?', 'the pier is unsafe. Is it?'],
  ])('drops a hearsay frame in front of the claim asked about: %s', (message, question) => {
    expect(extractQuestion(message)).toEqual({ question, shortened: true });
  });

  it.each(['Who said the pier is unsafe?', 'my cat said hello', 'I see'])(
    'keeps reporting verbs that are the question, or that frame nothing: %s',
    (message) => {
      expect(extractQuestion(message).shortened).toBe(false);
    },
  );

  it('reads the question of a short message whose other sentence only comments on it', () => {
    const message =
      "Does anyone know who chairs the port board? I think she's some kind of engineer but not sure";
    expect(extractQuestion(message)).toEqual({
      question: 'Does anyone know who chairs the port board?',
      shortened: true,
    });
  });

  it('does not end a sentence at an initial or a dotted acronym', () => {
    expect(extractQuestion('Is the U.S. ban still in place? I read it was lifted').question).toBe(
      'Is the U.S. ban still in place?',
    );
    expect(extractQuestion('Did J. Smith sign the deal?').shortened).toBe(false);
  });

  it('offers each question of a long message apart, fullest first, at most four', () => {
    const message =
      'hi all! is the pier safe? also, which firm won the harbour dredging contract last spring? thanks';
    expect(extractQuestion(message).alternatives).toEqual([
      'also, which firm won the harbour dredging contract last spring?',
      'is the pier safe?',
    ]);
    const paste = Array.from({ length: 60 }, (_, k) => `why did council number ${k} vote no?`).join(' ');
    expect(extractQuestion(paste).alternatives?.length).toBe(4);
    expect(extractQuestion('Why did the council vote no?').alternatives).toBeUndefined();
  });

  it('offers the question read the other way round: alone when read with context, with it when read alone', () => {
    const withContext =
      'morning! doing a risk review for the dredging bid and legal keeps raising the harbour law. what does that law require? cheers';
    const read = extractQuestion(withContext);
    expect(read.question).toContain('harbour law.');
    expect(read.alternatives).toContain('what does that law require?');
    const alone =
      '<@98765> following up. Someone said the mayor wrote a letter about the pier closure. What is the actual quote? ty';
    const readAlone = extractQuestion(alone);
    expect(readAlone.question).toBe('What is the actual quote?');
    expect(readAlone.alternatives).toContain(
      'the mayor wrote a letter about the pier closure. What is the actual quote?',
    );
  });

  it('does not bring in context for a question with content of its own', () => {
    const message =
      'Good evening! I am writing a school report. What did the mayor promise the dockers? Thanks!!';
    expect(extractQuestion(message).question).toBe('What did the mayor promise the dockers?');
  });

  it('keeps sentence punctuation after a link, so the sentences stay apart', () => {
    const message = 'saw this on https://example.com/a. which firm won the bid? cheers';
    expect(extractQuestion(message).question).toBe('which firm won the bid?');
  });

  it('treats a sentence opened by a question word as a question even without its mark', () => {
    const message =
      'ok so I just got back from the town meeting and everyone was arguing about the new bypass road. ' +
      'which villages will the bypass go around. no idea myself honestly, I was only there for the ' +
      'biscuits and the heating';
    expect(extractQuestion(message).question).toBe('which villages will the bypass go around.');
  });

  it('does not take "Would love a summary" for a question (no subject after the auxiliary)', () => {
    const message =
      'Hi team, first time posting. Did the mayor explain why the library budget was cut in half? ' +
      'Would love a short summary before the meeting tonight.';
    expect(extractQuestion(message).question).toBe(
      'Did the mayor explain why the library budget was cut in half?',
    );
  });

  it('reads a chatty two-part message (greeting, link) from its question clause', () => {
    const message =
      'hey all, just read the coverage (https://example.com/x) - who paid for the new stadium roof?';
    expect(extractQuestion(message)).toEqual({
      question: 'who paid for the new stadium roof?',
      shortened: true,
    });
  });

  it('without a question, reads the sentence with the most content', () => {
    const message =
      'Morning. Been reading up on this all week. Looking for the reasons the ferry operator gave for ' +
      'cancelling the winter timetable on the northern routes. Anything helps.';
    expect(extractQuestion(message).question).toBe(
      'Looking for the reasons the ferry operator gave for cancelling the winter timetable on the northern routes.',
    );
  });

  it('keeps at most two question sentences, the ones with the most content, in their order', () => {
    const message =
      'Who approved the pipeline route through the wetlands? Why? And what did the environmental ' +
      'agency say about the risk to migrating birds? Thanks so much everyone.';
    expect(extractQuestion(message).question).toBe(
      'Who approved the pipeline route through the wetlands? And what did the environmental agency say about the risk to migrating birds?',
    );
  });
});

/** Pieces chat messages are made of, so generated messages hit the noise patterns often. */
const PIECES = [
  'hi',
  'hey all,',
  'thanks!',
  'cheers',
  '<@123>',
  '<@!9>',
  '<#5>',
  '<@&77>',
  '@everyone',
  '<:smile:42>',
  ':wave:',
  'https://example.com/a?b=c',
  'www.example.org',
  'lightreading.com/asia/x',
  '[link](https://x.io)',
  '`code`',
  '```\nblock\n```',
  '?',
  '.',
  ' - ',
  ':',
  '\n',
  'who',
  'what did',
  'Italy',
  'approve',
  'the',
  'ban',
  '5G',
  "Huawei's",
  'op-ed',
  'U.S.',
  '2018',
  'é',
  '中文',
  '(',
  ')',
];
const message = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(' ')),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

function words(text: string): string[] {
  return text.match(new RegExp(WORD_PATTERN.source, WORD_PATTERN.flags)) ?? [];
}

describe('extractQuestion properties', () => {
  it('never throws and always returns a string', () => {
    fc.assert(
      fc.property(message, (text) => {
        const result = extractQuestion(text);
        expect(typeof result.question).toBe('string');
        expect(typeof result.shortened).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it("is made only of the input's words", () => {
    fc.assert(
      fc.property(message, (text) => {
        const input = new Set(words(text));
        for (const word of words(extractQuestion(text).question)) expect(input).toContain(word);
      }),
      { numRuns: 500 },
    );
  });

  it('is never longer than the input, and unchanged input is not called shortened', () => {
    fc.assert(
      fc.property(message, (text) => {
        const result = extractQuestion(text);
        expect(result.question.length).toBeLessThanOrEqual(text.length);
        if (!result.shortened) expect(result.question).toBe(text.replace(/\s+/g, ' ').trim());
        if (result.question === '') expect(result.shortened).toBe(text.trim().length > 0);
      }),
      { numRuns: 500 },
    );
  });

  // Long runs of one character once made the sign-off pattern backtrack for minutes.
  it.each([
    ['spaces', `a${' '.repeat(3990)}b`],
    ['exclamation marks', `a${'!'.repeat(3990)}`],
    ['comma-space pairs', `x${', '.repeat(1990)}`],
    ['mixed separators', `x${' ,-.!'.repeat(790)}y`],
    ['repeated greetings', 'hey '.repeat(1000)],
    ['repeated thanks', 'thanks '.repeat(600)],
    ['an unclosed emoji shortcode', `:${'a'.repeat(3990)}`],
    ['dotted labels', `${'a.'.repeat(1990)}com`],
  ])('reads a message made of a long run of %s', (_name, text) => {
    expect(typeof extractQuestion(text).question).toBe('string');
  });

  it('does not throw on non-string input from an untyped caller', () => {
    expect(extractQuestion(undefined as unknown as string)).toEqual({ question: '', shortened: false });
  });
});
