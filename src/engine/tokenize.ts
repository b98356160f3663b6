/**
 * Tokenising and term normalisation shared by indexing and querying, so a passage word and a question
 * word meet on the same term. Offsets always refer to the original string so excerpts can be
 * highlighted without touching the verbatim text.
 */
import { stemmer } from 'stemmer';

export interface Token {
  /** The word as written (original case, original apostrophes). */
  readonly surface: string;
  /** Lower-cased, accent-free, possessive-free form used for fuzzy matching and the lexicon. */
  readonly word: string;
  /** The index term (stem, or the word itself for acronyms and numbers). */
  readonly term: string;
  readonly start: number;
  readonly end: number;
  /** Written in capitals (US, EU): never a stopword, never stemmed. */
  readonly acronym: boolean;
  /** Index of the compound this token belongs to (green-light → green, light, greenlight share it). */
  readonly group: number;
  /** The joined form of a compound (greenlight), emitted besides its parts. */
  readonly joined: boolean;
}

/**
 * A word is a run of letters, digits and combining marks, optionally joined to more such runs by
 * hyphens, apostrophes or inner dots (green-light, Huawei's, U.S.), so compounds can be split and joined.
 */
export const WORD_PATTERN = /[\p{L}\p{N}\p{M}]+(?:[-‐‑'’.·][\p{L}\p{N}\p{M}]+)*/gu;
const JOINERS = /[-‐‑.·]/u;
const APOSTROPHE = /['’]/u;

/**
 * Function words and question words carry no topic: "Why did Australia ban Huawei?" is about
 * Australia, ban and Huawei. Contraction stumps (hadn, don) are here because apostrophes split words.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again all also am an and any are aren as at be because been before being below ' +
    'between both but by can cannot could couldn did didn do does doesn doing don down during each either else ' +
    'ever few for from further had hadn has hasn have haven having he her here hers herself him himself his how ' +
    'however i if in into is isn it its itself just ll me more most much must mustn my myself neither no nor ' +
    'not now of off on once only or other ought our ours ourselves out over own per quite rather re s same shall ' +
    'shan she should shouldn so some such t than that the their theirs them themselves then there these they this ' +
    'those through to too under until up upon us ve very was wasn we were weren what whatever when whenever where ' +
    'whereas wherever whether which while who whoever whom whose why will with within without won would wouldn ' +
    'yet you your yours yourself yourselves d m o y ' +
    'regarding concerning beyond besides toward towards among amongst despite via ' +
    // Chat shorthand for function words and discourse markers ("wat r the conditions", "talked abt
    // the law", "hw can huawei fix things", "does malaysia hv"): no topic of their own.
    'r u n w ur abt bc cuz coz cos tho thru b4 wrt hw hv wht wer wud cud shud bcuz becuz ' +
    'gonna wanna gotta tryna dunno kinda lemme im idk tbh imo imho afaik iirc fyi btw rn rly smth sth wats ' +
    'nah yeah yep yup nope ' +
    // Question scaffolding: words people wrap a question in that say nothing about what it asks.
    'article piece story text tell told say says said according mention mentions mentioned mentioning ' +
    'explain explains describe describes give gives show shows anything something someone somebody thing things ' +
    'kind sort way many really actually exactly please know does doesnt dont didnt isnt whats whos hows ' +
    // Contractions typed without their apostrophe: the same function words (a word list that lacks
    // them would otherwise read them as unknown names). Those that are also words (hell, shell, well,
    // wont, lets) are left out.
    'thats theres heres wheres whens whys theyre youre ive youve weve theyve arent wasnt werent hasnt ' +
    'havent hadnt cant couldnt wouldnt shouldnt mustnt youll theyll itll'
  ).split(' '),
);

const stemCache = new Map<string, string>();
// Bounded: the caches outlive engines, and the index keeps its own per-build map of analysed words.
const STEM_CACHE_LIMIT = 50_000;

/** Porter stem with a bounded cache: stemming dominates indexing time and words repeat a lot. */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = /^[a-z]+$/.test(word) && word.length > 2 ? stemmer(word) : word;
    if (stemCache.size < STEM_CACHE_LIMIT) stemCache.set(word, stemmed);
  }
  return stemmed;
}

const foldCache = new Map<string, string>();

const PLAIN_ASCII = /^[\x20-\x26\x28-\x7e]*$/;

/** Lower case without accents (café → cafe) and with typographic apostrophes made plain. */
export function fold(text: string): string {
  // Plain ASCII needs only lower-casing; the Unicode path (NFKD, mark stripping) is much slower.
  if (PLAIN_ASCII.test(text)) return text.toLowerCase();
  let folded = foldCache.get(text);
  if (folded === undefined) {
    folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");
    if (foldCache.size < STEM_CACHE_LIMIT) foldCache.set(text, folded);
  }
  return folded;
}

/** Drops a trailing possessive or contraction ('s, 't, 're) so Huawei's and Huawei meet. */
function stripClitic(word: string): string {
  const apostrophe = word.search(APOSTROPHE);
  if (apostrophe <= 0) return word;
  const rest = word.slice(apostrophe + 1).toLowerCase();
  return CLITICS.has(rest) ? word.slice(0, apostrophe) : word.replace(/['’]/g, '');
}
const CLITICS: ReadonlySet<string> = new Set(['s', 't', 're', 've', 'll', 'd', 'm']);

function isAcronym(surface: string): boolean {
  if (surface.length < 2 || surface.length > 8) return false;
  const first = surface.charCodeAt(0);
  // Cheap exit for the common case: a word starting with a lower-case ASCII letter or a digit.
  if ((first >= 97 && first <= 122) || (first >= 48 && first <= 57)) return false;
  const letters = surface.replace(/\./g, '');
  return letters.length >= 2 && letters.length <= 6 && /^\p{Lu}+$/u.test(letters);
}

export function termOf(word: string, acronym: boolean): string {
  return acronym ? word : stem(word);
}

/** Characters that are invisible or control-like; removed from questions before tokenising. */
export const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;

export interface TokenizeOptions {
  /** Keep stopwords (for excerpts and phrases); default false. */
  readonly keepStopwords?: boolean;
  /** Treat capitalised words as ordinary words (used when a whole question is in capitals). */
  readonly ignoreCase?: boolean;
  /** Stop after this many tokens (bounds work on very long input). */
  readonly maxTokens?: number;
}

interface WordInfo {
  readonly word: string;
  readonly term: string;
  readonly acronym: boolean;
  readonly stopword: boolean;
}

const wordInfoCache = new Map<string, WordInfo>();
const wordInfoCacheIgnoringCase = new Map<string, WordInfo>();

/** Everything about one written word that does not depend on where it stands; cached (words repeat). */
function wordInfo(surface: string, ignoreCase: boolean): WordInfo {
  const cache = ignoreCase ? wordInfoCacheIgnoringCase : wordInfoCache;
  let info = cache.get(surface);
  if (info === undefined) {
    const word = fold(surface);
    const acronym = !ignoreCase && isAcronym(surface);
    info = { word, term: termOf(word, acronym), acronym, stopword: !acronym && STOPWORDS.has(word) };
    if (cache.size < STEM_CACHE_LIMIT) cache.set(surface, info);
  }
  return info;
}

const SPECIAL = /[-‐‑'’.·]/u;

/**
 * The index term of one written word without joiners or apostrophes (the common case while indexing),
 * or undefined for a stopword. Same result as tokenize(surface), without its allocations.
 */
export function plainWordTerm(surface: string): string | undefined {
  const info = wordInfo(surface, false);
  return info.word.length === 0 || info.stopword ? undefined : info.term;
}

/** Whether tokenize would treat this written word as one plain word (see plainWordTerm). */
export function isPlainWord(surface: string): boolean {
  return !SPECIAL.test(surface);
}

function pushToken(
  tokens: Token[],
  surface: string,
  start: number,
  group: number,
  joined: boolean,
  options: TokenizeOptions,
  forceAcronym: boolean,
  end = start + surface.length,
): void {
  if (surface.length === 0) return;
  const info = wordInfo(surface, options.ignoreCase === true);
  const acronym = forceAcronym || info.acronym;
  if (info.word.length === 0 || (!options.keepStopwords && !acronym && info.stopword)) return;
  tokens.push({
    surface,
    word: info.word,
    term: acronym && !info.acronym ? info.word : info.term,
    start,
    end,
    acronym,
    group,
    joined,
  });
}

/**
 * Splits text into tokens. A compound such as green-light yields its parts and the joined form
 * (greenlight), all sharing one `group`, so "green light", "green-light" and "greenlight" all match.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  const maxTokens = options.maxTokens ?? Number.POSITIVE_INFINITY;
  let group = 0;
  const word = WORD_PATTERN;
  word.lastIndex = 0;
  for (let match = word.exec(text); match !== null; match = word.exec(text)) {
    if (tokens.length >= maxTokens) break;
    const raw = match[0];
    const start = match.index;
    group += 1;
    if (!SPECIAL.test(raw)) {
      pushToken(tokens, raw, start, group, false, options, theUs(raw, text, start));
      continue;
    }
    const core = stripClitic(raw);
    const acronym = !options.ignoreCase && isAcronym(core);
    const pieces = JOINERS.test(core) ? core.split(JOINERS).filter((piece) => piece.length > 0) : [core];
    if (pieces.length === 1) {
      pushToken(tokens, core, start, group, false, options, acronym);
      continue;
    }
    // Dotted acronyms (U.S.) only make sense joined.
    if (acronym && pieces.every((piece) => piece.length === 1)) {
      pushToken(tokens, pieces.join(''), start, group, false, options, true, start + core.length);
      continue;
    }
    let offset = 0;
    for (const piece of pieces) {
      const at = core.indexOf(piece, offset);
      pushToken(tokens, piece, start + at, group, false, options, acronym);
      offset = at + piece.length;
    }
    // The joined form (op-ed → oped): spans the whole compound.
    const joined = pieces.join('');
    if (joined.length <= 30)
      pushToken(tokens, joined, start, group, true, options, acronym, start + core.length);
  }
  return tokens;
}

/**
 * "the us" is the country however it is typed: the pronoun never follows "the" ("does malaysia have
 * the same worries as the us"), so the lower-case word there is the acronym.
 */
function theUs(raw: string, text: string, start: number): boolean {
  return (
    (raw === 'us' || raw === 'Us') &&
    /(?:^|[^\p{L}])the\s+$/iu.test(text.slice(Math.max(0, start - 8), start))
  );
}

/** Lower-cased text with plain quotes, dashes and single spaces, for exact-phrase comparison. */
export function normalizeForPhrase(text: string): string {
  return fold(text)
    .replace(/[“”„‟"]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
