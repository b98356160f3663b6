/**
 * /summary: the article at a glance in one embed, from the facts layer (src/facts/summary.ts picks the
 * lines; this file renders them). Every line is a fact's subject, status or side, and its verbatim quote
 * with the ¶ it comes from; what did not fit is counted with the commands that show it.
 */
import { passageLink } from '../corpus/cite.js';
import { planSummary } from '../facts/summary.js';
import type { DecisionLine } from '../facts/summary.js';
import { SIDE_LABELS, STATUS_LABELS, THE_ARTICLE, factSubject } from '../facts/types.js';
import type { Argument, ArgumentSide, Fact } from '../facts/types.js';
import { citeFact } from './answers.js';
import type { BotContext } from './context.js';
import { LIMITS } from './limits.js';
import { finalizeReply, noticeReply } from './reply.js';
import type { Reply } from './reply.js';
import { SIDE_MARKERS, STATUS_MARKERS, SUMMARY_STRINGS } from './strings.js';
import { collapseWhitespace, escapeMarkdown } from './text.js';

/** Arguments per side at most: a glance, not the list (/arguments has them all). */
export const SUMMARY_ARGUMENTS_PER_SIDE = 2;
/** Room kept in the description for the two headings and their counts. */
const HEADINGS_RESERVE = 200;
const EMBED_COLOUR = 0xc7000b;

export interface SummaryOptions {
  readonly ephemeral?: boolean;
  /** A line above the summary (trusted bot wording), e.g. when /ask was asked for one. */
  readonly note?: string;
}

export function summaryReply(ctx: BotContext, options: SummaryOptions = {}): Reply {
  const { facts } = ctx.library;
  if (facts.decisions.length + facts.arguments.length === 0) return noticeReply(SUMMARY_STRINGS.noFacts);
  const ref = (fact: Fact) => paragraphRef(ctx, fact);
  const decisionText = (line: DecisionLine) => decisionLine(line, ref);
  const argumentText = (argument: Argument) => argumentLine(argument, ref);
  const plan = planSummary(facts, {
    decisionCost: (line) => decisionText(line).length + 1,
    argumentCost: (argument) => argumentText(argument).length + 1,
    sideCost: (side) => sideHeading(side).length + 1,
    budget: LIMITS.embedDescription - HEADINGS_RESERVE,
    perSide: SUMMARY_ARGUMENTS_PER_SIDE,
  });
  const blocks: string[] = [];
  if (plan.decisions.length) {
    blocks.push(
      [SUMMARY_STRINGS.decisionsHeading(plan.decisionsTotal), ...plan.decisions.map(decisionText)].join('\n'),
    );
  }
  if (plan.sides.length) {
    const heading = `${SUMMARY_STRINGS.argumentsHeading(plan.argumentsShown, plan.argumentsTotal)}: ${SUMMARY_STRINGS.argumentsRule}`;
    const sides = plan.sides.map(({ side, arguments: shown }) =>
      [sideHeading(side), ...shown.map(argumentText)].join('\n'),
    );
    blocks.push([heading, ...sides].join('\n'));
  }
  const decisionsShown = plan.decisions.reduce((sum, line) => sum + line.decisions.length, 0);
  const rest = SUMMARY_STRINGS.rest(
    plan.decisionsTotal - decisionsShown,
    plan.argumentsTotal - plan.argumentsShown,
  );
  const articleIds = new Set([...facts.decisions, ...facts.arguments].map((fact) => fact.articleId));
  const titles = ctx.library.corpus.articles
    .filter((article) => articleIds.has(article.id))
    .map((article) => article.title);
  return finalizeReply({
    embeds: [
      {
        title: SUMMARY_STRINGS.title(escapeMarkdown(titles.join(' · '))),
        description: blocks.join('\n\n'),
        fields: [{ name: SUMMARY_STRINGS.more, value: rest }],
        footer: { text: SUMMARY_STRINGS.footer },
        color: EMBED_COLOUR,
      },
    ],
    ephemeral: options.ephemeral ?? false,
    ...(options.note === undefined ? {} : { content: options.note }),
  });
}

/**
 * 🟡 **Italy (Vodafone): Conditionally approved** · ¶7 and the quote. Conditions are words of the quote
 * (the facts file checks that), so they are shown in bold inside it rather than repeated under it; one
 * that is not in the quote gets a line of its own.
 */
function decisionLine(line: DecisionLine, ref: (fact: Fact) => string): string {
  const [first] = line.decisions;
  const subjects = line.decisions
    .map((d) => (d.when === undefined ? factSubject(d) : `${factSubject(d)} (${d.when})`))
    .join(', ');
  const quote = collapseWhitespace(first.quote);
  const conditions = first.conditions.map(collapseWhitespace);
  const inQuote = conditions.filter((condition) => condition && quote.includes(condition));
  const elsewhere = conditions.filter((condition) => !inQuote.includes(condition));
  const head =
    `${STATUS_MARKERS[line.status]} **${escapeMarkdown(subjects, { atLineStart: false })}: ` +
    `${STATUS_LABELS[line.status]}** · ${ref(first)}` +
    (inQuote.length ? ` · ${SUMMARY_STRINGS.conditionsInBold}` : '');
  const extra = elsewhere.length
    ? `\n${SUMMARY_STRINGS.conditions}: ${elsewhere.map((c) => `“${inline(c)}”`).join('; ')}`
    : '';
  return `${head}\n> “${boldPieces(quote, inQuote)}”${extra}`;
}

/** The quote escaped, with each of `pieces` (substrings of it) in bold; overlapping pieces merge. */
function boldPieces(quote: string, pieces: readonly string[]): string {
  const marked = new Array<boolean>(quote.length).fill(false);
  for (const piece of pieces) {
    const at = quote.indexOf(piece);
    for (let i = at; i >= 0 && i < at + piece.length; i++) marked[i] = true;
  }
  let out = '';
  let start = 0;
  for (let i = 1; i <= quote.length; i++) {
    if (i < quote.length && marked[i] === marked[start]) continue;
    const text = escapeMarkdown(quote.slice(start, i), { atLineStart: false });
    out += marked[start] ? `**${text}**` : text;
    start = i;
  }
  return out;
}

/** "Kian Ming Ong · ¶3: “…”" under its side's heading. */
function argumentLine(argument: Argument, ref: (fact: Fact) => string): string {
  const speaker = argument.speaker === THE_ARTICLE ? 'The article' : argument.speaker.name;
  return `${escapeMarkdown(speaker)} · ${ref(argument)}: “${inline(argument.quote)}”`;
}

function sideHeading(side: ArgumentSide): string {
  return `${SIDE_MARKERS[side]} **${SIDE_LABELS[side]}**`;
}

function inline(text: string): string {
  return escapeMarkdown(collapseWhitespace(text), { atLineStart: false });
}

/** "¶7", linked to the paragraph when the article has a URL. */
function paragraphRef(ctx: BotContext, fact: Fact): string {
  const { source } = citeFact(ctx, fact);
  const link = source && passageLink(source.article, source.passage);
  return link ? `[¶${fact.paragraph}](${link})` : `¶${fact.paragraph}`;
}
