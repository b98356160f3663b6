import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asksAboutArticle,
  asksForCalendarTime,
  asksForTime,
  asksHowTo,
  figureAsked,
} from '../src/engine/intent.js';
import { countsThing, hasCalendarTime, hasFigure, hasTimeExpression } from '../src/engine/signals.js';
import { stem } from '../src/engine/tokenize.js';
import { NO_SUCH_FIGURE, articleFactAnswer } from '../src/engine/strings.js';

describe('figureAsked: questions that want a number, amount, share or price', () => {
  it.each([
    ['How many people work at the plant?', 'count'],
    ['how many ships sank', 'count'],
    ['What is the total number of beds?', 'count'],
    ['How much did the council spend on the bridge?', 'amount'],
    ['How much is the franchise worth?', 'amount'],
    ['how much cheaper are the imported panels', 'amount'],
    ['What is the price of a season ticket?', 'amount'],
    ['What does a permit cost?', 'amount'],
    ["What does the city's new permit cost?", 'amount'],
    ["How much is the port's ferry contract worth?", 'amount'],
    ['How much is the council paying the contractor?', 'amount'],
    ['how much are they spending on the bridge', 'amount'],
    ['What was the cost of the repairs?', 'amount'],
    ['What share of the market does the cooperative hold?', 'share'],
    ["What is the airline's market share?", 'share'],
    ["what's the club's share of the gate receipts", 'share'],
    ['What percentage of voters backed the plan?', 'share'],
    ['what % of the budget goes to schools', 'share'],
    ['Is there any data on how often trains are late?', 'any'],
    ["How much is the city council's new ferry terminal contract with the operator worth?", 'amount'],
    ["What's the value of the harbour deal?", 'amount'],
    ['How long has the mayor been in office?', 'length'],
    ['how long is the new bike lane', 'length'],
  ] as const)('%s → %s', (question, kind) => {
    expect(figureAsked(question)).toBe(kind);
  });

  it.each([
    'Does the union share the management’s view?',
    'Why did the two parties share power?',
    'How much does the mayor care about cyclists?',
    'How did the company respond?',
    'What did the minister say about the value of tradition?',
    'Who shares the blame for the delay?',
    'Is the museum worth visiting?',
    'What happened to the ferry?',
    'How long ago did the mill close?',
  ])('no figure: %s', (question) => {
    expect(figureAsked(question)).toBeUndefined();
  });
});

describe('asksForTime: questions that ask when', () => {
  it.each([
    'When did the bridge open?',
    'when was the treaty signed',
    'So when will the vote happen?',
    'In what year did the mine close?',
    'What year was the school founded?',
    'Which month does the festival start?',
    'Since when has the road been closed?',
    'Do you know when exactly the deal was struck?',
  ])('yes: %s', (question) => {
    expect(asksForTime(question)).toBe(true);
  });

  it.each([
    'Why would the council go ahead when residents are against it?',
    'Who opened the bridge?',
    'What happens when the reservoir is empty?',
    'How long is the tunnel?',
  ])('no: %s', (question) => {
    expect(asksForTime(question)).toBe(false);
  });
});

describe('asksAboutArticle: questions about the article itself, not about its content', () => {
  it.each([
    ['Who published this article?', 'publisher'],
    ['who published it', 'publisher'],
    ['Which website ran the story?', 'publisher'],
    ['What publication is this from?', 'publisher'],
    ["What's the source?", 'publisher'],
    ['Who wrote this piece?', 'author'],
    ['who wrote the article?', 'author'],
    ['Who is the author?', 'author'],
    ["what's the author's name", 'author'],
    ['can you tell me who wrote it?', 'author'],
    ['When was the article published?', 'date'],
    ['when was this written', 'date'],
    ['What is the publication date?', 'date'],
    ['How old is this article?', 'date'],
    ['What is the title of the article?', 'title'],
    ["What's the headline?", 'title'],
    ['What is the story called?', 'title'],
    ["What's the URL?", 'url'],
    ['Can you give me the link to the article?', 'url'],
    ['Where can I read the original article?', 'url'],
    ['what date was it published?', 'date'],
    ['who is the article by?', 'author'],
    ['author?', 'author'],
    ['link?', 'url'],
    ['source?', 'publisher'],
    ["What is the article's title?", 'title'],
    ['do you have a link to the article', 'url'],
  ] as const)('%s → %s', (question, field) => {
    expect(asksAboutArticle(question)).toBe(field);
  });

  it.each([
    'Who wrote the op-ed?',
    'When was the minister’s op-ed published?',
    'Who reported the approval?',
    'Who published the leaked memo?',
    'Why does the author call the offer theatre?',
    'What is the title of the new law?',
    'What did the author of the report conclude?',
    'Which newspaper did the minister talk to?',
    'When was the factory built?',
    'What is the name of the board member?',
    'Who is the author of the bill?',
    "what's the op-ed's title",
    'the source of the leak?',
    "Reuters' source?",
    'Who is the chairman?',
  ])('not about the article itself: %s', (question) => {
    expect(asksAboutArticle(question)).toBeUndefined();
  });
});

describe('hasFigure: a passage that gives the kind of number asked for', () => {
  // Kinds each passage answers, in the order share, amount, count.
  it.each([
    ['The plant employs 1,200 people.', [true, true, true]],
    ['Tickets cost $45 each.', [true, true, true]],
    ['The council raised €3.5m from the sale.', [true, true, true]],
    ['Turnout was 62%.', [true, true, true]],
    ['Prices rose four percent over the year.', [true, true, true]],
    ['It cost them thirty million dollars.', [false, true, true]],
    ['Thousands of words have been written about it.', [false, true, true]],
    ['The operator will double its crossings.', [false, true, true]],
    ['Half the members voted for it.', [true, false, false]],
    ['Both unions signed the agreement.', [false, false, true]],
    ['The mine closed in 1998.', [false, false, false]],
    ['Its 5G network uses 4G cores and 3GPP standards.', [false, false, false]],
    ['Restrictions were tightened over 2020/21.', [false, false, false]],
    ['The first step is one part of a broader plan.', [false, false, false]],
    ['Nobody gave a figure for the contract.', [false, false, false]],
  ] as const)('%s', (text, [share, amount, count]) => {
    expect([hasFigure(text, 'share'), hasFigure(text, 'amount'), hasFigure(text, 'count')]).toEqual([
      share,
      amount,
      count,
    ]);
    expect(hasFigure(text, 'any')).toBe(share || amount || count);
  });
});

describe('hasFigure: "how long" wants a length of time or distance', () => {
  it.each([
    'He has chaired the board for two years.',
    'The ride will take 31 minutes.',
    'A 25-minute crossing replaces the old route.',
    'The lane runs 4.2 km along the busway.',
    'Restrictions were tightened over 2020/21.',
    'The op-ed marked the second anniversary of the listing.',
  ])('yes: %s', (text) => {
    expect(hasFigure(text, 'length')).toBe(true);
  });

  it.each(['The plant employs 1,200 people.', 'Both unions signed.', 'The mine closed in 1998.'])(
    'no: %s',
    (text) => {
      expect(hasFigure(text, 'length')).toBe(false);
    },
  );
});

describe('hasTimeExpression: a passage that says when', () => {
  it.each([
    'The ban came in 2018.',
    'Restrictions were tightened over 2020/21.',
    'The vote is due in March.',
    'It reopened on Monday.',
    'Officials met last week.',
    'The op-ed marked the second anniversary of the listing.',
    'The plan was announced yesterday.',
    'Three years ago the mill shut.',
    'The bridge closes in May for repairs.',
    'Work starts in the 1990s.',
    'The terminal was approved after a long public consultation.',
    'Until that happens, governments will draw their own conclusions.',
    'They will talk to us when the time is right.',
  ])('yes: %s', (text) => {
    expect(hasTimeExpression(text)).toBe(true);
  });

  it.each([
    'You may not park here.',
    'The vendor wants to repair its relations.',
    'It has 5G coverage and 300 staff.',
    'Jan Novak chairs the board.',
    'Huawei once again demands talks.',
    'When did it open?',
  ])('no: %s', (text) => {
    expect(hasTimeExpression(text)).toBe(false);
  });
});

describe('user-facing sentences', () => {
  const article = { title: 'Harbour wall to be rebuilt', publisher: 'Coast Weekly' };

  it('states the figure refusal in one sentence', () => {
    expect(NO_SUCH_FIGURE).toBe(
      'The article gives no such figure: the passages on this subject state no number, amount, share or price for it.',
    );
  });

  it.each([
    [
      'title',
      'The article is titled "Harbour wall to be rebuilt" (Coast Weekly). The article file records no author, publication date or URL.',
    ],
    [
      'publisher',
      '"Harbour wall to be rebuilt" was published by Coast Weekly. The article file records no author, publication date or URL.',
    ],
    [
      'author',
      'The article file does not record who wrote "Harbour wall to be rebuilt" (Coast Weekly): it names no author. The article file records no publication date or URL.',
    ],
    [
      'date',
      'The article file does not record when "Harbour wall to be rebuilt" (Coast Weekly) was published: it gives no date. The article file records no author or URL.',
    ],
    [
      'url',
      'The article file does not record a URL or link for "Harbour wall to be rebuilt" (Coast Weekly). The article file records no author or publication date.',
    ],
  ] as const)('answers %s from what the file records and says what it does not', (field, answer) => {
    expect(articleFactAnswer(article, field)).toBe(answer);
  });

  it('gives recorded fields as recorded, and names no missing field when all are there', () => {
    const full = { ...article, author: 'R. Ames', date: '2024-03-01', url: 'https://coast.example/wall' };
    expect(articleFactAnswer(full, 'author')).toBe('"Harbour wall to be rebuilt" was written by R. Ames.');
    expect(articleFactAnswer(full, 'date')).toBe('"Harbour wall to be rebuilt" is dated 2024-03-01.');
    expect(articleFactAnswer(full, 'url')).toBe(
      '"Harbour wall to be rebuilt" is at https://coast.example/wall.',
    );
  });

  it('says when the publisher is not recorded', () => {
    expect(articleFactAnswer({ title: 'T' }, 'publisher')).toBe(
      'The article file does not record who published "T". The article file records no author, publication date or URL.',
    );
  });
});

describe('intent and signal properties', () => {
  it('never throw on any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(['undefined', 'string']).toContain(typeof figureAsked(text));
        expect(typeof asksForTime(text)).toBe('boolean');
        expect(['undefined', 'string']).toContain(typeof asksAboutArticle(text));
        expect(typeof hasFigure(text)).toBe('boolean');
        expect(typeof hasTimeExpression(text)).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('asksHowTo: questions that want instructions', () => {
  it.each([
    'how do i reset my router',
    'How can we set up a bot?',
    'how to configure a vlan',
    'ok how do u do that',
  ])('%s → yes', (question) => expect(asksHowTo(question)).toBe(true));
  it.each([
    'How did Italy decide?',
    'How do they plan to pay?',
    'how does huawei fix this',
    'Why do I care?',
  ])('%s → no', (question) => expect(asksHowTo(question)).toBe(false));
});

describe('calendar questions: the unit asked for and the times that give it', () => {
  it.each([
    ['What year was the law passed?', 'year'],
    ["what's the exact date the pier opened", 'date'],
    ['Which month did work begin?', 'month'],
    ['When did work begin?', undefined],
  ] as const)('%s → %s', (question, unit) => {
    expect(asksForCalendarTime(question)).toBe(unit);
  });

  it('"last week" is no date, a year is no month, "the second anniversary" dates a year', () => {
    expect(hasCalendarTime('It was announced last week.', 'date')).toBe(false);
    expect(hasCalendarTime('It opened on 3 March.', 'date')).toBe(true);
    expect(hasCalendarTime('It opened in 2019.', 'month')).toBe(false);
    expect(hasCalendarTime('marking the second anniversary of the ban', 'year')).toBe(true);
    expect(asksForTime("what's the exact date the pier opened")).toBe(true);
  });
});

describe('countsThing: a number with the counted noun after it', () => {
  const stems = (words: string[]) => new Set(words.map((w) => stem(w)));
  it.each([
    ['The terminal will employ 300 people.', ['people'], true],
    ['Three large container ships sank.', ['ships'], true],
    ['in all the thousands of words unleashed by executives', ['countries'], false],
    ['Both Malaysia and Italy are set to approve it.', ['countries'], false],
  ] as const)('%s (%j) → %s', (text, counted, expected) => {
    expect(countsThing(text, stems([...counted]), stem)).toBe(expected);
  });
});
