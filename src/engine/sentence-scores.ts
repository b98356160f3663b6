/**
 * How much of the question each sentence of a passage covers, and where the question's words are in
 * it (for the excerpt). Runs on the ten best candidates of every search, so it finds the question's
 * words by scanning the passage once and looking each plain word up in a small per-question table
 * of the written forms of the question's terms, instead of cutting every word out of the passage
 * and looking it up among all the corpus's words.
 */
import { splitSentences } from './excerpt.js';
import type { Span } from './excerpt.js';
import type { InvertedIndex } from './index-build.js';
import type { ParsedQuery } from './query.js';
import { isPlainWord, plainWordTerm, tokenize } from './tokenize.js';
import { PlainWordTable, WordScanner, hashWord } from './word-scan.js';

export interface SentenceAnalysis {
  readonly sentences: readonly Span[];
  /** Per sentence: the question mass it covers (each concept counted once, by its best variant). */
  readonly scores: readonly number[];
  /** Spans of passage words that matched a question concept. */
  readonly matches: readonly Span[];
}

interface Credit {
  readonly concept: number;
  readonly credit: number;
}

/** What a search looks for in a passage's words; the same for every passage of one search. */
interface QueryWords {
  /** Term id → the concept it stands for and the mass it earns (its concept's best variant). */
  readonly byTerm: ReadonlyMap<number, Credit>;
  /** The single-word written forms of those terms → their credit. */
  readonly forms: PlainWordTable<Credit>;
}

const prepared = new WeakMap<ParsedQuery, QueryWords>();

function queryWords(index: InvertedIndex, query: ParsedQuery): QueryWords {
  const cached = prepared.get(query);
  if (cached !== undefined) return cached;
  const byTerm = new Map<number, Credit>();
  query.concepts.forEach((c, k) => {
    for (const variant of c.variants) {
      // A multi-word alias credits each of its words with a share, so all must appear for full credit.
      const credit = (c.mass * variant.weight) / variant.terms.length;
      for (const term of variant.terms) {
        const previous = byTerm.get(term);
        if (previous === undefined || previous.credit < credit) byTerm.set(term, { concept: k, credit });
      }
    }
  });
  const forms = new PlainWordTable<Credit>();
  for (const [term, credit] of byTerm) {
    const end = index.formStart[term + 1] ?? 0;
    for (let f = index.formStart[term] ?? 0; f < end; f += 1) {
      const form = index.forms[f] ?? '';
      forms.add(form, hashWord(form), credit);
    }
  }
  const words = { byTerm, forms };
  prepared.set(query, words);
  return words;
}

/** The engine's own scanner (searches are synchronous, so one instance is never shared). */
const scanner = new WordScanner();

export function sentenceScores(index: InvertedIndex, text: string, query: ParsedQuery): SentenceAnalysis {
  const sentences = splitSentences(text);
  const { byTerm, forms } = queryWords(index, query);
  const found = sentences.map(() => new Map<number, number>());
  const matches: Span[] = [];
  let s = 0;
  const record = (start: number, end: number, hit: Credit | undefined, highlight: boolean): void => {
    if (hit === undefined) return;
    if (highlight) matches.push({ start, end });
    while (s + 1 < sentences.length && start >= (sentences[s]?.end ?? 0)) s += 1;
    const seen = found[s];
    if (seen !== undefined) seen.set(hit.concept, Math.max(seen.get(hit.concept) ?? 0, hit.credit));
  };
  scanner.reset(text);
  while (scanner.next()) {
    const { start, end } = scanner;
    // A plain word is one term (or a stopword): it matters only if it is a form of a question term.
    if (scanner.plain) {
      record(start, end, forms.find(text, start, end, scanner.hash), true);
      continue;
    }
    // One word with a letter beyond ASCII (café): the build gave it its plain term (none if a stopword).
    if (isPlainWord(scanner.raw)) {
      const term = plainWordTerm(scanner.raw);
      const id = term === undefined ? undefined : index.termIds.get(term);
      record(start, end, id === undefined ? undefined : byTerm.get(id), true);
      continue;
    }
    // A compound (green-light) or a possessive: tokenise it for its parts' offsets.
    for (const token of tokenize(scanner.raw, { keepStopwords: true })) {
      const id = index.termIds.get(token.term);
      record(
        start + token.start,
        start + token.end,
        id === undefined ? undefined : byTerm.get(id),
        !token.joined,
      );
    }
  }
  const scores = found.map((seen) => [...seen.values()].reduce((sum, credit) => sum + credit, 0));
  return { sentences, scores, matches };
}
