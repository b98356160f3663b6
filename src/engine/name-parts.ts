/**
 * A place name the corpus uses only as the first word of a longer name: "Sydney" appears only in
 * "Sydney Morning Herald". A question about Sydney itself ("weather in Sydney this weekend") is not
 * about the newspaper, so its match there is weak evidence; a question naming the newspaper ("the
 * Sydney Morning Herald") still matches it in full.
 */
import type { InvertedIndex } from './index-build.js';
import type { Concept, QueryContext } from './query.js';
import type { Token } from './tokenize.js';

/** Beyond this many passages a word is a topic of the corpus, not a part of one name. */
const MAX_PASSAGES_SCANNED = 20;

/**
 * Whether every occurrence of `word` in the corpus is followed by a capitalised word the question
 * does not have (the word begins a longer name the question does not name).
 */
export function onlyInLongerNames(
  word: string,
  term: number,
  index: InvertedIndex,
  questionWords: ReadonlySet<string>,
): boolean {
  const start = index.postingStart[term] ?? 0;
  const end = index.postingStart[term + 1] ?? 0;
  if (end <= start || end - start > MAX_PASSAGES_SCANNED) return false;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}'’])`, 'giu');
  let seen = 0;
  for (let k = start; k < end; k += 1) {
    const text = index.passages[index.postingDoc[k] ?? -1]?.text ?? '';
    for (const match of text.matchAll(pattern)) {
      const next = /^ (\p{Lu}[\p{L}-]*)/u.exec(text.slice((match.index ?? 0) + match[0].length))?.[1];
      if (next === undefined || questionWords.has(next.toLowerCase())) return false;
      seen += 1;
    }
  }
  return seen > 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What a place name's match inside a longer name it begins ("Sydney" in "Sydney Morning Herald") counts. */
const PLACE_IN_NAME_WEIGHT = 0.3;

/**
 * A place asked about ("weather in Sydney") that the corpus names only as the start of a longer
 * name the question does not use (the Sydney Morning Herald): the match is kept, weakly.
 */
export function placeInLongerName(
  concept: Concept,
  token: Token,
  context: QueryContext,
  questionWords: ReadonlySet<string>,
): Concept {
  if (!context.rules.on('absent-name')) return concept;
  const exact = concept.variants.find((v) => v.weight === 1 && v.terms.length === 1);
  const term = exact?.terms[0];
  if (term === undefined || token.acronym) return concept;
  const kinds = context.lexicon?.thesaurus?.nameKinds?.(token.word);
  if (kinds?.includes('location') !== true) return concept;
  if (!onlyInLongerNames(token.word, term, context.index, questionWords)) return concept;
  const weak = { terms: exact?.terms ?? [], weight: PLACE_IN_NAME_WEIGHT, cover: PLACE_IN_NAME_WEIGHT };
  return { ...concept, variants: concept.variants.map((v) => (v === exact ? weak : v)) };
}
