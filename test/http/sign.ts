/** Test helpers: an Ed25519 key pair like a Discord application's, and requests signed the way Discord signs. */
import { generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

export interface TestKeys {
  readonly privateKey: KeyObject;
  /** 64 hex characters, as the Developer Portal shows DISCORD_PUBLIC_KEY. */
  readonly publicKeyHex: string;
}

export function testKeys(): TestKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicKeyHex: der.subarray(-32).toString('hex') };
}

export function signedHeaders(
  keys: TestKeys,
  body: string,
  timestamp = String(Math.floor(Date.now() / 1000)),
) {
  const signature = sign(null, Buffer.from(timestamp + body), keys.privateKey).toString('hex');
  return {
    'content-type': 'application/json',
    'x-signature-ed25519': signature,
    'x-signature-timestamp': timestamp,
  };
}

let counter = 0;
const USER = { id: '210000000000000001', username: 'tester' };

/** A slash command interaction as Discord POSTs it. */
export function commandInteraction(
  name: string,
  options: Record<string, string | number | boolean> = {},
  extra: { userId?: string; guildId?: string } = {},
) {
  counter++;
  return {
    type: 2,
    id: `3${String(counter).padStart(17, '0')}`,
    application_id: '110000000000000001',
    token: `interaction-token-${counter}`,
    version: 1,
    guild_id: extra.guildId ?? '410000000000000001',
    channel_id: '510000000000000001',
    member: { user: { ...USER, id: extra.userId ?? USER.id } },
    data: {
      id: '610000000000000001',
      name,
      type: 1,
      options: Object.entries(options).map(([optionName, value]) => ({
        name: optionName,
        type: typeof value === 'boolean' ? 5 : typeof value === 'number' ? 10 : 3,
        value,
      })),
    },
  };
}

export function autocompleteInteraction(name: string, option: string, typed: string) {
  const base = commandInteraction(name);
  return {
    ...base,
    type: 4,
    data: { ...base.data, options: [{ name: option, type: 3, value: typed, focused: true }] },
  };
}

/** A click on a button of `message` (a message body as the bot sent it, plus the id Discord gave it). */
export function buttonInteraction(
  customId: string,
  message: { id: string; embeds?: unknown[] },
  extra: { userId?: string; guildId?: string } = {},
) {
  const base = commandInteraction('unused', {}, extra);
  const { data: _data, ...rest } = base;
  return {
    ...rest,
    type: 3,
    message: { embeds: [], ...message },
    data: { custom_id: customId, component_type: 2 },
  };
}

export function messageCommandInteraction(content: string) {
  const base = commandInteraction('Ask the article');
  return {
    ...base,
    data: {
      id: '610000000000000002',
      name: 'Ask the article',
      type: 3,
      target_id: '710000000000000001',
      resolved: {
        messages: {
          '710000000000000001': { id: '710000000000000001', channel_id: '510000000000000001', content },
        },
      },
    },
  };
}
