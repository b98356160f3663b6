/**
 * Starts the real bot (src/bot: discord.js Client, dispatcher, commands/) against a FakeDiscord on a
 * random 127.0.0.1 port, with the real library from data/. Everything is stopped by `stop()`.
 */
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createBot } from '../../src/bot/bot.js';
import type { Bot } from '../../src/bot/bot.js';
import { loadCommands } from '../../src/bot/commands.js';
import type { Command } from '../../src/bot/commands.js';
import { createContext } from '../../src/bot/context.js';
import type { Feedback } from '../../src/store/feedback.js';
import { createLogger } from '../../src/bot/log.js';
import { TokenBucketLimiter } from '../../src/bot/rate-limit.js';
import type { RateLimitSettings } from '../../src/bot/rate-limit.js';
import { loadLibrary } from '../../src/library.js';
import type { Library } from '../../src/library.js';
import { FakeDiscord } from '../fake-discord/server.js';

/** Token-shaped on purpose, so the redaction of anything token-like is exercised too. */
export const TEST_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE1.fake-token-for-tests-only-0123456789';

/** The commands in commands/, by the names Discord shows (the loader's order). */
export const COMMAND_NAMES = [
  'arguments',
  'Ask the article',
  'ask',
  'decisions',
  'help',
  'quote',
  'sources',
  'summary',
];

/**
 * A FakeDiscord started before the tests of the enclosing describe block (or file) and stopped after
 * them; call the returned function inside a test to reach it.
 */
export function useFakeDiscord(): () => FakeDiscord {
  let fake: FakeDiscord | undefined;
  beforeAll(async () => {
    fake = new FakeDiscord({ token: TEST_TOKEN });
    await fake.start();
  });
  afterAll(async () => {
    await fake?.stop();
  });
  return () => {
    if (fake === undefined) throw new Error('useFakeDiscord: the fake Discord is used before beforeAll ran');
    return fake;
  };
}

export interface Harness {
  readonly fake: FakeDiscord;
  readonly bot: Bot;
  readonly library: Library;
  readonly logLines: string[];
  stop(): Promise<void>;
}

let libraryPromise: Promise<Library> | undefined;
/** The real library, loaded once per test file. */
export function realLibrary(): Promise<Library> {
  libraryPromise ??= loadLibrary(path.resolve('data'));
  return libraryPromise;
}

export async function startHarness(
  options: {
    rateLimit?: RateLimitSettings;
    /** The library to answer from instead of the real one (e.g. a stub engine over the real data). */
    library?: (real: Library) => Library;
    deferAfterMs?: number;
    extraCommands?: readonly Command[];
    /** Record votes and refusals (the store `npm start` opens); absent: nothing is recorded. */
    feedback?: Feedback;
  } = {},
): Promise<Harness> {
  const fake = new FakeDiscord({ token: TEST_TOKEN });
  await fake.start();
  const real = await realLibrary();
  const library = options.library ? options.library(real) : real;
  const logLines: string[] = [];
  const log = createLogger({
    level: 'debug',
    secrets: [TEST_TOKEN],
    write: (_level, line) => logLines.push(line),
  });
  const commands = [...(await loadCommands(path.resolve('commands'))), ...(options.extraCommands ?? [])];
  const bot = createBot({
    token: TEST_TOKEN,
    apiUrl: fake.apiUrl,
    commands,
    ctx: createContext(library, log, options.feedback),
    rateLimiter: new TokenBucketLimiter(options.rateLimit ?? { burst: 0, refillSeconds: 0 }),
    ...(options.deferAfterMs === undefined ? {} : { deferAfterMs: options.deferAfterMs }),
  });
  try {
    await bot.start();
  } catch (error) {
    await bot.stop();
    await fake.stop();
    throw error;
  }
  return {
    fake,
    bot,
    library,
    logLines,
    async stop() {
      await bot.stop();
      await fake.stop();
    },
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
