/**
 * `npm start`: validate the configuration, load the data and commands, log in and serve interactions
 * until SIGINT/SIGTERM. Without a token it says so and opens console mode instead.
 */
import { loadConfig, requireToken } from '../config.js';
import type { Config } from '../config.js';
import { createBot } from './bot.js';
import { runConsole } from './console.js';
import { createFeedback } from '../store/feedback.js';
import { openStore } from '../store/store.js';
import type { Store } from '../store/store.js';
import { createLogger, redact } from './log.js';
import { TokenBucketLimiter } from './rate-limit.js';
import { loadContext, prepare } from './startup.js';
import { watchData } from './watch.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    // A value can be the token pasted into the wrong variable: redact before printing it back.
    const message = error instanceof Error ? error.message : String(error);
    console.error(redact(message, [process.env.DISCORD_TOKEN?.trim() ?? '']));
    process.exit(1);
  }

  if (!config.token) {
    try {
      requireToken(config);
    } catch (error) {
      console.error((error as Error).message);
    }
    console.error('No token, so starting console mode: the same replies, as text, without Discord.\n');
    await runConsole(config);
    return;
  }

  const log = createLogger({ level: config.logLevel, secrets: [config.token] });
  process.on('unhandledRejection', (reason) =>
    log.error('unhandled rejection', { error: reason instanceof Error ? reason : new Error(String(reason)) }),
  );
  // Node's default crash report prints the error as is; this one goes through the redacting logger.
  process.on('uncaughtException', (error) => {
    log.error('crashed: uncaught exception', { error });
    process.exit(1);
  });

  // Votes and refused questions go to the same store `npm run serve` uses (DATABASE_URL or STORE_DIR). It
  // opens while the bot logs in (PGlite takes seconds); anything to record waits for it.
  const storeSecrets = config.databaseUrl ? [config.databaseUrl] : [];
  const opening: Promise<Store> = openStore(config).then(async (store) => {
    await store.prune(config.retentionDays);
    log.info(`store ready: ${store.description}, retention ${config.retentionDays} days`);
    return store;
  });
  opening.catch((error: unknown) => {
    log.error(`cannot open the store: ${redact((error as Error).message, storeSecrets)}`);
    process.exit(1);
  });
  const feedback = createFeedback(opening, {
    onBackgroundError: (error) => log.error(`store write failed: ${redact(String(error), storeSecrets)}`),
  });

  let prepared;
  try {
    prepared = await prepare(config, log, feedback);
  } catch (error) {
    // Bad data or a broken command file: refuse to start rather than serve partial data.
    log.error(`cannot start: ${(error as Error).message}`);
    process.exit(1);
  }

  const watched = config.dataWatch
    ? watchData({
        dir: config.dataDir,
        initial: prepared.ctx,
        load: (dir) => loadContext(dir, log, feedback),
        log,
      })
    : undefined;

  const bot = createBot({
    token: config.token,
    apiUrl: config.apiUrl,
    commands: prepared.commands,
    ctx: watched ? watched.current : prepared.ctx,
    rateLimiter: new TokenBucketLimiter(config.rateLimit),
    onFatal: (message) => {
      // Exit instead of idling without a gateway session (or retrying a token Discord will never accept).
      log.error(`cannot stay connected to Discord: ${message}`);
      process.exit(1);
    },
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received: disconnecting`);
    watched?.close();
    await bot.stop();
    // A store still opening is not waited for longer than a moment: nothing was recorded in it yet.
    const store = await Promise.race([
      opening,
      new Promise<undefined>((r) => setTimeout(r, 2000, undefined)),
    ]).catch(() => undefined);
    await store?.close().catch(() => {});
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await bot.start();
  } catch (error) {
    const message = redact(error instanceof Error ? error.message : String(error), [config.token]);
    const hint = /token|unauthori[sz]ed|authentication/i.test(message)
      ? ' Discord rejected DISCORD_TOKEN: reset it in the Developer Portal (Bot → Reset Token) and update .env.'
      : '';
    log.error(`cannot connect to Discord: ${message.replace(/\.+$/, '')}.${hint}`);
    await bot.stop();
    process.exit(1);
  }
}

await main();
