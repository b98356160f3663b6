/**
 * The names of the publications the corpus comes from ("Light Reading", and its initials "LR"). A
 * question that names the source ("what does the Light Reading piece say about…", "in that LR
 * article") is pointing at the article, not asking about a Light Reading the passages never mention,
 * so those words are neither topic nor evidence against the question. A source the passages do
 * mention (a wire service quoting itself) is searched like any other name.
 */
import type { Corpus } from '../corpus/types.js';
import type { InvertedIndex } from './index-build.js';
import { fold, tokenize } from './tokenize.js';
import type { Token } from './tokenize.js';

/** Each source name as folded words, plus the initials of a name of two words or more. */
export interface SourceNames {
  readonly phrases: readonly (readonly string[])[];
  readonly initials: ReadonlySet<string>;
}

export function sourceNames(corpus: Corpus, index: InvertedIndex): SourceNames {
  const phrases: string[][] = [];
  const initials = new Set<string>();
  for (const article of corpus.articles) {
    if (article.publisher === undefined) continue;
    // Without stop words, as questions are read ("The Register" is matched by "register").
    const tokens = tokenize(article.publisher);
    if (tokens.length === 0) continue;
    // Named in the passages: the name is content there, not a pointer to the article.
    if (tokens.every((t) => index.termIds.has(t.term))) continue;
    phrases.push(tokens.map((t) => t.word));
    if (tokens.length >= 2) initials.add(tokens.map((t) => fold(t.surface).charAt(0)).join(''));
  }
  return { phrases, initials };
}

/**
 * "The author", "the writer": who wrote the article being asked about, as "the article" and "the
 * piece" are the article itself (those are stop words). Unless the passages use the word, it
 * points at the article and is no topic.
 */
const WRITER = new Set(['author', 'writer', 'columnist', 'journalist', 'reporter']);
const POINTING = /\b(?:the|this|that|ur|your)\s+$/iu;
/**
 * A verb of opinion after whoever holds it ("does the author think…", "what do you reckon…"): the
 * question asks for that view; the verb is not a word the answer shares ("it still thinks it can
 * get the US to drop its bans" is no answer to "what does the author think Huawei should do").
 */
const OPINION_VERB =
  /^(?:think|thinks|thought|reckon|reckons|reckoned|believe|believes|feel|feels|figure|figures|suppose|supposes)$/u;
const OPINION_FRAME =
  /\b(?:author|writer|columnist|journalist|reporter|piece|article|story|lr|he|she|they|you|u|i|we)\s+(?:really\s+|actually\s+|personally\s+)?$/iu;

/**
 * The question tokens that spell a source name (or, written in capitals, its initials) or point at
 * the article's writer ("the author"), when the passages lack the word.
 */
export function sourceTokens(
  text: string,
  tokens: readonly Token[],
  sources: SourceNames,
  index: InvertedIndex,
  opinionFrames = false,
): Set<Token> {
  const found = new Set<Token>();
  tokens.forEach((token, i) => {
    if (WRITER.has(token.word) && POINTING.test(text.slice(0, token.start)) && !index.termIds.has(token.term))
      found.add(token);
    // "What does the author think Huawei should do": whose view is asked, not a word of the answer.
    if (opinionFrames && OPINION_VERB.test(token.word) && OPINION_FRAME.test(text.slice(0, token.start)))
      found.add(token);
    if (token.acronym && sources.initials.has(token.word)) found.add(token);
    for (const phrase of sources.phrases) {
      const span = tokens.slice(i, i + phrase.length);
      if (span.length === phrase.length && span.every((t, k) => t.word === phrase[k])) {
        for (const t of span) found.add(t);
      }
    }
  });
  return found;
}
