/**
 * Turns discord.js interactions into plain requests for the command handlers and sends their replies.
 * This is the one error handler: whatever a handler throws, the user gets a short private
 * "Something went wrong (ref …)" and the log gets the same ref with the stack.
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
import { normaliseQuestion } from './answers.js';
import type { Command, CommandRequest, OptionValue } from './commands.js';
import { findButtonOwner, findCommand } from './commands.js';
import type { BotContext } from './context.js';
import type { RateLimiter } from './rate-limit.js';
import { autocompleteChoices, errorReply, noticeReply } from './reply.js';
import type { Reply } from './reply.js';
import { STRINGS } from './strings.js';

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

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { commands } = options;
  const source = options.ctx;
  const currentContext = typeof source === 'function' ? source : () => source;
  const limiter = options.rateLimiter;
  const deferAfterMs = options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
  const log = currentContext().log;

  async function onCommand(
    interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
    ctx: BotContext,
  ) {
    const command = findCommand(commands, interaction.commandName);
    if (!command) {
      await interaction.reply(noticeReply(STRINGS.unknownCommand(interaction.commandName)));
      return;
    }
    const wait =
      command.rateLimited === false ? { ok: true as const } : await limiter.take(interaction.user.id);
    if (!wait.ok) {
      await interaction.reply(noticeReply(STRINGS.rateLimited(wait.retryAfterSeconds)));
      return;
    }
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
    await replyInTime(interaction, command.execute(request, ctx), request.options.private === true);
  }

  /** Reply directly when the handler is quick; otherwise defer, then edit the deferred reply. */
  async function replyInTime(
    interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction,
    pending: Reply | Promise<Reply>,
    ephemeralIfDeferred: boolean,
  ) {
    const tooSlow = Symbol('too slow');
    let timer: NodeJS.Timeout | undefined;
    let quick: Reply | typeof tooSlow;
    try {
      quick = await Promise.race([
        pending,
        new Promise<typeof tooSlow>((resolve) => (timer = setTimeout(() => resolve(tooSlow), deferAfterMs))),
      ]);
    } finally {
      clearTimeout(timer);
    }
    if (quick !== tooSlow) {
      await interaction.reply(quick);
      return;
    }
    log.warn('handler is slow: deferring', { id: interaction.id, afterMs: deferAfterMs });
    await interaction.deferReply(ephemeralIfDeferred ? { flags: MessageFlags.Ephemeral } : {});
    // A deferred reply's visibility is fixed, so the edit carries everything but the flags.
    const { flags: _flags, ...edit } = await pending;
    await interaction.editReply(edit);
  }

  async function onAutocomplete(interaction: AutocompleteInteraction, ctx: BotContext) {
    const command = findCommand(commands, interaction.commandName);
    const focused = interaction.options.getFocused(true);
    const choices = command?.autocomplete
      ? await command.autocomplete(
          {
            // What is typed so far, folded like a question (full-width letters, zero-width characters).
            focused: { name: focused.name, value: normaliseQuestion(String(focused.value)) },
            options: {},
            userId: interaction.user.id,
          },
          ctx,
        )
      : [];
    await interaction.respond(autocompleteChoices(choices));
  }

  async function onButton(interaction: ButtonInteraction, ctx: BotContext) {
    const owner = findButtonOwner(commands, interaction.customId);
    if (!owner?.button) {
      await interaction.reply(noticeReply(STRINGS.unknownCommand(interaction.customId.slice(0, 50))));
      return;
    }
    const reply = owner.button(
      {
        customId: interaction.customId,
        userId: interaction.user.id,
        messageTitle: interaction.message.embeds[0]?.title ?? undefined,
        messageId: interaction.message.id,
        guildId: interaction.guildId ?? undefined,
      },
      ctx,
    );
    if (owner.buttonUpdatesMessage) {
      // Paging: the new page replaces the message (its visibility stays what it was).
      const { flags: _flags, ...page } = await reply;
      await interaction.update(page);
      return;
    }
    // If a button handler ever needs deferring, defer privately: never public by accident.
    await replyInTime(interaction, reply, true);
  }

  return async function dispatch(interaction) {
    const started = performance.now();
    const ctx = currentContext();
    try {
      if (interaction.isAutocomplete()) await onAutocomplete(interaction, ctx);
      else if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
        await onCommand(interaction, ctx);
      } else if (interaction.isButton()) await onButton(interaction, ctx);
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

function describe(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete()) return `/${interaction.commandName}`;
  if (interaction.isButton()) return `button ${interaction.customId}`;
  return `interaction type ${interaction.type}`;
}
