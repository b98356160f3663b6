/** The transport-free handler layer: routing, the command limiter, and the one error contract. */
import { SlashCommandBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/bot/commands.js';
import type { BotContext } from '../../src/bot/context.js';
import { createHandler } from '../../src/bot/handle.js';
import type { Handled, PlainInteraction } from '../../src/bot/handle.js';
import { createLogger } from '../../src/bot/log.js';
import { noticeReply } from '../../src/bot/reply.js';
import { STRINGS } from '../../src/bot/strings.js';

const lines: string[] = [];
const ctx = {
  log: createLogger({ level: 'debug', write: (_l, line) => lines.push(line) }),
} as unknown as BotContext;
const command = (name: string, body: Partial<Command>): Command =>
  ({
    data: new SlashCommandBuilder().setName(name).setDescription('test'),
    execute: () => noticeReply('ok'),
    ...body,
  }) as Command;
const commands = [
  command('fine', { autocomplete: () => [{ name: 'a', value: 'a' }] }),
  command('boom', {
    execute: () => {
      throw new Error('kaboom in a handler');
    },
    autocomplete: () => {
      throw new Error('kaboom in autocomplete');
    },
  }),
  command('pager', { customIdPrefix: 'pg', button: (request) => noticeReply(`clicked ${request.customId}`) }),
];
const handle = createHandler({
  commands,
  ctx,
  limiter: { take: (userId) => (userId === 'flooder' ? { ok: false, retryAfterSeconds: 7 } : { ok: true }) },
});
const run = (name: string, userId = 'u') =>
  handle({ kind: 'command', name, request: { options: {}, userId } } satisfies PlainInteraction);
const text = (handled: Handled) => (handled.kind === 'reply' ? handled.reply.content : handled.choices);

describe('createHandler', () => {
  it.each([
    ['a command', () => run('fine'), 'answered', 'ok'],
    ['an unknown command', () => run('nope'), 'unknown', STRINGS.unknownCommand('nope')],
    ['a limited user', () => run('fine', 'flooder'), 'rate-limited', STRINGS.rateLimited(7)],
    [
      'a button',
      () =>
        handle({ kind: 'button', request: { customId: 'pg:2', userId: 'flooder', messageTitle: undefined } }),
      'answered',
      'clicked pg:2',
    ],
    [
      'an unknown button',
      () => handle({ kind: 'button', request: { customId: 'zz:1', userId: 'u', messageTitle: undefined } }),
      'unknown',
      STRINGS.unknownCommand('zz:1'),
    ],
    [
      'autocomplete (never limited)',
      () =>
        handle({
          kind: 'autocomplete',
          name: 'fine',
          request: { focused: { name: 'q', value: 'x' }, options: {}, userId: 'flooder' },
        }),
      'answered',
      [{ name: 'a', value: 'a' }],
    ],
    [
      'a failing autocomplete',
      () =>
        handle({
          kind: 'autocomplete',
          name: 'boom',
          request: { focused: { name: 'q', value: 'x' }, options: {}, userId: 'u' },
        }),
      'error',
      [],
    ],
  ])('%s', async (_what, act, outcome, shown) => {
    const handled = await act();
    expect(handled.outcome).toBe(outcome);
    expect(text(handled)).toEqual(shown);
  });

  it('a failing command: the user gets a private ref, the log the same ref with the stack', async () => {
    const handled = await run('boom');
    expect(handled.kind === 'reply' && handled.reply.flags).toBe(64);
    const ref = /\(ref ([0-9A-F]{6})\)/.exec(String(text(handled)))?.[1];
    expect(ref).toBeDefined();
    expect(lines.find((line) => line.includes(`ref ${ref}`))).toContain('kaboom in a handler');
  });
});
