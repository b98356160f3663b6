/** Small hand-made articles and hits for rendering tests (no engine, no files). */
import type { Article, Passage } from '../../src/corpus/types.js';
import type { Hit } from '../../src/engine/types.js';
import type { CitedHit } from '../../src/bot/answer-reply.js';

export function passage(
  articleId: string,
  paragraph: number,
  text: string,
  kind: Passage['kind'] = 'paragraph',
): Passage {
  return {
    id: kind === 'caption' ? `${articleId}#caption-${paragraph}` : `${articleId}#p${paragraph}`,
    articleId,
    kind,
    paragraph,
    text,
  };
}

export function article(overrides: Partial<Article> & { passages: readonly Passage[] }): Article {
  return {
    id: 'sample',
    title: 'A sample article',
    publisher: 'Sample Times',
    file: 'sample.md',
    sections: [],
    questions: [],
    ...overrides,
  };
}

/** A hit whose excerpt is the whole passage, with the given words highlighted wherever they occur. */
export function hit(p: Passage, words: readonly string[] = [], score = 1): Hit {
  const highlights: [number, number][] = [];
  for (const word of words) {
    let at = p.text.indexOf(word);
    while (at !== -1) {
      highlights.push([at, at + word.length]);
      at = p.text.indexOf(word, at + word.length);
    }
  }
  return { passage: p, score, excerpt: { text: p.text, highlights, clippedStart: false, clippedEnd: false } };
}

export const P1 = passage(
  'sample',
  1,
  'The council approved the *new* bridge_plan on Monday. Work starts in May.',
);
export const P2 = passage('sample', 2, 'Critics said the cost, $40m, was too high.');
export const CAPTION = passage('sample', 2, 'Pictured: the old bridge at dusk.', 'caption');
export const P3 = passage('sample', 3, '1. First, the river must be surveyed.\n- Then the piers are built.');
export const SAMPLE = article({ passages: [P1, P2, CAPTION, P3] });
export const SAMPLE_WITH_URL = article({
  id: 'sample',
  url: 'https://example.com/news/bridge',
  passages: [P1, P2],
});

export const cited = (h: Hit, a: Article = SAMPLE): CitedHit => ({ hit: h, article: a });
