/**
 * The one reply helper: every reply the bot sends passes `finalizeReply`, which enforces Discord's limits
 * (lengths, counts, the 6000-character total, customId length) and sets `allowedMentions: { parse: [] }`,
 * so nothing sent can ping anyone. A `Reply` is plain JSON accepted as-is by discord.js
 * (`interaction.reply(reply)`), sent as JSON by the HTTP endpoint and rendered as text by console mode.
 * The builders live by subject: answers (answer-reply.ts), fact listings (fact-reply.ts); short notices and
 * autocomplete choices are here.
 */
import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import { LIMITS } from './limits.js';
import { STRINGS } from './strings.js';
import { collapseWhitespace, trimText } from './text.js';

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

export const EMBED_COLOUR = 0xc7000b;

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

// ---------------------------------------------------------------- buttons
export function button(
  label: string,
  customId: string,
  disabled = false,
  style: ButtonStyle.Primary | ButtonStyle.Secondary = ButtonStyle.Secondary,
  emoji?: string,
): APIButtonComponent {
  const plain = { type: ComponentType.Button, style, label, custom_id: customId, disabled } as const;
  return emoji ? { ...plain, emoji: { name: emoji } } : plain;
}

export function row(components: APIButtonComponent[]): ButtonRow {
  return { type: ComponentType.ActionRow, components };
}

// ---------------------------------------------------------------- limits
export interface Draft {
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
