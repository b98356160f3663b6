import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.js';
import type { Corpus } from '../src/corpus/types.js';
import { createEngine } from '../src/engine/index.js';
import type { EngineOptions } from '../src/engine/index.js';
import type { Engine, SearchResult } from '../src/engine/types.js';
import { loadLexicon } from '../src/lexicon.js';
import { NO_INSTRUCTIONS, NO_SUCH_FIGURE, NO_SUCH_TIME } from '../src/engine/strings.js';
import { topCoverage } from './support/ask.js';
import { memoryCorpus } from './support/memory-corpus.js';
import { buildIndex } from '../src/engine/index-build.js';
import { sourceNames } from '../src/engine/sources.js';

/** A small article in which some passages give figures and times and others do not. */
const TEXTS = [
  'The harbour authority approved the new ferry terminal after a long public consultation.',
  'Residents opposed the terminal because of traffic on the coast road and noise from the ferries.',
  'The terminal will cost 48 million pounds and employ 300 people when it opens.',
  'The ferry operator said the terminal would double the number of crossings to the islands.',
  'Work on the terminal began in March 2021, a year after the first plans were published.',
  'Fishermen fear the ferry terminal will take over the moorings their boats have used for generations.',
];

function corpus(): Corpus {
  const base = memoryCorpus(TEXTS);
  const article = base.articles[0];
  if (article === undefined) throw new Error('memory corpus has no article');
  return { ...base, articles: [{ ...article, title: 'Ferry terminal approved', publisher: 'Coast Weekly' }] };
}

function search(question: string, options: EngineOptions = {}): SearchResult {
  return createEngine(corpus(), options).search(question);
}

function top(result: SearchResult): number | undefined {
  return result.kind === 'answer' ? result.results[0]?.passage.paragraph : undefined;
}

describe('chat messages are read from their question', () => {
  it('answers a chatty message as its question and says what it read', () => {
    const result = search(
      'hey all <@123>, why did residents oppose the ferry terminal? thanks!! https://coast.example/x',
    );
    expect(result.kind).toBe('answer');
    expect(top(result)).toBe(2);
    expect(result.asked).toBe('why did residents oppose the ferry terminal?');
  });

  it('answers the one of several questions the article answers, when together they are refused', () => {
    const message =
      'hey all, saw this story going round the group chat yesterday, you posted it earlier right? ' +
      'anyway: why did residents oppose the ferry terminal? thanks';
    const result = search(message);
    expect(top(result)).toBe(2);
    expect(result.asked).toBe('why did residents oppose the ferry terminal?');
    expect(search(message, { disabledRules: new Set(['questions-apart']) }).kind).toBe('no-match');
  });

  it('sets no `asked` when the question was read as typed', () => {
    const result = search('Why did residents oppose the ferry terminal?');
    expect(result.asked).toBeUndefined();
  });

  it('refuses a message that is only a link, without reading the link as a question', () => {
    const result = search('https://coast.example/news/ferry-terminal-approved');
    expect(result.kind).toBe('no-match');
    expect(result.asked).toBeUndefined();
    expect(
      search('https://coast.example/news/ferry-terminal-approved', {
        disabledRules: new Set(['chat-message']),
      }).kind,
    ).toBe('answer');
  });

  it('reads the message as typed when the rule is off', () => {
    const result = search('hi, why did residents oppose the ferry terminal?', {
      disabledRules: new Set(['chat-message']),
    });
    expect(result.asked).toBeUndefined();
  });
});

describe('questions asking for a figure', () => {
  it('are answered only by passages that give one', () => {
    const result = search('How much will the ferry terminal cost?');
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect(result.results.map((hit) => hit.passage.paragraph)).toEqual([3, 4]);
  });

  it('are refused with a sentence saying so when no passage on the subject gives one', () => {
    const result = search('How many moorings do the fishermen use?');
    expect(result).toMatchObject({ kind: 'no-match', reason: NO_SUCH_FIGURE });
  });

  it('are answered from the best passage when the rule is off', () => {
    const result = search('How many moorings do the fishermen use?', {
      disabledRules: new Set(['figure-needs-number']),
    });
    expect(top(result)).toBe(6);
  });

  it('count the thing asked about: "how many ferries" is not answered by "300 people"', () => {
    expect(top(search('How many people will the terminal employ?'))).toBe(3);
    expect(search('How many ferries will use the terminal?')).toMatchObject({
      kind: 'no-match',
      reason: NO_SUCH_FIGURE,
    });
  });

  it('leave questions that ask for no figure alone', () => {
    expect(top(search('What do fishermen fear about the ferry terminal?'))).toBe(6);
  });
});

describe('"when" questions', () => {
  /** Two passages on the same event; only the second says when, and the first matches more words. */
  const library = memoryCorpus([
    'The council opened the library on the square, and readers praised the council for the library.',
    'Since the council opened the library in 2019, loans have doubled across the district.',
    'The swimming pool closed for repairs.',
    'The swimming pool reopened after the roof was replaced.',
    'The council will sell the old depot.',
  ]);
  const ask = (question: string, options: EngineOptions = {}): SearchResult =>
    createEngine(library, options).search(question);
  const off = { disabledRules: new Set(['when-needs-time'] as const) };

  it('are answered by a passage that says when, ahead of one that matches as well without a time', () => {
    expect(top(ask('When did the council open the library?'))).toBe(2);
    expect(top(ask('When did the council open the library?', off))).toBe(1);
  });

  it('read a chat spelling of the question word as the word ("wen" is when, not a cyst)', () => {
    const lexicon = loadLexicon();
    expect(top(ask('wen did the council open the library?', { lexicon }))).toBe(2);
    const typed = ask('wen did the council open the library?', {
      lexicon,
      disabledRules: new Set(['chat-message']),
    });
    expect(top(typed)).not.toBe(2);
  });

  it('need the time in a sentence about what is asked, and a calendar time for "what year"', () => {
    const laws = memoryCorpus([
      'The harbour law was passed by the council. Fishermen cite that law as the reason for the pier ban in 2018.',
      'The harbour law will stay until the council repeals the harbour law.',
    ]);
    const search = (question: string): SearchResult => createEngine(laws).search(question);
    expect(search('What year was the harbour law passed?')).toMatchObject({
      kind: 'no-match',
      reason: NO_SUCH_TIME,
    });
    expect(top(search('When did the pier ban start?'))).toBe(1);
    expect(top(search('When will the harbour law end?'))).toBe(2);
  });

  it('count an event as a time ("after the roof was replaced")', () => {
    expect(top(ask('When did the swimming pool reopen?'))).toBe(4);
  });

  it('are refused, saying so, when the passages on the subject give no time', () => {
    expect(ask('When will the council sell the depot?')).toMatchObject({
      kind: 'no-match',
      reason: NO_SUCH_TIME,
    });
    expect(top(ask('When will the council sell the depot?', off))).toBe(5);
  });

  it('leave the order of other questions alone', () => {
    expect(top(ask('Did the council open the library?'))).toBe(
      top(ask('Did the council open the library?', off)),
    );
    expect(top(ask('Will the council sell the depot?'))).toBe(5);
  });
});

describe('chat shorthand', () => {
  it.each(['did u hear why residents opposed the terminal', 'r residents against the terminal'])(
    'reads shorthand function words as function words, not absent names: %s',
    (question) => {
      expect(top(search(question, { lexicon: loadLexicon() }))).toBe(2);
    },
  );
});

describe('the publication the article comes from', () => {
  it('is a pointer to the article, not a topic the passages lack', () => {
    for (const question of [
      'What does the Coast Weekly piece say about why residents opposed the terminal?',
      'in that CW article, why did residents oppose the terminal?',
    ]) {
      expect(top(search(question))).toBe(2);
      expect(search(question, { disabledRules: new Set(['source-names']) }).kind).toBe('no-match');
    }
  });

  it('so is "the author" or "the writer" when the passages do not use the word', () => {
    const question = 'Why does the writer think residents opposed the terminal?';
    expect(top(search(question))).toBe(2);
    const withWriters = memoryCorpus([...TEXTS, 'A local writer praised the new terminal.']);
    const parsed = createEngine(withWriters).search(question);
    expect(parsed.kind === 'answer' ? parsed.results.map((h) => h.passage.paragraph) : []).toContain(7);
    // With the rule off, "writer" is a word of the question no passage has: less of it is covered.
    const off = search(question, { disabledRules: new Set(['source-names']) });
    expect(topCoverage(search(question))).toBeGreaterThan(topCoverage(off));
  });

  it('is searched like any name when the passages name it', () => {
    const quoting = memoryCorpus(['Coast Weekly reported that the ferry is late.', 'The pier is closed.']);
    const article = { ...quoting.articles[0]!, publisher: 'Coast Weekly' };
    const named = { ...quoting, articles: [article] };
    expect(sourceNames(named, buildIndex(named)).phrases).toEqual([]);
    const pointer = { ...named, articles: [{ ...article, publisher: 'Harbour Gazette' }] };
    expect(sourceNames(pointer, buildIndex(pointer))).toEqual({
      phrases: [['harbour', 'gazette']],
      initials: new Set(['hg']),
    });
  });
});

describe('questions about the article itself', () => {
  it('are answered from what the article file records, never with a passage', () => {
    expect(search('Who published this article?')).toMatchObject({
      kind: 'no-match',
      reason:
        '"Ferry terminal approved" was published by Coast Weekly. The article file records no author, publication date or URL.',
    });
    expect(search('who wrote it?')).toMatchObject({
      kind: 'no-match',
      reason:
        'The article file does not record who wrote "Ferry terminal approved" (Coast Weekly): it names no author. The article file records no publication date or URL.',
    });
  });

  it('are read after chat noise is removed', () => {
    const result = search('hi! when was the article published? cheers');
    expect(result).toMatchObject({ kind: 'no-match', asked: 'when was the article published?' });
    expect(result.kind === 'no-match' ? result.reason : '').toContain('does not record when');
  });

  it('are searched like any question when the rule is off', () => {
    const result = search('Who published this article?', { disabledRules: new Set(['article-metadata']) });
    expect(result.kind === 'no-match' ? result.reason : undefined).toBeUndefined();
  });

  it('do not catch questions about what the article reports', () => {
    const result = search('When were the first plans for the terminal published?');
    expect(top(result)).toBe(5);
  });
});

describe('chat messages: properties over the bundled article', () => {
  const PIECES = [
    'hey all,',
    'thanks!',
    '<@123>',
    ':wave:',
    'https://www.lightreading.com/asia/huawei-gets-some-5g-wins',
    '`x`',
    '?',
    '.',
    ' - ',
    'I keep hearing',
    'who published it',
    'how many',
    'when did',
    'Italy',
    'approve',
    'Huawei',
    'market share',
    'the article',
    '2018',
  ];
  const message = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(' '));
  let engine: Engine;
  const errors: unknown[] = [];

  beforeAll(async () => {
    engine = createEngine(await loadCorpus('data'), {
      lexicon: loadLexicon(),
      onInternalError: (error) => errors.push(error),
    });
  });

  it("answers every message without an internal error, reading it from the message's own words", () => {
    fc.assert(
      fc.property(message, (text) => {
        const result = engine.search(text);
        expect(errors).toEqual([]);
        const words = new Set(text.match(/[\p{L}\p{N}]+/gu) ?? []);
        for (const word of result.asked?.match(/[\p{L}\p{N}]+/gu) ?? []) expect(words).toContain(word);
        if (result.kind === 'no-match' && result.reason !== undefined)
          expect(result.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('"how do I" questions (rule how-to-needs-instructions)', () => {
  const reports = memoryCorpus([
    'The ferry operator reset its booking system after the outage last week.',
    'Fishermen fear the terminal will take over their moorings.',
    'Residents can apply online for a parking permit near the terminal.',
  ]);
  const search = (question: string, options: EngineOptions = {}): SearchResult =>
    createEngine(reports, options).search(question);

  it('are refused, saying so, when the passages only report', () => {
    expect(search('how do i reset my booking system')).toMatchObject({
      kind: 'no-match',
      reason: NO_INSTRUCTIONS,
    });
    expect(
      top(
        search('how do i reset my booking system', { disabledRules: new Set(['how-to-needs-instructions']) }),
      ),
    ).toBe(1);
  });

  it('are answered by a passage that tells the reader or the public what to do', () => {
    expect(top(search('How can I apply for a parking permit?'))).toBe(3);
  });

  it('leave other "how" questions alone', () => {
    expect(top(search('How did the ferry operator fix the booking system?'))).toBe(1);
  });
});
