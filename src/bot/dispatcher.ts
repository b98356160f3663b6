/**
 * The gateway transport: turns discord.js interactions into plain requests for the shared handler
 * (src/bot/handle.ts: routing, rate limit, the error contract) and sends what it returns: a reply (or a
 * deferral first when the handler is slow), an update of the message for paging buttons, autocomplete
 * choices. Failures on Discord's side (an expired token, a refused edit) are logged here, and the user
 * still gets a "Something went wrong (ref …)" when one can reach them.
 */
import { randomBytes } from 'node:crypto';
import { DiscordAPIError, MessageFlags } from 'discord.js';
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Command, CommandRequest, OptionValue } from './commands.js';
import { findButtonOwner } from './commands.js';
import type { BotContext } from './context.js';
import { createHandler } from './handle.js';
import type { Handled, Handler, LogFields } from './handle.js';
import type { RateLimiter } from './rate-limit.js';
import { errorReply } from './reply.js';

export interface DispatcherOptions {
  readonly commands: readonly Command[];
  /**
   * The handler context, or a function returning the current one: with DATA_WATCH the library can be
   * swapped while the bot runs (src/bot/watch.ts), and each interaction then uses one library throughout.
   */
  readonly ctx: BotContext | (() => BotContext);
  /** Per-user limit on commands (src/bot/rate-limit.ts); autocomplete and buttons are never limited. */
  readonly rateLimiter: RateLimiter;
  /**
   * A handler still working after this long gets a deferred response first (Discord's deadline for the
   * first response is 3 s). Today's handlers answer in milliseconds and always reply directly: deferring
   * everything would double the requests, and discord.js paces follow-up edits.
   */
  readonly deferAfterMs?: number;
}

export const DEFAULT_DEFER_AFTER_MS = 1500;

export type Dispatcher = (interaction: Interaction) => Promise<void>;

type Repliable = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction;

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { commands } = options;
  const source = options.ctx;
  const currentContext = typeof source === 'function' ? source : () => source;
  const handle: Handler = createHandler({ commands, ctx: currentContext, limiter: options.rateLimiter });
  const deferAfterMs = options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
  const log = currentContext().log;

  async function onCommand(interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction) {
    const request: CommandRequest = interaction.isMessageContextMenuCommand()
      ? {
          options: {},
          userId: interaction.user.id,
          guildId: interaction.guildId ?? undefined,
          target: { content: interaction.targetMessage.content, url: interaction.targetMessage.url },
        }
      : {
          options: optionValues(interaction),
          userId: interaction.user.id,
          guildId: interaction.guildId ?? undefined,
        };
    await replyInTime(
      interaction,
      handle({ kind: 'command', name: interaction.commandName, request }, logFieldsOf(interaction)),
      request.options.private === true,
    );
  }

  /** Reply directly when the handler is quick; otherwise defer, then edit the deferred reply. */
  async function replyInTime(
    interaction: Repliable,
    pending: Promise<Handled>,
    ephemeralIfDeferred: boolean,
  ) {
    const tooSlow = Symbol('too slow');
    let timer: NodeJS.Timeout | undefined;
    let quick: Handled | typeof tooSlow;
    try {
      quick = await Promise.race([
        pending,
        new Promise<typeof tooSlow>((resolve) => (timer = setTimeout(() => resolve(tooSlow), deferAfterMs))),
      ]);
    } finally {
      clearTimeout(timer);
    }
    if (quick !== tooSlow) {
      await send(interaction, quick);
      return;
    }
    log.warn('handler is slow: deferring', { id: interaction.id, afterMs: deferAfterMs });
    await interaction.deferReply(ephemeralIfDeferred ? { flags: MessageFlags.Ephemeral } : {});
    const handled = await pending;
    if (handled.kind !== 'reply') return;
    if (handled.outcome === 'error') {
      // The deferred reply may be public: the error goes privately in a follow-up instead.
      await interaction.followUp(handled.reply);
      return;
    }
    // A deferred reply's visibility is fixed, so the edit carries everything but the flags.
    const { flags: _flags, ...edit } = handled.reply;
    await interaction.editReply(edit);
  }

  async function send(interaction: Repliable, handled: Handled) {
    if (handled.kind !== 'reply') return;
    if (handled.update && interaction.isButton()) {
      // The handler already dropped the flags (an update keeps the message's visibility); the type still has them.
      const { flags: _flags, ...page } = handled.reply;
      await interaction.update(page);
    } else await interaction.reply(handled.reply);
  }

  async function onAutocomplete(interaction: AutocompleteInteraction) {
    const focused = interaction.options.getFocused(true);
    const handled = await handle(
      {
        kind: 'autocomplete',
        name: interaction.commandName,
        request: {
          focused: { name: focused.name, value: String(focused.value) },
          options: {},
          userId: interaction.user.id,
        },
      },
      logFieldsOf(interaction),
    );
    await interaction.respond(handled.kind === 'choices' ? handled.choices : []);
  }

  async function onButton(interaction: ButtonInteraction) {
    const pending = handle(
      {
        kind: 'button',
        request: {
          customId: interaction.customId,
          userId: interaction.user.id,
          messageTitle: interaction.message.embeds[0]?.title ?? undefined,
          messageId: interaction.message.id,
          guildId: interaction.guildId ?? undefined,
        },
      },
      logFieldsOf(interaction),
    );
    if (findButtonOwner(commands, interaction.customId)?.buttonUpdatesMessage) {
      // Paging updates the message in place, which a deferred *reply* could not do: it is never deferred.
      await send(interaction, await pending);
      return;
    }
    // If a button handler ever needs deferring, defer privately: never public by accident.
    await replyInTime(interaction, pending, true);
  }

  return async function dispatch(interaction) {
    const started = performance.now();
    try {
      if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      else if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
        await onCommand(interaction);
      } else if (interaction.isButton()) await onButton(interaction);
      else return;
      log.debug('interaction answered', { id: interaction.id, ms: (performance.now() - started).toFixed(1) });
    } catch (error) {
      await reportFailure(interaction, error);
    }
  };

  async function reportFailure(interaction: Interaction, error: unknown) {
    if (error instanceof DiscordAPIError && EXPIRED_INTERACTION_CODES.has(Number(error.code))) {
      // Nobody can be told any more: the interaction's token is dead, so say so once and move on.
      log.warn(`interaction expired before the bot could answer: ${error.message}`, {
        id: interaction.id,
        what: describe(interaction),
        code: error.code,
      });
      return;
    }
    const ref = randomBytes(3).toString('hex').toUpperCase();
    log.error(`interaction failed (ref ${ref})`, {
      ref,
      id: interaction.id,
      what: describe(interaction),
      user: interaction.user.id,
      error: error instanceof Error ? error : new Error(String(error)),
    });
    try {
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await interaction.respond([]);
      } else if (interaction.isRepliable()) {
        if (interaction.replied || interaction.deferred) await interaction.followUp(errorReply(ref));
        else await interaction.reply(errorReply(ref));
      }
    } catch (secondary) {
      // The interaction may have expired or Discord may be unreachable: the log already has the cause.
      log.warn(`could not tell the user about ref ${ref}`, {
        error: secondary instanceof Error ? secondary : new Error(String(secondary)),
      });
    }
  }
}

/**
 * Discord's answers once an interaction's token is unusable: Unknown interaction (first response too late),
 * Unknown Webhook and Invalid Webhook Token (edits and follow-ups after the token's 15 minutes).
 */
const EXPIRED_INTERACTION_CODES = new Set([10062, 10015, 50027]);

function optionValues(interaction: ChatInputCommandInteraction): Record<string, OptionValue | undefined> {
  const values: Record<string, OptionValue | undefined> = {};
  for (const option of interaction.options.data) {
    if (
      typeof option.value === 'string' ||
      typeof option.value === 'number' ||
      typeof option.value === 'boolean'
    ) {
      values[option.name] = option.value;
    }
  }
  return values;
}

function logFieldsOf(interaction: Interaction): LogFields {
  return { id: interaction.id, user: interaction.user.id };
}

function describe(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete()) return `/${interaction.commandName}`;
  if (interaction.isButton()) return `button ${interaction.customId}`;
  return `interaction type ${interaction.type}`;
}
