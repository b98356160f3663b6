/**
 * The facts an answer opens with when the question is about a decision or an argument: status or side,
 * conditions, the verbatim quote (minus what is already shown) and the ¶, whole blocks in rank order.
 */
import { SIDE_LABELS, STATUS_LABELS } from '../facts/types.js';
import type { Argument, Decision } from '../facts/types.js';
import {
  decisionSubjects,
  mergeSharedQuotes,
  paragraphRef,
  quotePartLine,
  speakerName,
  unshownQuote,
} from './fact-quotes.js';
import type { CitedFact, QuotePart } from './fact-quotes.js';
import type { ShownSentences } from './shown.js';
import { SIDE_MARKERS, STATUS_MARKERS, STRINGS } from './strings.js';
import { escapeMarkdown, trimText } from './text.js';

/**
 * Facts leading an answer, as description markdown: at most `maxBlocks` blocks (decisions sharing a quote
 * are one block) within `maxChars`, whole blocks in rank order.
 */
export function factLead(
  facts: readonly CitedFact[],
  maxBlocks: number,
  maxChars: number,
  shown: ShownSentences,
): string {
  const decisions = facts.filter((cited): cited is CitedFact<Decision> => cited.fact.kind === 'decision');
  const merged = mergeSharedQuotes(decisions);
  let out = '';
  let blocks = 0;
  let leftOut = false;
  for (const cited of facts) {
    // A merged line is rendered where its first decision ranks.
    const line =
      cited.fact.kind === 'decision' ? merged.find((candidate) => candidate[0] === cited) : undefined;
    if (cited.fact.kind === 'decision' && !line) continue;
    if (blocks >= maxBlocks) {
      leftOut = true;
      break;
    }
    const quote = unshownQuote(shown, cited);
    const block = line ? decisionLead(line, quote) : argumentLead(cited as CitedFact<Argument>, quote);
    const next = out ? `${out}\n\n${block}` : block;
    if (next.length > maxChars - STRINGS.moreFacts.length - 2) {
      if (!out) return trimText(block, maxChars);
      leftOut = true;
      break;
    }
    out = next;
    blocks++;
    quote.mark();
  }
  // Facts that did not fit are reachable from the listings, and the reply says where.
  return leftOut ? `${out}\n\n${STRINGS.moreFacts}` : out;
}

function decisionLead(line: readonly CitedFact<Decision>[], quote: QuotePart): string {
  const first = line[0];
  if (!first) return '';
  const { fact } = first;
  const head =
    `${STATUS_MARKERS[fact.status]} **${escapeMarkdown(decisionSubjects(line), { atLineStart: false })}: ` +
    `${STATUS_LABELS[fact.status]}** · ${paragraphRef(first)}`;
  const conditions = fact.conditions.length
    ? `\n${STRINGS.conditions}: ${fact.conditions.map((c) => escapeMarkdown(c, { atLineStart: false })).join('; ')}`
    : '';
  return `${head}${quotePartLine(quote)}${conditions}`;
}

function argumentLead(cited: CitedFact<Argument>, quote: QuotePart): string {
  const { fact } = cited;
  const head =
    `${SIDE_MARKERS[fact.side]} **${escapeMarkdown(speakerName(fact), { atLineStart: false })}** · ` +
    `${SIDE_LABELS[fact.side]} · ${paragraphRef(cited)}`;
  return `${head}\n${escapeMarkdown(fact.summary)}${quotePartLine(quote)}`;
}
