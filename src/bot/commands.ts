/**
 * The command contract and its loader. A command file in commands/ exports:
 *   data          a SlashCommandBuilder or ContextMenuCommandBuilder (anything with name + toJSON())
 *   execute       (request, ctx) => Reply: parse options, ask the engine, render with src/bot/reply.ts
 *   autocomplete  optional (request, ctx) => Choice[]; required when an option has autocomplete on
 *   button        optional (request, ctx) => Reply for clicks on buttons whose customId starts with
 *   customIdPrefix + ":"
 *   buttonUpdatesMessage  optional true: button replies replace the message the button sits on (paging)
 *   rateLimited   optional false: the per-user rate limit never applies (/help: someone told to wait must
 *                 still be able to read how the bot works)
 * Requests are plain data, not discord.js objects, so console mode and tests run the same handlers.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { BotContext } from './context.js';
import type { Choice, Reply } from './reply.js';

export type OptionValue = string | number | boolean;

export interface CommandRequest {
  /** Top-level option values by name, as the user gave them. */
  readonly options: Readonly<Record<string, OptionValue | undefined>>;
  readonly userId: string;
  /** The server the command was used in; undefined in DMs and console mode. */
  readonly guildId?: string | undefined;
  /** Message context-menu commands: the selected message. */
  readonly target?: { readonly content: string; readonly url: string };
}

export interface AutocompleteRequest {
  readonly focused: { readonly name: string; readonly value: string };
  readonly options: Readonly<Record<string, OptionValue | undefined>>;
  readonly userId: string;
}

export interface ButtonRequest {
  readonly customId: string;
  readonly userId: string;
  /** Title of the first embed of the message the button sits on (lets handlers recover after a restart). */
  readonly messageTitle: string | undefined;
  /** Id of the message the button sits on (feedback votes are per message), and its server. */
  readonly messageId?: string | undefined;
  readonly guildId?: string | undefined;
}

type MaybePromise<T> = T | Promise<T>;

export interface Command {
  readonly data: { readonly name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  execute(request: CommandRequest, ctx: BotContext): MaybePromise<Reply>;
  autocomplete?(request: AutocompleteRequest, ctx: BotContext): MaybePromise<readonly Choice[]>;
  readonly customIdPrefix?: string;
  readonly rateLimited?: boolean;
  readonly buttonUpdatesMessage?: boolean;
  button?(request: ButtonRequest, ctx: BotContext): MaybePromise<Reply>;
}

export class CommandError extends Error {
  override readonly name = 'CommandError';
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`command error: ${file}: ${problem}`);
  }
}

const COMMAND_FILE = /^(?!.*\.d\.ts$)(?!.*\.test\.ts$).*\.(ts|js|mjs)$/;

/** Import every command file in `dir` (sorted by name) and check each against the contract. */
export async function loadCommands(dir: string): Promise<Command[]> {
  const files = (await readdir(dir)).filter((name) => COMMAND_FILE.test(name)).sort();
  const commands: Command[] = [];
  const names = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const name of files) {
    const absolute = path.resolve(dir, name);
    const shown = path.relative(process.cwd(), absolute) || name;
    const module: unknown = await import(pathToFileURL(absolute).href);
    const command = checkCommand(module, shown);
    const claimedBy = names.get(command.data.name);
    if (claimedBy)
      throw new CommandError(shown, `command name "${command.data.name}" is already used by ${claimedBy}`);
    names.set(command.data.name, shown);
    if (command.customIdPrefix) {
      const prefixOwner = prefixes.get(command.customIdPrefix);
      if (prefixOwner) {
        throw new CommandError(
          shown,
          `customIdPrefix "${command.customIdPrefix}" is already used by ${prefixOwner}`,
        );
      }
      prefixes.set(command.customIdPrefix, shown);
    }
    commands.push(command);
  }
  return commands;
}

/** Validate one imported module; `file` is only used in error messages. */
export function checkCommand(module: unknown, file: string): Command {
  const exports = (module ?? {}) as Record<string, unknown>;
  const data = exports.data as { name?: unknown; toJSON?: unknown } | undefined;
  if (typeof data !== 'object' || data === null) {
    throw new CommandError(
      file,
      'missing export "data" (a SlashCommandBuilder or ContextMenuCommandBuilder)',
    );
  }
  if (typeof data.name !== 'string' || data.name === '') {
    throw new CommandError(file, 'export "data" has no name: call .setName(...) on the builder');
  }
  if (typeof data.toJSON !== 'function') {
    throw new CommandError(file, 'export "data" has no toJSON(): use a discord.js command builder');
  }
  if (typeof exports.execute !== 'function') {
    throw new CommandError(file, 'missing export "execute" (a function that answers the command)');
  }
  if (exports.autocomplete !== undefined && typeof exports.autocomplete !== 'function') {
    throw new CommandError(file, 'export "autocomplete" must be a function');
  }
  const json = (data.toJSON as () => { options?: { name: string; autocomplete?: boolean }[] }).call(data);
  const needsAutocomplete = (json.options ?? []).find((option) => option.autocomplete);
  if (needsAutocomplete && typeof exports.autocomplete !== 'function') {
    throw new CommandError(
      file,
      `option "${needsAutocomplete.name}" has autocomplete on but the file exports no "autocomplete" function`,
    );
  }
  if (exports.button !== undefined) {
    if (typeof exports.button !== 'function')
      throw new CommandError(file, 'export "button" must be a function');
    if (typeof exports.customIdPrefix !== 'string' || !/^[a-z][\w-]*$/.test(exports.customIdPrefix)) {
      throw new CommandError(
        file,
        'export "button" needs export "customIdPrefix" (lowercase word starting the buttons\' customIds)',
      );
    }
  }
  return exports as unknown as Command;
}

export function findCommand(commands: readonly Command[], name: string): Command | undefined {
  return commands.find((command) => command.data.name === name);
}

/** The command whose customIdPrefix is the part of `customId` before the first ":". */
export function findButtonOwner(commands: readonly Command[], customId: string): Command | undefined {
  const prefix = customId.split(':', 1)[0];
  return commands.find((command) => command.button && command.customIdPrefix === prefix);
}
