/**
 * What a passage gives, read from its words: a figure (a number, money, a percentage, a number
 * word) or a time expression (a year, a month, "last week", "the second anniversary"). Used with
 * the question's intent (intent.ts): a figure question needs a figure, a "when" question prefers a time.
 */
import type { CalendarUnit, FigureKind } from './intent.js';

/**
 * A year on its own is a time, not an amount; a digit glued to letters is a name (5G, 3GPP, A380),
 * not a figure. Everything else with digits counts, as do money signs and cardinal number words.
 */
const YEAR = /^(?:1[5-9]|20)\d\d(?:\/\d\d)?s?$/;
const NUMBER_TOKEN = /(?<![\p{L}\p{N}])[$€£¥₹]?\d[\d,.]*(?:\/\d+)?(?:%|[a-z]{1,2}\b)?(?![\p{L}\p{N}])/giu;
const NAME_LIKE = /^\d+[a-z]{1,2}$/i;
const MAGNITUDE_SUFFIX = /^[$€£¥₹]?\d[\d,.]*(?:k|m|bn|b|tn)$/i;
const MONEY_SIGN = /[$€£¥₹]\s?\d/u;
const CURRENCY_WORD =
  /\b(?:\d[\d,.]*|a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundreds?|thousands?|millions?|billions?)\s*(?:dollars|euros|pounds|yuan|yen|rupees|ringgit|won|usd|eur|gbp)\b/i;
const PERCENT_WORD = /\b(?:percent|per\s+cent|percentage\s+points?)\b/i;
const FRACTION_WORD = /\b(?:half|a\s+third|two\s+thirds|a\s+quarter|three\s+quarters|majority|minority)\b/i;
const MAGNITUDE_WORD =
  /\b(?:hundreds|thousands|millions|billions|trillions|dozens|hundred|thousand|million|billion|trillion)\b/i;
const MULTIPLIER_WORD = /\b(?:double|doubled|twice|triple|tripled|thrice|halved)\b/i;
/** Cardinals only: "one" is mostly a pronoun ("the one", "one part of"), ordinals are ranks. */
const COUNT_WORD =
  /\b(?:both|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozen|a\s+couple\s+of)\b/i;

/** A length of time or of distance, what "how long" asks for: "two years", "a 25-minute ride", "4.2 km". */
const LENGTH =
  /\b(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|fifty|several|a\s+few|few|many|hundreds\s+of)[\s-]+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|decades?|centuries|kilometres?|kilometers?|km|miles?|metres?|meters?|feet|foot|yards?)\b|\b(?:since|over|from|throughout|during)\s+(?:the\s+)?(?:1[5-9]|20)\d\d|\banniversary\b/i;

/**
 * Whether the passage gives the kind of figure asked for. A written number (not a year, not a
 * name like 5G) answers any; otherwise a share needs a percentage or a fraction, an amount a sum of
 * money, a magnitude or a multiplier, and a count any number word ("both", "thousands of").
 */
export function hasFigure(text: string, kind: FigureKind = 'any'): boolean {
  // "How long" wants a span, not any number: "two years", "since 2019", "a 25-minute ride", "4 km".
  if (kind === 'length') return LENGTH.test(text);
  if (hasNumber(text) || PERCENT_WORD.test(text)) return true;
  const share = FRACTION_WORD.test(text);
  const amount = MONEY_SIGN.test(text) || CURRENCY_WORD.test(text);
  const size = MAGNITUDE_WORD.test(text) || MULTIPLIER_WORD.test(text);
  const count = COUNT_WORD.test(text);
  switch (kind) {
    case 'share':
      return share;
    case 'amount':
      return amount || size;
    case 'count':
      return size || count;
    case 'any':
      return share || amount || size || count;
  }
}

/** A number written in digits that is neither a year (2018, 2020/21) nor part of a name (5G, A380). */
function hasNumber(text: string): boolean {
  for (const match of text.matchAll(NUMBER_TOKEN)) {
    const token = match[0].replace(/[.,]+$/, '');
    if (token.length === 0 || YEAR.test(token)) continue;
    if (NAME_LIKE.test(token) && !MAGNITUDE_SUFFIX.test(token)) continue;
    return true;
  }
  return false;
}

const MONTH =
  /\b(?:January|February|March|April|June|July|August|September|October|November|December)\b|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*\d/;
/** "May" is a month only next to a day or year, or after "in", "since", "until", "last", "early"… */
const MAY_MONTH = /\b(?:in|since|until|till|by|last|next|early|mid|late|of|this)\s+May\b|\bMay\s+\d/;
const WEEKDAY = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b/;
const RELATIVE =
  /\b(?:yesterday|today|tonight|tomorrow|(?:last|next|this|past|previous|coming)\s+(?:week|weekend|month|year|quarter|decade|century|spring|summer|autumn|fall|winter)|(?:earlier|later)\s+(?:this|that|in\s+the)\s+(?:week|month|year)|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|\d+)\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:ago|earlier|later|before|after)|anniversary|(?:in|since|until|by|from|over|during)\s+(?:the\s+)?(?:1[5-9]|20)\d\d(?:\/\d\d)?s?)\b/i;
const YEAR_IN_TEXT = /(?<![\p{L}\p{N}$€£])(?:1[5-9]|20)\d\d(?:\/\d\d)?s?(?![\p{L}\p{N}%])/u;
const DATE = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\bQ[1-4]\b/;

/**
 * An event can be the answer to "when": "after a long consultation", "until that happens", "once the
 * law is clear", "when the time is right". Conjunctions and prepositions of time followed by what
 * happens; "once again" and "since" are left out (a repetition, mostly a reason).
 */
const TEMPORAL_RELATION =
  /\b(?:after|before|until|till|during|following|once|as\s+soon\s+as|by\s+the\s+time)\s+(?!again\b|more\b|and\b|or\b)[\p{L}\p{N}]/iu;
/** "When" introducing a clause with its subject ("when the time is right"), not a question word. */
const WHEN_CLAUSE = /\bwhen\s+(?:the|a|an|it|they|he|she|we|you|this|that|its|their|his|her|our)\s+\p{L}/iu;

export function hasTimeExpression(text: string): boolean {
  return TEMPORAL_RELATION.test(text) || WHEN_CLAUSE.test(text) || hasCalendarTime(text);
}

/**
 * A calendar time of the unit asked for: for a year, a year or a time relative to now ("last year",
 * "two years ago"); for a month, a month; for a date, a date, a weekday or a month with its day.
 * Without a unit, any of them or "last week".
 */
export function hasCalendarTime(text: string, unit?: CalendarUnit): boolean {
  const month = MONTH.test(text) || MAY_MONTH.test(text);
  switch (unit) {
    case 'year':
      return YEAR_IN_TEXT.test(text) || RELATIVE_YEAR.test(text);
    case 'month':
      return month;
    case 'date':
      return DATE.test(text) || WEEKDAY.test(text) || DAY_OF_MONTH.test(text);
    default:
      return YEAR_IN_TEXT.test(text) || month || WEEKDAY.test(text) || RELATIVE.test(text) || DATE.test(text);
  }
}

/** "Last year", "two years ago", "the second anniversary": a year given relative to now. */
const RELATIVE_YEAR =
  /\b(?:(?:last|next|this|past|previous)\s+year|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+years?\s+(?:ago|earlier|later|before|after)|anniversary)\b/i;
/** "3 March", "March 3", "the 3rd of March": a day of a month. */
const DAY_OF_MONTH =
  /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(?:st|nd|rd|th)?\b/;

/**
 * A passage that addresses its reader ("you can…", "your meter") or tells the public what it may or
 * must do ("residents can apply online", "drivers must register") may give instructions.
 */
const ADDRESSES_READER = /\b(?:you|your|yours|yourself)\b/i;
const TELLS_THE_PUBLIC =
  /\b(?:residents|households|customers|users|people|drivers|riders|passengers|applicants|owners|consumers|members|visitors|readers|subscribers|businesses|farmers|parents|students)\s+(?:can|could|may|must|should|need\s+to|will\s+need\s+to|are\s+asked\s+to|have\s+to)\b/i;

export function addressesReader(text: string): boolean {
  return ADDRESSES_READER.test(text) || TELLS_THE_PUBLIC.test(text);
}

/**
 * A count of the thing counted ("300 people", "three ships", "thousands of words" counts words):
 * a number or count word with a word of `counted` (index terms) among the next few words.
 */
export function countsThing(
  text: string,
  counted: ReadonlySet<string>,
  termOf: (word: string) => string,
): boolean {
  const words = text.split(/[^\p{L}\p{N}$€£¥₹%.,/-]+/u).filter((w) => w !== '');
  return words.some((word, k) => {
    const bare = word.replace(/[.,]+$/u, '');
    const number = /^[$€£¥₹]?\d/u.test(bare) && !/^(?:1[5-9]|20)\d\d$/u.test(bare);
    if (!number && !COUNT_WORD.test(bare) && !MAGNITUDE_WORD.test(bare)) return false;
    return words
      .slice(k + 1, k + 1 + COUNT_REACH)
      .some((next) => counted.has(termOf(next.replace(/[.,]+$/u, '').toLowerCase())));
  });
}
/** "Three large container ships": the counted noun comes within this many words of its number. */
const COUNT_REACH = 4;
