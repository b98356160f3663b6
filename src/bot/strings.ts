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

/**
 * The colour of each status marker as Discord draws it (Twemoji's large circles), for pictures that must
 * match the markers: the /decisions map fills each country in its status's colour.
 */
export const STATUS_COLOURS: Readonly<Record<DecisionStatus, string>> = {
  approved: '#78b159',
  'conditionally-approved': '#fdcb58',
  'likely-to-select': '#55acee',
  'decided-against': '#f4900c',
  banned: '#dd2e44',
};

/** One marker per argument side (labels: SIDE_LABELS in src/facts/types.ts). */
export const SIDE_MARKERS: Readonly<Record<ArgumentSide, string>> = {
  'for-huawei-access': '➕',
  'against-huawei-access': '➖',
  'describes-position': '🔹',
};

/** Questions /ask autocomplete derives from the facts (src/bot/autocomplete.ts), one wording per kind. */
export const QUESTION_TEMPLATES = {
  decided: (country: string, vendor: string) => `What did ${country} decide about ${vendor}?`,
  why: {
    approved: (country: string, vendor: string) => `Why did ${country} approve ${vendor}?`,
    'conditionally-approved': (country: string, vendor: string) => `Why did ${country} approve ${vendor}?`,
    'likely-to-select': (country: string, vendor: string) => `Why is ${country} likely to pick ${vendor}?`,
    'decided-against': (country: string, vendor: string) => `Why did ${country} decide against ${vendor}?`,
    banned: (country: string, vendor: string) => `Why did ${country} ban ${vendor}?`,
  } satisfies Record<DecisionStatus, (country: string, vendor: string) => string>,
  conditions: (country: string, vendor: string) => `What conditions did ${country} put on ${vendor}?`,
  speaker: (name: string) => `What did ${name} say?`,
  /** "For Huawei's access" → "Why do some argue for Huawei's access?" */
  side: (label: string) => `Why do some argue ${label.charAt(0).toLowerCase()}${label.slice(1)}?`,
} as const;

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
  readAs: 'Read as',
  shortenedNote: 'Your message was shortened to its question.',
  readAsNote: (asked: string) => `“${asked}” (your message, shortened to its question)`,
  passageNotFound: (typed: string) =>
    `No passage matches “${typed}”. Pick one from the list that appears while you type.`,
  passageNumberNotFound: (typed: string, paragraphs: number, captions: number) =>
    `The article has no passage “${typed}”: its paragraphs are ¶1–¶${paragraphs}` +
    (captions
      ? ` and it has ${captions} caption${captions === 1 ? '' : 's'} (\`/quote passage: caption\`)`
      : '') +
    '. Type a number such as `/quote passage: 7`, or words from the paragraph.',
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
    '`/quote passage: 12` posts ¶12 whole, with its citation (also `¶12`, `p12`, `caption`, or words from it).',
    '`/decisions` lists who decided what, by status (add `country:` for one country, its conditions and reasons).',
    '`/arguments` lists the arguments for and against, with who makes them (add `side:` to pick one side).',
    '`/summary` gives the article at a glance: every decision and the main arguments of each side, cited.',
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
  moreFacts: '*More decisions and arguments: `/decisions`, `/arguments`.*',
  excerptQuotedAbove: (paragraph: string) => `Quoted above (${paragraph}).`,
  quotedAbove: '(quoted above)',
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
  pageNote: (
    page: number,
    pages: number,
    from: number,
    to: number,
    total: number,
    what: string,
    hint: string,
  ) =>
    `Page ${page} of ${pages}: ${what} ${from === to ? from : `${from}–${to}`} of ${total}. ` +
    `Previous / Next turn the page. ${hint}`,
  previousPage: '◀ Previous',
  nextPage: 'Next ▶',
  argumentsNarrowHint: (sides: string) => `Narrow it with \`/arguments side:\` (${sides}).`,
  decisionsNarrowHint: 'Narrow it with `/decisions country:`.',
  rateLimited: (seconds: number) =>
    `That is a lot of commands in a short time: you can ask again in ${seconds} s. (/help always works.)`,
  somethingWentWrong: (ref: string) =>
    `Something went wrong (ref ${ref}). It has been logged; please try again in a moment.`,
  unknownCommand: (name: string) => `I don't know the command “${name}”.`,
  helpfulButton: 'Helpful',
  notHelpfulButton: 'Not helpful',
  voteThanks: (helpful: boolean, replaced: boolean) =>
    `${helpful ? '👍' : '👎'} Thanks: your vote ${replaced ? 'replaces your earlier one' : 'is recorded'}. Only you can see this.`,
  voteNotStored: 'Votes are recorded when the bot runs with its store (`npm start` or `npm run serve`).',
} as const;

/** /summary, the /decisions map and where they are pointed to from. */
export const SUMMARY_STRINGS = {
  title: (article: string) => `Summary: ${article}`,
  decisionsHeading: (count: number) => `**Decisions** (${count})`,
  argumentsHeading: (shown: number, total: number) => `**Main arguments** (${shown} of ${total})`,
  argumentsRule: 'the first of each side in article order, none quoted twice',
  conditions: 'Conditions',
  conditionsInBold: 'conditions in bold',
  more: 'More',
  rest: (decisionsLeftOut: number, argumentsLeftOut: number) =>
    [
      decisionsLeftOut ? `${decisionsLeftOut} more decisions: \`/decisions\`.` : '',
      argumentsLeftOut
        ? `${argumentsLeftOut} more arguments: \`/arguments\` (add \`side:\` for one side).`
        : '',
      'A map and every decision: `/decisions`; conditions and reasons for one country: `/decisions country:`.',
    ]
      .filter(Boolean)
      .join(' '),
  footer: 'Verbatim quotes; ¶ numbers count the article’s body paragraphs from 1.',
  askedForSummary: 'That is what `/summary` shows, so here it is:',
  noFacts: 'The article’s facts file lists no decisions or arguments to summarise; try `/ask`.',
  mapTitle: (vendors: readonly string[]) =>
    `Decisions about ${vendors.join(', ') || 'the vendor'}: who decided what, by country (from the article)`,
  mapNoDecision: 'No decision in the article',
  mapLegend: (label: string, countries: readonly string[]) => `${label}: ${countries.join(', ')}`,
  mapMissing: (countries: readonly string[]) => `Not drawn (not in the world atlas): ${countries.join(', ')}`,
  mapDescription: 'World map: each country with a decision in the article, filled in its status colour',
  consoleAttachment: (name: string, file: string) => `📎 ${name} saved to ${file}`,
} as const;
