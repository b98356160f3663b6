/**
 * Replies about the article's text: /ask and "Ask the article" answers (led by facts when the question is
 * about a decision or an argument), "More passages", the honest no-match, /quote, /sources, /help and
 * the /quote autocomplete choice. Every builder returns through `finalizeReply` (src/bot/reply.ts).
 */
import { ButtonStyle } from 'discord.js';
import type { APIButtonComponent, APIEmbed, APIEmbedField } from 'discord.js';
import type { Article, Passage } from '../corpus/types.js';
import type { Hit } from '../engine/types.js';
import { paragraphLabel } from '../corpus/cite.js';
import { citationLabel, citationMarkdown, linkSuffix } from './citations.js';
import { moreCustomId, shareCustomId, voteCustomId } from './custom-ids.js';
import { factLead } from './fact-lead.js';
import type { CitedFact } from './fact-quotes.js';
import { DISPLAY, LIMITS } from './limits.js';
import { EMBED_COLOUR, button, finalizeReply, noticeReply, row } from './reply.js';
import type { Choice, Reply } from './reply.js';
import { ShownSentences, unshownHit } from './shown.js';
import { STRINGS } from './strings.js';
import { collapseWhitespace, escapeMarkdown, renderHighlighted, trimText } from './text.js';

/** A search hit together with the article it belongs to, resolved by the caller. */
export interface CitedHit {
  readonly hit: Hit;
  readonly article: Article;
}

/** Reference to the Discord message a context-menu question came from. */
export interface MessageReference {
  readonly url: string;
}

/** Budget for an excerpt inside a field value, leaving room for the citation line. */
const FIELD_EXCERPT_MAX = LIMITS.fieldValue - 300;
/** The main excerpt is short by design (the engine picks the best sentences); this is only a guard. */
const MAIN_EXCERPT_MAX = 3000;
/** Fact blocks shown above an answer's passages, and the characters they may take of the 6000 total. */
const LEAD_FACTS_MAX = 3;
const LEAD_FACTS_CHARS = 1800;

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

/** "¶9 The government has approved Vodafone's…" for /quote autocomplete; the value is the passage id. */
export function passageChoice(passage: Passage): Choice {
  const label = paragraphLabel(passage);
  const preview = trimText(collapseWhitespace(passage.text), DISPLAY.quoteChoicePreview);
  return { name: `${label} ${preview}`, value: passage.id };
}

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
