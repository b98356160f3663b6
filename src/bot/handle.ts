/**
 * The transport-free half of answering an interaction: plain request in, reply (or autocomplete choices)
 * out, with the per-user rate limit, unknown commands and the one error contract ("Something went wrong
 * (ref …)" for the person, the ref and stack in the log). The three transports speak only this: the HTTP
 * endpoint (src/http/), console mode (src/bot/console.ts) and the gateway dispatcher, which turns discord.js
 * objects into the same requests and sends what comes back.
 */
import { randomBytes } from 'node:crypto';
import { normaliseQuestion } from './answers.js';
import type { AutocompleteRequest, ButtonRequest, Command, CommandRequest } from './commands.js';
import { findButtonOwner, findCommand } from './commands.js';
import type { BotContext } from './context.js';
import { autocompleteChoices, errorReply, noticeReply } from './reply.js';
import type { Choice, Reply } from './reply.js';
import { STRINGS } from './strings.js';

export type PlainInteraction =
  | { readonly kind: 'command'; readonly name: string; readonly request: CommandRequest }
  | { readonly kind: 'autocomplete'; readonly name: string; readonly request: AutocompleteRequest }
  | { readonly kind: 'button'; readonly request: ButtonRequest };

export type HandledOutcome = 'answered' | 'rate-limited' | 'unknown' | 'error';

/** `update`: the reply replaces the message the clicked button sits on (paging), not a new message. */
export type Handled =
  | {
      readonly kind: 'reply';
      readonly reply: Reply;
      readonly outcome: HandledOutcome;
      readonly update?: boolean;
    }
  | { readonly kind: 'choices'; readonly choices: Choice[]; readonly outcome: HandledOutcome };

/** Per-user limit on commands (autocomplete and buttons are never limited): src/bot/rate-limit.ts. */
export interface CommandLimiter {
  take(
    userId: string,
  ):
    | { readonly ok: true }
    | { readonly ok: false; readonly retryAfterSeconds: number }
    | Promise<{ readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number }>;
}

export interface HandlerOptions {
  readonly commands: readonly Command[];
  readonly ctx: BotContext | (() => BotContext);
  readonly limiter: CommandLimiter;
}

/** What a transport knows about the interaction beyond the request (its id, …), added to an error's log line. */
export type LogFields = Readonly<Record<string, string>>;

/** Never rejects: a failing handler becomes an error reply (or no choices) and a logged ref. */
export type Handler = (interaction: PlainInteraction, logFields?: LogFields) => Promise<Handled>;

export function createHandler(options: HandlerOptions): Handler {
  const { commands } = options;
  const source = options.ctx;
  const currentContext = typeof source === 'function' ? source : () => source;
  const { limiter } = options;

  async function run(interaction: PlainInteraction, ctx: BotContext): Promise<Handled> {
    switch (interaction.kind) {
      case 'command': {
        const command = findCommand(commands, interaction.name);
        if (!command) {
          return reply(noticeReply(STRINGS.unknownCommand(interaction.name.slice(0, 50))), 'unknown');
        }
        const wait =
          command.rateLimited === false
            ? { ok: true as const }
            : await limiter.take(interaction.request.userId);
        if (!wait.ok) {
          return reply(noticeReply(STRINGS.rateLimited(wait.retryAfterSeconds)), 'rate-limited');
        }
        return reply(await command.execute(interaction.request, ctx), 'answered');
      }
      case 'autocomplete': {
        const command = findCommand(commands, interaction.name);
        const { focused } = interaction.request;
        const choices = command?.autocomplete
          ? await command.autocomplete(
              // What is typed so far, folded like a question (full-width letters, zero-width characters).
              { ...interaction.request, focused: { ...focused, value: normaliseQuestion(focused.value) } },
              ctx,
            )
          : [];
        return {
          kind: 'choices',
          choices: autocompleteChoices(choices),
          outcome: command ? 'answered' : 'unknown',
        };
      }
      case 'button': {
        const owner = findButtonOwner(commands, interaction.request.customId);
        if (!owner?.button) {
          return reply(
            noticeReply(STRINGS.unknownCommand(interaction.request.customId.slice(0, 50))),
            'unknown',
          );
        }
        const answered = await owner.button(interaction.request, ctx);
        if (owner.buttonUpdatesMessage) {
          // Paging: the new page replaces the message (its visibility stays what it was).
          const { flags: _flags, ...page } = answered;
          return { kind: 'reply', reply: page, outcome: 'answered', update: true };
        }
        return reply(answered, 'answered');
      }
    }
  }

  return async function handle(interaction, logFields = {}) {
    const ctx = currentContext();
    try {
      return await run(interaction, ctx);
    } catch (error) {
      const ref = randomBytes(3).toString('hex').toUpperCase();
      ctx.log.error(`interaction failed (ref ${ref})`, {
        ref,
        ...logFields,
        what: describe(interaction),
        error: error instanceof Error ? error : new Error(String(error)),
      });
      return interaction.kind === 'autocomplete'
        ? { kind: 'choices', choices: [], outcome: 'error' }
        : reply(errorReply(ref), 'error');
    }
  };
}

function reply(value: Reply, outcome: HandledOutcome): Handled {
  return { kind: 'reply', reply: value, outcome };
}

export function describe(interaction: PlainInteraction): string {
  if (interaction.kind === 'button') return `button ${interaction.request.customId.slice(0, 50)}`;
  return `/${interaction.name.slice(0, 50)}${interaction.kind === 'autocomplete' ? ' (autocomplete)' : ''}`;
}
