/**
 * "What did Ong tell the Herald?", "How did the US government respond to Peng's op-ed?": a question
 * asking what someone said, or how they responded, is answered only by a passage that reports that
 * speaker saying something. A passage on the subject in which someone else speaks ("…, Vincent
 * Peng, said", asked how the US responded) does not say how the US responded.
 *
 * Who speaks in a sentence is read from its grammar, not from every name in it: the subject of a
 * verb of saying (the words before it, across appositives: "a Huawei board member, Vincent Peng,
 * said"; or a name right after it: "said Peng."), or, when that subject is a pronoun ("He said",
 * "But he goes on to repeat"), a name the sentence before makes its subject. A name that only
 * describes something else ("the US sanctions") is not a speaker. Pure string analysis.
 */
import type { LexiconInfo } from './lexicon-info.js';
import { STOPWORDS, fold, tokenize } from './tokenize.js';
import { QUOTED_SPEECH } from './wording.js';

/**
 * Forms asking what a speaker said or how they responded; the speaker is the first group found.
 * "What does the article say", "what does the caption say" ask about a text's content instead.
 */
const SPEAKER_FORMS: readonly RegExp[] = [
  /\bhow\s+(?:did|has|have|does|do|will|would)\s+(.{2,60}?)\s+(?:respond|react|reply|answer)\b/,
  /\b(?:did|has|have|does|do)\s+(.{2,60}?)\s+(?:respond|react|reply|answer|comment)(?:ed)?\b/,
  /\bwhat\s+(?:did|has|have|does|do)\s+(.{2,60}?)\s+(?:say|said|reply|replied|respond|comment|tell|told)\b/,
  /\bwhat\s+(?:was|is|were)\s+(.{2,60}?)['’]s?\s+(?:response|reaction|reply|answer)\b/,
  // "Does Peng address the law?", "has huawei ever talked about the intel law": did X speak of Y.
  /\b(?:did|does|do|has|have)\s+(.{2,60}?)\s+(?:ever\s+|actually\s+|even\s+|really\s+|once\s+)*(?:address|addressed|mention|mentioned|discuss|discussed|talk|talked|speak|spoken|comment|commented|touch|touched|raise|raised|tackle|tackled|acknowledge|acknowledged|admit|admitted)\b/,
];

/** Pronouns, and texts whose "saying" is their content (what does the article / law / caption say). */
const NOT_A_SPEAKER =
  /(?:^|\s)(?:he|she|it|they|we|you|i|article|piece|story|report|author|writer|journalist|reporter|caption|photo|image|picture|text|law|statute|act|op-?ed|column|editorial|headline|title|section|paragraph|passage|bot|site|page)(?:\s+(?:actually|really|even|ever|also|again|itself))?$/;

const ADVERBS = /\b(?:ever|actually|even|really|once|also|still|just|publicly)\b/gu;
/** "Did anyone / any of them / somebody speaking for the company…": nobody in particular is asked about. */
const INDEFINITE =
  /^(?:any|anyone|anybody|anything|some|someone|somebody|none|nobody|no\s+one|one|either|neither|each|every|everyone|everybody|all)\b/u;

/**
 * The speaker a question asks about, in its own words ("the US government"), or undefined when it
 * asks about no speaker (or about a text, a pronoun, the article's own author).
 */
export function askedSpeaker(question: string): string | undefined {
  const text = fold(question);
  for (const form of SPEAKER_FORMS) {
    const match = form.exec(text);
    // "Huawei's people have ever talked…" puts the speaker before the auxiliary: the adverb is no speaker.
    const speaker = match?.[1]?.replace(ADVERBS, ' ').trim();
    if (speaker === undefined || speaker.length === 0) continue;
    const words = speaker.split(/\s+/u);
    if (words.length > 6 || NOT_A_SPEAKER.test(speaker) || INDEFINITE.test(speaker)) return undefined;
    return speaker;
  }
  return undefined;
}

/** Verbs of saying, stating and responding, in their written forms. */
const SAYING = new Set(
  (
    'say says said saying tell tells told respond responds responded react reacts reacted reply replies replied ' +
    'answer answers answered comment comments commented report reports reported write writes wrote written ' +
    'argue argues argued claim claims claimed state states stated announce announces announced cite cites cited ' +
    'acknowledge acknowledges acknowledged admit admits admitted insist insists insisted warn warns warned ' +
    'note notes noted hope hopes hoped urge urges urged promise promises promised pledge pledges pledged ' +
    'repeat repeats repeated reissue reissues reissued discuss discusses discussed declare declares declared ' +
    'deny denies denied explain explains explained suggest suggests suggested propose proposes proposed ' +
    'welcome welcomes welcomed criticise criticises criticised criticize criticizes criticized condemn condemns ' +
    'condemned demand demands demanded touch touches concede concedes conceded stress stresses stressed call calls called'
  ).split(' '),
);
/** Words between a subject and its verb: auxiliaries, negation, adverbs ("has actually said"). */
const BETWEEN = new Set(
  (
    'has have had does did do doesn didn don t s is was are were will would can could may might must also ' +
    'actually specifically once again never ever not still just reportedly publicly repeatedly recently ' +
    'already even then further'
  ).split(' '),
);
/** Pronouns a subject may be, standing for a name before them ("none" of the executives named). */
const PRONOUN = new Set(['he', 'she', 'they', 'it', 'we', 'none', 'neither', 'nobody', 'both']);
/** A subject is a noun phrase: a few words, with appositives between commas ("a board member, X,"). */
const MAX_SUBJECT_WORDS = 10;
const MAX_APPOSITIVE_WORDS = 5;
/** Words that end the subject going back: the clause it belongs to has started. */
const CLAUSE_START = new Set([
  'that',
  'which',
  'who',
  'and',
  'but',
  'because',
  'if',
  'when',
  'while',
  'as',
  'than',
]);

interface Word {
  readonly surface: string;
  readonly lower: string;
  /** Punctuation right after the word. */
  readonly after: string;
}

function words(sentence: string): Word[] {
  const found: Word[] = [];
  for (const m of sentence.matchAll(/([\p{L}\p{N}][\p{L}\p{N}'’-]*)([^\p{L}\p{N}]*)/gu)) {
    const surface = m[1] ?? '';
    found.push({ surface, lower: fold(surface).replace(/['’]s?$/u, ''), after: (m[2] ?? '').trim() });
  }
  return found;
}

function sentences(text: string): string[] {
  return text
    .replace(QUOTED_SPEECH, ' , ')
    .split(/(?<=[.!?])\s+/u)
    .filter((s) => s.trim().length > 0);
}

/** Positions of the subject of the verb at `k`: back across auxiliaries, then the noun phrase. */
function subjectBefore(ws: readonly Word[], k: number): number[] {
  let j = k - 1;
  while (j >= 0 && BETWEEN.has(ws[j]?.lower ?? '')) j -= 1;
  const subject: number[] = [];
  let segment = 0;
  for (; j >= 0 && subject.length < MAX_SUBJECT_WORDS; j -= 1) {
    const word = ws[j];
    if (word === undefined || CLAUSE_START.has(word.lower)) break;
    // A comma after this word closes the segment after it: go on only past a short appositive.
    if (word.after.includes(',') || word.after.includes(';') || word.after.includes(':')) {
      if (segment > MAX_APPOSITIVE_WORDS || word.after.includes(';') || word.after.includes(':')) break;
      if (subject.length > 0 && !appositiveFollows(ws, j)) break;
      segment = 0;
    }
    subject.push(j);
    segment += 1;
  }
  return subject;
}

/** Whether the words after a comma at `j` run to another comma soon (", Vincent Peng, said"). */
function appositiveFollows(ws: readonly Word[], j: number): boolean {
  for (let n = j + 1; n < ws.length && n <= j + MAX_APPOSITIVE_WORDS; n += 1)
    if ((ws[n]?.after ?? '').includes(',')) return true;
  return false;
}

/** Positions of a name right after the verb, closing the clause: "…, said Peng." */
function subjectAfter(ws: readonly Word[], k: number): number[] {
  const subject: number[] = [];
  for (let n = k + 1; n < ws.length && n <= k + 3; n += 1) {
    const word = ws[n];
    if (word === undefined) break;
    if (!/^\p{Lu}/u.test(word.surface) && !STOPWORDS.has(word.lower)) return [];
    subject.push(n);
    if (/[,.;!?]/u.test(word.after)) return subject;
  }
  return [];
}

/**
 * Whether a word is (part of) a name used to describe the noun after it: "the US sanctions",
 * "a Harbour Line board member", "Huawei's offer".
 */
function describes(ws: readonly Word[], k: number): boolean {
  let last = k;
  // The whole name the word belongs to: capitalised words in a row, with nothing between.
  while (
    (ws[last]?.after ?? '.').length === 0 &&
    /^\p{Lu}/u.test(ws[last]?.surface ?? '') &&
    /^\p{Lu}/u.test(ws[last + 1]?.surface ?? '')
  )
    last += 1;
  const word = ws[last];
  const next = ws[last + 1];
  if (word === undefined || next === undefined || word.after.length > 0) return false;
  if (/['’]s?$/u.test(word.surface)) return true;
  return (
    /^\p{Lu}/u.test(word.surface) &&
    /^\p{Ll}/u.test(next.surface) &&
    !STOPWORDS.has(next.lower) &&
    !SAYING.has(next.lower) &&
    !BETWEEN.has(next.lower)
  );
}

const termOf = (word: Word): string | undefined => tokenize(word.surface)[0]?.term;

/** One clause's speaker: the positions of the subject of a verb of saying, or of "according to …". */
interface Attribution {
  readonly subject: readonly number[];
  /** A pronoun the subject is ("He said", "none ever discussed"), to be read from what came before. */
  readonly pronoun?: number;
}

/** Pronouns that pick from a group named earlier in their own sentence ("… executives and lobbyists, none ever…"). */
const QUANTIFIER = new Set(['none', 'neither', 'nobody', 'both']);

/** Every attribution of a sentence, in order. */
function attributions(ws: readonly Word[]): Attribution[] {
  const found: Attribution[] = [];
  // A pronoun opening the sentence is the subject of all it goes on to do ("But he … goes on to repeat").
  const opening = ws.findIndex((w) => !/^(?:but|and|so|yet|then|still)$/u.test(w.lower));
  const openingPronoun = opening >= 0 && PRONOUN.has(ws[opening]?.lower ?? '') ? opening : undefined;
  for (const [k, word] of ws.entries()) {
    let subject: number[];
    if (SAYING.has(word.lower)) subject = [...subjectBefore(ws, k), ...subjectAfter(ws, k)];
    else if (word.lower === 'according' && ws[k + 1]?.lower === 'to') subject = accordingTo(ws, k + 2);
    else continue;
    const pronoun = subject.find((n) => PRONOUN.has(ws[n]?.lower ?? '')) ?? openingPronoun;
    found.push(pronoun === undefined ? { subject } : { subject, pronoun });
  }
  return found;
}

/** Positions of the noun phrase after "according to", up to punctuation. */
function accordingTo(ws: readonly Word[], from: number): number[] {
  const subject: number[] = [];
  for (let n = from; n < ws.length && subject.length < MAX_SUBJECT_WORDS; n += 1) {
    subject.push(n);
    if (/[,.;:!?]/u.test(ws[n]?.after ?? '')) break;
  }
  return subject;
}

/**
 * The words a sentence makes its subjects before word `end`: its opening noun phrase and the
 * subjects of its attributions (or, for "none", every word before it), without pronouns and names
 * that only describe something else ("the US sanctions").
 */
function subjectsOf(ws: readonly Word[], end = ws.length, all = false): Word[] {
  const positions: number[] = [];
  for (const [k, word] of ws.entries()) {
    if (k >= end) break;
    if (!all && (BETWEEN.has(word.lower) || SAYING.has(word.lower) || k > MAX_SUBJECT_WORDS)) break;
    positions.push(k);
  }
  for (const a of attributions(ws.slice(0, end))) positions.push(...a.subject);
  return positions.flatMap((n) => {
    const w = ws[n];
    return w === undefined || describes(ws, n) || PRONOUN.has(w.lower) ? [] : [w];
  });
}

/**
 * The speaker's terms, with the names of those the given passages introduce as speaking with a
 * word of the speaker's: "a Huawei board member, Vincent Peng, said" makes Peng speak for Huawei.
 */
export function withSpokespeople(texts: readonly string[], speaker: ReadonlySet<string>): Set<string> {
  const terms = new Set(speaker);
  for (const text of texts)
    for (const sentence of sentences(text)) {
      const ws = words(sentence);
      for (const { subject } of attributions(ws)) {
        const said = subject.flatMap((n) => ws[n] ?? []);
        if (!said.some((w) => speaker.has(termOf(w) ?? ''))) continue;
        for (const w of said) {
          const term = termOf(w);
          if (term !== undefined && /^\p{Lu}/u.test(w.surface)) terms.add(term);
        }
      }
    }
  return terms;
}

/**
 * Whether the passage reports the speaker saying something: in one of its sentences, the subject
 * of a verb of saying (or of "according to") holds a word of the speaker's, or is a pronoun
 * standing for a name of the speaker's that came before it (earlier in the sentence, or in the
 * sentence before, in this passage or the previous one).
 */
export function speakerSpeaks(
  text: string,
  previous: string | undefined,
  /** Index terms of the speaker's words and aliases: any one of them names the speaker. */
  speaker: ReadonlySet<string>,
  lexicon: LexiconInfo | undefined,
): boolean {
  const own = sentences(text);
  const before = previous === undefined ? [] : sentences(previous);
  const isSpeaker = (word: Word | undefined): boolean =>
    word !== undefined && speaker.has(termOf(word) ?? '');
  return own.some((sentence, s) => {
    const ws = words(sentence);
    const prior = s > 0 ? own[s - 1] : before[before.length - 1];
    return attributions(ws).some(({ subject, pronoun }) => {
      if (subject.some((n) => !PRONOUN.has(ws[n]?.lower ?? '') && isSpeaker(ws[n]))) return true;
      const said = pronoun === undefined ? undefined : ws[pronoun];
      if (pronoun === undefined || said === undefined) return false;
      const antecedents = [
        ...subjectsOf(ws, pronoun, QUANTIFIER.has(said.lower)),
        ...(prior === undefined ? [] : subjectsOf(words(prior))),
      ];
      return antecedents.some((w) => {
        if (!isSpeaker(w)) return false;
        // He or she is a person: a place (the US, Beijing) is not who "he" is.
        if (said.lower === 'he' || said.lower === 'she')
          return lexicon?.thesaurus?.nameKinds?.(w.lower)?.includes('location') !== true;
        return true;
      });
    });
  });
}
