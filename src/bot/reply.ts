/**
 * The one place that builds reply payloads. Every builder returns a `Reply` that is already escaped,
 * within Discord's limits and unable to ping anyone, so commands never assemble messages themselves.
 * A `Reply` is plain JSON accepted as-is by discord.js (`interaction.reply(reply)`) and rendered as text
 * by console mode.
 */
import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from 'discord.js';
import type { Article, Passage } from '../corpus/types.js';
import type { Hit } from '../engine/types.js';
import { paragraphLabel, passageLink } from '../corpus/cite.js';
import { ARGUMENT_SIDES, SIDE_LABELS, STATUS_LABELS, factSubject, speakerLabel } from '../facts/types.js';
import type { Argument, ArgumentSide, Decision, DecisionStatus, Fact } from '../facts/types.js';
import { DISPLAY, LIMITS } from './limits.js';
import { SIDE_MARKERS, STATUS_MARKERS, STRINGS } from './strings.js';
import { layOutPages } from './pages.js';
import type { PageGroup, PageLayout } from './pages.js';
import { ShownSentences, locate, unshownHit } from './shown.js';
import { ELLIPSIS, collapseWhitespace, escapeMarkdown, renderHighlighted, trimText } from './text.js';

/** Mentions are never parsed: a quoted "@everyone" must not ping a server. */
export const NO_MENTIONS = Object.freeze({ parse: [] as [] });

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

export interface Reply {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  /** MessageFlags.Ephemeral for replies only the asker sees. */
  flags?: MessageFlags.Ephemeral;
  allowedMentions: { parse: [] };
  /** Attachments (discord.js sends them as multipart); console mode saves them to files. */
  files?: ReplyFile[];
}

export interface ReplyFile {
  readonly attachment: Buffer;
  readonly name: string;
  readonly description?: string;
}

export interface Choice {
  name: string;
  value: string;
}

/** A search hit together with the article it belongs to, resolved by the caller. */
export interface CitedHit {
  readonly hit: Hit;
  readonly article: Article;
}

/** Reference to the Discord message a context-menu question came from. */
export interface MessageReference {
  readonly url: string;
}

const EMBED_COLOUR = 0xc7000b;
/** Budget for an excerpt inside a field value, leaving room for the citation line. */
const FIELD_EXCERPT_MAX = LIMITS.fieldValue - 300;
/** The main excerpt is short by design (the engine picks the best sentences); this is only a guard. */
const MAIN_EXCERPT_MAX = 3000;
/** Fact blocks shown above an answer's passages, and the characters they may take of the 6000 total. */
const LEAD_FACTS_MAX = 3;
const LEAD_FACTS_CHARS = 1800;

// ---------------------------------------------------------------- customIds
/**
 * Button customIds carry everything the click needs: `ask:<action>:<key>[:<offset>]`, where key is the
 * answer-cache key of the question (see src/bot/answers.ts). Routing uses the part before the first ":".
 */
export const CUSTOM_ID_PREFIX = 'ask';
export const moreCustomId = (key: string, offset: number) => `${CUSTOM_ID_PREFIX}:more:${key}:${offset}`;
export const shareCustomId = (key: string) => `${CUSTOM_ID_PREFIX}:share:${key}`;
/** Feedback: `ask:up:<key>` / `ask:down:<key>`; the clicked message's id arrives with the click. */
export const voteCustomId = (key: string, helpful: boolean) =>
  `${CUSTOM_ID_PREFIX}:${helpful ? 'up' : 'down'}:${key}`;

/** Paging buttons of the fact listings: `decisions:page:<n>`, `arguments:page:<side|all>:<n>`. */
export const DECISIONS_PREFIX = 'decisions';
export const ARGUMENTS_PREFIX = 'arguments';
export const decisionsPageCustomId = (page: number) => `${DECISIONS_PREFIX}:page:${page}`;
export const argumentsPageCustomId = (side: ArgumentSide | undefined, page: number) =>
  `${ARGUMENTS_PREFIX}:page:${side ?? 'all'}:${page}`;

/** The page a paging button asks for, and for /arguments the side; undefined for anything else. */
export function parsePageCustomId(
  customId: string,
): { readonly page: number; readonly side?: ArgumentSide } | undefined {
  const parts = customId.split(':');
  const page = parts.at(-1);
  if (parts[1] !== 'page' || page === undefined || !/^\d{1,4}$/.test(page)) return undefined;
  if (parts[0] === DECISIONS_PREFIX && parts.length === 3) return { page: Number(page) };
  if (parts[0] === ARGUMENTS_PREFIX && parts.length === 4) {
    const side = ARGUMENT_SIDES.find((candidate) => candidate === parts[2]);
    if (side) return { page: Number(page), side };
    return parts[2] === 'all' ? { page: Number(page) } : undefined;
  }
  return undefined;
}

export type ButtonAction =
  | { readonly kind: 'more'; readonly key: string; readonly offset: number }
  | { readonly kind: 'share'; readonly key: string }
  | { readonly kind: 'vote'; readonly key: string; readonly helpful: boolean };

export function parseCustomId(customId: string): ButtonAction | undefined {
  const [prefix, action, key, offset] = customId.split(':');
  if (prefix !== CUSTOM_ID_PREFIX || !key) return undefined;
  if (action === 'share') return { kind: 'share', key };
  if (action === 'up' || action === 'down') return { kind: 'vote', key, helpful: action === 'up' };
  if (action === 'more' && offset !== undefined && /^\d+$/.test(offset)) {
    return { kind: 'more', key, offset: Number(offset) };
  }
  return undefined;
}

// ---------------------------------------------------------------- builders
export interface AnswerInput {
  readonly question: string;
  /** What the engine read when it shortened the message (SearchResult.asked): shown as "Read as". */
  readonly asked?: string;
  /** All hits of the search, best first; the reply shows the first plus "See also". */
  readonly hits: readonly CitedHit[];
  /** Decisions/arguments the question is about, best first: they lead the answer, above the passages. */
  readonly facts?: readonly CitedFact[];
  readonly key: string;
  readonly ephemeral: boolean;
  readonly reference?: MessageReference;
}

/**
 * /ask and "Ask the article": the best excerpt with its citation, "See also" passages and buttons. When the
 * question is about a decision or an argument, a first embed leads with those facts (status or side,
 * conditions, verbatim quote, ¶) and the passages follow in a second one. The question is always the first
 * embed's title: the buttons recover the question from it after a restart.
 */
export function answerReply(input: AnswerInput): Reply {
  const [best, ...rest] = input.hits;
  if (!best) return noMatchReply(input.question, []);
  // Facts first, then the excerpt, then "See also": each shows only sentences not shown above it.
  const shown = new ShownSentences();
  const lead = factLead(input.facts ?? [], LEAD_FACTS_MAX, LEAD_FACTS_CHARS, shown);
  const main = unshownHit(shown, best.hit);
  const seeAlso: CitedHit[] = [];
  let consumed = 1;
  for (const other of rest) {
    if (seeAlso.length >= DISPLAY.seeAlso) break;
    consumed++;
    const hit = unshownHit(shown, other.hit);
    if (hit) seeAlso.push({ hit, article: other.article });
  }
  const fields: APIEmbedField[] = [];
  if (input.reference) {
    fields.push({ name: STRINGS.askedAbout, value: `[this message](${input.reference.url})` });
  }
  if (input.asked !== undefined) fields.push({ name: STRINGS.readAs, value: readAsMarkdown(input.asked) });
  fields.push({ name: STRINGS.source, value: citationMarkdown(best.article, best.hit.passage) });
  for (const other of seeAlso) {
    fields.push({
      name: `${STRINGS.seeAlso} · ${citationLabel(other.article, other.hit.passage, best.article)}`,
      value: excerptMarkdown(other.hit, FIELD_EXCERPT_MAX) + linkSuffix(other.article, other.hit.passage),
    });
  }
  const title = questionTitle(input.question);
  const passages: APIEmbed = {
    // Under a fact lead the passages get a heading of their own, so the two read as separate parts.
    title: lead ? STRINGS.passagesHeading : title,
    // A fact quote that already shows the excerpt replaces it: the Source field still cites the passage.
    description: main
      ? excerptMarkdown(main, MAIN_EXCERPT_MAX)
      : STRINGS.excerptQuotedAbove(citationLabel(best.article, best.hit.passage)),
    fields,
    footer: { text: STRINGS.answerFooter },
    color: EMBED_COLOUR,
  };
  const embeds = lead ? [{ title, description: lead, color: EMBED_COLOUR }, passages] : [passages];
  const buttons: APIButtonComponent[] = [
    button(STRINGS.morePassagesButton, moreCustomId(input.key, consumed), input.hits.length <= consumed),
  ];
  if (input.ephemeral)
    buttons.push(button(STRINGS.shareButton, shareCustomId(input.key), false, ButtonStyle.Primary));
  buttons.push(
    button(STRINGS.helpfulButton, voteCustomId(input.key, true), false, ButtonStyle.Secondary, '👍'),
    button(STRINGS.notHelpfulButton, voteCustomId(input.key, false), false, ButtonStyle.Secondary, '👎'),
  );
  return finalizeReply({ embeds, components: [row(buttons)], ephemeral: input.ephemeral });
}

/** "More passages": the next page of hits after `offset`, always ephemeral. */
export function morePassagesReply(input: {
  readonly question: string;
  readonly hits: readonly CitedHit[];
  readonly key: string;
  readonly offset: number;
}): Reply {
  const page = input.hits.slice(input.offset, input.offset + DISPLAY.morePerPage);
  if (page.length === 0) return noticeReply(STRINGS.noMorePassages);
  const next = input.offset + page.length;
  const embed: APIEmbed = {
    title: questionTitle(input.question),
    description: STRINGS.morePassagesTitle(input.offset + 1, next, input.hits.length),
    fields: page.map(({ hit, article }) => ({
      name: citationLabel(article, hit.passage),
      value: excerptMarkdown(hit, FIELD_EXCERPT_MAX) + linkSuffix(article, hit.passage),
    })),
    footer: { text: STRINGS.answerFooter },
    color: EMBED_COLOUR,
  };
  const components =
    next < input.hits.length
      ? [row([button(STRINGS.morePassagesButton, moreCustomId(input.key, next))])]
      : [];
  return finalizeReply({ embeds: [embed], components, ephemeral: true });
}

/**
 * The article has nothing on the question: say so privately and offer topics it does cover. When the
 * engine says why (`reason`: no such figure, what the article file records about itself), that sentence
 * replaces the generic one; when it shortened the message, what it read is shown.
 */
export function noMatchReply(
  question: string,
  suggestions: readonly string[],
  read: { readonly asked?: string; readonly reason?: string } = {},
): Reply {
  // Offered as things to ask, so questions only: a bare sentence of the article answers nothing.
  const questions = suggestions.filter((topic) => /\?\s*$/.test(topic));
  const topics = (questions.length ? questions : suggestions)
    .slice(0, DISPLAY.noMatchSuggestions)
    .map((topic) => `• ${escapeMarkdown(collapseWhitespace(topic))}`);
  const lines = [
    read.reason
      ? escapeMarkdown(collapseWhitespace(read.reason))
      : STRINGS.noMatch(trimText(escapeMarkdown(collapseWhitespace(read.asked ?? question)), 300)),
  ];
  // The generic sentence already quotes what was read; after a reason, say it.
  if (read.asked !== undefined) {
    lines.push(read.reason ? `${STRINGS.readAs}: ${readAsMarkdown(read.asked)}` : STRINGS.shortenedNote);
  }
  if (topics.length) lines.push('', STRINGS.closestTopics, ...topics, '', STRINGS.noMatchHint);
  return finalizeReply({ content: lines.join('\n'), ephemeral: true });
}

/**
 * /quote: the whole passage verbatim with its citation. A passage longer than one description is split at
 * sentence boundaries over several embeds (all within the 6000-character message total).
 */
export function quoteReply(article: Article, passage: Passage): Reply {
  const title = trimText(citationLabel(article, passage), LIMITS.embedTitle);
  const source = citationMarkdown(article, passage);
  // Whatever the title, citation and footer leave of the message total goes to the passage text.
  const budget =
    LIMITS.embedTotal - title.length - STRINGS.source.length - source.length - STRINGS.quoteFooter.length;
  const chunks = splitIntoChunks(trimText(escapeMarkdown(passage.text), budget), LIMITS.embedDescription);
  const embeds: APIEmbed[] = chunks.slice(0, LIMITS.embedsPerMessage).map((chunk) => ({
    description: chunk,
    color: EMBED_COLOUR,
  }));
  const first = embeds[0];
  const last = embeds.at(-1);
  if (first) first.title = title;
  if (last) {
    last.fields = [{ name: STRINGS.source, value: source }];
    last.footer = { text: STRINGS.quoteFooter };
  }
  return finalizeReply({ embeds, ephemeral: false });
}

/** /sources: each indexed article with publisher and passage counts. */
export function sourcesReply(articles: readonly Article[]): Reply {
  if (articles.length === 0) return noticeReply(STRINGS.noSources);
  const lines = articles.map((article) => {
    const captions = article.passages.filter((p) => p.kind === 'caption').length;
    const title = article.url
      ? `[${escapeMarkdown(article.title)}](${article.url})`
      : escapeMarkdown(article.title);
    return STRINGS.sourcesLine(
      title,
      article.publisher && escapeMarkdown(article.publisher),
      article.passages.length - captions,
      captions,
    );
  });
  return finalizeReply({
    embeds: [{ title: STRINGS.sourcesTitle, description: lines.join('\n\n'), color: EMBED_COLOUR }],
    ephemeral: false,
  });
}

export function helpReply(): Reply {
  return finalizeReply({
    embeds: [{ title: STRINGS.helpTitle, description: STRINGS.helpDescription, color: EMBED_COLOUR }],
    ephemeral: true,
  });
}

/** A short private notice (cooldown, empty input, expired answer). `text` is trusted bot wording. */
export function noticeReply(text: string): Reply {
  return finalizeReply({ content: text, ephemeral: true });
}

export function errorReply(ref: string): Reply {
  return noticeReply(STRINGS.somethingWentWrong(ref));
}

/** Autocomplete answers: at most 25, names and values 1–100 characters, no duplicates. */
export function autocompleteChoices(choices: readonly Choice[]): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const choice of choices) {
    const name = trimText(collapseWhitespace(choice.name), LIMITS.choiceName);
    const value = trimText(collapseWhitespace(choice.value), LIMITS.choiceValue);
    if (!name || !value || seen.has(value)) continue;
    seen.add(value);
    out.push({ name, value });
    if (out.length === LIMITS.autocompleteChoices) break;
  }
  return out;
}

/** "¶9 The government has approved Vodafone's…" for /quote autocomplete; the value is the passage id. */
export function passageChoice(passage: Passage): Choice {
  const label = paragraphLabel(passage);
  const preview = trimText(collapseWhitespace(passage.text), DISPLAY.quoteChoicePreview);
  return { name: `${label} ${preview}`, value: passage.id };
}

// ---------------------------------------------------------------- facts
/** A fact with the paragraph its ¶ cites, resolved by the caller (absent if the article lacks it). */
export interface CitedFact<F extends Fact = Fact> {
  readonly fact: F;
  readonly source?: { readonly article: Article; readonly passage: Passage };
}

export interface DecisionGroup {
  readonly status: DecisionStatus;
  readonly decisions: readonly CitedFact<Decision>[];
}

export interface ArgumentGroup {
  readonly side: ArgumentSide;
  readonly arguments: readonly CitedFact<Argument>[];
}

export interface DecisionWithReasons {
  readonly decision: CitedFact<Decision>;
  /** The arguments the decision lists as its reasons. */
  readonly reasons: readonly CitedFact<Argument>[];
}

/**
 * /decisions without a country: one embed per status (in the order given), one field per decision with
 * its marker, country (operator), ¶ and verbatim quote. Decisions citing the same sentence share a field, so
 * "Japan, India, Vietnam" are listed once with their one quote.
 */
export function decisionsReply(
  groups: readonly DecisionGroup[],
  options: { readonly page?: number } = {},
): Reply {
  if (groups.every((group) => group.decisions.length === 0)) return noticeReply(STRINGS.noDecisions);
  const layout = layOutFacts(
    groups.map((group) => ({
      title: STRINGS.decisionsGroupTitle(
        STATUS_MARKERS[group.status],
        STATUS_LABELS[group.status],
        group.decisions.length,
      ),
      items: mergeSharedQuotes(group.decisions).map((line) => ({
        count: line.length,
        render: (shown: ShownSentences) => {
          const first = line[0];
          const quote = first ? unshownQuote(shown, first) : undefined;
          return {
            field: {
              name: `${STATUS_MARKERS[group.status]} ${escapeMarkdown(decisionSubjects(line))} · ¶${first?.fact.paragraph}`,
              value: first && quote ? quoteOrAbove(quote) + factLink(first) : '',
            },
            mark: () => quote?.mark(),
          };
        },
      })),
    })),
  );
  return pagedReply(layout, options.page ?? 0, {
    what: 'decisions',
    hint: STRINGS.decisionsNarrowHint,
    customId: decisionsPageCustomId,
  });
}

/**
 * /decisions country:X: each of that country's decisions in its own embed: status, verbatim quote with its
 * citation, conditions, when, and the reasons (linked arguments) with their quotes.
 */
export function countryDecisionsReply(items: readonly DecisionWithReasons[]): Reply {
  // A reason quoting a sentence the decision (or an earlier reason) already shows leaves it out.
  const shown = new ShownSentences();
  const embeds = items.map(({ decision, reasons }): APIEmbed => {
    const own = unshownQuote(shown, decision);
    own.mark();
    const { fact } = decision;
    const fields: APIEmbedField[] = [];
    if (fact.conditions.length) {
      fields.push({
        name: STRINGS.conditions,
        value: fact.conditions.map((condition) => `• ${escapeMarkdown(condition)}`).join('\n'),
      });
    }
    if (fact.when !== undefined) fields.push({ name: STRINGS.when, value: escapeMarkdown(fact.when) });
    for (const reason of reasons) {
      const quote = unshownQuote(shown, reason);
      quote.mark();
      fields.push({
        name: STRINGS.reason(escapeMarkdown(speakerName(reason.fact)), `¶${reason.fact.paragraph}`),
        value: `${escapeMarkdown(reason.fact.summary)}${quotePartLine(quote)}${factLink(reason)}`,
      });
    }
    return {
      title: STRINGS.decisionTitle(
        STATUS_MARKERS[fact.status],
        escapeMarkdown(factSubject(fact)),
        STATUS_LABELS[fact.status],
      ),
      description: `${quoteOrAbove(own)}\n${factCitation(decision)}`,
      fields,
      color: EMBED_COLOUR,
    };
  });
  const last = embeds.at(-1);
  if (!last) return noticeReply(STRINGS.noDecisions);
  last.footer = { text: STRINGS.factsFooter };
  return finalizeReply({ embeds, ephemeral: false });
}

/** /decisions country: with a country the article reports no decision by; lists the ones it does. */
export function unknownCountryReply(typed: string, countries: readonly string[]): Reply {
  const shown = trimText(escapeMarkdown(collapseWhitespace(typed)), 100);
  return noticeReply(
    STRINGS.unknownCountry(
      shown,
      countries.map((country) => escapeMarkdown(country)),
    ),
  );
}

/** A /decisions country choice: "Italy · Conditionally approved", the value being the country. */
export function countryChoice(country: string, decisions: readonly Decision[]): Choice {
  const statuses = [...new Set(decisions.map((decision) => STATUS_LABELS[decision.status]))].join(', ');
  return { name: STRINGS.countryChoice(country, statuses), value: country };
}

/**
 * /arguments: one embed per side, one field per argument with its speaker, ¶, summary and verbatim quote.
 * Arguments are kept whole; those that do not fit the message are counted in a note with `narrowHint`.
 */
export function argumentsReply(
  groups: readonly ArgumentGroup[],
  options: { readonly narrowHint?: string; readonly page?: number; readonly side?: ArgumentSide } = {},
): Reply {
  const layout = layOutFacts(
    groups.map((group) => ({
      title: STRINGS.argumentsGroupTitle(
        SIDE_MARKERS[group.side],
        SIDE_LABELS[group.side],
        group.arguments.length,
      ),
      items: group.arguments.map((argument) => ({
        count: 1,
        render: (shown: ShownSentences) => {
          const quote = unshownQuote(shown, argument);
          return {
            field: {
              name: `${escapeMarkdown(speakerName(argument.fact))} · ¶${argument.fact.paragraph}`,
              value: `${escapeMarkdown(argument.fact.summary)}\n${quoteOrAbove(quote)}${factLink(argument)}`,
            },
            mark: () => quote.mark(),
          };
        },
      })),
    })),
  );
  return pagedReply(layout, options.page ?? 0, {
    what: 'arguments',
    hint: options.narrowHint ?? '',
    customId: (page) => argumentsPageCustomId(options.side, page),
  });
}

/**
 * Facts leading an answer, as description markdown: at most `maxBlocks` blocks (decisions sharing a quote
 * are one block) within `maxChars`, whole blocks in rank order.
 */
function factLead(
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

/** What of a fact's quote is still to be shown: all of it, a part (clipped with …), or nothing. */
interface QuotePart {
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

/** "\n> “…”" for what is left of a quote; nothing when all of it is already shown above. */
function quotePartLine(quote: QuotePart): string {
  if (quote.text === undefined) return '';
  const start = quote.clippedStart ? `${ELLIPSIS} ` : '';
  const end = quote.clippedEnd ? ` ${ELLIPSIS}` : '';
  return `\n> “${start}${escapeMarkdown(collapseWhitespace(quote.text), { atLineStart: false })}${end}”`;
}

/** Decisions that quote the same words of the same ¶ with the same status, grouped in first-seen order. */
function mergeSharedQuotes(decisions: readonly CitedFact<Decision>[]): CitedFact<Decision>[][] {
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
function decisionSubjects(line: readonly CitedFact<Decision>[]): string {
  return line
    .map(({ fact }) => (fact.when === undefined ? factSubject(fact) : `${factSubject(fact)} (${fact.when})`))
    .join(', ');
}

/** "Vincent Peng (Huawei board member)", "The article". */
function speakerName(argument: Argument): string {
  const label = speakerLabel(argument.speaker);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** What is left of a quote as a block quote, or "(quoted above)" when all of it is shown on the page. */
function quoteOrAbove(quote: QuotePart): string {
  return quotePartLine(quote).slice(1) || STRINGS.quotedAbove;
}

function factLink(cited: CitedFact): string {
  return cited.source ? linkSuffix(cited.source.article, cited.source.passage) : '';
}

/** "¶7", linked to the paragraph when the article has a URL. */
function paragraphRef(cited: CitedFact): string {
  const label = `¶${cited.fact.paragraph}`;
  const link = cited.source && passageLink(cited.source.article, cited.source.passage);
  return link ? `[${label}](${link})` : label;
}

/** The full citation when the paragraph is known ("Title, ¶7 · Publisher"), else just "¶7". */
function factCitation(cited: CitedFact): string {
  return cited.source
    ? citationMarkdown(cited.source.article, cited.source.passage)
    : `¶${cited.fact.paragraph}`;
}

/** Room kept on every page for the footer and the page note (content does not count towards 6000). */
const PAGE_RESERVED = STRINGS.factsFooter.length;

function layOutFacts(groups: readonly PageGroup[]): PageLayout {
  return layOutPages(groups, { reserved: PAGE_RESERVED, colour: EMBED_COLOUR, continued: STRINGS.continued });
}

/**
 * One page of a listing with the footer; when there is more than one page, a note saying which facts
 * this page shows (and how to narrow) and Previous / Next buttons carrying the page to show.
 */
function pagedReply(
  layout: PageLayout,
  requested: number,
  options: { readonly what: string; readonly hint: string; readonly customId: (page: number) => string },
): Reply {
  const last = layout.pages.length - 1;
  const index = Math.min(Math.max(0, Math.trunc(requested) || 0), Math.max(0, last));
  const page = layout.pages[index];
  if (!page) return noticeReply(STRINGS.noDecisions);
  const embeds = page.embeds.map((embed) => ({ ...embed, fields: [...(embed.fields ?? [])] }));
  const final = embeds.at(-1);
  if (final) final.footer = { text: STRINGS.factsFooter };
  const draft: Draft = { embeds, ephemeral: false };
  if (last > 0) {
    draft.content = STRINGS.pageNote(
      index + 1,
      last + 1,
      page.first,
      page.first + page.shown - 1,
      layout.total,
      options.what,
      options.hint,
    ).trim();
    draft.components = [
      row([
        button(STRINGS.previousPage, options.customId(Math.max(0, index - 1)), index === 0),
        button(STRINGS.nextPage, options.customId(Math.min(last, index + 1)), index === last),
      ]),
    ];
  }
  return finalizeReply(draft);
}

// ---------------------------------------------------------------- pieces
function readAsMarkdown(asked: string): string {
  return STRINGS.readAsNote(trimText(escapeMarkdown(collapseWhitespace(asked)), 600));
}

function questionTitle(question: string): string {
  return trimText(escapeMarkdown(collapseWhitespace(question)), LIMITS.embedTitle);
}

function excerptMarkdown(hit: Hit, max: number): string {
  const { excerpt } = hit;
  const caption = hit.passage.kind === 'caption' ? `*${STRINGS.captionLabel}:* ` : '';
  return (
    caption +
    renderHighlighted(excerpt.text, excerpt.highlights, {
      max: max - caption.length,
      clippedStart: excerpt.clippedStart,
      clippedEnd: excerpt.clippedEnd,
    })
  );
}

/** "¶7", or "Other article title, ¶7" when the passage is from a different article than `mainArticle`. */
function citationLabel(article: Article, passage: Passage, mainArticle?: Article): string {
  const label = paragraphLabel(passage);
  if (!mainArticle || mainArticle.id === article.id) return label;
  return `${trimText(article.title, 120)}, ${label}`;
}

/** "[Title, ¶7](link) · Publisher", without a link when the article has no URL. */
export function citationMarkdown(article: Article, passage: Passage): string {
  const text = `${escapeMarkdown(article.title)}, ${paragraphLabel(passage)}`;
  const link = passageLink(article, passage);
  const cited = link ? `[${text}](${link})` : `*${text}*`;
  return article.publisher ? `${cited} · ${escapeMarkdown(article.publisher)}` : cited;
}

function linkSuffix(article: Article, passage: Passage): string {
  const link = passageLink(article, passage);
  return link ? ` [↗](${link})` : '';
}

function button(
  label: string,
  customId: string,
  disabled = false,
  style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary,
  emoji?: string,
): APIButtonComponent {
  const plain = { type: ComponentType.Button, style, label, custom_id: customId, disabled } as const;
  return emoji ? { ...plain, emoji: { name: emoji } } : plain;
}

function row(components: APIButtonComponent[]): ButtonRow {
  return { type: ComponentType.ActionRow, components };
}

/** Split escaped text into chunks of at most `max`, at sentence (else word) boundaries, without ellipses. */
export function splitIntoChunks(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! ')) + 1;
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut < max / 2) cut = max;
    // Never end a chunk inside an escape sequence or a surrogate pair.
    while (cut > 1 && (/\\$/.test(rest.slice(0, cut)) || /[\uD800-\uDBFF]$/.test(rest.slice(0, cut)))) cut--;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

// ---------------------------------------------------------------- limits
interface Draft {
  content?: string;
  embeds?: APIEmbed[];
  components?: ButtonRow[];
  ephemeral: boolean;
}

/** Enforce every Discord limit on a draft and fix the flags and mention policy. */
export function finalizeReply(draft: Draft): Reply {
  const embeds = (draft.embeds ?? []).slice(0, LIMITS.embedsPerMessage).map(limitEmbed);
  limitEmbedTotal(embeds);
  const reply: Reply = {
    embeds,
    components: (draft.components ?? []).map(limitRow),
    allowedMentions: { parse: [] },
  };
  if (draft.content !== undefined) reply.content = trimText(draft.content, LIMITS.content);
  if (draft.ephemeral) reply.flags = MessageFlags.Ephemeral;
  return reply;
}

function limitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = trimText(out.title, LIMITS.embedTitle);
  if (out.description !== undefined) out.description = trimText(out.description, LIMITS.embedDescription);
  if (out.footer) out.footer = { ...out.footer, text: trimText(out.footer.text, LIMITS.footerText) };
  if (out.author) out.author = { ...out.author, name: trimText(out.author.name, LIMITS.authorName) };
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.embedFields).map((field) => ({
      ...field,
      name: trimText(field.name, LIMITS.fieldName) || '\u200b',
      value: trimText(field.value, LIMITS.fieldValue) || '\u200b',
    }));
  }
  return out;
}

/** Characters Discord counts towards the 6000 total of one message. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Shrink from the end (last embed's fields, then descriptions) until the message fits the total. */
function limitEmbedTotal(embeds: APIEmbed[]): void {
  const total = () => embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  for (let i = embeds.length - 1; i >= 0 && total() > LIMITS.embedTotal; i--) {
    const embed = embeds[i];
    if (!embed) continue;
    while (embed.fields?.length && total() > LIMITS.embedTotal) embed.fields.pop();
    const overflow = total() - LIMITS.embedTotal;
    if (overflow > 0 && embed.description) {
      embed.description = trimText(embed.description, Math.max(1, embed.description.length - overflow));
    }
    if (total() > LIMITS.embedTotal && i > 0) embeds.pop();
  }
}

function limitRow(component: ButtonRow): ButtonRow {
  return {
    ...component,
    components: component.components.slice(0, LIMITS.buttonsPerRow).map((b) => {
      if ('custom_id' in b && b.custom_id.length > LIMITS.customId) {
        throw new Error(`reply error: button customId longer than ${LIMITS.customId}: ${b.custom_id}`);
      }
      return 'label' in b && b.label ? { ...b, label: trimText(b.label, LIMITS.buttonLabel) } : b;
    }),
  };
}
