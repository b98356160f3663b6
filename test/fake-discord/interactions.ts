/**
 * Builders for the INTERACTION_CREATE payloads the fake Discord dispatches: the fields discord.js needs
 * (id, token, type, application_id, data, entitlements, authorizing_integration_owners, member.user …).
 */
import { FAKE_APPLICATION_ID, FAKE_CHANNEL_ID, FAKE_GUILD_ID, fakeBotMessage } from './server.js';
import type { FakeDiscord } from './server.js';

export const InteractionType = { ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4 } as const;
export const OptionType = { String: 3, Integer: 4, Boolean: 5 } as const;
export const EPHEMERAL = 64;

/** Whether a recorded callback body is visible only to the person who asked. */
export const isEphemeral = (d: { readonly flags?: number }): boolean =>
  ((d.flags ?? 0) & EPHEMERAL) === EPHEMERAL;

export type OptionInput = string | number | boolean;

export interface UserInput {
  readonly id?: string;
  readonly username?: string;
}

function user(input: UserInput = {}) {
  return {
    id: input.id ?? '1200000000000000001',
    username: input.username ?? 'tester',
    discriminator: '0',
    global_name: input.username ?? 'Tester',
    avatar: null,
  };
}

function base(fake: FakeDiscord, type: number, who?: UserInput) {
  const id = fake.snowflake();
  return {
    id,
    application_id: FAKE_APPLICATION_ID,
    type,
    token: `interaction-token-${id}`,
    version: 1,
    guild_id: FAKE_GUILD_ID,
    channel_id: FAKE_CHANNEL_ID,
    channel: { id: FAKE_CHANNEL_ID, type: 0, guild_id: FAKE_GUILD_ID, name: 'general' },
    member: {
      user: user(who),
      roles: [],
      joined_at: '2024-01-01T00:00:00.000Z',
      permissions: '2248473465835073',
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: '2248473465835073',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': FAKE_GUILD_ID },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

function option(name: string, value: OptionInput, focused = false) {
  const type =
    typeof value === 'boolean'
      ? OptionType.Boolean
      : typeof value === 'number'
        ? OptionType.Integer
        : OptionType.String;
  return focused ? { name, type, value, focused: true } : { name, type, value };
}

export function slashCommand(
  fake: FakeDiscord,
  name: string,
  options: Record<string, OptionInput> = {},
  who?: UserInput,
) {
  return {
    ...base(fake, InteractionType.ApplicationCommand, who),
    data: {
      id: '1300000000000000001',
      name,
      type: 1,
      options: Object.entries(options).map(([key, value]) => option(key, value)),
    },
  };
}

export function autocomplete(
  fake: FakeDiscord,
  name: string,
  focused: { name: string; value: string },
  others: Record<string, OptionInput> = {},
  who?: UserInput,
) {
  return {
    ...base(fake, InteractionType.Autocomplete, who),
    data: {
      id: '1300000000000000001',
      name,
      type: 1,
      options: [
        option(focused.name, focused.value, true),
        ...Object.entries(others).map(([key, value]) => option(key, value)),
      ],
    },
  };
}

/** A message the bot posted earlier, as Discord includes it with a button click. */
export function botMessage(
  fake: FakeDiscord,
  reply: { embeds?: unknown[]; components?: unknown[]; flags?: number },
) {
  return fakeBotMessage(fake.snowflake(), {
    content: '',
    embeds: reply.embeds ?? [],
    components: reply.components ?? [],
    flags: reply.flags ?? 0,
    type: 20,
  });
}

export function buttonClick(fake: FakeDiscord, customId: string, message: object, who?: UserInput) {
  return {
    ...base(fake, InteractionType.MessageComponent, who),
    data: { custom_id: customId, component_type: 2 },
    message,
  };
}

/** A user message in the channel, as resolved for a message context-menu command. */
export function userMessage(fake: FakeDiscord, content: string, who?: UserInput) {
  return {
    id: fake.snowflake(),
    channel_id: FAKE_CHANNEL_ID,
    guild_id: FAKE_GUILD_ID,
    author: user(who ?? { id: '1200000000000000009', username: 'colleague' }),
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
  };
}

export function messageContextMenu(fake: FakeDiscord, name: string, target: { id: string }, who?: UserInput) {
  return {
    ...base(fake, InteractionType.ApplicationCommand, who),
    data: {
      id: '1300000000000000002',
      name,
      type: 3,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  };
}
