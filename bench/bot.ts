/**
 * `npm run bench:bot`: a burst through the whole bot. Starts the fake Discord (test/fake-discord) and the
 * real bot (discord.js Client, dispatcher, commands/, library from data/) in this process, dispatches 200
 * /ask and 200 /ask autocomplete interactions at once (twice: right after login, then warm), and reports interaction → first response latency
 * (p50/p95/p99/max, measured by the fake from dispatch to the callback arriving), how many missed
 * Discord's 3 s deadline, replies lost or duplicated, and peak memory. Not a test: numbers vary by machine.
 *
 *   npm run bench:bot [-- --asks 200 --autocompletes 200]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBot } from '../src/bot/bot.js';
import { TokenBucketLimiter } from '../src/bot/rate-limit.js';
import { loadCommands } from '../src/bot/commands.js';
import { FIRST_RESPONSE_DEADLINE_MS } from '../src/bot/limits.js';
import { createLogger } from '../src/bot/log.js';
import { COMMANDS_DIR, loadContext } from '../src/bot/startup.js';
import { autocomplete, slashCommand } from '../test/fake-discord/interactions.js';
import { FakeDiscord } from '../test/fake-discord/server.js';
import type { InteractionCallback } from '../test/fake-discord/server.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE1.fake-token-for-the-bot-benchmark-01234';
const WAIT_FOR_STRAGGLERS_MS = 30_000;

const { values } = parseArgs({
  options: {
    asks: { type: 'string', default: '200' },
    autocompletes: { type: 'string', default: '200' },
  },
});
const asks = Number(values.asks);
const autocompletes = Number(values.autocompletes);

// Warnings and errors only: a log line per interaction would measure the terminal, not the bot.
const log = createLogger({ level: 'warn', secrets: [TOKEN] });
const fake = new FakeDiscord({ token: TOKEN });
await fake.start();
const ctx = await loadContext(path.resolve('data'), log);
const bot = createBot({
  token: TOKEN,
  apiUrl: fake.apiUrl,
  commands: await loadCommands(COMMANDS_DIR),
  ctx,
  // The bench is one user sending a burst: no limit, so it measures the bot, not the limiter.
  rateLimiter: new TokenBucketLimiter({ burst: 0, refillSeconds: 0 }),
});
await bot.start();

// Questions the article suggests, each also asked in lower case and one the article does not cover, so
// the burst mixes answers and no-matches; autocomplete gets growing prefixes of them.
const suggested = ctx.library.corpus.articles.flatMap((article) => article.questions);
const questions = [...suggested, ...suggested.map((q) => q.toLowerCase()), 'What is the capital of France?'];
const prefixes = suggested.flatMap((q) => [3, 8, 15].map((n) => q.slice(0, n)));
if (questions.length === 0) throw new Error('bench: the article in data/ lists no example questions');

type Kind = 'ask' | 'autocomplete';

global.gc?.();
let peakRss = 0;
let peakHeap = 0;
const sampleMemory = () => {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
};
sampleMemory();
const baseline = { rss: peakRss, heap: peakHeap };
const sampler = setInterval(sampleMemory, 5);

/** One burst: every interaction dispatched in the same tick; resolves when all have answered (or timed out). */
async function burst(round: number) {
  const interactions: { id: string; kind: Kind }[] = [];
  const payloads: { id: string }[] = [];
  for (let i = 0; i < Math.max(asks, autocompletes); i++) {
    const user = { id: `13${String(round)}${String(i).padStart(16, '0')}` };
    if (i < asks) {
      // A round number makes every question new to the answer cache: each one is a real search.
      const question = `${questions[i % questions.length]!}${round > 1 ? ` ${'?'.repeat(round - 1)}` : ''}`;
      const payload = slashCommand(fake, 'ask', { question }, user);
      payloads.push(payload);
      interactions.push({ id: payload.id, kind: 'ask' });
    }
    if (i < autocompletes) {
      const value = prefixes[i % prefixes.length] ?? 'hua';
      const payload = autocomplete(fake, 'ask', { name: 'question', value }, {}, user);
      payloads.push(payload);
      interactions.push({ id: payload.id, kind: 'autocomplete' });
    }
  }
  const started = performance.now();
  const arrived = Promise.allSettled(
    interactions.map(({ id }) => fake.waitForCallback(id, WAIT_FOR_STRAGGLERS_MS)),
  );
  for (const payload of payloads) fake.sendInteraction(payload); // all in one tick: one burst of frames
  const settled = await arrived;
  const wallMs = performance.now() - started;
  // Anything sent twice would arrive shortly after the first: give it the chance before counting.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return { interactions, wallMs, rejected: settled.filter((s) => s.status === 'rejected').length };
}

const rounds = [await burst(1), await burst(2)];
clearInterval(sampler);
sampleMemory();

const callbacksById = new Map<string, InteractionCallback[]>();
for (const callback of fake.callbacks) {
  const list = callbacksById.get(callback.interactionId) ?? [];
  list.push(callback);
  callbacksById.set(callback.interactionId, list);
}

function summarise(label: string, chosen: readonly { id: string; kind: Kind }[]) {
  const latencies = chosen
    .map((i) => callbacksById.get(i.id)?.[0]?.latencyMs)
    .filter((ms): ms is number => ms !== undefined)
    .sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))] ??
    Number.NaN;
  return {
    label,
    count: chosen.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: latencies.at(-1) ?? Number.NaN,
    late: latencies.filter((ms) => ms > FIRST_RESPONSE_DEADLINE_MS).length,
    lost: chosen.length - latencies.length,
    duplicated: chosen.filter((i) => (callbacksById.get(i.id)?.length ?? 0) > 1).length,
    deferred: chosen.filter((i) => callbacksById.get(i.id)?.[0]?.body.type === 5).length,
  };
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(0));
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const rows = rounds.flatMap(({ interactions }, index) => {
  const name = index === 0 ? 'burst 1 (cold)' : 'burst 2 (warm)';
  return [
    summarise(
      `${name}: /ask`,
      interactions.filter((i) => i.kind === 'ask'),
    ),
    summarise(
      `${name}: autocomplete`,
      interactions.filter((i) => i.kind === 'autocomplete'),
    ),
    summarise(`${name}: all`, interactions),
  ];
});
const lines = [
  `Bot burst: ${asks} /ask + ${autocompletes} autocomplete dispatched at once through the fake gateway, twice ` +
    `(the first right after login, the second once warm); latency = INTERACTION_CREATE sent → callback ` +
    `received (ms). Node ${process.version}; all answered after ` +
    `${rounds.map((r) => `${r.wallMs.toFixed(0)} ms`).join(' and ')}.`,
  '',
  '| interactions | count | p50 | p95 | p99 | max | > 3 s | lost | duplicated | deferred |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(
    (r) =>
      `| ${r.label} | ${r.count} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.late} | ${r.lost} | ${r.duplicated} | ${r.deferred} |`,
  ),
  '',
  `Memory (bot and fake Discord share this process): peak RSS ${mb(peakRss)} MB (${mb(baseline.rss)} MB before ` +
    `the bursts), peak heap used ${mb(peakHeap)} MB (${mb(baseline.heap)} MB before).`,
];
console.log(lines.join('\n'));

await bot.stop();
await fake.stop();
const failed = rows.some((r) => r.lost > 0 || r.duplicated > 0) || rounds.some((r) => r.rejected > 0);
process.exitCode = failed ? 1 : 0;
