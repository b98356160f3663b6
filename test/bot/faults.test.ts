/**
 * Discord misbehaving, through the real discord.js client against the fake Discord: rate limits and
 * server errors on the interaction callback (the reply still arrives exactly once), the gateway dropping
 * the connection (the session resumes and keeps answering), and an interaction token that expired before
 * the bot's edit or follow-up (logged, no crash, the next interaction is answered).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../../src/bot/commands.js';
import { helpReply } from '../../src/bot/answer-reply.js';
import { slashCommand } from '../fake-discord/interactions.js';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';

const CHANNEL_MESSAGE = 4;
const DEFERRED_CHANNEL_MESSAGE = 5;

/** Slower than the harness's defer threshold below, so its reply is an edit of the deferred response. */
const slow: Command = {
  data: new SlashCommandBuilder().setName('slow').setDescription('takes its time'),
  async execute() {
    await new Promise((resolve) => setTimeout(resolve, 200));
    return helpReply();
  },
};

/** Fails after the defer threshold: the person already sees "thinking…", so the error cannot be a reply. */
const slowBoom: Command = {
  data: new SlashCommandBuilder().setName('slowboom').setDescription('fails after taking its time'),
  async execute() {
    await new Promise((resolve) => setTimeout(resolve, 200));
    throw new Error('slow kaboom from the test command');
  },
};

let h: Harness;
let nextUser = 1;
const freshUser = () => ({ id: `12000000000000${String(20_000 + nextUser++)}` });

beforeAll(async () => {
  h = await startHarness({ deferAfterMs: 50, extraCommands: [slow, slowBoom] });
});
afterAll(async () => {
  await h?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

const callbackPath = (interaction: { id: string; token: string }) =>
  `/api/v10/interactions/${interaction.id}/${interaction.token}/callback`;

/** Requests the fake received on a path (faulted ones included) and callbacks it accepted. */
function counts(interaction: { id: string; token: string }) {
  return {
    attempts: h.fake.requests.filter((r) => r.path === callbackPath(interaction)).length,
    accepted: h.fake.callbacks.filter((c) => c.interactionId === interaction.id).length,
  };
}

/** Answers a plain /ask: proof the bot is still alive and serving after a fault. */
async function expectStillAnswering(): Promise<void> {
  const callback = await h.fake.interact(
    slashCommand(h.fake, 'ask', { question: 'Why did Australia ban Huawei?' }, freshUser()),
  );
  expect(callback.body.type).toBe(CHANNEL_MESSAGE);
  expect(callback.body.data?.embeds?.[0]?.title).toBe('Why did Australia ban Huawei?');
}

describe('REST faults on the interaction callback', () => {
  it.each([
    [
      '429 with retry-after',
      429,
      { message: 'You are being rate limited.', retry_after: 0.25, global: false },
      { 'retry-after': '0.25', 'x-ratelimit-scope': 'user' },
    ],
    ['500', 500, { message: '500: Internal Server Error', code: 0 }, {}],
    ['502', 502, { message: '502: Bad Gateway', code: 0 }, {}],
  ] as const)('%s: retried, and the reply arrives exactly once', async (_name, status, body, headers) => {
    const interaction = slashCommand(h.fake, 'ask', { question: 'Has Italy approved Huawei?' }, freshUser());
    h.fake.faults.push({
      method: 'POST',
      path: new RegExp(`^${callbackPath(interaction)}$`),
      status,
      body,
      headers,
      times: 1,
    });
    const callback = await h.fake.interact(interaction);
    expect(callback.body.type).toBe(CHANNEL_MESSAGE);
    if (status === 429) {
      const faulted = h.fake.requests.find((r) => r.path === callbackPath(interaction))!;
      expect(callback.at - faulted.at).toBeGreaterThanOrEqual(200); // waited for retry-after
    }
    await sleep(400); // a duplicate would arrive by now
    expect(counts(interaction)).toEqual({ attempts: 2, accepted: 1 });
  });
});

describe('slow handlers', () => {
  it('a slow command is deferred, then its reply edits the deferred response', async () => {
    const interaction = slashCommand(h.fake, 'slow', {}, freshUser());
    const callback = await h.fake.interact(interaction);
    expect(callback.body.type).toBe(DEFERRED_CHANNEL_MESSAGE);
    const edit = new RegExp(`^/api/v10/webhooks/\\d+/${interaction.token}/messages/(%40|@)original$`);
    await waitUntil(() => h.fake.requests.some((r) => edit.test(r.path)), 'the edit');
  });

  it('a slow command that fails: deferred, then a private follow-up with the ref, logged with the interaction id', async () => {
    const interaction = slashCommand(h.fake, 'slowboom', {}, freshUser());
    const callback = await h.fake.interact(interaction);
    expect(callback.body.type).toBe(DEFERRED_CHANNEL_MESSAGE);
    const webhook = new RegExp(`^/api/v10/webhooks/\\d+/${interaction.token}(/|$)`);
    await waitUntil(() => h.fake.requests.some((r) => webhook.test(r.path)), 'the follow-up');
    const [followUp, ...others] = h.fake.requests.filter((r) => webhook.test(r.path));
    expect(others).toEqual([]);
    expect(followUp!.method).toBe('POST'); // a follow-up, not an edit of the (public) deferred reply
    const body = followUp!.body as { content?: string; flags?: number };
    expect(body.flags).toBe(64); // ephemeral
    const ref = /Something went wrong \(ref ([0-9A-F]{6})\)/.exec(body.content ?? '')?.[1];
    expect(ref).toBeDefined();
    const logged = h.logLines.find((line) => line.includes(`ref ${ref}`));
    expect(logged).toContain('slow kaboom from the test command');
    expect(logged).toContain(`id="${interaction.id}"`);
  });
});

describe('gateway closes', () => {
  it.each([4000, 1001])(
    'close code %i: the session resumes (RESUME op 6) and keeps answering',
    async (code) => {
      const resumed = () => h.logLines.filter((line) => line.includes('gateway shard 0 resumed')).length;
      const resumedBefore = resumed();
      const resumesBefore = h.fake.resumes.length;
      const identifiesBefore = h.fake.identifies.length;
      h.fake.closeGateway(code);
      await waitUntil(() => h.fake.resumes.length > resumesBefore, 'RESUME', 10_000);
      expect(h.fake.resumes.at(-1)!.session_id).toBe(`session-${identifiesBefore}`);
      expect(h.fake.identifies.length).toBe(identifiesBefore); // resumed, not a new session
      await waitUntil(() => resumed() > resumedBefore, 'the client to report the resumed session');
      await expectStillAnswering();
    },
    15_000,
  );
});

describe('expired interaction tokens', () => {
  const expiredLine = (message: string) =>
    h.logLines.find(
      (line) => line.includes('interaction expired before the bot could answer') && line.includes(message),
    );

  it.each([
    ['401 Invalid Webhook Token', 401, { message: 'Invalid Webhook Token', code: 50027 }],
    ['404 Unknown Webhook', 404, { message: 'Unknown Webhook', code: 10015 }],
  ] as const)(
    'the edit after a deferral fails with %s: logged once, no follow-up tried, next interaction answered',
    async (_name, status, body) => {
      const interaction = slashCommand(h.fake, 'slow', {}, freshUser());
      const webhook = new RegExp(`^/api/v10/webhooks/\\d+/${interaction.token}(/|$)`);
      h.fake.faults.push({ method: 'PATCH', path: webhook, status, body, times: 5 });
      h.fake.faults.push({ method: 'POST', path: webhook, status, body, times: 5 });
      const callback = await h.fake.interact(interaction);
      expect(callback.body.type).toBe(DEFERRED_CHANNEL_MESSAGE);
      await waitUntil(() => expiredLine(body.message) !== undefined, 'the expiry to be logged');
      expect(expiredLine(body.message)).toContain(`id="${interaction.id}"`);
      const toWebhook = h.fake.requests.filter((r) => webhook.test(r.path));
      expect(toWebhook.map((r) => r.method)).toEqual(['PATCH']); // no pointless follow-up to a dead token
      await expectStillAnswering();
    },
  );

  it('an interaction that expired before the first response (404 Unknown interaction): logged, no crash', async () => {
    const interaction = slashCommand(h.fake, 'help', {}, freshUser());
    h.fake.faults.push({
      method: 'POST',
      path: new RegExp(`^${callbackPath(interaction)}$`),
      status: 404,
      body: { message: 'Unknown interaction', code: 10062 },
      times: 5,
    });
    h.fake.sendInteraction(interaction);
    await waitUntil(() => expiredLine('Unknown interaction') !== undefined, 'the expiry to be logged');
    expect(counts(interaction)).toEqual({ attempts: 1, accepted: 0 });
    await expectStillAnswering();
  });
});
