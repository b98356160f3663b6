/**
 * The discord.js client: Guilds intent only (slash commands need no privileged intents), REST pointed at
 * DISCORD_API_URL when set, every interaction handed to the dispatcher.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Command } from './commands.js';
import type { BotContext } from './context.js';
import { createDispatcher } from './dispatcher.js';
import type { RateLimiter } from './rate-limit.js';

export interface BotOptions {
  readonly token: string;
  readonly apiUrl: string | undefined;
  readonly commands: readonly Command[];
  /** See DispatcherOptions.ctx: a function when the library can be reloaded while running. */
  readonly ctx: BotContext | (() => BotContext);
  /** See DispatcherOptions.rateLimiter. */
  readonly rateLimiter: RateLimiter;
  /** See DispatcherOptions.deferAfterMs. */
  readonly deferAfterMs?: number;
  /**
   * The gateway closed for good (bad token, disallowed intents …): discord.js will not reconnect, so the
   * bot can only exit. Called once, with a message that says what to do.
   */
  readonly onFatal?: (message: string) => void;
}

/**
 * Gateway close codes after which discord.js gives up instead of resuming or reconnecting
 * (https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes).
 */
export const FATAL_GATEWAY_CLOSES: Readonly<Record<number, string>> = {
  4004: 'Discord rejected DISCORD_TOKEN (gateway close 4004, authentication failed): reset it in the Developer Portal (Bot → Reset Token) and update .env.',
  4010: 'Discord refused the shard settings (gateway close 4010, invalid shard).',
  4011: 'Discord requires sharding for this bot (gateway close 4011).',
  4012: 'Discord refused the gateway API version (gateway close 4012): update discord.js.',
  4013: 'Discord refused the intents (gateway close 4013, invalid intents).',
  4014: 'Discord refused the intents (gateway close 4014, disallowed intents): the bot asks for Guilds only, which needs no approval in the Developer Portal.',
};

export interface Bot {
  readonly client: Client;
  /** Log in and resolve once the gateway session is ready. */
  start(): Promise<void>;
  /** Close the gateway connection and stop REST timers. Safe to call twice. */
  stop(): Promise<void>;
}

export function createBot(options: BotOptions): Bot {
  const log = typeof options.ctx === 'function' ? options.ctx().log : options.ctx.log;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // Second line of defence behind the reply helper: nothing this client sends parses mentions.
    allowedMentions: { parse: [] },
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });
  const dispatch = createDispatcher(options);
  client.on(Events.InteractionCreate, (interaction) => void dispatch(interaction));
  client.on(Events.Error, (error) => log.error('discord client error', { error }));
  client.on(Events.Warn, (message) => log.warn(`discord: ${message}`));
  let fatal = false;
  client.on(Events.ShardDisconnect, (event, shard) => {
    log.warn(`gateway shard ${shard} disconnected`, { code: event.code });
    const message = FATAL_GATEWAY_CLOSES[event.code];
    if (message && !fatal) {
      fatal = true;
      options.onFatal?.(message);
    }
  });
  client.on(Events.ShardResume, (shard) => log.info(`gateway shard ${shard} resumed`));
  client.on(Events.Debug, (message) => log.debug(`discord: ${message}`));

  let stopped = false;
  return {
    client,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(options.token);
      await ready;
      log.info(
        `logged in as ${client.user?.tag ?? 'unknown'}; commands: ${options.commands.map((c) => c.data.name).join(', ')}`,
      );
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await client.destroy();
    },
  };
}
