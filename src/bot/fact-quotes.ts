/**
 * The pieces fact replies are made of, shared by the listings (fact-reply.ts) and the fact lead of an
 * answer (fact-lead.ts): a fact's quote minus what the page already shows, decisions merged when they
 * quote the same words, speaker names and ¶ citations.
 */
import type { Article, Passage } from '../corpus/types.js';
import { passageLink } from '../corpus/cite.js';
import { factSubject, speakerLabel } from '../facts/types.js';
import type { Argument, Decision, Fact } from '../facts/types.js';
import { citationMarkdown, linkSuffix } from './citations.js';
import { locate } from './shown.js';
import type { ShownSentences } from './shown.js';
import { STRINGS } from './strings.js';
import { ELLIPSIS, collapseWhitespace, escapeMarkdown } from './text.js';

/** A fact with the paragraph its ¶ cites, resolved by the caller (absent if the article lacks it). */
export interface CitedFact<F extends Fact = Fact> {
  readonly fact: F;
  readonly source?: { readonly article: Article; readonly passage: Passage };
}

/** What of a fact's quote is still to be shown: all of it, a part (clipped with …), or nothing. */
export interface QuotePart {
  readonly text: string | undefined;
  readonly clippedStart: boolean;
  readonly clippedEnd: boolean;
  /** Record it as shown (once the block carrying it is kept). */
  mark(): void;
}

export function unshownQuote(shown: ShownSentences, cited: CitedFact): QuotePart {
  const { quote } = cited.fact;
  const passage = cited.source?.passage;
  const at = passage && locate(passage, quote);
  if (!passage || !at) return { text: quote, clippedStart: false, clippedEnd: false, mark: () => {} };
  const keep = shown.unshown(passage, at);
  if (!keep) return { text: undefined, clippedStart: false, clippedEnd: false, mark: () => {} };
  return {
    text: passage.text.slice(keep.start, keep.end),
    clippedStart: keep.start > at.start,
    clippedEnd: keep.end < at.end,
    mark: () => shown.mark(passage, keep),
  };
}

/** "\n> “…”" for what is left of a quote; nothing when all of it is already shown above. */
export function quotePartLine(quote: QuotePart): string {
  if (quote.text === undefined) return '';
  const start = quote.clippedStart ? `${ELLIPSIS} ` : '';
  const end = quote.clippedEnd ? ` ${ELLIPSIS}` : '';
  return `\n> “${start}${escapeMarkdown(collapseWhitespace(quote.text), { atLineStart: false })}${end}”`;
}

/** Decisions that quote the same words of the same ¶ with the same status, grouped in first-seen order. */
export function mergeSharedQuotes(decisions: readonly CitedFact<Decision>[]): CitedFact<Decision>[][] {
  const lines = new Map<string, CitedFact<Decision>[]>();
  for (const cited of decisions) {
    const { articleId, paragraph, status, quote } = cited.fact;
    const key = JSON.stringify([articleId, paragraph, status, quote]);
    const line = lines.get(key);
    if (line) line.push(cited);
    else lines.set(key, [cited]);
  }
  return [...lines.values()];
}

/** "Japan, India, Vietnam" or "Australia (2018)": who a (merged) line is about, unescaped. */
export function decisionSubjects(line: readonly CitedFact<Decision>[]): string {
  return line
    .map(({ fact }) => (fact.when === undefined ? factSubject(fact) : `${factSubject(fact)} (${fact.when})`))
    .join(', ');
}

/** "Vincent Peng (Huawei board member)", "The article". */
export function speakerName(argument: Argument): string {
  const label = speakerLabel(argument.speaker);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** What is left of a quote as a block quote, or "(quoted above)" when all of it is shown on the page. */
export function quoteOrAbove(quote: QuotePart): string {
  return quotePartLine(quote).slice(1) || STRINGS.quotedAbove;
}

export function factLink(cited: CitedFact): string {
  return cited.source ? linkSuffix(cited.source.article, cited.source.passage) : '';
}

/** "¶7", linked to the paragraph when the article has a URL. */
export function paragraphRef(cited: CitedFact): string {
  const label = `¶${cited.fact.paragraph}`;
  const link = cited.source && passageLink(cited.source.article, cited.source.passage);
  return link ? `[${label}](${link})` : label;
}

/** The full citation when the paragraph is known ("Title, ¶7 · Publisher"), else just "¶7". */
export function factCitation(cited: CitedFact): string {
  return cited.source
    ? citationMarkdown(cited.source.article, cited.source.passage)
    : `¶${cited.fact.paragraph}`;
}
