/**
 * Discord's interaction JSON (as POSTed to an Interactions Endpoint URL) as the plain requests the handlers
 * take, and a handler's Reply as Discord's message body. Only the fields the handlers use are read; anything
 * malformed is a clear error the server turns into a 400.
 */
import type { APIInteractionResponseCallbackData } from 'discord.js';
import type { OptionValue } from '../bot/commands.js';
import type { PlainInteraction } from '../bot/handle.js';
import type { Choice, Reply } from '../bot/reply.js';

export const INTERACTION_TYPE = { ping: 1, command: 2, component: 3, autocomplete: 4 } as const;
export const RESPONSE_TYPE = {
  pong: 1,
  message: 4,
  deferredMessage: 5,
  updateMessage: 7,
  autocompleteResult: 8,
} as const;
const COMPONENT_BUTTON = 2;
const COMMAND_MESSAGE = 3;
const EPHEMERAL = 64;

export interface ParsedInteraction {
  readonly interaction: PlainInteraction;
  /** For follow-ups after a deferred response. */
  readonly applicationId: string;
  readonly token: string;
  /** Metrics label: "command", "component" or "autocomplete". */
  readonly typeLabel: 'command' | 'component' | 'autocomplete';
}

export type ParseResult =
  | { readonly kind: 'ping' }
  | { readonly kind: 'interaction'; readonly parsed: ParsedInteraction }
  | { readonly kind: 'invalid'; readonly problem: string };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function parseInteraction(body: unknown): ParseResult {
  if (!isObject(body)) return invalid('the body is not a JSON object');
  if (body.type === INTERACTION_TYPE.ping) return { kind: 'ping' };
  if (
    body.type !== INTERACTION_TYPE.command &&
    body.type !== INTERACTION_TYPE.component &&
    body.type !== INTERACTION_TYPE.autocomplete
  ) {
    return invalid(`unknown interaction type ${JSON.stringify(body.type)?.slice(0, 20)}`);
  }
  const applicationId = str(body.application_id);
  const token = str(body.token);
  const data = body.data;
  if (!applicationId || !token || !isObject(data))
    return invalid('application_id, token and data are required');
  const userId =
    str(isObject(body.member) && isObject(body.member.user) ? body.member.user.id : undefined) ??
    str(isObject(body.user) ? body.user.id : undefined);
  if (!userId) return invalid('neither member.user.id nor user.id is present');
  const guildId = str(body.guild_id);
  const base = { applicationId, token };

  if (body.type === INTERACTION_TYPE.component) {
    const customId = str(data.custom_id);
    if (!customId || data.component_type !== COMPONENT_BUTTON)
      return invalid('only button clicks are handled');
    const message = isObject(body.message) ? body.message : {};
    const firstEmbed = Array.isArray(message.embeds) ? (message.embeds[0] as unknown) : undefined;
    return ok({
      ...base,
      typeLabel: 'component',
      interaction: {
        kind: 'button',
        request: {
          customId,
          userId,
          guildId,
          messageId: str(message.id),
          messageTitle: isObject(firstEmbed) ? str(firstEmbed.title) : undefined,
        },
      },
    });
  }

  const name = str(data.name);
  if (!name) return invalid('data.name is required');
  const options = Array.isArray(data.options) ? data.options.filter(isObject) : [];

  if (body.type === INTERACTION_TYPE.autocomplete) {
    const focused = options.find((option) => option.focused === true);
    return ok({
      ...base,
      typeLabel: 'autocomplete',
      interaction: {
        kind: 'autocomplete',
        name,
        request: {
          focused: { name: str(focused?.name) ?? '', value: String(focused?.value ?? '') },
          options: optionValues(options.filter((option) => option !== focused)),
          userId,
        },
      },
    });
  }

  if (data.type === COMMAND_MESSAGE) {
    const targetId = str(data.target_id);
    const messages =
      isObject(data.resolved) && isObject(data.resolved.messages) ? data.resolved.messages : {};
    const target = targetId ? messages[targetId] : undefined;
    if (!targetId || !isObject(target))
      return invalid('a message command needs data.target_id and its resolved message');
    const channelId = str(target.channel_id) ?? str(body.channel_id) ?? '0';
    return ok({
      ...base,
      typeLabel: 'command',
      interaction: {
        kind: 'command',
        name,
        request: {
          options: {},
          userId,
          guildId,
          target: {
            content: str(target.content) ?? '',
            url: `https://discord.com/channels/${guildId ?? '@me'}/${channelId}/${targetId}`,
          },
        },
      },
    });
  }
  return ok({
    ...base,
    typeLabel: 'command',
    interaction: { kind: 'command', name, request: { options: optionValues(options), userId, guildId } },
  });
}

function optionValues(options: readonly Json[]): Record<string, OptionValue | undefined> {
  const values: Record<string, OptionValue | undefined> = {};
  for (const option of options) {
    const name = str(option.name);
    const value = option.value;
    if (name && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
      values[name] = value;
    }
  }
  return values;
}

function ok(parsed: ParsedInteraction): ParseResult {
  return { kind: 'interaction', parsed };
}

function invalid(problem: string): ParseResult {
  return { kind: 'invalid', problem };
}

/** A Reply as Discord's message body: snake_case, and mentions never parsed. */
export function messageBody(reply: Reply): APIInteractionResponseCallbackData {
  const body: APIInteractionResponseCallbackData = {
    embeds: reply.embeds,
    components: reply.components,
    allowed_mentions: { parse: [] },
  };
  if (reply.content !== undefined) body.content = reply.content;
  if (reply.flags) body.flags = EPHEMERAL;
  return body;
}

export function messageResponse(reply: Reply) {
  return { type: RESPONSE_TYPE.message, data: messageBody(reply) };
}

/** A button's page replacing the message it sits on (callback type 7). */
export function updateResponse(reply: Reply) {
  return { type: RESPONSE_TYPE.updateMessage, data: messageBody(reply) };
}

export function choicesResponse(choices: readonly Choice[]) {
  return { type: RESPONSE_TYPE.autocompleteResult, data: { choices } };
}

/** A deferred response: private when the answer will be (and always for buttons: never public by accident). */
export function deferredResponse(ephemeral: boolean) {
  return { type: RESPONSE_TYPE.deferredMessage, data: ephemeral ? { flags: EPHEMERAL } : {} };
}
