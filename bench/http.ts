/**
 * `npm run bench:http`: signed /ask interactions over keep-alive at concurrency 32, first at one
 * `npm run serve` process (embedded store in a temp folder, or DATABASE_URL when set), then at the floor
 * (bench/http-floor.ts: verify the signature, return fixed JSON). Prints requests/s, p50/p95/p99 latency,
 * errors and the project/floor throughput ratio. 127.0.0.1 only; bounded by --requests and --seconds.
 * The questions are the project's own (test/questions.json), cycled: after the first round, answers come
 * from the per-process cache, as repeated questions do in a channel.
 *
 *   npm run bench:http [-- --requests 4000 --concurrency 32 --seconds 30]
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { commandInteraction, signedHeaders, testKeys } from '../test/http/sign.js';
import { freePort } from '../test/http/serve-process.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '4000' },
    concurrency: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '400' },
  },
});
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const SECONDS = Number(values.seconds);
const WARMUP = Number(values.warmup);

const keys = testKeys();
const questions = (
  JSON.parse(readFileSync(new URL('../test/questions.json', import.meta.url), 'utf8')) as {
    questions: { q: string }[];
  }
).questions.map((entry) => entry.q);
// Signed once up front, so the load generator spends its time sending, not signing.
const requests = questions.map((question, i) => {
  const body = JSON.stringify(
    commandInteraction('ask', { question }, { userId: `2${String(i).padStart(17, '0')}` }),
  );
  return {
    body,
    headers: { ...signedHeaders(keys, body), 'content-length': String(Buffer.byteLength(body)) },
  };
});

interface Result {
  readonly name: string;
  readonly count: number;
  readonly errors: number;
  readonly seconds: number;
  readonly latencies: number[];
}

async function start(
  name: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', ...args],
    {
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const ready = await new Promise<boolean>((resolve) => {
      http
        .get({ host: '127.0.0.1', port, path: '/readyz' }, (res) => {
          res.resume();
          resolve(res.statusCode === 200 || (name === 'floor' && res.statusCode !== undefined));
        })
        .on('error', () => resolve(false));
    });
    if (ready) return { child, port };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not become ready`);
}

async function load(name: string, port: number, total: number): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const stopAt = started + SECONDS * 1000;
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const request = requests[i % requests.length]!;
      const t0 = performance.now();
      const req = http.request(
        { host: '127.0.0.1', port, path: '/interactions', method: 'POST', agent, headers: request.headers },
        (res) => {
          // Only the start of the body is checked, so the client spends little on large answers.
          let head = '';
          res.on('data', (chunk: Buffer) => {
            if (head.length < 9) head += chunk.toString('latin1', 0, 9);
          });
          res.on('end', () => {
            latencies.push(performance.now() - t0);
            if (res.statusCode !== 200 || !head.startsWith('{"type":4')) errors++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(request.body);
    });
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < total && performance.now() < stopAt) await one(sent++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { name, count: latencies.length, errors, seconds, latencies };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function row(result: Result): string {
  const sorted = [...result.latencies].sort((x, y) => x - y);
  const rps = result.count / result.seconds;
  return `| ${result.name.padEnd(7)} | ${String(result.count).padStart(5)} | ${rps.toFixed(0).padStart(6)} | ${pct(sorted, 50).toFixed(2).padStart(6)} | ${pct(sorted, 95).toFixed(2).padStart(6)} | ${pct(sorted, 99).toFixed(2).padStart(6)} | ${String(result.errors).padStart(6)} |`;
}

async function measure(name: string, args: string[], env: Record<string, string>): Promise<Result> {
  const { child, port } = await start(name, args, env);
  try {
    await load(name, port, WARMUP);
    return await load(name, port, REQUESTS);
  } finally {
    child.kill('SIGTERM');
  }
}

const storeEnv: Record<string, string> = process.env.DATABASE_URL
  ? { DATABASE_URL: process.env.DATABASE_URL }
  : { STORE_DIR: mkdtempSync(path.join(tmpdir(), 'bench-http-')), DATABASE_URL: '' };
const project = await measure('serve', ['src/http/serve.ts'], {
  ...storeEnv,
  COOLDOWN_SECONDS: '0',
  LOG_LEVEL: 'warn',
});
const floor = await measure('floor', ['bench/http-floor.ts'], {});

console.log(
  `\nbench:http: ${REQUESTS} signed /ask requests (after ${WARMUP} warm-up), keep-alive, concurrency ${CONCURRENCY}, ` +
    `${questions.length} questions cycled; store: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded'}\n`,
);
console.log('| target  |  reqs |  req/s | p50 ms | p95 ms | p99 ms | errors |');
console.log('| ------- | ----: | -----: | -----: | -----: | -----: | -----: |');
console.log(row(project));
console.log(row(floor));
const ratio = project.count / project.seconds / (floor.count / floor.seconds);
console.log(`\nthroughput ratio serve/floor: ${ratio.toFixed(2)} (goal ≥ 0.3, aim 0.5)`);
process.exitCode = project.errors + floor.errors > 0 ? 1 : 0;
