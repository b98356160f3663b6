/**
 * The facts layer's view of text, built on the engine's tokenizer so a question word meets a fact word on
 * the same term the passages use (same stop words, same stemming, same acronym rule: "US" in capitals is
 * a name, "us"/"use" are words).
 */
import { fold, STOPWORDS, tokenize as engineTokenize } from '../engine/tokenize.js';

export interface Token {
  /** As written ("US", "Italy"); dotted acronyms joined ("U.S." → "US"). */
  readonly raw: string;
  /** Folded, possessive-free ("italy"). */
  readonly lower: string;
  /**
   * The engine's term: a Porter stem, or for an acronym a marked form, so the name "US" never meets the
   * word "use" (which stems to "us").
   */
  readonly stem: string;
  readonly acronym: boolean;
}

/** Marks an acronym's term apart from stems (stems are lower-case letters and digits only). */
const ACRONYM_MARK = '#';

/**
 * Words and numbers, stop words kept (cues such as "why" and "said" are stop words to the engine). A
 * compound yields its parts only ("green-light" → green light), so phrases stay contiguous. A question
 * typed all in capitals is read as ordinary words, as the engine does.
 */
export function tokenize(text: string, options: { readonly name?: boolean } = {}): Token[] {
  // A name ("US") is its own case; a whole question in capitals is not a run of acronyms.
  const shouting = options.name !== true && /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
  return engineTokenize(text.normalize('NFC'), { keepStopwords: true, ignoreCase: shouting })
    .filter((token) => !token.joined)
    .map((token) => ({
      raw: token.surface.replace(/[.·]/gu, ''),
      lower: token.word,
      stem: token.acronym ? ACRONYM_MARK + token.word : token.term,
      acronym: token.acronym,
    }));
}

/** The stems of a text, in order. */
export function stemsOf(text: string): string[] {
  return tokenize(text).map((token) => token.stem);
}

/**
 * Words that carry no topic for the facts: the engine's stop words plus words about the source and its
 * claims, which every argument is ("what did X argue", "the article says").
 */
const SOURCE_WORDS =
  'article author story piece text say said says tell told ask asked mention mentioned '.concat(
    'argue argued argues argument arguments claim claims claimed reason reasons',
  );
export const STOP_STEMS: ReadonlySet<string> = new Set(
  [...STOPWORDS, ...SOURCE_WORDS.split(' ')].flatMap((word) => stemsOf(word)),
);

/** Word lists written as text; each space-separated item is a phrase (hyphens join words). */
export function phrases(...lines: string[]): readonly (readonly string[])[] {
  return lines
    .join(' ')
    .split(/\s+/)
    .filter((item) => item !== '')
    .map((item) => stemsOf(item.replace(/-/g, ' ')));
}

/** A name as the question may write it; an acronym ("US") only matches in capitals. */
export interface NamePattern {
  readonly tokens: readonly Token[];
  readonly caseSensitive: boolean;
}

export function namePattern(name: string): NamePattern | undefined {
  const tokens = tokenize(name, { name: true });
  if (tokens.length === 0) return undefined;
  return { tokens, caseSensitive: tokens.some((token) => token.acronym) };
}

export function patterns(names: readonly string[]): NamePattern[] {
  return names.map(namePattern).filter((pattern): pattern is NamePattern => pattern !== undefined);
}

/** Start positions where the pattern occurs as whole tokens in the question. */
export function findName(question: readonly Token[], pattern: NamePattern): number[] {
  const starts: number[] = [];
  for (let start = 0; start + pattern.tokens.length <= question.length; start += 1) {
    const all = pattern.tokens.every((token, offset) => {
      const word = question[start + offset];
      if (word === undefined) return false;
      return pattern.caseSensitive ? word.raw === token.raw : word.lower === token.lower;
    });
    if (all) starts.push(start);
  }
  return starts;
}

export function containsPhrase(stems: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start + phrase.length <= stems.length; start += 1) {
    if (phrase.every((stem, offset) => stems[start + offset] === stem)) return true;
  }
  return false;
}

/** A name as typed in a form field, for exact comparison: folded, dots and "the" dropped ("the U.S." → "us"). */
export function nameKey(text: string): string {
  return fold(text.normalize('NFC'))
    .replace(/[.·]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the\s+/u, '');
}
