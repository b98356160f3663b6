/**
 * "Which newspaper published the op-ed?", "what US company…": a question whose answer is a name.
 * It is answered only by a passage that names something the question does not already name; a
 * passage on the subject that names nothing new ("a US firm", "a US factory") does not say which.
 * The kind noun is read from the question's wording, the names from the passage's capitals.
 */
import { looksLikeName } from './evidence.js';
import type { InvertedIndex } from './index-build.js';
import type { LexiconInfo, NamedKind } from './lexicon-info.js';
import type { Concept, ParsedQuery } from './query.js';
import { STOPWORDS, tokenize } from './tokenize.js';
import type { Token } from './tokenize.js';
import { writtenAsNames } from './wording.js';

/**
 * Which/what, then up to three words before the kind noun ("which other Italian operators", "what
 * US company"); the question must not go on with an auxiliary or a verb first ("what did Peng say").
 */
const NAME_QUESTION =
  /^(?:so\s+|and\s+|but\s+)?(?:(?:in|on|at|from|by|for|with|to)\s+)?(?:which|what)\s+((?:[\p{L}\p{N}'’-]+\s*){1,4})/iu;
/** Words that end the noun phrase before its head: the question's verb or auxiliary has started. */
const PHRASE_END = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'do',
  'does',
  'did',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
  'may',
  'might',
  'must',
  's',
  're',
  'd',
  'll',
  'of',
  'in',
  'on',
  'for',
  'to',
  'with',
  'at',
  'by',
  'from',
  'about',
  'that',
  'who',
]);
/**
 * A question that names its candidate answers ("which was the bigger surprise, Malaysia or Italy?")
 * rather than kinds of them ("which newspaper or site ran the op-ed").
 */
const OFFERS_ALTERNATIVES = /(?:\p{Lu}[\p{L}\p{N}-]*|,\s*[\p{L}\p{N}'’-]+)\s+or\s+\p{Lu}|,[^,]*\bor\b/u;
const WHERE = /^(?:so\s+|and\s+|but\s+)?where\b/iu;
const WHERE_NOT_PLACE = /\b(?:from|stand|stands|standing|stood|lead|leads|leave|leaves)\b/iu;
/** A place phrase: a preposition of place and the word it governs ("in the harbour", "at Dover"). */
const PLACE_PHRASE =
  /\b(?:in|at|near|outside|inside|within|across|throughout|around)\s+(?:(?:the|a|an|its|their|his|her|our)\s+)?(\p{L}[\p{L}-]*)/giu;
const DETERMINER = new Set([
  'the',
  'a',
  'an',
  'its',
  'his',
  'her',
  'their',
  'this',
  'that',
  'these',
  'those',
  'my',
  'our',
  'your',
]);
/**
 * "What kind of nations", "which type of vendor" ask for a description, not a name; "what part",
 * "what role" for a function. Those head nouns are not read as a kind of named thing.
 */
const NOT_A_NAME = new Set(['kind', 'kinds', 'sort', 'sorts', 'type', 'types', 'part', 'role']);

/** What a name question asks for: the kinds of thing, and whether as a possessor ("which company's gear"). */
export interface NameAsked {
  readonly kinds: readonly NamedKind[];
  readonly possessor: boolean;
  /** A "where" question: a place named or a place phrase ("in the harbour") answers it. */
  readonly place?: boolean;
}

/**
 * The noun naming the kind of named thing asked for ("newspaper" in "which newspaper published…"),
 * or undefined when the question does not ask for a name. A question offering alternatives
 * ("which is bigger, Malaysia or Italy") names its answer itself.
 */
export function nameKindAsked(question: string, lexicon: LexiconInfo | undefined): NameAsked | undefined {
  const thesaurus = lexicon?.thesaurus;
  if (thesaurus?.kindsOf === undefined) return undefined;
  const text = question.trim();
  if (OFFERS_ALTERNATIVES.test(text)) return undefined;
  // "Where would the factory be built?" asks for a place; "where does it come from" for a cause,
  // "where does X stand" for a position.
  if (WHERE.test(text))
    return WHERE_NOT_PLACE.test(text)
      ? undefined
      : { kinds: ['location', 'organization'], possessor: false, place: true };
  const match = NAME_QUESTION.exec(text);
  if (match === null) return undefined;
  const written = (match[1] ?? '').split(/\s+/u);
  const words = written.map((raw) => raw.toLowerCase().replace(/['’]s?$/u, ''));
  for (const [k, word] of words.entries()) {
    if (PHRASE_END.has(word) || NOT_A_NAME.has(word) || DETERMINER.has(word)) return undefined;
    // Before its head the phrase holds only modifiers: names (US), nouns (law firm), adjectives
    // (other, Italian). A word the dictionary knows only as a verb ("what happens if…") ends it.
    const parts = thesaurus.partsOfSpeech?.(word) ?? [];
    const name = /^\p{Lu}|\d/u.test(written[k] ?? '');
    if (!name && parts.length > 0 && !parts.includes('noun') && !parts.includes('adj')) return undefined;
    const kinds = thesaurus.kindsOf(word);
    // "What stops the battery…": a word followed by a determiner is the question's verb, not its noun.
    if (kinds.length === 0) continue;
    if (DETERMINER.has(words[k + 1] ?? '')) return undefined;
    return { kinds, possessor: /['’]s?$/u.test(written[k] ?? '') };
  }
  return undefined;
}

/**
 * Whether the passage names something (a capitalised name, an acronym) that is none of the question's
 * words or their aliases and may be of the kind asked for: the name a "which newspaper" question
 * asks for. A name the dictionary lists as another kind (the US, a location, for "which newspaper")
 * is not it; a name it does not list (Sydney Morning Herald, Vodafone) may be. A name it also knows
 * as an adjective (Australian, Chinese) relates to a place. Nouns for people ("which neighbours",
 * "which allies", "which vendor") are said of countries and companies too, so any name may be one.
 */
export function namesSomethingNew(
  text: string,
  asked: ReadonlySet<string>,
  { kinds, possessor, place: askedPlace = false }: NameAsked,
  lexicon: LexiconInfo | undefined,
): boolean {
  const thesaurus = lexicon?.thesaurus;
  if (askedPlace && placePhrase(text, asked, lexicon)) return true;
  const tokens = tokenize(text);
  const names = writtenAsNames(text, tokens);
  // Capitalised mid-sentence, an acronym, or (at a sentence start) a word the list spells as a name.
  const isName = (token: Token): boolean =>
    names.has(token) ||
    token.acronym ||
    (/^\p{Lu}/u.test(token.surface) && looksLikeName(token.word, lexicon));
  const isAsked = (token: Token): boolean => asked.has(token.term) || asked.has(token.word);
  return tokens.some((token, k) => {
    if (!isName(token) || isAsked(token)) return false;
    // A word of a name the question names by another of its words ("Vincent" of "Peng's op-ed").
    if (sameName(text, tokens, k, isName).some(isAsked)) return false;
    // Unless the question asks for a possessor, a name describing something else is not the answer.
    if (!possessor && modifies(text, token)) return false;
    const known = thesaurus?.nameKinds?.(token.word);
    if (known === undefined || kinds.includes('person')) return true;
    // A demonym (Australian) relates to a place: it answers "which country", not "where".
    const demonym = !askedPlace && thesaurus?.partsOfSpeech?.(token.word).includes('adj') === true;
    return known.some((kind) => kinds.includes(kind)) || (demonym && kinds.includes('location'));
  });
}

/** The other words of the capitalised name the k-th token is part of ("Vincent Peng"). */
function sameName(
  text: string,
  tokens: readonly Token[],
  k: number,
  isName: (token: Token) => boolean,
): Token[] {
  const run: Token[] = [];
  for (const step of [-1, 1]) {
    for (let j = k + step; j >= 0 && j < tokens.length; j += step) {
      const word = tokens[j];
      const [left, right] = step < 0 ? [word, tokens[j + 1]] : [tokens[j - 1], word];
      if (word === undefined || left === undefined || right === undefined || !isName(word)) break;
      if (!/^\s$/u.test(text.slice(left.end, right.start))) break;
      run.push(word);
    }
  }
  return run;
}

/**
 * Whether the passage says where with a place phrase about something the question does not name:
 * a preposition of place and a noun for a place ("in the harbour", "at the depot"), not "in fact"
 * or "on the view".
 */
function placePhrase(text: string, asked: ReadonlySet<string>, lexicon: LexiconInfo | undefined): boolean {
  for (const match of text.matchAll(PLACE_PHRASE)) {
    const word = (match[1] ?? '').toLowerCase();
    const token = tokenize(word)[0];
    if (token === undefined || asked.has(token.term) || asked.has(token.word)) continue;
    if (lexicon?.thesaurus?.kindsOf?.(token.word).includes('location') === true) return true;
  }
  return false;
}

/**
 * A name used to describe something else rather than to name an answer: a possessive ("Huawei's
 * blacklisting") or a noun modifier after an article ("a Huawei board member", "a US firm").
 */
function modifies(text: string, token: Token): boolean {
  // The whole name the word belongs to ("a Harbour Line board member"): capitalised words in a row.
  let from = token.start;
  let to = token.end;
  for (;;) {
    const m = NAME_BEFORE.exec(text.slice(0, from));
    if (m === null || STOPWORDS.has((m[1] ?? '').toLowerCase())) break;
    from -= m[0].length;
  }
  for (let m = NAME_AFTER.exec(text.slice(to)); m !== null; m = NAME_AFTER.exec(text.slice(to)))
    to += m[0].length;
  const after = text.slice(to, to + 30);
  if (/^['’]s?(?![\p{L}\p{N}])/u.test(after)) return true;
  const before = text.slice(Math.max(0, from - 4), from);
  const next = /^\s+(\p{Ll}[\p{L}-]*)/u.exec(after)?.[1];
  return (
    /\b(?:a|an|the)\s+$/iu.test(before) &&
    next !== undefined &&
    !STOPWORDS.has(next) &&
    !/^(?:is|was|has|had|said|says|reports|reported|told|announced|wrote|writes)$/u.test(next)
  );
}
/** A capitalised word and one space right before / after a position: the same name continues. */
const NAME_BEFORE = /(\p{Lu}[\p{L}\p{N}-]*)\s$/u;
const NAME_AFTER = /^\s\p{Lu}[\p{L}\p{N}-]*/u;

/** The index terms and words the question already names, with every form and alias it matches by. */
export function questionTerms(parsed: ParsedQuery, index: InvertedIndex, question: string): Set<string> {
  const asked = new Set<string>();
  // Stop words too: a lower-case "us" ("huawei's us factory") is the US the passage writes in capitals.
  for (const token of tokenize(question, { keepStopwords: true })) {
    asked.add(token.term);
    asked.add(token.word);
  }
  addVariantTerms(parsed.concepts, index, asked);
  return asked;
}

/** Adds the index terms (as written in `index.terms`) every variant of the concepts stands for. */
export function addVariantTerms(
  concepts: readonly Concept[],
  index: InvertedIndex,
  into: Set<string>,
): Set<string> {
  for (const concept of concepts)
    for (const variant of concept.variants)
      for (const term of variant.terms) {
        const written = index.terms[term];
        if (written !== undefined) into.add(written);
      }
  return into;
}
