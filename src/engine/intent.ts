/**
 * What kind of answer a question wants, read from its wording: a figure (how many, how much, what
 * share), a time (when, what year), or a fact about the article itself (who published it, its
 * title). Pure string analysis of English question forms; passages are judged in signals.ts.
 */
import { fold } from './tokenize.js';

/** A fact the article file may record about itself. */
export type ArticleField = 'publisher' | 'author' | 'date' | 'title' | 'url';

/** What kind of figure a question asks for; each is answered by different kinds of numbers. */
export type FigureKind = 'share' | 'amount' | 'count' | 'length' | 'any';

/**
 * Forms that ask for a quantity, by kind. "How much" asks for one only with a money or size word
 * nearby ("how much is the contract worth", "how much cheaper"), since "how much does Huawei
 * matter" asks for a degree; "share" only as a noun (market share, the share of), never the verb.
 */
const FIGURE_FORMS: ReadonlyArray<readonly [FigureKind, RegExp]> = [
  [
    'share',
    /\b(?:market|revenue|the|a|its|their|his|her|what|which|whose)\s+share\b(?!\s+(?:the|a|an|this|that|these|those|its|their|his|her|our|your|my|some|any)\b)/,
  ],
  ['share', /['’]s\s+share\b/],
  ['share', /\bshare\s+of\b/],
  ['share', /\bwhat\s+(?:percentage|percent|proportion|fraction|portion|ratio|rate)\b/],
  ['share', /\b(?:percentage|percent|proportion|fraction)\s+of\b/],
  ['share', /\bwhat\s*%/],
  [
    'amount',
    /\bhow\s+much\s+(?:[\w']+\s+){0,12}?(?:money|cost|costs|costing|worth|pay|paid|pays|paying|spend|spent|spends|spending|invest|invested|invests|investing|earn|earned|earns|earning|charge|charged|charges|charging|price|priced|revenue|sales|profit|budget|fund|funding|funded|cheaper|dearer|costlier|bigger|larger|smaller|higher|lower|more|less|fewer)\b/,
  ],
  ['amount', /\bwhat\s+(?:amount|sum|size|value|price|cost|total)\b/],
  ['amount', /\b(?:how\s+big|how\s+large)\s+(?:is|was|are|were)\b/],
  [
    'amount',
    /\b(?:the|a)\s+(?:total\s+|exact\s+|overall\s+|average\s+)?(?:amount|price|cost|total|sum)\s+of\b/,
  ],
  ['amount', /\b(?:price|cost|revenue|profit|turnover)\s+of\b/],
  // "What's the value of the deal" asks for money; "the value of tradition" in a longer question does not.
  [
    'amount',
    /^what(?:'s|s|\s+is|\s+was|\s+are|\s+were)\s+the\s+(?:total\s+|exact\s+|estimated\s+)?value\s+of\b/,
  ],
  ['amount', /\bwhat\s+(?:is|was|are|were|'s)\s+(?:[\w']+\s+){1,6}?(?:worth|valued\s+at)\s*$/],
  ['amount', /\b(?:net\s+worth|worth\s+of)\b/],
  ['amount', /\bwhat\s+(?:does|did|do|will|would)\s+(?:[\w']+\s+){1,6}?cost\s*$/],
  // "How many years since…" counts units of time: a span, which "the second anniversary" gives.
  ['length', /\bhow\s+many\s+(?:seconds|minutes|hours|days|weeks|months|years|decades)\b/],
  ['count', /\bhow\s+many\b/],
  // A length of time or distance ("how long has Peng been on the board"); "how long ago" asks when.
  ['length', /\bhow\s+long\b(?!\s+ago\b)/],
  ['count', /\bwhat\s+(?:number|quantity|count)\b/],
  ['count', /\b(?:the|a)\s+(?:total\s+|exact\s+|overall\s+|average\s+)?(?:number|count)\s+of\b/],
  ['any', /\b(?:numbers|figures|statistics|stats|data)\s+(?:on|about|for)\b/],
];

/**
 * Forms that ask for a time. "When" opens the question or is followed by an auxiliary ("so when
 * did Italy…"); "why go that way when the US is against it" uses it as a conjunction.
 */
const TIME_FORMS: readonly RegExp[] = [
  /^(?:and\s+|so\s+|but\s+)?(?:since\s+|until\s+)?when\b/,
  /\bwhen\s+(?:did|was|were|is|are|will|would|does|do|has|have|had|could|can|should|might|exactly)\b/,
  /\b(?:what|which)\s+(?:year|month|day|date|week|time\s+of\s+year)\b/,
  /\b(?:what|which)(?:'s|s|\s+is|\s+was)\s+the\s+(?:exact\s+|precise\s+|actual\s+)?(?:year|month|day|date)\b/,
  /\bhow\s+long\s+ago\b/,
  /\bin\s+what\s+year\b/,
];

/** Words a question uses for this article (not for something in it: "the op-ed", "the report"). */
const REF = String.raw`(?:(?:the|this|that|your|ur|its)\s+)?(?:news\s+|original\s+|light\s+reading\s+)?(?:article|piece|story|post|write-?up|item|text|page)`;
const SELF = String.raw`(?:${REF}|this|it)`;
/** Openings that wrap the real question ("can you tell me who published it"). */
const WRAPPER =
  /^(?:(?:and|so|but|ok|okay|also|quick\s+question|btw)[\s,:]+)*(?:(?:can|could)\s+you\s+(?:tell|show)\s+me|do\s+you\s+know|tell\s+me|i\s+(?:want|need|wanted)\s+to\s+know|any\s+idea|i\s+wonder|i'?m\s+wondering)[\s,:]+/;

/**
 * Each field's question forms, matched against the whole question so that a question about
 * something in the article ("who wrote the op-ed", "when was the Peng op-ed published") never
 * matches: the thing published or written must be the article, or left unsaid.
 */
const ARTICLE_FORMS: ReadonlyArray<readonly [ArticleField, RegExp]> = [
  ['author', new RegExp(String.raw`^who\s+(?:wrote|writes|authored|penned|is\s+writing)(?:\s+${SELF})?$`)],
  [
    'author',
    new RegExp(
      String.raw`^(?:who|what)(?:\s+is|\s+was|'s|s)?\s+(?:the\s+)?(?:author|writer|journalist|reporter|byline)(?:'?s\s+name)?(?:\s+(?:of|for|behind)\s+${SELF})?$`,
    ),
  ],
  ['author', new RegExp(String.raw`^(?:by\s+whom|who\s+by)\s+(?:is|was)\s+${SELF}\s+written$`)],
  [
    'author',
    new RegExp(String.raw`^(?:is|was)\s+there\s+an?\s+(?:author|byline)(?:\s+(?:of|for|on)\s+${SELF})?$`),
  ],
  [
    'author',
    new RegExp(
      String.raw`^(?:who|what)(?:\s+is|\s+was|'s|s)?\s+(?:the\s+)?name\s+of\s+the\s+(?:author|writer|journalist|reporter)(?:\s+of\s+${SELF})?$`,
    ),
  ],
  [
    'publisher',
    new RegExp(
      String.raw`^(?:who|what|which\s+(?:site|website|outlet|publication|magazine|paper|newspaper|company))\s+(?:published|publishes|posted|ran|put\s+out|released)(?:\s+${SELF})?$`,
    ),
  ],
  [
    'publisher',
    new RegExp(
      String.raw`^(?:who|what|which)(?:\s+is|\s+was|'s|s)?\s+(?:the\s+)?(?:publisher|publication|outlet|source|site|website|magazine|newspaper)(?:\s+(?:of|for|behind)\s+${SELF})?$`,
    ),
  ],
  [
    'publisher',
    new RegExp(
      String.raw`^(?:where|(?:what|which)\s+(?:site|website|outlet|publication|magazine|paper|newspaper|publisher))\s+(?:is|was|does|did)\s+${SELF}\s+(?:published|posted|from|come\s+from|appear|run|in|on)(?:\s+in|\s+on)?$`,
    ),
  ],
  [
    'date',
    new RegExp(
      String.raw`^when\s+(?:was|is|did)\s+${SELF}\s+(?:published|written|posted|released|come\s+out|came\s+out|publish|write|post|dated|from)$`,
    ),
  ],
  [
    'date',
    new RegExp(
      String.raw`^(?:what|which)(?:\s+is|\s+was|'s|s)?\s+(?:the\s+)?(?:date|publication\s+date|publish\s+date|publishing\s+date|day|year)(?:\s+(?:of|on|for)\s+${SELF})?(?:\s+(?:published|written|posted))?$`,
    ),
  ],
  ['date', new RegExp(String.raw`^how\s+(?:old|recent|new)\s+is\s+${SELF}$`)],
  [
    'title',
    new RegExp(
      String.raw`^(?:what|which)(?:\s+is|\s+was|'s|s)?\s+(?:the\s+)?(?:title|headline|name)(?:\s+(?:of|for)\s+${SELF})?$`,
    ),
  ],
  ['title', new RegExp(String.raw`^what\s+(?:is|was)\s+${SELF}\s+(?:called|titled|named)$`)],
  ['title', new RegExp(String.raw`^what'?s\s+${SELF}\s+(?:called|titled|named)$`)],
  [
    'url',
    new RegExp(
      String.raw`^(?:what|which|where)(?:\s+is|\s+was|'s|s)?\s+(?:the\s+)?(?:url|link|address|web\s+address|original)(?:\s+(?:of|for|to)\s+${SELF})?$`,
    ),
  ],
  [
    'url',
    new RegExp(
      String.raw`^(?:where|how)\s+(?:can|could|do|did|would|should)\s+(?:i|we|you|one)\s+(?:read|find|get|see|access)\s+${SELF}(?:\s+online)?$`,
    ),
  ],
  [
    'url',
    new RegExp(
      String.raw`^(?:(?:can|could)\s+you\s+)?(?:give|send|share|post|show)\s+(?:me\s+|us\s+)?(?:the\s+|a\s+)?(?:url|link)(?:\s+(?:of|for|to)\s+${SELF})?$`,
    ),
  ],
];

/** A field named on its own ("author?", "link?") or as the article's ("the article's title"). */
const FIELD_WORDS: ReadonlyArray<readonly [ArticleField, string]> = [
  ['author', String.raw`author|writer|byline`],
  ['publisher', String.raw`publisher|publication|source|outlet`],
  ['title', String.raw`title|headline`],
  ['url', String.raw`url|link|web\s+address`],
  ['date', String.raw`publication\s+date|publish\s+date|pub\s+date|date\s+of\s+publication`],
];
const NAMED_FIELD_FORMS: ReadonlyArray<readonly [ArticleField, RegExp]> = FIELD_WORDS.flatMap(
  ([field, words]) => [
    [field, new RegExp(String.raw`^(?:the\s+)?(?:${words})$`)] as const,
    [
      field,
      new RegExp(
        String.raw`^(?:(?:what|which|who|where)(?:\s+is|\s+was|'s|s)?\s+)?(?:the\s+|this\s+|that\s+)?(?:article|piece|story|post)'?s\s+(?:${words})$`,
      ),
    ] as const,
  ],
);
const MORE_ARTICLE_FORMS: ReadonlyArray<readonly [ArticleField, RegExp]> = [
  ['author', new RegExp(String.raw`^who(?:\s+is|\s+was|'s|s)?\s+${SELF}\s+by$`)],
  [
    'date',
    new RegExp(
      String.raw`^(?:what|which)\s+(?:date|day|year|month)\s+(?:was|is|did)\s+${SELF}\s+(?:published|written|posted|released|come\s+out|publish|write|post)$`,
    ),
  ],
  [
    'url',
    new RegExp(
      String.raw`^(?:do|does)\s+(?:you|anyone|anybody|someone|somebody)\s+have\s+(?:a|the)\s+(?:url|link)(?:\s+(?:to|for|of)\s+${SELF})?$`,
    ),
  ],
];

/** Lower case, plain apostrophes, single spaces, without the closing question mark or "please". */
function normalize(question: string): string {
  return fold(question)
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}'%\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?:\s+(?:please|pls|plz|exactly|again|btw|then|though|here|anyway))+$/, '')
    .replace(/^(?:please|pls|plz)\s+/, '');
}

/** The kind of figure the question asks for (a share, an amount, a count), if it asks for one. */
export function figureAsked(question: string): FigureKind | undefined {
  const text = normalize(question);
  for (const [kind, form] of FIGURE_FORMS) if (form.test(text)) return kind;
  return undefined;
}

/** The words right after "how many": what is counted ("how many 5G base stations" → 5g, base, stations). */
export function countedWords(question: string): string[] {
  const match = /\bhow\s+many\s+((?:[\p{L}\p{N}'’-]+\s*){1,3})/u.exec(normalize(question));
  return (match?.[1] ?? '')
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== '');
}

/** The calendar unit a question asks for. */
export type CalendarUnit = 'year' | 'month' | 'date';

/**
 * "What year", "which month", "what's the exact date": a calendar time, not an event it happened
 * after; "the exact date" wants a day, which "last week" does not give.
 */
const CALENDAR_FORM =
  /\b(?:what|which)(?:'s|s|\s+is|\s+was|\s+are|\s+were)?\s+(?:the\s+)?(?:exact\s+|precise\s+|actual\s+)?(year|month|day|date)\b/;

/** The calendar unit the question asks for (a year, a month, a date), if it asks for one. */
export function asksForCalendarTime(question: string): CalendarUnit | undefined {
  const unit = CALENDAR_FORM.exec(normalize(question))?.[1];
  if (unit === undefined) return undefined;
  return unit === 'day' ? 'date' : (unit as CalendarUnit);
}

/**
 * "How do I reset my router", "how can we set up a bot", "how to configure a VLAN": the asker wants
 * instructions for something they will do, which a report of events does not give.
 */
const HOW_TO =
  /^(?:(?:so|and|but|ok|okay|hey|hi)\s+)*(?:how\s+(?:do|can|could|should|would|will)\s+(?:i|we|u)\b|how\s+to\b)/;

/** Whether the question asks how the asker can do something (instructions). */
export function asksHowTo(question: string): boolean {
  return HOW_TO.test(normalize(question));
}

/** Whether the question asks when something happened. */
export function asksForTime(question: string): boolean {
  const text = normalize(question);
  return TIME_FORMS.some((form) => form.test(text));
}

/** The fact about the article itself the question asks for, if it asks about the article itself. */
export function asksAboutArticle(question: string): ArticleField | undefined {
  const text = normalize(question).replace(WRAPPER, '');
  for (const forms of [ARTICLE_FORMS, NAMED_FIELD_FORMS, MORE_ARTICLE_FORMS])
    for (const [field, form] of forms) if (form.test(text)) return field;
  return undefined;
}
