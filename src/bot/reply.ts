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
import { DISPLAY, LIMITS } from './limits.js';
import { STRINGS } from './strings.js';
import { collapseWhitespace, escapeMarkdown, renderHighlighted, trimText } from './text.js';

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

// ---------------------------------------------------------------- customIds
/**
 * Button customIds carry everything the click needs: `ask:<action>:<key>[:<offset>]`, where key is the
 * answer-cache key of the question (see src/bot/answers.ts). Routing uses the part before the first ":".
 */
export const CUSTOM_ID_PREFIX = 'ask';
export const moreCustomId = (key: string, offset: number) => `${CUSTOM_ID_PREFIX}:more:${key}:${offset}`;
export const shareCustomId = (key: string) => `${CUSTOM_ID_PREFIX}:share:${key}`;

export type ButtonAction =
  | { readonly kind: 'more'; readonly key: string; readonly offset: number }
  | { readonly kind: 'share'; readonly key: string };

export function parseCustomId(customId: string): ButtonAction | undefined {
  const [prefix, action, key, offset] = customId.split(':');
  if (prefix !== CUSTOM_ID_PREFIX || !key) return undefined;
  if (action === 'share') return { kind: 'share', key };
  if (action === 'more' && offset !== undefined && /^\d+$/.test(offset)) {
    return { kind: 'more', key, offset: Number(offset) };
  }
  return undefined;
}

// ---------------------------------------------------------------- builders
export interface AnswerInput {
  readonly question: string;
  /** All hits of the search, best first; the reply shows the first plus "See also". */
  readonly hits: readonly CitedHit[];
  readonly key: string;
  readonly ephemeral: boolean;
  readonly reference?: MessageReference;
}

/** /ask and "Ask the article": the best excerpt with its citation, "See also" passages and buttons. */
export function answerReply(input: AnswerInput): Reply {
  const [best, ...rest] = input.hits;
  if (!best) return noMatchReply(input.question, []);
  const seeAlso = rest.slice(0, DISPLAY.seeAlso);
  const fields: APIEmbedField[] = [];
  if (input.reference) {
    fields.push({ name: STRINGS.askedAbout, value: `[this message](${input.reference.url})` });
  }
  fields.push({ name: STRINGS.source, value: citationMarkdown(best.article, best.hit.passage) });
  for (const other of seeAlso) {
    fields.push({
      name: `${STRINGS.seeAlso} · ${citationLabel(other.article, other.hit.passage, best.article)}`,
      value: excerptMarkdown(other.hit, FIELD_EXCERPT_MAX) + linkSuffix(other.article, other.hit.passage),
    });
  }
  const embed: APIEmbed = {
    title: questionTitle(input.question),
    description: excerptMarkdown(best.hit, MAIN_EXCERPT_MAX),
    fields,
    footer: { text: STRINGS.answerFooter },
    color: EMBED_COLOUR,
  };
  const shown = 1 + seeAlso.length;
  const buttons: APIButtonComponent[] = [
    button(STRINGS.morePassagesButton, moreCustomId(input.key, shown), input.hits.length <= shown),
  ];
  if (input.ephemeral)
    buttons.push(button(STRINGS.shareButton, shareCustomId(input.key), false, ButtonStyle.Primary));
  return finalizeReply({ embeds: [embed], components: [row(buttons)], ephemeral: input.ephemeral });
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

/** The article has nothing on the question: say so privately and offer topics it does cover. */
export function noMatchReply(question: string, suggestions: readonly string[]): Reply {
  const topics = suggestions
    .slice(0, DISPLAY.noMatchSuggestions)
    .map((topic) => `• ${escapeMarkdown(collapseWhitespace(topic))}`);
  const lines = [STRINGS.noMatch(trimText(escapeMarkdown(collapseWhitespace(question)), 300))];
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

// ---------------------------------------------------------------- pieces
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
): APIButtonComponent {
  return { type: ComponentType.Button, style, label, custom_id: customId, disabled };
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
