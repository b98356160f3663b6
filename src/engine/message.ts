/**
 * Chat messages as people send them: "hey all, just read the piece (https://…) - which operator got
 * the ok? thanks!". Greetings, thanks, sign-offs, links, Discord mention and emoji tags and code are
 * not evidence about what is asked, and a long message is answered from its question, not from every
 * word in it (each extra word dilutes how much of the question a passage can cover). Pure: only
 * deletes and selects, so the question read is made of the asker's own words.
 */
import { STOPWORDS, WORD_PATTERN, fold } from './tokenize.js';

export interface ExtractedQuestion {
  /** What the engine should read. */
  readonly question: string;
  /**
   * True when `question` is not just the message with its spacing tidied. A message that is only
   * chatter or links reads as '' (nothing asked).
   */
  readonly shortened: boolean;
  /**
   * When a long message asks more than one thing, each question on its own (with the sentence it
   * leans on), most content first: the engine answers from one of these when the questions read
   * together are refused. Absent otherwise.
   */
  readonly alternatives?: readonly string[];
}

/** Past this many characters (after noise is removed) a message is answered from its question. */
export const LONG_MESSAGE_CHARS = 200;
/** A message of this many sentences is answered from its question even when shorter. */
export const LONG_MESSAGE_SEGMENTS = 3;
/**
 * A question leans on the sentence before it when it has almost no content words of its own ("Why
 * not?"), or few and a demonstrative pointing back ("Is that what the experts said?"); "What did Peng
 * say about talks?" stands alone.
 */
const BARE_CONTENT_WORDS = 2;
const MIN_CONTENT_WORDS = 4;
const POINTS_BACK = /\b(?:that|this|these|those)\b/i;
/** At most this many earlier sentences are brought in as the question's context. */
const MAX_CONTEXT_SEGMENTS = 2;
/** At most this many question sentences are read (the ones with the most content). */
const MAX_QUESTION_SEGMENTS = 2;
/** Questions of a long message tried one by one at most (each is a search: a paste of 50 stays cheap). */
const MAX_ALTERNATIVES = 4;
/** Work stays bounded on pastes; the engine reads at most MAX_QUERY_CHARS anyway. */
const MAX_INPUT_CHARS = 4_000;

/**
 * Markup that carries no words of the question. Each pattern starts at a word boundary so that
 * removing it never glues two words into a new one (removals are replaced by a space).
 */
/** Fenced and inline code: a pasted snippet or command beside the question, not the question. */
const CODE: readonly RegExp[] = [/```[\s\S]*?(?:```|$)/g, /`[^`\n]*`/g];
/** The fences alone (with a language tag), for a message that is nothing but code. */
const FENCES = /```[\p{L}\p{N}+#-]*\n|```|`/gu;
const MARKUP: readonly RegExp[] = [
  // Discord tags: user, role, channel and slash-command mentions, custom emoji, timestamps.
  /<(?:@[!&]?|#)\d+>/g,
  /<\/[\w -]+:\d+>/g,
  /<a?:\w+:\d+>/g,
  /<t:-?\d+(?::[a-zA-Z])?>/g,
  /(?<![\p{L}\p{N}_@])@(?:everyone|here)(?![\p{L}\p{N}\p{M}_]|[-‐‑'’.·][\p{L}\p{N}])/giu,
  // Emoji shortcodes (:thumbsup:), never clock times (10:30:45).
  /(?<![\p{L}\p{N}_:]):(?=[a-z0-9_+-]{0,31}[a-z])[a-z0-9_+-]{1,32}:(?![\p{L}\p{N}_:])/giu,
  // Links, bracketed or bare, and bare domains with or without a path (lightreading.com/asia/…).
  /<(?:https?:\/\/|www\.)[^\s>]*>/gi,
  // A link's last character is not sentence punctuation ("see https://x.io/a. Why…").
  /(?<![\p{L}\p{N}\p{M}_@/.'’-])(?:https?:\/\/|www\.)[^\s<>()[\]]*[^\s<>()[\].,;:!?'"’”]/giu,
  /(?<![\p{L}\p{N}\p{M}_@/.'’-])(?:[a-z0-9-]+\.)+(?:com|org|net|io|co|uk|gov|edu|info|news|biz|me|tv|gg|ly|app|dev)(?![\p{L}\p{N}\p{M}_]|[-‐‑'’.·][\p{L}\p{N}])(?:\/[^\s<>()[\]]*)?/giu,
];
/** A Markdown link keeps its words and loses its address. */
const MARKDOWN_LINK = /\[([^\]\n]{1,200})\]\((?:https?:\/\/|www\.)[^)\s]*\)/gi;

/**
 * Words that make up greetings, thanks and sign-offs (and only those: none is a topic), and the chat
 * preambles that announce a question ("quick q,", "random question:"). A bare
 * "Morning"/"Evening" greets only when punctuation or an audience follows (not "Evening Standard").
 */
const GREETING =
  /^(?:(?:hi|hey+|hello|hiya|howdy|yo|sup|greetings|gm|good\s+(?:morning|afternoon|evening|day)|(?:morning|afternoon|evening)(?=\s*[,!.:;~]|\s+(?:all|everyone|everybody|folks|guys|y'?all|team|people|friends|mates?)\b|$)|ok(?:ay)?|so|well|um+|uh+|oh|alright|(?:quick|random|dumb|silly|small|general)\s+(?:q|qn|question))(?:\s+(?:all|everyone|everybody|folks|guys|y'?all|team|there|people|friends|mates?|bot|fam|again))?(?![\p{L}\p{N}\p{M}]|[-‐‑'’.·][\p{L}\p{N}])(?:\s*[,!.:;~]+\s*|\s+|$))+/iu;
const SIGN_OFF =
  /(?:^|(?<=[\s,;!]))(?:(?:thanks|thank\s+you|thx|ty|tia|cheers|ta)(?:\s+(?:a\s+lot|so\s+much|very\s+much|in\s+advance|all|everyone|guys|folks|again|heaps|mate))*|(?:much\s+|really\s+)?appreciated?(?:\s+it)?|any\s+help(?:\s+(?:is\s+|would\s+be\s+)?(?:much\s+|greatly\s+)?appreciated)?|anything\s+helps|(?:kind\s+|best\s+|warm\s+)?regards|best\s+wishes|lol|lmao|haha+|pls|please|:\)|:D|<3)[\s!.,~)]*$/i;

/**
 * Hearsay frames in front of a claim ("I keep hearing that…", "my boss forwarded me something saying…",
 * "a friend told me…"): the claim is what is asked about, the frame names no topic of the article.
 */
const REPORTING_FRAME =
  /^(?:(?:i|we)(?:'ve|\s+have|\s+had|\s+keep|\s+kept|\s+just|\s+recently|\s+often|\s+also)*\s+(?:hear|heard|hearing|read|saw|seen|see|seeing)(?:\s+(?:somewhere|online|elsewhere|people\s+say(?:ing)?|(?:it\s+)?(?:said|claimed|reported)))?|(?:someone|somebody|people|everyone|a\s+(?:friend|colleague|co-?worker|mate)|my\s+(?:\p{L}+))(?:\s+(?:keeps?|kept|just|also))*\s+(?:says?|said|saying|claims?|claimed|told\s+me|tells\s+me|sent\s+me|forwarded\s+me|showed\s+me|mentioned)(?:\s+(?:something|an?\s+(?:article|link|post|piece|story|message|email))(?:\s+(?:saying|claiming|that\s+says))?)?)(?:\s+that)?\s+(?=\p{L})/iu;

/**
 * Sentence and clause breaks a chat message uses instead of full stops. A full stop after a single
 * capital is an initial or a dotted acronym (U.S. ban, J. Smith), not the end of a sentence.
 */
const SEGMENT_BREAK = /(?<=[!?…]|(?<!(?:^|[\s.(])\p{Lu})\.)\s+|\n+|\s+[-–—]+\s+|(?<=:)\s+|;\s+/u;

/** Openings of a sentence that asks something, with or without its question mark. */
const ASKS =
  /^(?:who|whom|whose|what|whats|what's|which|when|where|why|how|hows|how's|tell\s+me|explain|describe|any\s+idea|anyone\s+know|i\s+wonder|wondering)\b/i;
/**
 * An auxiliary opens a question only when a subject follows it ("Did Italy…", "Would you…"); "Would
 * love a summary" is a statement with its subject left out.
 */
const AUX_QUESTION =
  /^(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|isn't|aren't|doesn't|didn't|wasn't|won't)\s+(?:i|you|he|she|it|we|they|there|this|that|these|those|the|a|an|any|anyone|anybody|someone|somebody|its|his|her|their|our|\p{Lu}[\p{L}\p{N}]*)\b/u;

/** Chat filler that is not a stopword but names no topic. */
const FILLER: ReadonlySet<string> = new Set(
  (
    'hi hey hello hiya yo sup folks guys everyone everybody thanks thank thx ty cheers lol lmao haha ok okay ' +
    'yeah yes yep nope hmm um uh pls plz quick question curious wondering anyone someone anybody somebody'
  ).split(' '),
);

interface Segment {
  readonly text: string;
  readonly content: number;
  readonly asks: boolean;
}

export function extractQuestion(text: string): ExtractedQuestion {
  // Runs of spaces squashed first: every pattern below then meets at most one space at a time.
  const input = (typeof text === 'string' ? text.slice(0, MAX_INPUT_CHARS) : '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n');
  const read = readMessage(input, true);
  // A message that is nothing but code is its own question, fenced for display (```why…```).
  return read.question === '' && CODE.some((pattern) => new RegExp(pattern).test(input))
    ? readMessage(input.replace(FENCES, ' '), false, squash(input))
    : read;
}

function readMessage(input: string, dropCode: boolean, typed = squash(input)): ExtractedQuestion {
  const tidy = typed;
  const cleaned = stripMarkup(input, dropCode);
  const pieces = cleaned
    .split(SEGMENT_BREAK)
    .map((piece) => piece.trim())
    .filter((piece) => hasWord(piece));
  const kept = pieces.map((piece) => stripChatter(piece));
  const segments = kept.filter((piece) => hasWord(piece)).map(describe);
  // Only greetings, thanks, links or tags: nothing is asked, and a link's words are not a question.
  if (segments.length === 0) return { question: '', shortened: tidy.length > 0 };
  const joined = squash(segments.map((s) => s.text).join(' '));
  // A message that greets, thanks or links is chat: its statements are context, its question is the ask.
  const chatty =
    squash(cleaned) !== tidy || kept.some((piece, k) => squash(piece) !== squash(pieces[k] ?? ''));
  const isLong =
    joined.length > LONG_MESSAGE_CHARS ||
    segments.length >= LONG_MESSAGE_SEGMENTS ||
    (chatty && segments.length >= 2) ||
    (segments.length >= 2 &&
      segments.some((s) => s.asks && s.text.endsWith('?')) &&
      segments.some((s) => !s.asks));
  const selected = isLong ? selectQuestion(segments) : [];
  const question = isLong ? squash(selected.join(' ')) : joined;
  if (!hasWord(question)) return { question: '', shortened: tidy.length > 0 };
  const apart = isLong
    ? [...new Set([...questionsApart(segments), ...withOrWithoutContext(segments, selected)])]
        .filter((q) => q !== question && hasWord(q))
        .slice(0, MAX_ALTERNATIVES)
    : [];
  return { question, shortened: question !== tidy, ...(apart.length > 0 ? { alternatives: apart } : {}) };
}

/** Each asking segment read on its own, most content first (only when there are two or more). */
function questionsApart(segments: readonly Segment[]): string[] {
  const asking = segments.map((segment, at) => ({ segment, at })).filter(({ segment }) => segment.asks);
  if (asking.length < 2) return [];
  return asking
    .sort((a, b) => b.segment.content - a.segment.content || a.at - b.at)
    .slice(0, MAX_ALTERNATIVES)
    .map(({ at }) => squash(selectQuestion(segments.map((s, k) => ({ ...s, asks: k === at }))).join(' ')));
}

/**
 * The question read the other way round: alone when the read took the sentences before it as
 * context (they may only dilute it: "doing a risk assessment for a bid… what does that law
 * require?"), and with the sentence before it when it was read alone ("Someone said the op-ed asked
 * for talks. What's the actual quote?"). `read` is the sentences the message was read as.
 */
function withOrWithoutContext(segments: readonly Segment[], read: readonly string[]): string[] {
  const at = segments.findIndex((segment) => segment.asks);
  const first = segments[at];
  if (first === undefined) return [];
  const asked = segments.filter((segment) => segment.asks).map((segment) => segment.text);
  if (read.length > asked.length) return first.content >= BARE_CONTENT_WORDS ? [squash(first.text)] : [];
  // Only a question with little content of its own may be about the sentence before it.
  if (first.content >= MIN_CONTENT_WORDS) return [];
  const before = segments
    .slice(0, at)
    .reverse()
    .find((segment) => segment.content > 0);
  if (before === undefined || before.content < BARE_CONTENT_WORDS) return [];
  return [squash(`${before.text} ${first.text}`)];
}

function stripMarkup(text: string, dropCode: boolean): string {
  let out = text;
  if (dropCode) for (const pattern of CODE) out = out.replace(pattern, ' ');
  out = out.replace(MARKDOWN_LINK, ' $1 ');
  for (const pattern of MARKUP) out = out.replace(pattern, ' ');
  // Brackets a link was in, now empty, and spoiler bars.
  return out.replace(/\(\s*\)|\[\s*\]|<\s*>/g, ' ').replace(/\|\|/g, ' ');
}

/** Drops greetings in front of a sentence and thanks or sign-offs after it (repeatedly: "thanks, cheers"). */
function stripChatter(piece: string): string {
  let out = piece.trim();
  for (let guard = 0; guard < 5; guard += 1) {
    const before = out;
    out = out
      .replace(GREETING, '')
      .replace(SIGN_OFF, '')
      .replace(/[\s,;-]+$/, '')
      .trim();
    // A frame is dropped only in front of a claim (a clause), not a lone word ("my cat said hello").
    const claim = out.replace(REPORTING_FRAME, '');
    if (claim !== out && /\p{L}\s+\p{L}/u.test(claim)) out = claim.trim();
    if (out === before) break;
  }
  // A clause break left dangling by a removed link or greeting ("piece - which …").
  return out.replace(/^[\s,;:!.)\]–—-]+/u, '').trim();
}

function describe(text: string): Segment {
  const words = text.match(WORD_PATTERN) ?? [];
  const content = words.filter((w) => {
    const folded = fold(w).replace(/['’]s$/, '');
    return folded.length > 1 && !STOPWORDS.has(folded) && !FILLER.has(folded);
  }).length;
  return { text, content, asks: /\?\s*$/.test(text) || ASKS.test(text) || AUX_QUESTION.test(text) };
}

/**
 * The question sentences (those with the most content, in the order written), preceded by the
 * sentences before the first one while it is thin on content: "I keep hearing the ban was about the
 * law. Is that what the experts said?" asks about the first sentence. Without a question sentence,
 * the sentence with the most content.
 */
function selectQuestion(segments: readonly Segment[]): string[] {
  const asking = segments.map((segment, at) => ({ segment, at })).filter(({ segment }) => segment.asks);
  if (asking.length === 0) {
    let best = segments[0] as Segment;
    for (const s of segments) if (s.content > best.content) best = s;
    return [best.text];
  }
  const chosen = [...asking]
    .sort((a, b) => b.segment.content - a.segment.content || a.at - b.at)
    .slice(0, MAX_QUESTION_SEGMENTS)
    .sort((a, b) => a.at - b.at);
  const first = chosen[0] as { segment: Segment; at: number };
  const picked = new Set(chosen.map((c) => c.at));
  const pointsBack = POINTS_BACK.test(first.segment.text);
  let content = first.segment.content;
  for (let k = first.at - 1, added = 0; k >= 0 && added < MAX_CONTEXT_SEGMENTS; k -= 1) {
    if (content >= (pointsBack ? MIN_CONTENT_WORDS : BARE_CONTENT_WORDS)) break;
    const previous = segments[k] as Segment;
    if (previous.content === 0) continue;
    picked.add(k);
    content += previous.content;
    added += 1;
  }
  return [...picked].sort((a, b) => a - b).map((at) => (segments[at] as Segment).text);
}

function hasWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
