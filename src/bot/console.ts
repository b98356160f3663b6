/**
 * Console mode (`npm run console`, or `npm start` without a token): type commands as you would in
 * Discord and see the same replies as text. Nothing is sent anywhere.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { ConfigError, loadConfig } from '../config.js';
import type { Config } from '../config.js';
import { CONSOLE_USER_ID, parseConsoleLine, renderReplyAsText, replyButtons } from './console-core.js';
import { createHandler } from './handle.js';
import type { Handled } from './handle.js';
import { createLogger } from './log.js';
import { errorReply, noticeReply } from './reply.js';
import type { Reply, ReplyFile } from './reply.js';
import { isEntryPoint, prepare } from './startup.js';
import { SUMMARY_STRINGS } from './strings.js';

const CONSOLE_HELP = [
  'Type a command as in Discord, e.g.',
  '  /ask question: why did italy say yes',
  '  /ask why did Australia ban Huawei private: true',
  '  /quote passage: vodafone        (or ?quote vodafone to list passages)',
  '  /Ask the article <message text> /sources  /help',
  'Plain text is asked with /ask. Type a number to press a button of the last reply; quit to leave.',
].join('\n');

export async function runConsole(
  config: Config,
  io: { input: Readable; output: Writable; ansi?: boolean; attachmentsDir?: string } = {
    input: process.stdin,
    output: process.stdout,
    ansi: process.stdout.isTTY,
  },
): Promise<void> {
  const log = createLogger({
    level: config.logLevel === 'debug' ? 'debug' : 'warn',
    secrets: config.token ? [config.token] : [],
    write: (_level, line) => process.stderr.write(`${line}\n`),
  });
  const { commands, ctx } = await prepare(config, log);
  // One person at a keyboard (or a piped script) is not limited: a limit guards a shared bot from floods.
  const handle = createHandler({ commands, ctx, limiter: { take: () => ({ ok: true }) } });
  const say = (text: string) => io.output.write(`${text}\n`);
  const show = async (reply: Reply) => {
    say(renderReplyAsText(reply, { ansi: io.ansi ?? false }));
    for (const file of reply.files ?? []) {
      say(SUMMARY_STRINGS.consoleAttachment(file.name, await saveAttachment(file, io.attachmentsDir)));
    }
    say('');
  };
  say(`${CONSOLE_HELP}\n`);

  let last: Reply | undefined;
  // The handler never rejects: a failure comes back as the "Something went wrong (ref …)" reply.
  const showHandled = async (handled: Handled) => {
    if (handled.kind !== 'reply') return;
    // A paging update keeps the visibility of the message it replaces, as in Discord.
    last =
      handled.update && last?.flags !== undefined ? { ...handled.reply, flags: last.flags } : handled.reply;
    await show(last);
  };
  const readline = createInterface({ input: io.input, output: io.output, terminal: false });
  io.output.write('> ');
  for await (const line of readline) {
    const input = parseConsoleLine(line, commands);
    try {
      switch (input.kind) {
        case 'empty':
          break;
        case 'quit':
          readline.close();
          return;
        case 'help':
          say(CONSOLE_HELP);
          break;
        case 'error':
          say(input.message);
          break;
        case 'autocomplete': {
          const handled = await handle({
            kind: 'autocomplete',
            name: input.command.data.name,
            request: {
              focused: { name: input.option, value: input.typed },
              options: {},
              userId: CONSOLE_USER_ID,
            },
          });
          const choices = handled.kind === 'choices' ? handled.choices : [];
          say(
            choices.map((choice) => `  ${choice.name}   → ${choice.value}`).join('\n') ||
              '  (no suggestions)',
          );
          break;
        }
        case 'command':
          await showHandled(
            await handle({ kind: 'command', name: input.command.data.name, request: input.request }),
          );
          break;
        case 'button': {
          const button = last ? replyButtons(last)[input.index - 1] : undefined;
          if (!button) {
            say('No such button on the last reply.');
            break;
          }
          if (button.disabled) {
            last = noticeReply('That button is disabled.');
            await show(last);
            break;
          }
          await showHandled(
            await handle({
              kind: 'button',
              request: {
                customId: button.customId,
                userId: CONSOLE_USER_ID,
                messageTitle: last?.embeds[0]?.title,
              },
            }),
          );
          break;
        }
      }
    } catch (error) {
      // Past the handler (which answers its own failures): e.g. an attachment that cannot be written.
      const ref = randomBytes(3).toString('hex').toUpperCase();
      log.error(`console command failed (ref ${ref})`, {
        error: error instanceof Error ? error : new Error(String(error)),
      });
      await show(errorReply(ref)).catch(() => {});
    }
    io.output.write('> ');
  }
}

/**
 * Console mode has no chat to show an image in: attachments (the /decisions map) are written to a folder,
 * the system temp folder by default, and the reply prints where.
 */
async function saveAttachment(file: ReplyFile, dir = path.join(tmpdir(), 'article-bot')): Promise<string> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, path.basename(file.name));
  await writeFile(target, file.attachment);
  return target;
}

if (isEntryPoint(import.meta.url)) {
  try {
    await runConsole(loadConfig());
  } catch (error) {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
