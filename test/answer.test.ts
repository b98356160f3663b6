import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion, answeringEngine, factLedPassages } from '../src/answer.js';
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
const hit = (p: Passage, score: number, coverage = 0.5): Hit => ({
  passage: p,
  score,
  coverage,
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
  // ¶7 and ¶9 cover the question equally; the caption after ¶9 and ¶11 cover less.
  const hits = [
    hit(passage(7), 9, 0.5),
    hit(passage(9, 'caption'), 8, 0.3),
    hit(passage(11), 7, 0.2),
    hit(passage(9), 6, 0.5),
  ];
  const ids = (facts: readonly FactMatch[]) => facts.map((match) => match.fact.id);
  it.each([
    ['no fact: unchanged', [], ['p7', 'c9', 'p11', 'p9'], []],
    [
      'an agreeing fact’s ¶ moves first, the rest keep their order',
      [decisionAt(9)],
      ['p9', 'p7', 'c9', 'p11'],
      ['d9'],
    ],
    ['already first: unchanged', [decisionAt(7)], ['p7', 'c9', 'p11', 'p9'], ['d7']],
    [
      'a fact whose ¶ covers less does not lead; an agreeing one goes first',
      [decisionAt(11), decisionAt(9)],
      ['p9', 'p7', 'c9', 'p11'],
      ['d9', 'd11'],
    ],
    [
      'no agreeing fact: passages unchanged, facts kept',
      [decisionAt(11)],
      ['p7', 'c9', 'p11', 'p9'],
      ['d11'],
    ],
    ['a ¶ not among the passages: unchanged', [decisionAt(3)], ['p7', 'c9', 'p11', 'p9'], ['d3']],
    [
      'the same ¶ of another article is not the cited one',
      [decisionAt(9, 'b')],
      ['p7', 'c9', 'p11', 'p9'],
      ['d9'],
    ],
  ] as const)('%s', (_, facts, passages, factIds) => {
    const agreed = factLedPassages(hits, facts);
    expect(paragraphs(agreed.results)).toEqual(passages);
    expect(ids(agreed.facts)).toEqual(factIds);
  });

  it('a fact the question asks about whole leads even when its ¶ covers less; coverage-agreeing facts first', () => {
    const whole = { ...decisionAt(11), whole: true };
    expect(paragraphs(factLedPassages(hits, [whole]).results)).toEqual(['p11', 'p7', 'c9', 'p9']);
    expect(ids(factLedPassages(hits, [whole, decisionAt(9)]).facts)).toEqual(['d9', 'd11']);
  });

  it('keeps at most `limit` passages, judging agreement against the shown ones', () => {
    expect(paragraphs(factLedPassages(hits, [decisionAt(9)], 2).results)).toEqual(['p9', 'p7']);
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

    it('answeringEngine searches as answerQuestion answers, so eval measures the reply users get', () => {
      const engine = answeringEngine(library);
      const question = 'Did Vietnam approve Huawei?';
      expect(engine.search(question)).toEqual(answerQuestion(library, question).search);
      expect(engine.search(question, { limit: 2 })).toEqual(
        answerQuestion(library, question, { limit: 2 }).search,
      );
      const plain = library.engine.search(question);
      expect(plain.kind === 'answer' && plain.results[0]?.passage.paragraph).not.toBe(9);
    });

    it('a question about more than the fact keeps the engine’s first passage', () => {
      const question = 'When did Italy tighten its Huawei restrictions?';
      const answer = answerQuestion(library, question);
      const plain = library.engine.search(question);
      expect(answer.facts[0]?.fact.paragraph).toBe(7);
      expect(answer.search.kind === 'answer' && answer.search.results[0]?.passage.id).toBe(
        plain.kind === 'answer' && plain.results[0]?.passage.id,
      );
    });
  });
});
