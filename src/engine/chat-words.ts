/**
 * Chat spellings of the question word a question opens with ("wen did australia ban huawei", "y did
 * italy agree"): read as the word, so the question is read for what it asks ("when": a time) and the
 * spelling is not taken for a word of its own ("wen" is also a noun, a cyst). Shared by the engine's
 * reading of a message and the facts matcher, so both read "wat did italy decide" alike.
 */
const CHAT_QUESTION_WORDS: Readonly<Record<string, string>> = {
  wen: 'when',
  wat: 'what',
  wut: 'what',
  wht: 'what',
  hw: 'how',
  y: 'why',
  wy: 'why',
  wher: 'where',
  wich: 'which',
};

/** The question with its opening chat spelling replaced by the question word. */
export function respellQuestionWord(question: string): string {
  return question.replace(/^([a-z]+)(?=\s)/u, (word) => CHAT_QUESTION_WORDS[word] ?? word);
}

/**
 * Shorthand people type for everyday words in chat and notes ("how many yrs", "a us co", "nat intel
 * law", "the ex minister"): read as the word it stands for. Only lower-case spellings that stand
 * for one word in ordinary use; and none is an article word in the sense meant.
 */
const CHAT_SHORTHAND: Readonly<Record<string, string>> = {
  yr: 'year',
  yrs: 'years',
  wk: 'week',
  wks: 'weeks',
  co: 'company',
  nat: 'national',
  intl: 'international',
  gov: 'government',
  govs: 'governments',
  govt: 'government',
  govts: 'governments',
  ppl: 'people',
  dept: 'department',
  mgmt: 'management',
  info: 'information',
  pres: 'president',
  approx: 'approximately',
  esp: 'especially',
  msg: 'message',
  tmrw: 'tomorrow',
  yday: 'yesterday',
  ex: 'former',
};

const SHORTHAND_WORD = new RegExp(
  `(?<![\\p{L}\\p{N}'’.])(?:${Object.keys(CHAT_SHORTHAND).join('|')})(?![\\p{L}\\p{N}]|['’.][\\p{L}])`,
  'gu',
);

/**
 * The question with chat shorthand written out, so the ranking and the wording rules ("how many
 * years": a length of time) read the word meant. Only lower-case spellings: "Co" or "Nat" may be a name.
 */
export function respellShorthand(question: string): string {
  return question.replace(SHORTHAND_WORD, (word) => CHAT_SHORTHAND[word] ?? word);
}

/**
 * Idioms whose words mean something else together: "strings attached" are conditions ("what strings
 * are attached to the approval", "no strings attached"), not strings.
 */
const IDIOMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bstrings\s+(?:(?:are|were|is|was|come|came|comes|be|being|get|got)\s+)?attached\b/giu, 'conditions'],
  [/\b(what|which|any|no|the)\s+strings\b/giu, '$1 conditions'],
];

/** The question with each idiom written as what it means. */
export function respellIdioms(question: string): string {
  let out = question;
  for (const [idiom, meaning] of IDIOMS) out = out.replace(idiom, meaning);
  return out;
}
