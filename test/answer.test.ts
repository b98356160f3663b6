import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, factLedPassages } from '../src/answer.js';
import type { Passage } from '../src/corpus/types.js';
import type { Engine, Hit, SearchResult } from '../src/engine/types.js';
import type { FactMatch } from '../src/facts/match.js';
import type { Decision } from '../src/facts/types.js';
import { loadLibrary, type Library } from '../src/library.js';

const passage = (paragraph: number, kind: Passage['kind'] = 'paragraph', articleId = 'a'): Passage => ({
  id: `${articleId}#${kind === 'paragraph' ? 'p' : 'caption-'}${paragraph}`,
  articleId,
  kind,
  paragraph,
  text: `Paragraph ${paragraph}.`,
});
const hit = (p: Passage, score: number): Hit => ({
  passage: p,
  score,
  excerpt: { text: p.text, highlights: [], clippedStart: false, clippedEnd: false },
});
const decisionAt = (paragraph: number, articleId = 'a'): FactMatch => ({
  fact: {
    kind: 'decision',
    id: `d${paragraph}`,
    articleId,
    country: 'Atlantis',
    vendor: 'Huawei',
    status: 'banned',
    summary: 's',
    quote: 'q',
    paragraph,
    conditions: [],
    reasons: [],
  } satisfies Decision,
  score: 100,
  route: 'country',
});
const paragraphs = (hits: readonly Hit[]) => hits.map((h) => `${h.passage.kind[0]}${h.passage.paragraph}`);

describe('factLedPassages', () => {
  const hits = [hit(passage(7), 9), hit(passage(9, 'caption'), 8), hit(passage(11), 7), hit(passage(9), 6)];
  it.each([
    ['no fact: unchanged', [], ['p7', 'c9', 'p11', 'p9']],
    ['the lead fact’s ¶ moves first, the rest keep their order', [decisionAt(9)], ['p9', 'p7', 'c9', 'p11']],
    ['already first: unchanged', [decisionAt(7)], ['p7', 'c9', 'p11', 'p9']],
    ['only the lead fact counts', [decisionAt(11), decisionAt(9)], ['p11', 'p7', 'c9', 'p9']],
    ['a ¶ not among the passages: unchanged', [decisionAt(3)], ['p7', 'c9', 'p11', 'p9']],
    ['the same ¶ of another article is not the cited one', [decisionAt(9, 'b')], ['p7', 'c9', 'p11', 'p9']],
  ] as const)('%s', (_, facts, expected) => {
    expect(paragraphs(factLedPassages(hits, facts))).toEqual(expected);
  });
});

describe('answerQuestion puts the leading fact’s passage first', () => {
  /** An engine ranking ¶1…¶n; the cited ¶ may sit below the requested limit. */
  const rankedEngine = (count: number): Engine => ({
    search: (query, options): SearchResult => ({
      kind: 'answer',
      query,
      results: Array.from({ length: count }, (_, i) => hit(passage(i + 1), count - i)).slice(
        0,
        options?.limit ?? 5,
      ),
    }),
    suggest: () => [],
    suggestPassages: () => [],
    passageCount: count,
  });

  it('reaches below the cut for the cited passage and keeps the limit', () => {
    const answer = answerQuestion({ engine: rankedEngine(12), matchFacts: () => [decisionAt(8)] }, 'q', {
      limit: 3,
    });
    expect(answer.search.kind === 'answer' && paragraphs(answer.search.results)).toEqual(['p8', 'p1', 'p2']);
  });

  it('leaves the passages alone when no fact leads', () => {
    const answer = answerQuestion({ engine: rankedEngine(12), matchFacts: () => [] }, 'q', { limit: 3 });
    expect(answer.search.kind === 'answer' && paragraphs(answer.search.results)).toEqual(['p1', 'p2', 'p3']);
  });

  describe('on the article', () => {
    let library: Library;
    beforeAll(async () => {
      library = await loadLibrary('data');
    });

    it.each([
      'Did Vietnam approve Huawei?',
      'Did Japan use Huawei?',
      'Why did Australia ban Huawei?',
      'Did the US ban Huawei?',
      'What did Italy decide?',
    ])('%s: the first passage is the ¶ the first fact cites', (question) => {
      const answer = answerQuestion(library, question);
      const lead = answer.facts[0]?.fact;
      expect(lead).toBeDefined();
      expect(answer.search.kind).toBe('answer');
      if (answer.search.kind === 'answer')
        expect(answer.search.results[0]?.passage.paragraph).toBe(lead?.paragraph);
    });
  });
});
