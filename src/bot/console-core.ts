/**
 * The pure half of console mode: parsing what a person types into the same requests Discord would send,
 * and rendering a Reply as terminal text. src/bot/console.ts is the readline edge around these.
 *
 *   /ask question: why did italy say yes private: true   a slash command with named options
 *   /ask why did italy say yes                           the text goes to the first string option
 *   /Ask the article Why did Australia ban Huawei?       a message context-menu command on that text
 *   ?quote vodafone                                      autocomplete for the command's first such option
 *   1, 2 …                                               press a button of the last reply
 *   any other text                                       same as /ask <text>
 */
import type { APIEmbed, RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { Command, CommandRequest, OptionValue } from './commands.js';
import type { Reply } from './reply.js';

export const CONSOLE_USER_ID = 'console';
export const CONSOLE_MESSAGE_URL = 'console://message';

export type ConsoleInput =
  | { readonly kind: 'empty' }
  | { readonly kind: 'quit' }
  | { readonly kind: 'help' }
  | { readonly kind: 'command'; readonly command: Command; readonly request: CommandRequest }
  | {
      readonly kind: 'autocomplete';
      readonly command: Command;
      readonly option: string;
      readonly typed: string;
    }
  | { readonly kind: 'button'; readonly index: number }
  | { readonly kind: 'error'; readonly message: string };

interface OptionSpec {
  readonly name: string;
  readonly type: number;
  readonly required?: boolean;
  readonly autocomplete?: boolean;
}

const OPTION_STRING = 3;
const OPTION_INTEGER = 4;
const OPTION_BOOLEAN = 5;
const OPTION_NUMBER = 10;
const MESSAGE_CONTEXT_MENU = 3;

function specOf(command: Command): { type: number; options: OptionSpec[] } {
  const json = command.data.toJSON() as RESTPostAPIApplicationCommandsJSONBody & { options?: OptionSpec[] };
  return { type: json.type ?? 1, options: json.options ?? [] };
}

/** Commands by name, longest first, so "/Ask the article …" is not read as "/ask" with text. */
function byLongestName(commands: readonly Command[]): Command[] {
  return [...commands].sort((a, b) => b.data.name.length - a.data.name.length);
}

function matchCommand(
  commands: readonly Command[],
  text: string,
): { command: Command; rest: string } | undefined {
  const lower = text.toLowerCase();
  for (const command of byLongestName(commands)) {
    const name = command.data.name.toLowerCase();
    if (lower === name || lower.startsWith(`${name} `) || lower.startsWith(`${name}:`)) {
      return { command, rest: text.slice(name.length).trim() };
    }
  }
  return undefined;
}

export function parseConsoleLine(line: string, commands: readonly Command[]): ConsoleInput {
  const text = line.trim();
  if (!text) return { kind: 'empty' };
  if (/^(quit|exit|\.exit|\/quit|\/exit)$/i.test(text)) return { kind: 'quit' };
  if (/^(help|\?|\/help-console)$/i.test(text)) return { kind: 'help' };
  if (/^\d+$/.test(text)) return { kind: 'button', index: Number(text) };

  if (text.startsWith('?')) {
    const found = matchCommand(commands, text.slice(1).trim());
    if (!found) return { kind: 'error', message: `No command matches "${text}". Try ?ask ita` };
    const option = specOf(found.command).options.find((o) => o.autocomplete);
    if (!option) return { kind: 'error', message: `/${found.command.data.name} has no autocomplete.` };
    return { kind: 'autocomplete', command: found.command, option: option.name, typed: found.rest };
  }

  const slashed = text.startsWith('/') ? text.slice(1) : `ask ${text}`;
  const found = matchCommand(commands, slashed);
  if (!found) {
    const names = commands.map((c) => `/${c.data.name}`).join(', ');
    return { kind: 'error', message: `Unknown command "${text.split(/\s/)[0]}". Commands: ${names}` };
  }
  const spec = specOf(found.command);
  if (spec.type === MESSAGE_CONTEXT_MENU) {
    return {
      kind: 'command',
      command: found.command,
      request: {
        options: {},
        userId: CONSOLE_USER_ID,
        target: { content: found.rest, url: CONSOLE_MESSAGE_URL },
      },
    };
  }
  const options = parseOptions(found.rest, spec.options);
  if (typeof options === 'string') return { kind: 'error', message: options };
  const missing = spec.options.find((o) => o.required && options[o.name] === undefined);
  if (missing) {
    return {
      kind: 'error',
      message: `/${found.command.data.name} needs ${missing.name}: e.g. /${found.command.data.name} ${missing.name}: …`,
    };
  }
  return { kind: 'command', command: found.command, request: { options, userId: CONSOLE_USER_ID } };
}

/** "question: why … private: true" → values; text without any "name:" goes to the first string option. */
export function parseOptions(
  text: string,
  specs: readonly OptionSpec[],
): Record<string, OptionValue | undefined> | string {
  const values: Record<string, OptionValue | undefined> = {};
  if (!text) return values;
  const names = specs.map((spec) => spec.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const marker = names.length ? new RegExp(`(?:^|\\s)(${names.join('|')}):\\s*`, 'g') : undefined;
  const markers = marker ? [...text.matchAll(marker)] : [];
  if (markers.length === 0 || (markers[0]?.index ?? 0) > 0) {
    const first = specs.find((spec) => spec.type === OPTION_STRING);
    if (!first) return `This command takes no text: ${text}`;
    const end = markers[0]?.index ?? text.length;
    values[first.name] = text.slice(0, end).trim();
  }
  markers.forEach((match, i) => {
    const name = match[1] ?? '';
    const start = (match.index ?? 0) + match[0].length;
    const end = markers[i + 1]?.index ?? text.length;
    values[name] = text.slice(start, end).trim();
  });
  for (const spec of specs) {
    const raw = values[spec.name];
    if (typeof raw !== 'string') continue;
    if (spec.type === OPTION_BOOLEAN) {
      if (/^(true|yes|y|1)$/i.test(raw)) values[spec.name] = true;
      else if (/^(false|no|n|0)$/i.test(raw)) values[spec.name] = false;
      else return `${spec.name} must be true or false, got "${raw}"`;
    } else if (spec.type === OPTION_INTEGER || spec.type === OPTION_NUMBER) {
      const number = Number(raw);
      if (!Number.isFinite(number)) return `${spec.name} must be a number, got "${raw}"`;
      values[spec.name] = number;
    }
  }
  return values;
}

// ---------------------------------------------------------------- rendering
const BOLD_ON = '\u001b[1m';
const BOLD_OFF = '\u001b[22m';

/** Markdown as a reader sees it: links as "text <url>", bold as ANSI bold (or plain), escapes removed. */
export function markdownToText(markdown: string, options: { ansi?: boolean } = {}): string {
  // Links first: the ANSI codes bold inserts contain "[".
  return markdown
    .replace(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)/g, '$1 <$2>')
    .replace(/(?<!\\)\*\*(.+?)(?<!\\)\*\*/gs, options.ansi ? `${BOLD_ON}$1${BOLD_OFF}` : '$1')
    .replace(/(?<![\\*])\*((?:\\.|[^*\\])+)\*(?!\*)/g, '$1')
    .replace(/\\([^\p{L}\p{N}\s])/gu, '$1')
    .replaceAll('@\u200b', '@');
}

/** A Reply as terminal text; buttons are numbered so the person can press them by typing the number. */
export function renderReplyAsText(reply: Reply, options: { ansi?: boolean } = {}): string {
  const lines: string[] = [];
  if (reply.flags) lines.push('(only you can see this)');
  if (reply.content) lines.push(markdownToText(reply.content, options));
  for (const embed of reply.embeds) lines.push(...renderEmbed(embed, options));
  const buttons = replyButtons(reply);
  if (buttons.length) {
    lines.push(buttons.map((b, i) => `[${i + 1}] ${b.label}${b.disabled ? ' (none)' : ''}`).join('  '));
  }
  return lines.join('\n');
}

function renderEmbed(embed: APIEmbed, options: { ansi?: boolean }): string[] {
  const out: string[] = [];
  const bar = (text: string) => text.split('\n').map((line) => `┃ ${line}`);
  if (embed.title) out.push(...bar(markdownToText(`**${embed.title}**`, options)));
  if (embed.description) out.push(...bar(markdownToText(embed.description, options)));
  for (const field of embed.fields ?? []) {
    out.push(
      ...bar(''),
      ...bar(markdownToText(`**${field.name}**`, options)),
      ...bar(markdownToText(field.value, options)),
    );
  }
  if (embed.footer) out.push(...bar(''), ...bar(embed.footer.text));
  return out;
}

export interface ConsoleButton {
  readonly label: string;
  readonly customId: string;
  readonly disabled: boolean;
}

export function replyButtons(reply: Reply): ConsoleButton[] {
  return reply.components.flatMap((row) =>
    row.components.flatMap((component) =>
      'custom_id' in component
        ? [
            {
              label: component.label ?? component.custom_id,
              customId: component.custom_id,
              disabled: component.disabled ?? false,
            },
          ]
        : [],
    ),
  );
}
