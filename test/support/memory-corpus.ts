import type { Article, Corpus, Passage } from '../../src/corpus/types.js';

/** A corpus built in memory for engine tests: one article, one passage per text, optional alias groups. */
export function memoryCorpus(texts: readonly string[], groups: string[][] = []): Corpus {
  const passages: Passage[] = texts.map((text, i) => ({
    id: `mem#p${i + 1}`,
    articleId: 'mem',
    kind: 'paragraph',
    paragraph: i + 1,
    text,
  }));
  const article: Article = {
    id: 'mem',
    title: 'Memory article',
    file: 'mem.md',
    passages,
    sections: [],
    questions: ['What happened at the harbour?'],
  };
  return { articles: [article], aliases: { groups } };
}
