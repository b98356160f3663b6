import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../src/corpus/types.js';
import { splitSentences } from '../src/engine/excerpt.js';
import type { Span } from '../src/engine/excerpt.js';
import { buildIndex } from '../src/engine/index-build.js';
import type { InvertedIndex } from '../src/engine/index-build.js';
import { parseQuery, prepareAliases } from '../src/engine/query.js';
import type { ParsedQuery } from '../src/engine/query.js';
import { ruleSwitches } from '../src/engine/rules.js';
import { sentenceScores } from '../src/engine/sentence-scores.js';
import { WORD_PATTERN, isPlainWord, plainWordTerm, tokenize } from '../src/engine/tokenize.js';

/**
 * The definition sentence scoring must meet: every word WORD_PATTERN finds, analysed as the build
 * analyses it (a compound or possessive tokenised), credited to the sentence it is in. This is how
 * sentences were scored before the per-question table of written forms existed.
 */
function referenceScores(index: InvertedIndex, text: string, query: ParsedQuery) {
  const sentences = splitSentences(text);
  const byTerm = new Map<number, { concept: number; credit: number }>();
  query.concepts.forEach((c, k) => {
    for (const variant of c.variants) {
      const credit = (c.mass * variant.weight) / variant.terms.length;
      for (const term of variant.terms) {
        const previous = byTerm.get(term);
        if (previous === undefined || previous.credit < credit) byTerm.set(term, { concept: k, credit });
      }
    }
  });
  const found = sentences.map(() => new Map<number, number>());
  const matches: Span[] = [];
  let s = 0;
  const record = (start: number, end: number, term: number | undefined, highlight: boolean): void => {
    const hit = term === undefined ? undefined : byTerm.get(term);
    if (hit === undefined) return;
    if (highlight) matches.push({ start, end });
    while (s + 1 < sentences.length && start >= (sentences[s]?.end ?? 0)) s += 1;
    const seen = found[s];
    if (seen !== undefined) seen.set(hit.concept, Math.max(seen.get(hit.concept) ?? 0, hit.credit));
  };
  const word = new RegExp(WORD_PATTERN.source, WORD_PATTERN.flags);
  for (let match = word.exec(text); match !== null; match = word.exec(text)) {
    const raw = match[0];
    // As the build analyses a word: one term (none for a stopword) unless it has joiners or apostrophes.
    if (isPlainWord(raw)) {
      const term = plainWordTerm(raw);
      if (term !== undefined) record(match.index, match.index + raw.length, index.termIds.get(term), true);
      continue;
    }
    for (const token of tokenize(raw, { keepStopwords: true })) {
      record(
        match.index + token.start,
        match.index + token.end,
        index.termIds.get(token.term),
        !token.joined,
      );
    }
  }
  const scores = found.map((seen) => [...seen.values()].reduce((sum, credit) => sum + credit, 0));
  return { sentences, scores, matches };
}

/** Pieces that stress the word scanner: joiners, apostrophes, accents, marks, other scripts, case. */
const PIECES = [
  'Huawei',
  'huawei',
  "Huawei's",
  'Huawei’s',
  'green-light',
  'green‑light',
  'U.S.',
  'op-ed',
  'ZTE',
  '5G',
  'café',
  'cafe\u0301',
  'naïve',
  '中国',
  '😀',
  'the',
  'deal',
  'deals',
  'dealing',
  'Deal',
  'talks',
  'x·y',
  '—',
  '-',
  "'",
  '.',
  '. ',
  ', ',
  '? ',
  ' ',
  ' ',
  '\n',
];
const text = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }).map((p) => p.join(''));

function corpusOf(texts: readonly string[]): Corpus {
  const passages = texts.map((t, k) => ({
    id: `a#p${k + 1}`,
    articleId: 'a',
    kind: 'paragraph' as const,
    paragraph: k + 1,
    text: t,
  }));
  return {
    articles: [{ id: 'a', title: 'T', publisher: 'P', file: 'a.md', passages, sections: [], questions: [] }],
    aliases: { groups: [] },
  };
}

describe('sentenceScores', () => {
  it('credits the same words of the same sentences as analysing every word the regex finds', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), text, (texts, question) => {
        const index = buildIndex(corpusOf(texts));
        const query = parseQuery(question, {
          index,
          aliases: prepareAliases({ groups: [] }),
          lexicon: undefined,
          rules: ruleSwitches(undefined),
        });
        for (const passage of index.passages) {
          expect(sentenceScores(index, passage.text, query)).toEqual(
            referenceScores(index, passage.text, query),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds a question word in every written form the passage uses (possessive, capitals, plural)', () => {
    const index = buildIndex(corpusOf(["Huawei's deal. The deals of HUAWEI and huawei."]));
    const query = parseQuery('huawei deal', {
      index,
      aliases: prepareAliases({ groups: [] }),
      lexicon: undefined,
      rules: ruleSwitches(undefined),
    });
    const text = index.passages[0]?.text ?? '';
    const words = sentenceScores(index, text, query).matches.map((m) => text.slice(m.start, m.end));
    expect(words).toEqual(['Huawei', 'deal', 'deals', 'HUAWEI', 'huawei']);
  });
});
