/**
 * The answer engine (pure: no I/O, no discord.js). A question is parsed into weighted concepts,
 * passages are ranked by BM25 over an inverted index (with a low-weight context field: the previous
 * passage, the section heading and the article title), the top candidates are re-ranked by how much
 * of the question they cover, their best sentence and exact phrases, and the engine abstains when
 * even the best passage covers too little of what the question is about.
 */
import Fuse from 'fuse.js';
import type { Corpus, Passage } from '../corpus/types.js';
import { buildExcerpt, splitSentences } from './excerpt.js';
import type { Span } from './excerpt.js';
import { buildIndex, docHasTerm } from './index-build.js';
import { asksAboutArticle, asksForTime, figureAsked } from './intent.js';
import { extractQuestion } from './message.js';
import { hasFigure, hasTimeExpression } from './signals.js';
import { NO_SUCH_FIGURE, articleFactAnswer } from './strings.js';
import type { InvertedIndex } from './index-build.js';
import { MAX_QUERY_CHARS, parseQuery, prepareAliases, prepareLexicon } from './query.js';
import type { Concept, Lexicon, ParsedQuery, QueryContext } from './query.js';
import { ruleSwitches } from './rules.js';
import type { RuleName, RuleSwitches } from './rules.js';
import { INVISIBLE, WORD_PATTERN, normalizeForPhrase, tokenize } from './tokenize.js';
import type { Engine, Hit, SearchOptions, SearchResult } from './types.js';

export type { Engine, Hit, SearchResult, SearchOptions, Excerpt, Highlight } from './types.js';
export type { Lexicon, RelatedWord, Thesaurus } from './query.js';
export { EXCERPT_MAX_CHARS } from './excerpt.js';
export { RULES } from './rules.js';
export type { Rule, RuleName } from './rules.js';

export interface EngineOptions {
  /** English word frequencies (see src/lexicon.ts): tells a typo from a real word the article lacks. */
  readonly lexicon?: Lexicon;
  /**
   * Minimum share of the question's weighted content words the best passage must cover to answer
   * (default DEFAULT_MIN_COVERAGE). Lower answers more, refuses fewer off-topic questions.
   */
  readonly minCoverage?: number;
  /**
   * Called when a search or suggestion fails internally. The engine still answers (no-match or an
   * empty list) because it must accept any string; this hook lets callers log it and tests fail on it.
   */
  readonly onInternalError?: (error: unknown, question: string) => void;
  /** Rules (see rules.ts) switched off, for ablation: what does each rule change? */
  readonly disabledRules?: ReadonlySet<RuleName>;
}

export const DEFAULT_MIN_COVERAGE = 0.3;
/** BM25 parameters (the usual defaults). */
const K1 = 1.2;
const B = 0.75;
/** Weight of the context field (previous passage) relative to the passage itself. */
const CONTEXT_WEIGHT = 0.25;
/** Coverage credit for a concept found only in the context (previous passage, heading, title). */
const CONTEXT_COVER = 0.5;
/** Candidates re-ranked by coverage, and the few of those re-ranked in detail (best sentence, pairs). */
const RERANK_DEPTH = 40;
const DETAIL_DEPTH = 10;
/** Coverage kept by a passage that lacks the question's quoted phrase. */
const QUOTE_MISSING_FACTOR = 0.6;
const DEFAULT_LIMIT = 5;
const MAX_SUGGESTION_CHARS = 100;
const NO_MATCH_SUGGESTIONS = 3;
/** How many parts of the article the default topics are drawn from (one topic from each). */
const SPREAD_TOPICS = NO_MATCH_SUGGESTIONS;
const MAX_PLACED_TOPICS = 200;
/** A question about "the article" is answered from the files' records only when it can mean few. */
const MAX_ARTICLES_DESCRIBED = 3;
/**
 * For a "when" question, a passage with a time expression gains this much times its coverage: a
 * passage fully on the subject gains as much as the best-sentence signal can give (0.5), one that
 * covers little of the question gains little, so the boost orders passages on the subject and does
 * not lift one that is off it.
 */
const TIME_BOOST = 0.5;

interface Candidate {
  readonly doc: number;
  readonly bm25: number;
  coverage: number;
  sentence: number;
  phrase: number;
  final: number;
  /** Sentence scores, kept from re-ranking for the excerpt. */
  analysis?: SentenceAnalysis;
}

export function createEngine(corpus: Corpus, options: EngineOptions = {}): Engine {
  const index = buildIndex(corpus);
  const rules = ruleSwitches(options.disabledRules);
  const context: QueryContext = {
    index,
    aliases: prepareAliases(rules.on('aliases') ? corpus.aliases : { groups: [] }),
    lexicon: prepareLexicon(options.lexicon),
    rules,
  };
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  const scratch: Scratch = {
    body: new Float64Array(index.docCount),
    concept: new Float64Array(index.docCount),
    seen: new Uint8Array(index.docCount),
  };
  // Where in the corpus an example question is answered (the top BM25 passage): lets a refusal
  // offer topics from different parts of the article. Asked lazily, on the first no-match.
  const locate = (text: string): number | undefined =>
    rank(index, parseQuery(text, context), scratch, rules)[0]?.doc;
  const suggestions = new SuggestionIndex(corpus, locate);

  function search(question: string, searchOptions: SearchOptions = {}): SearchResult {
    const query = typeof question === 'string' ? question : '';
    const limit = Math.max(1, Math.min(searchOptions.limit ?? DEFAULT_LIMIT, 50));
    // A chat message is read from its question; `asked` tells the transport what was read.
    const read = rules.on('chat-message') ? extractQuestion(query) : { question: query, shortened: false };
    const asked = read.shortened ? { asked: read.question } : {};
    const field = rules.on('article-metadata') ? asksAboutArticle(read.question) : undefined;
    if (
      field !== undefined &&
      corpus.articles.length > 0 &&
      corpus.articles.length <= MAX_ARTICLES_DESCRIBED
    ) {
      // The article itself is not in its passages: answer from what its file records, nothing more.
      const reason = corpus.articles.map((article) => articleFactAnswer(article, field)).join(' ');
      return {
        kind: 'no-match',
        query,
        ...asked,
        reason,
        suggestions: suggestions.defaults(NO_MATCH_SUGGESTIONS),
      };
    }
    const parsed = parseQuery(read.question, context);
    const candidates = rank(index, parsed, scratch, rules);
    const noMatch = (reason?: string): SearchResult => ({
      kind: 'no-match',
      query,
      ...asked,
      ...(reason === undefined ? {} : { reason }),
      suggestions: suggestions.related(parsed, NO_MATCH_SUGGESTIONS),
    });
    if (candidates.length === 0) return noMatch();
    let reranked = rerank(index, parsed, candidates, rules);
    if (rules.on('when-prefers-time') && asksForTime(read.question)) reranked = preferTimes(index, reranked);
    const best = reranked[0];
    if (best === undefined) return noMatch();
    if (rules.on('min-coverage') && best.coverage < minCoverage) return noMatch();
    // A question naming someone or something the corpus never mentions is not answered by it.
    if (rules.on('absent-name') && parsed.concepts.some((c) => c.absentName === true)) return noMatch();
    // The first thing a question names is usually what it asks about ("the population of Port Ellery").
    if (rules.on('absent-thing') && parsed.concepts[0]?.absentThing === true) return noMatch();
    const figure = rules.on('figure-needs-number') ? figureAsked(read.question) : undefined;
    if (figure !== undefined) {
      // A question asking for a number is answered only by a passage that gives one.
      reranked = reranked.filter((c) => hasFigure(index.passages[c.doc]?.text ?? '', figure));
      const top = reranked[0];
      if (top === undefined || top.coverage < minCoverage) return noMatch(NO_SUCH_FIGURE);
    }
    const results: Hit[] = reranked.slice(0, limit).map((candidate) => toHit(index, parsed, candidate));
    return { kind: 'answer', query, ...asked, results };
  }

  return {
    search: (question, searchOptions) => {
      try {
        return search(question, searchOptions);
      } catch (error) {
        // The engine must answer every string, so the user gets a no-match; the hook makes the
        // failure visible (logged by the library, fatal in tests).
        options.onInternalError?.(error, typeof question === 'string' ? question : String(question));
        return {
          kind: 'no-match',
          query: String(question),
          suggestions: suggestions.defaults(NO_MATCH_SUGGESTIONS),
        };
      }
    },
    suggest: (typed, limit = 25) => guarded(typed, [], () => suggestions.suggest(typed, limit)),
    suggestPassages: (typed, limit = 25) => guarded(typed, [], () => suggestPassages(typed, limit)),
    passageCount: index.docCount,
  };

  /** Autocomplete must answer every string too: on an internal failure, report it and offer nothing. */
  function guarded<T>(typed: unknown, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      options.onInternalError?.(error, typeof typed === 'string' ? typed : String(typed));
      return fallback;
    }
  }

  function suggestPassages(typed: string, limit: number): readonly Passage[] {
    const text = typeof typed === 'string' ? typed.slice(0, MAX_QUERY_CHARS) : '';
    const count = Math.max(0, Math.min(limit, 25));
    if (text.trim().length === 0) return index.passages.slice(0, count);
    const parsed = parseQuery(text, context);
    const ranked = rerank(index, parsed, rank(index, parsed, scratch, rules), rules);
    const found = ranked
      .slice(0, count)
      .map((c) => index.passages[c.doc])
      .filter((p): p is Passage => p !== undefined);
    if (found.length > 0) return found;
    return suggestions.passagesByText(text, count);
  }
}

/**
 * BM25 over the passage text, each concept scored by its best variant (so a word and its alias do
 * not add up), plus the previous passage's score at low weight. Returns the top candidates.
 */
/** Per-document accumulators reused across searches (searches are synchronous, so never shared). */
interface Scratch {
  readonly body: Float64Array;
  readonly concept: Float64Array;
  readonly seen: Uint8Array;
}

function rank(
  index: InvertedIndex,
  query: ParsedQuery,
  scratch: Scratch,
  rules: RuleSwitches,
): Array<{ doc: number; bm25: number }> {
  const contextWeight = rules.on('context-field') ? CONTEXT_WEIGHT : 0;
  const { body, concept, seen } = scratch;
  const touched: number[] = [];
  for (const c of query.concepts) {
    const conceptTouched: number[] = [];
    for (const variant of c.variants) {
      if (variant.terms.length === 1) {
        const term = variant.terms[0] ?? 0;
        const idf = index.idf[term] ?? 0;
        const from = index.postingStart[term] ?? 0;
        const to = index.postingStart[term + 1] ?? 0;
        for (let p = from; p < to; p += 1) {
          const doc = index.postingDoc[p] ?? 0;
          const score = variant.weight * idf * termFrequencyWeight(index, p, doc);
          if (concept[doc] === 0) conceptTouched.push(doc);
          if (score > (concept[doc] ?? 0)) concept[doc] = score;
        }
        // Context field: the section heading and caption label, at low weight.
        const contextScore = contextWeight * variant.weight * idf;
        for (let p = index.contextStart[term] ?? 0; p < (index.contextStart[term + 1] ?? 0); p += 1) {
          const doc = index.contextDoc[p] ?? 0;
          if (concept[doc] === 0) conceptTouched.push(doc);
          if (contextScore > (concept[doc] ?? 0)) concept[doc] = contextScore;
        }
      } else {
        // Multi-word alias: every word must be there; score is their mean.
        const sums = new Map<number, { hits: number; score: number }>();
        for (const term of variant.terms) {
          const idf = index.idf[term] ?? 0;
          const from = index.postingStart[term] ?? 0;
          const to = index.postingStart[term + 1] ?? 0;
          for (let p = from; p < to; p += 1) {
            const doc = index.postingDoc[p] ?? 0;
            const entry = sums.get(doc) ?? { hits: 0, score: 0 };
            entry.hits += 1;
            entry.score += idf * termFrequencyWeight(index, p, doc);
            sums.set(doc, entry);
          }
        }
        for (const [doc, entry] of sums) {
          if (entry.hits < variant.terms.length) continue;
          const score = (variant.weight * entry.score) / variant.terms.length;
          if (concept[doc] === 0) conceptTouched.push(doc);
          if (score > (concept[doc] ?? 0)) concept[doc] = score;
        }
      }
    }
    for (const doc of conceptTouched) {
      if (seen[doc] === 0) {
        seen[doc] = 1;
        touched.push(doc);
      }
      body[doc] = (body[doc] ?? 0) + (concept[doc] ?? 0);
      concept[doc] = 0;
    }
  }
  // Context field: a passage also earns a share of its predecessor's score ("He said…" follows the name).
  const heap = new TopK(RERANK_DEPTH);
  const consider = (doc: number): void => {
    const previous = index.previousDoc[doc] ?? -1;
    const score = (body[doc] ?? 0) + (previous >= 0 ? CONTEXT_WEIGHT * (body[previous] ?? 0) : 0);
    if (score > 0) heap.push(doc, score);
  };
  for (const doc of touched) {
    consider(doc);
    // Passages whose context is this one: the next, or the one after an intervening caption.
    for (let next = doc + 1; next <= doc + 2 && next < index.docCount; next += 1) {
      if (index.previousDoc[next] === doc && seen[next] === 0) consider(next);
    }
  }
  for (const doc of touched) {
    body[doc] = 0;
    seen[doc] = 0;
  }
  return heap.sorted().map(({ id, score }) => ({ doc: id, bm25: score }));
}

/** Coverage credit of concept `c` in passage `doc`: the variant's cover in the text, half in context. */
/** BM25's saturated, length-normalised term frequency of posting `p` (which belongs to passage `doc`). */
function termFrequencyWeight(index: InvertedIndex, p: number, doc: number): number {
  const tf = index.postingTf[p] ?? 0;
  const norm = K1 * (1 - B + (B * (index.docLength[doc] ?? 0)) / index.averageLength);
  return (tf * (K1 + 1)) / (tf + norm);
}

function conceptCover(index: InvertedIndex, c: Concept, doc: number, contextCover: number): number {
  let best = 0;
  const previous = index.previousDoc[doc] ?? -1;
  const contextTerms = index.contextTerms[doc];
  for (const variant of c.variants) {
    const credit = variant.cover ?? variant.weight;
    if (variant.terms.every((t) => docHasTerm(index, doc, t))) best = Math.max(best, credit);
    else if (
      variant.terms.every(
        (t) =>
          (previous >= 0 && docHasTerm(index, previous, t)) ||
          (contextTerms !== undefined && contextTerms.has(t)),
      )
    ) {
      best = Math.max(best, credit * contextCover);
    }
  }
  return best;
}

/**
 * Re-ranks in two stages: every candidate gets the cheap signals (coverage by forward-index lookups,
 * quoted phrases), then only the best few get the costly ones (best sentence, adjacent word pairs),
 * which need the passage tokenised.
 */
function rerank(
  index: InvertedIndex,
  query: ParsedQuery,
  ranked: ReadonlyArray<{ doc: number; bm25: number }>,
  rules: RuleSwitches,
): Candidate[] {
  const contextCover = rules.on('context-field') ? CONTEXT_COVER : 0;
  const sentenceWeight = rules.on('best-sentence') ? 0.5 : 0;
  const quoteDemand = rules.on('quote-demand');
  const totalMass = query.concepts.reduce((sum, c) => sum + c.mass, 0);
  const top = ranked[0]?.bm25 ?? 1;
  const candidates: Candidate[] = ranked.map(({ doc, bm25 }) => {
    let covered = 0;
    for (const c of query.concepts) covered += c.mass * conceptCover(index, c, doc, contextCover);
    let coverage = totalMass > 0 ? covered / totalMass : 0;
    let phrase = 0;
    if (quoteDemand && query.phrases.length > 0) {
      const normalized = normalizeForPhrase(index.passages[doc]?.text ?? '');
      if (query.phrases.every((p) => containsPhrase(normalized, p))) phrase = 1;
      // The asker quoted words the passage does not contain as written: it covers the question less.
      else coverage *= QUOTE_MISSING_FACTOR;
    }
    return { doc, bm25, coverage, sentence: 0, phrase, final: bm25 / top + 0.8 * coverage + phrase };
  });
  candidates.sort((a, b) => b.final - a.final || a.doc - b.doc);
  for (const c of candidates.slice(0, DETAIL_DEPTH)) {
    const text = index.passages[c.doc]?.text ?? '';
    c.analysis = sentenceScores(index, text, query);
    c.sentence = totalMass > 0 ? Math.max(0, ...c.analysis.scores) / totalMass : 0;
    c.final = c.bm25 / top + 0.8 * c.coverage + sentenceWeight * c.sentence + c.phrase;
  }
  // A quoted phrase is a demand: when some passage has it verbatim, only those passages qualify.
  if (quoteDemand && query.phrases.length > 0 && candidates.some((c) => c.phrase >= 1)) {
    for (const c of candidates) if (c.phrase < 1) c.final -= 10;
  }
  candidates.sort((a, b) => b.final - a.final || a.doc - b.doc);
  return candidates;
}

/** Passages that say when (a year, a month, "last week") move ahead for a "when" question. */
function preferTimes(index: InvertedIndex, candidates: Candidate[]): Candidate[] {
  for (const c of candidates)
    if (hasTimeExpression(index.passages[c.doc]?.text ?? '')) c.final += TIME_BOOST * c.coverage;
  return candidates.sort((a, b) => b.final - a.final || a.doc - b.doc);
}

function containsPhrase(normalizedText: string, phrase: string): boolean {
  const at = normalizedText.indexOf(phrase);
  if (at < 0) return false;
  const before = at === 0 || normalizedText[at - 1] === ' ';
  const afterIndex = at + phrase.length;
  const after = afterIndex === normalizedText.length || normalizedText[afterIndex] === ' ';
  return before && after;
}

/** The engine's own word scanner (searches are synchronous, so one instance is never shared). */
const WORD_SCANNER = new RegExp(WORD_PATTERN.source, WORD_PATTERN.flags);

interface SentenceAnalysis {
  readonly sentences: readonly Span[];
  /** Per sentence: the question mass it covers (each concept counted once, by its best variant). */
  readonly scores: readonly number[];
  /** Spans of passage words that matched a question concept. */
  readonly matches: readonly Span[];
}

function sentenceScores(index: InvertedIndex, text: string, query: ParsedQuery): SentenceAnalysis {
  const sentences = splitSentences(text);
  const byTerm = new Map<number, { concept: number; credit: number }>();
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
  // Words were analysed when the index was built: look them up instead of stemming them again.
  const word = WORD_SCANNER;
  word.lastIndex = 0;
  for (let match = word.exec(text); match !== null; match = word.exec(text)) {
    const raw = match[0];
    const ids = index.wordIds.get(raw);
    if (typeof ids === 'number') {
      if (ids >= 0) record(match.index, match.index + raw.length, ids, true);
      continue;
    }
    // A compound (green-light) or a word the index never saw: tokenise it for its parts' offsets.
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

function toHit(index: InvertedIndex, query: ParsedQuery, candidate: Candidate): Hit {
  const passage = index.passages[candidate.doc] as Passage;
  const analysis = candidate.analysis ?? sentenceScores(index, passage.text, query);
  const phraseMatches = phraseSpans(passage.text, query.phrases);
  const excerpt = buildExcerpt(passage.text, analysis.sentences, analysis.scores, [
    ...phraseMatches,
    ...analysis.matches,
  ]);
  return {
    passage,
    score: Math.round(candidate.final * 1000) / 1000,
    coverage: Math.round(candidate.coverage * 1000) / 1000,
    excerpt,
  };
}

/** Character spans of quoted phrases in the verbatim text (case-insensitive, flexible spacing). */
function phraseSpans(text: string, phrases: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (const phrase of phrases) {
    const words = phrase.split(' ').filter((w) => w.length > 0);
    if (words.length === 0 || words.length > 30) continue;
    const pattern = new RegExp(words.map(escapeRegExp).join('[^\\p{L}\\p{N}]+'), 'giu');
    for (const match of text.matchAll(pattern))
      spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Bounded min-heap keeping the k best (id, score) pairs. */
class TopK {
  private readonly items: Array<{ id: number; score: number }> = [];
  constructor(private readonly k: number) {}

  push(id: number, score: number): void {
    const items = this.items;
    if (items.length < this.k) {
      items.push({ id, score });
      let i = items.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.less(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    const root = items[0];
    if (root === undefined || score <= root.score) return;
    items[0] = { id, score };
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && this.less(left, smallest)) smallest = left;
      if (right < items.length && this.less(right, smallest)) smallest = right;
      if (smallest === i) break;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  sorted(): Array<{ id: number; score: number }> {
    return [...this.items].sort((a, b) => b.score - a.score || a.id - b.id);
  }

  private less(a: number, b: number): boolean {
    const x = this.items[a];
    const y = this.items[b];
    return x !== undefined && y !== undefined && (x.score < y.score || (x.score === y.score && x.id > y.id));
  }

  private swap(a: number, b: number): void {
    const x = this.items[a];
    const y = this.items[b];
    if (x === undefined || y === undefined) return;
    this.items[a] = y;
    this.items[b] = x;
  }
}

/**
 * Autocomplete and "did you mean" topics: the article's example questions, section headings and
 * passage lead sentences, matched with fuse.js (good at short strings typed so far).
 */
class SuggestionIndex {
  private readonly entries: string[];
  private readonly questions: string[];
  private readonly fuse: Fuse<string>;
  private readonly passages: Passage[];
  private passageFuse: Fuse<Passage> | undefined;
  private entriesByTerm: Map<string, number[]> | undefined;
  private spread: string[] | undefined;

  constructor(
    corpus: Corpus,
    private readonly locate: (text: string) => number | undefined,
  ) {
    this.questions = corpus.articles
      .flatMap((a) => a.questions.map((q) => clip(q)))
      .filter((q) => q.length > 0);
    const headings = corpus.articles.flatMap((a) => a.sections.map((s) => clip(s)));
    this.passages = corpus.articles.flatMap((a) => [...a.passages]);
    // Lead sentences make large corpora searchable by topic; capped so suggestion stays fast.
    const leads = this.passages.slice(0, 5_000).map((p) => clip(leadSentence(p.text)));
    this.entries = unique([...this.questions, ...headings, ...leads].filter((e) => e.length > 0));
    this.fuse = new Fuse(this.entries, { includeScore: true, ignoreLocation: true, threshold: 0.4 });
  }

  suggest(typed: string, limit: number): string[] {
    const count = Math.max(0, Math.min(limit, 25));
    const text = typeof typed === 'string' ? cleanForFuse(typed).slice(0, 64) : '';
    if (text.length === 0) return this.defaults(count);
    return this.fuse.search(text, { limit: count }).map((r) => r.item);
  }

  /**
   * Topics for a question that relates to nothing: example questions (else headings and lead
   * sentences) spread across the article, so the asker sees what it covers rather than its opening.
   */
  defaults(count: number): string[] {
    this.spread ??= this.spreadTopics();
    return this.spread.slice(0, count);
  }

  /**
   * The topics ordered so that any prefix spreads over the article: topics are placed by the passage
   * that answers them, and taken from the middle of equal parts (for 3: the middle of each third).
   */
  private spreadTopics(): string[] {
    const topics = this.questions.length > 0 ? this.questions : this.entries;
    // Headings and lead sentences come in reading order; only example questions need placing (a
    // search each, so only a bounded number of them).
    let placed: string[] = [...topics];
    if (this.questions.length > 0 && topics.length <= MAX_PLACED_TOPICS) {
      try {
        placed = topics
          .map((topic, order) => ({ topic, order, at: this.locate(topic) ?? Number.MAX_SAFE_INTEGER }))
          .sort((a, b) => a.at - b.at || a.order - b.order)
          .map((p) => p.topic);
      } catch {
        // Placement is a nicety: without it the topics keep their listed order.
      }
    }
    const picks = Math.min(SPREAD_TOPICS, placed.length);
    const spread: string[] = [];
    for (let k = 0; k < picks; k += 1) {
      const topic = placed[Math.floor(((k + 0.5) * placed.length) / picks)];
      if (topic !== undefined) spread.push(topic);
    }
    return unique([...spread, ...topics]);
  }

  /** Topics that share a content word with the question, else topics spread across the article. */
  related(query: ParsedQuery, count: number): string[] {
    this.entriesByTerm ??= this.indexEntries();
    const scores = new Map<number, number>();
    for (const c of query.concepts) {
      for (const word of c.words) {
        const term = tokenize(word)[0]?.term;
        for (const entry of term === undefined ? [] : (this.entriesByTerm.get(term) ?? [])) {
          scores.set(entry, (scores.get(entry) ?? 0) + c.mass);
        }
      }
    }
    const sharing = [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([entry]) => this.entries[entry])
      .filter((entry): entry is string => entry !== undefined);
    return unique([...sharing.slice(0, count), ...this.defaults(count)]).slice(0, count);
  }

  private indexEntries(): Map<string, number[]> {
    const byTerm = new Map<string, number[]>();
    this.entries.forEach((entry, i) => {
      for (const token of tokenize(entry)) {
        const list = byTerm.get(token.term) ?? [];
        if (list[list.length - 1] !== i) list.push(i);
        byTerm.set(token.term, list);
      }
    });
    return byTerm;
  }

  passagesByText(typed: string, count: number): Passage[] {
    this.passageFuse ??= new Fuse(this.passages.slice(0, 5_000), {
      keys: ['text'],
      ignoreLocation: true,
      threshold: 0.4,
    });
    return this.passageFuse.search(cleanForFuse(typed).slice(0, 64), { limit: count }).map((r) => r.item);
  }
}

/** Fuse's extended-search operators are off by default, but quotes and bars are still noise here. */
function cleanForFuse(text: string): string {
  return text.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
}

function leadSentence(text: string): string {
  const first = splitSentences(text)[0];
  return first === undefined ? text : text.slice(first.start, first.end);
}

function clip(text: string, max = MAX_SUGGESTION_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max - 1);
  return `${flat.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
