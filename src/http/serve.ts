/**
 * `npm run serve`: Discord's Interactions Endpoint URL mode. Listens at once (so /healthz answers and
 * /readyz says 503 while data and store load), then serves interactions with the same handlers as the
 * gateway bot. SIGTERM/SIGINT: /readyz turns 503, no new connections, in-flight requests and follow-ups
 * finish, the store closes, exit 0 within 10 s.
 */
import { once } from 'node:events';
import { loadConfig, requirePublicKey } from '../config.js';
import type { Config } from '../config.js';
import { SharedTokenBucketLimiter } from '../bot/rate-limit.js';
import { createHandler } from '../bot/handle.js';
import { createLogger, redact } from '../bot/log.js';
import { prepare } from '../bot/startup.js';
import { createMetrics } from '../metrics/metrics.js';
import { createFeedback } from '../store/feedback.js';
import { openStore } from '../store/store.js';
import type { Store } from '../store/store.js';
import { DISCORD_API } from './followup.js';
import { createInteractionServer } from './server.js';
import { publicKeyFromHex } from './signature.js';

/** Leaves a margin under the 10 s a platform (and the contract) allows between SIGTERM and SIGKILL. */
const DRAIN_TIMEOUT_MS = 8000;
const PRUNE_EVERY_MS = 24 * 3600 * 1000;

async function main(): Promise<void> {
  let config: Config;
  let publicKey: string;
  try {
    config = loadConfig();
    publicKey = requirePublicKey(config);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(redact(message, [process.env.DISCORD_TOKEN?.trim() ?? '']));
    process.exit(1);
  }
  const log = createLogger({ level: config.logLevel, secrets: config.token ? [config.token] : [] });
  process.on('unhandledRejection', (reason) =>
    log.error('unhandled rejection', { error: reason instanceof Error ? reason : new Error(String(reason)) }),
  );
  process.on('uncaughtException', (error) => {
    log.error('crashed: uncaught exception', { error });
    process.exit(1);
  });

  const metrics = createMetrics();
  let ready = false;
  let stopping = false;
  let store: Store | undefined;
  // The handler is swapped in once data and store are loaded; until then /readyz is 503 and interactions get 503.
  let handler: ReturnType<typeof createHandler> | undefined;
  const endpoint = createInteractionServer({
    publicKey: publicKeyFromHex(publicKey),
    handler: (interaction) => {
      if (!handler) throw new Error('serve error: an interaction arrived before start-up finished');
      return handler(interaction);
    },
    metrics,
    log,
    apiUrl: config.apiUrl ?? DISCORD_API,
    isReady: () => ready && !stopping,
    canHandle: () => handler !== undefined,
  });

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received: draining`);
    await endpoint.drain(DRAIN_TIMEOUT_MS);
    await store
      ?.close()
      .catch((error: unknown) => log.warn('closing the store failed', { error: String(error) }));
    log.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  endpoint.server.listen(config.port, config.host);
  try {
    await once(endpoint.server, 'listening');
  } catch (error) {
    log.error(`cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`);
    process.exit(1);
  }
  const address = endpoint.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info(`listening on http://${config.host}:${port} (pid ${process.pid}); loading data and store`);

  try {
    const started = performance.now();
    store = await openStore(config);
    const feedback = createFeedback(store, {
      onRefusal: () => metrics.refusal(),
      onVote: (helpful, outcome) => metrics.vote(helpful, outcome),
    });
    const prepared = await prepare(config, log, feedback);
    handler = createHandler({
      commands: prepared.commands,
      ctx: prepared.ctx,
      // Replicas share the store, so they share the limit too.
      limiter: new SharedTokenBucketLimiter(config.rateLimit, store),
    });
    const pruned = await store.prune(config.retentionDays);
    setInterval(() => {
      store
        ?.prune(config.retentionDays)
        .catch((error: unknown) => log.warn('pruning failed', { error: String(error) }));
    }, PRUNE_EVERY_MS).unref();
    ready = true;
    log.info(
      `ready in ${((performance.now() - started) / 1000).toFixed(1)} s: store ${store.description}, ` +
        `retention ${config.retentionDays} days (${pruned} old rows removed); commands: ${prepared.commands.map((c) => c.data.name).join(', ')}`,
    );
  } catch (error) {
    log.error(
      `cannot start: ${redact((error as Error).message, config.databaseUrl ? [config.databaseUrl] : [])}`,
    );
    process.exit(1);
  }
}

await main();
