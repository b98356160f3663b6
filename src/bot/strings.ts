/**
 * Every sentence the bot shows a user, in one place so wording stays consistent and reviewable.
 * Functions take already-escaped text: escaping is the reply helper's job (src/bot/reply.ts).
 */
import type { ArgumentSide, DecisionStatus } from '../facts/types.js';

/**
 * One marker per decision status, a traffic light from open to closed, so a listing can be scanned by
 * colour; labels come from src/facts/types.ts (STATUS_LABELS).
 */
export const STATUS_MARKERS: Readonly<Record<DecisionStatus, string>> = {
  approved: '🟢',
  'conditionally-approved': '🟡',
  'likely-to-select': '🔵',
  'decided-against': '🟠',
  banned: '🔴',
};

/** One marker per argument side (labels: SIDE_LABELS in src/facts/types.ts). */
export const SIDE_MARKERS: Readonly<Record<ArgumentSide, string>> = {
  'for-huawei-access': '➕',
  'against-huawei-access': '➖',
  'describes-position': '🔹',
};

export const STRINGS = {
  seeAlso: 'See also',
  source: 'Source',
  askedAbout: 'Asked about',
  morePassagesButton: 'More passages',
  shareButton: 'Share',
  morePassagesTitle: (shownFrom: number, shownTo: number, total: number) =>
    `More passages (${shownFrom}–${shownTo} of ${total})`,
  noMorePassages: 'There are no more passages for this question.',
  answerExpired:
    'That answer is no longer cached and its question was too long to recover: please ask again.',
  noMatch: (question: string) => `The article doesn't cover that: nothing in it answers “${question}”.`,
  closestTopics: 'Closest topics it does cover:',
  noMatchHint: 'Try /ask with one of these, or /help for tips.',
  emptyQuestion: 'Please type a question, e.g. `/ask question: Why did Australia ban Huawei?`',
  emptyMessage: 'That message has no text to ask about.',
  questionTooLong: (length: number, max: number) =>
    `That question is ${length} characters long; I take up to ${max}. Please ask about one thing in a sentence or two.`,
  passageNotFound: (typed: string) =>
    `No passage matches “${typed}”. Pick one from the list that appears while you type.`,
  quoteFooter: 'Verbatim from the article',
  answerFooter: 'Verbatim excerpts; ¶ numbers count the article’s body paragraphs from 1.',
  captionLabel: 'Caption',
  sourcesTitle: 'Indexed articles',
  sourcesLine: (title: string, publisher: string | undefined, paragraphs: number, captions: number) =>
    `**${title}**${publisher ? ` · ${publisher}` : ''}\n${paragraphs} paragraphs` +
    (captions ? `, ${captions} caption${captions === 1 ? '' : 's'}` : ''),
  noSources: 'No articles are indexed.',
  helpTitle: 'How to ask',
  helpDescription: [
    'I answer questions about the indexed article with **verbatim** excerpts and a citation (¶N).',
    '',
    '`/ask question: Why did Australia ban Huawei?` answers in the channel; add `private: True` to see it alone.',
    '`/quote passage:` finds a paragraph as you type and posts it whole, with its citation.',
    '`/decisions` lists who decided what, by status (add `country:` for one country, its conditions and reasons).',
    '`/arguments` lists the arguments for and against, with who makes them (add `side:` to pick one side).',
    '`/sources` lists the indexed articles.',
    'Right-click a message → Apps → **Ask the article** to answer that message as a question.',
    '',
    'Plain words work best; typos are fine. If the article does not cover something, I say so.',
  ].join('\n'),
  // /decisions, /arguments and the facts leading an /ask answer
  factsFooter: 'Verbatim quotes; ¶ numbers count the article’s body paragraphs from 1.',
  decisionsGroupTitle: (marker: string, label: string, count: number) => `${marker} ${label} (${count})`,
  decisionTitle: (marker: string, subject: string, label: string) => `${marker} ${subject}: ${label}`,
  passagesHeading: 'In the article',
  conditions: 'Conditions',
  when: 'When',
  reason: (speaker: string, paragraph: string) => `Why · ${speaker} · ${paragraph}`,
  noDecisions: 'The article reports no decisions.',
  unknownCountry: (typed: string, countries: readonly string[]) =>
    `The article reports no decision by “${typed}”. It reports decisions by: ${countries.join(', ')}.\n` +
    'Pick a country from the list that appears while you type `/decisions country:`.',
  countryChoice: (country: string, statuses: string) => `${country} · ${statuses}`,
  argumentsGroupTitle: (marker: string, label: string, count: number) => `${marker} ${label} (${count})`,
  continued: (title: string) => `${title} (continued)`,
  noArguments: (side: string) => `The article reports no arguments “${side}”.`,
  unknownSide: (typed: string, sides: readonly string[]) =>
    `There is no side “${typed}”. Choose one of: ${sides.join(', ')}.`,
  factsLeftOut: (shown: number, total: number, what: string, leftOut: string, hint: string) =>
    `Showing ${shown} of ${total} ${what} (Discord allows 6000 characters per message). Left out: ${leftOut}. ${hint}`,
  argumentsNarrowHint: (sides: string) => `Narrow it with \`/arguments side:\` (${sides}).`,
  decisionsNarrowHint: 'Narrow it with `/decisions country:`.',
  cooldown: (seconds: number) => `Easy there: you can ask again in ${seconds} s.`,
  somethingWentWrong: (ref: string) =>
    `Something went wrong (ref ${ref}). It has been logged; please try again in a moment.`,
  unknownCommand: (name: string) => `I don't know the command “${name}”.`,
  helpfulButton: 'Helpful',
  notHelpfulButton: 'Not helpful',
  voteThanks: (helpful: boolean, replaced: boolean) =>
    `${helpful ? '👍' : '👎'} Thanks: your vote ${replaced ? 'replaces your earlier one' : 'is recorded'}. Only you can see this.`,
  voteNotStored: 'Votes are recorded when the bot runs with its store (`npm start` or `npm run serve`).',
} as const;
