/**
 * The inverted index: postings in compressed-row form (typed arrays, no per-term objects) so 100k
 * passages build in seconds and stay small, plus a forward index (each passage's sorted term ids)
 * used to check which question words a candidate passage contains.
 */
import { refersBack } from './anaphora.js';
import type { Corpus, Passage } from '../corpus/types.js';
import { FuzzyIndex } from './fuzzy.js';
import { fold, isPlainWord, plainWordTerm, tokenize } from './tokenize.js';
import { PlainWordTable, WordScanner } from './word-scan.js';

export interface InvertedIndex {
  readonly passages: readonly Passage[];
  readonly docCount: number;
  readonly termIds: ReadonlyMap<string, number>;
  readonly terms: readonly string[];
  /** Terms sorted, for prefix (derivation) lookups by binary search. */
  readonly sortedTerms: readonly string[];
  readonly idf: Float64Array;
  readonly postingStart: Int32Array;
  readonly postingDoc: Int32Array;
  readonly postingTf: Uint16Array;
  readonly docStart: Int32Array;
  /** Sorted unique term ids of each passage (forward index). */
  readonly docTerms: Int32Array;
  readonly docLength: Float32Array;
  readonly averageLength: number;
  /** The body paragraph before this passage in the same article (captions skipped), or -1. */
  readonly previousDoc: Int32Array;
  /**
   * Term t's single-word written forms, as passages spell them (Huawei, huawei), are
   * forms[formStart[t]..formStart[t + 1]): lets a search find a question's words in a passage by
   * looking up only those forms while scanning it.
   */
  readonly formStart: Int32Array;
  readonly forms: readonly string[];
  /** Folded surface word → its term id (typo candidates are compared on surface words). */
  readonly surfaceTerm: ReadonlyMap<string, number>;
  readonly fuzzy: FuzzyIndex;
  /** Term ids of each passage's article title, section heading and caption label (context for coverage). */
  readonly contextTerms: readonly ReadonlySet<number>[];
  /**
   * Term ids of the words a reader uses for a caption (caption, photo, image, picture): on a caption
   * they name the passage itself, so they count fully there, not as context.
   */
  readonly captionLabel: ReadonlySet<number>;
  /** 1 for a passage that opens by pointing back at the one before it (anaphora.ts), else 0. */
  readonly refersBack: Uint8Array;
  /** Postings of the section-heading and caption-label terms (context for ranking), compressed-row. */
  readonly contextStart: Int32Array;
  readonly contextDoc: Int32Array;
}

/** BM25's IDF, in the always-positive form so a word in most passages still counts a little. */
export function bm25Idf(documentFrequency: number, docCount: number): number {
  return Math.log(1 + (docCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** Words a reader uses for a caption ("what does the photo show?"); captions carry them as context. */
const CAPTION_LABEL = 'caption photo image picture';

export function buildIndex(corpus: Corpus): InvertedIndex {
  const passages: Passage[] = [];
  const previous: number[] = [];
  for (const article of corpus.articles) {
    // Context is the previous body paragraph: a caption sits between paragraphs without continuing them.
    let lastParagraph = -1;
    for (const passage of article.passages) {
      previous.push(lastParagraph);
      if (passage.kind === 'paragraph') lastParagraph = passages.length;
      passages.push(passage);
    }
  }
  const docCount = passages.length;
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const surfaceTerm = new Map<string, number>();
  const idOf = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      termIds.set(term, id);
      terms.push(term);
    }
    return id;
  };

  // Pass 1: tokenise every passage once, keeping its term ids sorted (runs of one id = term frequency).
  const { docTokens, docLength, totalLength, uniqueTotal, analysed } = tokenizePassages(
    passages,
    idOf,
    surfaceTerm,
  );
  // Pass 2: document frequencies, then postings and the forward index in compressed-row form.
  const termCount = terms.length;
  const df = new Int32Array(termCount);
  for (const ids of docTokens) {
    for (let i = 0; i < ids.length; i += 1) {
      const id = ids[i] ?? 0;
      if (i === 0 || id !== ids[i - 1]) df[id] = (df[id] ?? 0) + 1;
    }
  }
  const postingStart = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t += 1) postingStart[t + 1] = (postingStart[t] ?? 0) + (df[t] ?? 0);
  const fill = postingStart.slice(0, termCount);
  const postingDoc = new Int32Array(uniqueTotal);
  const postingTf = new Uint16Array(uniqueTotal);
  const docStart = new Int32Array(docCount + 1);
  const docTerms = new Int32Array(uniqueTotal);
  let forward = 0;
  for (let d = 0; d < docCount; d += 1) {
    const ids = docTokens[d] ?? new Int32Array(0);
    docStart[d] = forward;
    let i = 0;
    while (i < ids.length) {
      const id = ids[i] ?? 0;
      let j = i + 1;
      while (j < ids.length && ids[j] === id) j += 1;
      const slot = fill[id] ?? 0;
      postingDoc[slot] = d;
      postingTf[slot] = Math.min(j - i, 65_535);
      fill[id] = slot + 1;
      docTerms[forward] = id;
      forward += 1;
      i = j;
    }
  }
  docStart[docCount] = forward;

  const idf = new Float64Array(termCount);
  for (let t = 0; t < termCount; t += 1) idf[t] = bm25Idf(df[t] ?? 0, docCount);

  // Passages of one article and section share one context set (100k sets would cost time and memory).
  const contextTerms: Set<number>[] = [];
  const contextSets = new Map<string, Set<number>>();
  const headingTerms = new Map<string, number[]>();
  const termsOfHeading = (heading: string): number[] => {
    let ids = headingTerms.get(heading);
    if (ids === undefined) {
      ids = tokenize(heading).map((token) => idOf(token.term));
      headingTerms.set(heading, ids);
    }
    return ids;
  };
  const localContext = new Map<number, number[]>();
  let d = 0;
  for (const article of corpus.articles) {
    const titleIds = termsOfHeading(article.title);
    for (const passage of article.passages) {
      const local = [
        ...(passage.section !== undefined ? termsOfHeading(passage.section) : []),
        ...(passage.kind === 'caption' ? termsOfHeading(CAPTION_LABEL) : []),
      ];
      const key = `${article.id}\u0000${passage.section ?? ''}\u0000${passage.kind}`;
      let set = contextSets.get(key);
      if (set === undefined) {
        set = new Set([...titleIds, ...local]);
        contextSets.set(key, set);
      }
      contextTerms.push(set);
      for (const id of local) {
        const docs = localContext.get(id) ?? [];
        if (docs[docs.length - 1] !== d) docs.push(d);
        localContext.set(id, docs);
      }
      d += 1;
    }
  }
  const contextStart = new Int32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t += 1)
    contextStart[t + 1] = (contextStart[t] ?? 0) + (localContext.get(t)?.length ?? 0);
  const contextDoc = new Int32Array(contextStart[terms.length] ?? 0);
  for (const [t, docs] of localContext) contextDoc.set(docs, contextStart[t] ?? 0);

  const surfaces = [...surfaceTerm.keys()];
  const { formStart, forms } = writtenForms(analysed, terms.length);
  return {
    passages,
    docCount,
    termIds,
    terms,
    sortedTerms: [...terms].sort(),
    idf: idf.length === terms.length ? idf : extendIdf(idf, terms.length, docCount),
    postingStart: extendStart(postingStart, terms.length),
    postingDoc,
    postingTf,
    docStart,
    docTerms,
    docLength,
    averageLength: docCount > 0 ? Math.max(1, totalLength / docCount) : 1,
    previousDoc: Int32Array.from(previous),
    refersBack: Uint8Array.from(passages, (p, d) => ((previous[d] ?? -1) >= 0 && refersBack(p.text) ? 1 : 0)),
    formStart,
    forms,
    surfaceTerm,
    fuzzy: new FuzzyIndex(surfaces, surfaceTerm),
    contextTerms,
    captionLabel: new Set(termsOfHeading(CAPTION_LABEL)),
    contextStart,
    contextDoc,
  };
}

/** Pass 1 of the build, kept in its own function so V8 optimises this hot loop on its own. */
function tokenizePassages(
  passages: readonly Passage[],
  idOf: (term: string) => number,
  surfaceTerm: Map<string, number>,
): {
  docTokens: Int32Array[];
  docLength: Float32Array;
  totalLength: number;
  uniqueTotal: number;
  analysed: Map<string, number | readonly number[]>;
} {
  const docCount = passages.length;
  // Pass 1: tokenise every passage once, keeping its term ids sorted (runs of one id = term frequency).
  const docTokens: Int32Array[] = new Array<Int32Array>(docCount);
  const docLength = new Float32Array(docCount);
  let totalLength = 0;
  let uniqueTotal = 0;
  // Words repeat, so each distinct written word is analysed once: written word → its term id (-1 for
  // a stopword) or, for a compound, its term ids. One map lookup per word keeps 100k passages fast.
  const analysed = new Map<string, number | readonly number[]>();
  const analyse = (raw: string): number | readonly number[] => {
    if (isPlainWord(raw)) {
      const term = plainWordTerm(raw);
      if (term === undefined) return -1;
      const id = idOf(term);
      const folded = fold(raw);
      if (!surfaceTerm.has(folded)) surfaceTerm.set(folded, id);
      return id;
    }
    return tokenize(raw).map((token) => {
      const id = idOf(token.term);
      if (!surfaceTerm.has(token.word)) surfaceTerm.set(token.word, id);
      return id;
    });
  };
  // One growable scratch buffer for a passage's term ids (Int32Array.from(array) is slow).
  let buffer = new Int32Array(1024);
  let length = 0;
  const addWord = (raw: string): void => {
    let ids = analysed.get(raw);
    if (ids === undefined) {
      ids = analyse(raw);
      analysed.set(raw, ids);
    }
    if (typeof ids === 'number') {
      if (ids < 0) return;
      if (length === buffer.length) buffer = grow(buffer);
      buffer[length] = ids;
      length += 1;
      return;
    }
    for (const id of ids) {
      if (length === buffer.length) buffer = grow(buffer);
      buffer[length] = id;
      length += 1;
    }
  };
  const scanner = new WordScanner();
  const plainWords = new PlainWordTable<number | readonly number[]>(1 << 15);
  for (let d = 0; d < docCount; d += 1) {
    const text = passages[d]?.text ?? '';
    length = 0;
    scanner.reset(text);
    while (scanner.next()) {
      if (!scanner.plain) {
        addWord(scanner.raw);
        continue;
      }
      // Most words were seen before: find them in place, without cutting a substring to hash it.
      const seen = plainWords.find(text, scanner.start, scanner.end, scanner.hash);
      if (seen !== undefined) {
        if (typeof seen === 'number') {
          if (seen >= 0) {
            if (length === buffer.length) buffer = grow(buffer);
            buffer[length] = seen;
            length += 1;
          }
        } else addWord(scanner.word());
      } else {
        const raw = scanner.word();
        addWord(raw);
        plainWords.add(raw, scanner.hash, analysed.get(raw) ?? -1);
      }
    }
    const ids = buffer.slice(0, length);
    ids.sort();
    docTokens[d] = ids;
    docLength[d] = ids.length;
    totalLength += ids.length;
    for (let i = 0; i < ids.length; i += 1) if (i === 0 || ids[i] !== ids[i - 1]) uniqueTotal += 1;
  }

  return { docTokens, docLength, totalLength, uniqueTotal, analysed };
}

/** Written words grouped by their term id, in compressed-row form (compounds and stopwords left out). */
function writtenForms(
  analysed: ReadonlyMap<string, number | readonly number[]>,
  termCount: number,
): { formStart: Int32Array; forms: string[] } {
  const formStart = new Int32Array(termCount + 1);
  for (const id of analysed.values()) {
    if (typeof id === 'number' && id >= 0) formStart[id + 1] = (formStart[id + 1] ?? 0) + 1;
  }
  for (let t = 0; t < termCount; t += 1) formStart[t + 1] = (formStart[t + 1] ?? 0) + (formStart[t] ?? 0);
  const fill = formStart.slice(0, termCount);
  const forms = new Array<string>(formStart[termCount] ?? 0);
  for (const [word, id] of analysed) {
    if (typeof id !== 'number' || id < 0) continue;
    forms[fill[id] ?? 0] = word;
    fill[id] = (fill[id] ?? 0) + 1;
  }
  return { formStart, forms };
}

function grow(buffer: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(buffer.length * 2);
  grown.set(buffer);
  return grown;
}

/** Heading-only terms were added after postings were laid out: they have no postings (df 0). */
function extendStart(start: Int32Array, termCount: number): Int32Array {
  if (start.length === termCount + 1) return start;
  const extended = new Int32Array(termCount + 1);
  extended.set(start);
  extended.fill(start[start.length - 1] ?? 0, start.length);
  return extended;
}

function extendIdf(idf: Float64Array, termCount: number, docCount: number): Float64Array {
  const extended = new Float64Array(termCount);
  extended.set(idf);
  extended.fill(bm25Idf(0, docCount), idf.length);
  return extended;
}

/** Whether passage `doc` contains term `term` (binary search in its forward-index row). */
export function docHasTerm(index: InvertedIndex, doc: number, term: number): boolean {
  let low = index.docStart[doc] ?? 0;
  let high = (index.docStart[doc + 1] ?? 0) - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = index.docTerms[mid] ?? 0;
    if (value === term) return true;
    if (value < term) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}
