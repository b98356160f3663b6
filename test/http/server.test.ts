/* eslint-disable @typescript-eslint/no-explicit-any -- Discord response JSON, asserted field by field */
/**
 * Every route of the Interactions Endpoint, in process, with the real command handlers, data and an
 * embedded store, against the contract of issue 11: signature first (401, no side effects), PING, the
 * same replies as the gateway bot with allowed_mentions on every message body, 4xx for bad input while
 * serving on, votes and refusals recorded, deferral finished by a webhook edit.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { TokenBucketLimiter } from '../../src/bot/rate-limit.js';
import { createHandler } from '../../src/bot/handle.js';
import type { Handler } from '../../src/bot/handle.js';
import { silentLogger } from '../../src/bot/log.js';
import { prepare } from '../../src/bot/startup.js';
import { createInteractionServer } from '../../src/http/server.js';
import type { InteractionServer } from '../../src/http/server.js';
import { publicKeyFromHex } from '../../src/http/signature.js';
import { createMetrics } from '../../src/metrics/metrics.js';
import { createFeedback } from '../../src/store/feedback.js';
import { openStore } from '../../src/store/store.js';
import type { Store } from '../../src/store/store.js';
import { tempStoreDir } from '../store/backends.js';
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  messageCommandInteraction,
  signedHeaders,
  testKeys,
} from './sign.js';

const keys = testKeys();
let store: Store;
let handler: Handler;
let endpoint: InteractionServer;
let base: string;
let ready = true;
let deferAfterMs = 1500;
/** A handler made this much slower (deferral tests). */
let slowMs = 0;
const edits: {
  url: string;
  method: string;
  body: Record<string, unknown>;
  /** Names and byte sizes of multipart file parts (files[n]), in order. */
  files: { name: string; bytes: number; png: boolean }[];
}[] = [];

/** The payload_json and file parts of a multipart/form-data body, enough to check an upload. */
function multipart(raw: Buffer, contentType: string) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const mark = Buffer.from(`--${boundary?.[1] ?? boundary?.[2] ?? ''}`);
  const parts: Buffer[] = [];
  for (let at = raw.indexOf(mark); at >= 0;) {
    const next = raw.indexOf(mark, at + mark.length);
    if (next < 0) break;
    parts.push(raw.subarray(at + mark.length + 2, next - 2));
    at = next;
  }
  let body: Record<string, unknown> = {};
  const files: { name: string; bytes: number; png: boolean }[] = [];
  for (const part of parts) {
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString();
    const content = part.subarray(split + 4);
    const field = /name="([^"]+)"/.exec(head)?.[1];
    const filename = /filename="([^"]+)"/.exec(head)?.[1];
    if (field === 'payload_json') body = JSON.parse(content.toString()) as Record<string, unknown>;
    else if (filename !== undefined)
      files.push({ name: filename, bytes: content.length, png: content.subarray(1, 4).toString() === 'PNG' });
  }
  return { body, files };
}
let fakeDiscord: http.Server;

function startEndpoint(): Promise<void> {
  endpoint = createInteractionServer({
    publicKey: publicKeyFromHex(keys.publicKeyHex),
    handler: async (interaction) => {
      if (slowMs) await new Promise((resolve) => setTimeout(resolve, slowMs));
      return handler(interaction);
    },
    metrics: createMetrics(),
    log: silentLogger,
    apiUrl: `http://127.0.0.1:${(fakeDiscord.address() as AddressInfo).port}/api`,
    deferAfterMs,
    isReady: () => ready,
  });
  return new Promise((resolve) =>
    endpoint.server.listen(0, '127.0.0.1', () => {
      base = `http://127.0.0.1:${(endpoint.server.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

beforeAll(async () => {
  fakeDiscord = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const type = req.headers['content-type'] ?? '';
      const parsed = type.startsWith('multipart/form-data')
        ? multipart(raw, type)
        : { body: JSON.parse(raw.toString()) as Record<string, unknown>, files: [] };
      edits.push({ url: req.url ?? '', method: req.method ?? '', ...parsed });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"1"}');
    });
  });
  await new Promise<void>((resolve) => fakeDiscord.listen(0, '127.0.0.1', resolve));
  const config = parseConfig({ STORE_DIR: tempStoreDir(), COOLDOWN_SECONDS: '0' });
  store = await openStore(config);
  const prepared = await prepare(config, silentLogger, createFeedback(store));
  handler = createHandler({
    commands: prepared.commands,
    ctx: prepared.ctx,
    limiter: new TokenBucketLimiter({ burst: 0, refillSeconds: 0 }),
  });
  await startEndpoint();
}, 90_000);

afterAll(async () => {
  await endpoint?.drain(1000);
  await store?.close();
  fakeDiscord?.close();
});

async function post(payload: unknown, headers?: Record<string, string>) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const response = await fetch(`${base}/interactions`, {
    method: 'POST',
    headers: headers ?? signedHeaders(keys, body),
    body,
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), json: safeJson(text) };
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const customIds = (data: any): string[] =>
  (data.components ?? []).flatMap((row: any) => row.components.map((c: any) => c.custom_id));

describe('signature', () => {
  it.each([
    ['no headers', () => ({ 'content-type': 'application/json' })],
    ['a signature by another key', () => signedHeaders(testKeys(), '{"type":1}')],
    ['a signature of another body', () => signedHeaders(keys, '{"type":2}')],
    ['another timestamp', () => ({ ...signedHeaders(keys, '{"type":1}'), 'x-signature-timestamp': '1' })],
    [
      'a signature that is not hex',
      () => ({ ...signedHeaders(keys, '{"type":1}'), 'x-signature-ed25519': 'zz' }),
    ],
  ])('refuses %s with 401', async (_what, headers) => {
    expect((await post('{"type":1}', headers())).status).toBe(401);
  });

  it('refuses a badly signed command with 401 and records nothing', async () => {
    const before = await store.report();
    const body = JSON.stringify(commandInteraction('ask', { question: 'What is the capital of Peru?' }));
    const headers = signedHeaders(keys, body.replace('Peru', 'Chad'));
    expect((await post(body, headers)).status).toBe(401);
    expect(await store.report()).toEqual(before);
  });
});

describe('POST /interactions', () => {
  it('answers PING with {"type":1}', async () => {
    expect(await post({ type: 1 })).toEqual({ status: 200, type: 'application/json', json: { type: 1 } });
  });

  it('answers /ask like the gateway bot: verbatim excerpt, more and vote buttons, no mentions', async () => {
    const { status, type, json } = await post(
      commandInteraction('ask', { question: 'Why did Australia ban Huawei?' }),
    );
    expect([status, type, json.type]).toEqual([200, 'application/json', 4]);
    expect(json.data.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(json.data.embeds)).toContain('National Intelligence Law');
    const ids = customIds(json.data);
    expect(ids.some((id) => id.includes('more'))).toBe(true);
    const labels = json.data.components[0].components.map((c: any) => c.emoji?.name);
    expect(labels).toEqual(expect.arrayContaining(['👍', '👎']));
  });

  it('pages with "more" and records votes privately, the second vote replacing the first', async () => {
    const asked = await post(
      commandInteraction('ask', { question: 'What did Italy decide about Vodafone?' }),
    );
    const message = { id: '810000000000000001', embeds: asked.json.data.embeds };
    const [more, up, down] = ['more', ':up:', ':down:'].map(
      (part) => customIds(asked.json.data).find((id) => id.includes(part)) ?? 'missing',
    ) as [string, string, string];
    const page = await post(buttonInteraction(more, message));
    expect(page.json.type).toBe(4);
    expect(page.json.data.allowed_mentions).toEqual({ parse: [] });
    expect(page.json.data.embeds[0].description).toMatch(/^More passages/);

    const first = await post(buttonInteraction(up, message));
    expect(first.json).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(first.json.data.content).toContain('is recorded');
    const second = await post(buttonInteraction(down, message));
    expect(second.json.data.content).toContain('replaces your earlier one');
    const entry = (await store.report()).feedback.find(
      (f) => f.question === 'What did Italy decide about Vodafone?',
    );
    expect(entry).toEqual({ question: 'What did Italy decide about Vodafone?', helpful: 0, notHelpful: 1 });
  });

  it('records a refused question and still answers it (privately, no buttons to vote on)', async () => {
    const { json } = await post(commandInteraction('ask', { question: 'What is the capital of France?' }));
    expect(json).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect((await store.report()).refused).toContainEqual({
      question: 'What is the capital of France?',
      count: 1,
    });
  });

  it('answers "Ask the article" with vote buttons, autocomplete with type 8', async () => {
    const asked = await post(messageCommandInteraction('is italy letting vodafone use huawei equipment?'));
    expect(asked.json.type).toBe(4);
    expect(customIds(asked.json.data).filter((id) => /:(up|down):/.test(id))).toHaveLength(2);
    const choices = await post(autocompleteInteraction('quote', 'passage', 'vodafone'));
    expect(choices.json.type).toBe(8);
    expect(choices.json.data.choices.length).toBeGreaterThan(0);
  });

  it.each([
    ['an unknown type', JSON.stringify({ type: 99 }), 400],
    ['not JSON', '{"type":', 400],
    ['a JSON array', '[1]', 400],
  ])('refuses %s with 4xx and serves on', async (_what, body, status) => {
    expect((await post(body)).status).toBe(status);
    expect((await post({ type: 1 })).json).toEqual({ type: 1 });
  });

  it('refuses a body over 1 MiB with 413 and serves on', async () => {
    const body = JSON.stringify({ type: 1, pad: 'x'.repeat(1_048_576) });
    expect((await post(body)).status).toBe(413);
    expect((await post({ type: 1 })).json).toEqual({ type: 1 });
  });
});

describe('routes', () => {
  it('/healthz 200, /readyz 200 when ready and 503 when not, unknown routes 404', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    ready = false;
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    ready = true;
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/interactions`)).status).toBe(405);
  });

  it('/metrics counts interactions by command and outcome, refusals and votes', async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(
      /^discord_interactions_total\{type="command",command="ask",outcome="answered"\} [1-9]/m,
    );
    expect(text).toMatch(/^discord_interaction_duration_seconds_bucket/m);
    expect(text).toMatch(/^http_requests_rejected_total\{reason="signature"\} [1-9]/m);
  });
});

describe('shutdown', () => {
  it('drain lets an in-flight request finish before it resolves, then refuses new connections', async () => {
    slowMs = 400;
    const inFlight = post(commandInteraction('help'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    let drained = false;
    const draining = endpoint.drain(5000).then(() => (drained = true));
    const answered = await inFlight;
    expect(answered.json.type).toBe(4);
    expect(drained).toBe(false);
    await draining;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    slowMs = 0;
    await startEndpoint();
  });
});

describe('attachments', () => {
  it('/decisions acknowledges at once, then sends its map as a multipart edit of the original response', async () => {
    edits.length = 0;
    const interaction = commandInteraction('decisions', {});
    const { json } = await post(interaction);
    expect(json).toEqual({ type: 5, data: {} });
    const deadline = Date.now() + 5000;
    while (edits.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(edits[0]).toMatchObject({
      method: 'PATCH',
      url: `/api/v10/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`,
      body: { allowed_mentions: { parse: [] }, attachments: [{ id: 0, filename: 'decisions-map.png' }] },
      files: [{ name: 'decisions-map.png', png: true }],
    });
    expect(edits[0]!.files[0]!.bytes).toBeGreaterThan(10_000);
    expect(JSON.stringify(edits[0]!.body.embeds)).toContain('Vodafone');
  });

  it('/decisions for one country has no map and is answered at once', async () => {
    const { json } = await post(commandInteraction('decisions', { country: 'Italy' }));
    expect(json.type).toBe(4);
    expect(JSON.stringify(json.data.embeds)).toContain('Vodafone');
  });
});

describe('deferral', () => {
  it('a handler slower than the deferral time gets type 5, then the answer as a PATCH of @original', async () => {
    await endpoint.drain(1000);
    deferAfterMs = 50;
    slowMs = 300;
    await startEndpoint();
    const interaction = commandInteraction('ask', {
      question: 'Why did Australia ban Huawei?',
      private: true,
    });
    edits.length = 0;
    const { json } = await post(interaction);
    expect(json).toEqual({ type: 5, data: { flags: 64 } });
    const deadline = Date.now() + 5000;
    while (edits.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(edits[0]).toMatchObject({
      method: 'PATCH',
      url: `/api/v10/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`,
      body: { allowed_mentions: { parse: [] } },
    });
    expect(JSON.stringify(edits[0]!.body.embeds)).toContain('National Intelligence Law');
  });
});
