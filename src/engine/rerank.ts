/**
 * Second-stage ranking: the top BM25 candidates re-ranked by how much of the question they cover,
 * their best sentence and quoted phrases, and the winning passages turned into hits with excerpts.
 */
import type { Passage } from '../corpus/types.js';
import { buildExcerpt } from './excerpt.js';
import type { Span } from './excerpt.js';
import { docHasTerm } from './index-build.js';
import type { InvertedIndex } from './index-build.js';
import type { Concept, ParsedQuery } from './query.js';
import type { RuleSwitches } from './rules.js';
import { sentenceScores } from './sentence-scores.js';
import type { SentenceAnalysis } from './sentence-scores.js';
import { normalizeForPhrase } from './tokenize.js';
import type { Hit } from './types.js';
import {
  ANAPHOR_CONTEXT_COVER,
  CONTEXT_COVER,
  COVERAGE_WEIGHT,
  DETAIL_DEPTH,
  QUOTE_BONUS,
  QUOTE_DEMAND_PENALTY,
  QUOTE_MISSING_FACTOR,
  SENTENCE_WEIGHT,
} from './weights.js';

export interface Candidate {
  readonly doc: number;
  readonly bm25: number;
  coverage: number;
  sentence: number;
  phrase: number;
  final: number;
  /** Sentence scores, kept from re-ranking for the excerpt. */
  analysis?: SentenceAnalysis;
}

export function conceptCover(
  index: InvertedIndex,
  c: Concept,
  doc: number,
  contextCover: number,
  anaphorCover = contextCover,
): number {
  let best = 0;
  const previous = index.previousDoc[doc] ?? -1;
  const fromPrevious = index.refersBack[doc] === 1 ? anaphorCover : contextCover;
  const contextTerms = index.contextTerms[doc];
  const caption = index.passages[doc]?.kind === 'caption';
  for (const variant of c.variants) {
    const credit = variant.cover ?? variant.weight;
    if (variant.terms.every((t) => docHasTerm(index, doc, t))) best = Math.max(best, credit);
    else if (caption && variant.terms.every((t) => index.captionLabel.has(t))) best = Math.max(best, credit);
    else if (previous >= 0 && variant.terms.every((t) => docHasTerm(index, previous, t)))
      best = Math.max(best, credit * fromPrevious);
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

/** The summed weight of some of a question's concepts: the whole a coverage is a share of. */
export function massOf(concepts: readonly Concept[]): number {
  return concepts.reduce((sum, c) => sum + c.mass, 0);
}

/**
 * Re-ranks in two stages: every candidate gets the cheap signals (coverage by forward-index lookups,
 * quoted phrases), then only the best few get the costly ones (best sentence, adjacent word pairs),
 * which need the passage tokenised.
 */
export function rerank(
  index: InvertedIndex,
  query: ParsedQuery,
  ranked: ReadonlyArray<{ doc: number; bm25: number }>,
  rules: RuleSwitches,
): Candidate[] {
  const contextCover = rules.on('context-field') ? CONTEXT_COVER : 0;
  const anaphorCover = rules.on('anaphora') && contextCover > 0 ? ANAPHOR_CONTEXT_COVER : contextCover;
  const sentenceWeight = rules.on('best-sentence') ? SENTENCE_WEIGHT : 0;
  const quoteDemand = rules.on('quote-demand');
  const totalMass = massOf(query.concepts);
  const top = ranked[0]?.bm25 ?? 1;
  const candidates: Candidate[] = ranked.map(({ doc, bm25 }) => {
    let covered = 0;
    for (const c of query.concepts)
      covered += c.mass * conceptCover(index, c, doc, contextCover, anaphorCover);
    let coverage = totalMass > 0 ? covered / totalMass : 0;
    let phrase = 0;
    if (quoteDemand && query.phrases.length > 0) {
      const normalized = normalizeForPhrase(index.passages[doc]?.text ?? '');
      if (query.phrases.every((p) => containsPhrase(normalized, p))) phrase = QUOTE_BONUS;
      // The asker quoted words the passage does not contain as written: it covers the question less.
      else coverage *= QUOTE_MISSING_FACTOR;
    }
    return {
      doc,
      bm25,
      coverage,
      sentence: 0,
      phrase,
      final: bm25 / top + COVERAGE_WEIGHT * coverage + phrase,
    };
  });
  candidates.sort((a, b) => b.final - a.final || a.doc - b.doc);
  for (const c of candidates.slice(0, DETAIL_DEPTH)) {
    const text = index.passages[c.doc]?.text ?? '';
    c.analysis = sentenceScores(index, text, query);
    c.sentence = totalMass > 0 ? Math.max(0, ...c.analysis.scores) / totalMass : 0;
    c.final = c.bm25 / top + COVERAGE_WEIGHT * c.coverage + sentenceWeight * c.sentence + c.phrase;
  }
  // A quoted phrase is a demand: when some passage has it verbatim, only those passages qualify.
  if (quoteDemand && query.phrases.length > 0 && candidates.some((c) => c.phrase >= QUOTE_BONUS)) {
    for (const c of candidates) if (c.phrase < QUOTE_BONUS) c.final -= QUOTE_DEMAND_PENALTY;
  }
  candidates.sort((a, b) => b.final - a.final || a.doc - b.doc);
  return candidates;
}

function containsPhrase(normalizedText: string, phrase: string): boolean {
  const at = normalizedText.indexOf(phrase);
  if (at < 0) return false;
  const before = at === 0 || normalizedText[at - 1] === ' ';
  const afterIndex = at + phrase.length;
  const after = afterIndex === normalizedText.length || normalizedText[afterIndex] === ' ';
  return before && after;
}

export function toHit(index: InvertedIndex, query: ParsedQuery, candidate: Candidate): Hit {
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
