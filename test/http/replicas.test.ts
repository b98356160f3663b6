/* eslint-disable @typescript-eslint/no-explicit-any -- Discord response JSON, asserted field by field */
/**
 * Two `serve` replicas on one PostgreSQL database are interchangeable: a button on a reply from one
 * behaves the same when clicked on the other, votes through both land under the same question (the
 * second replacing the first), and when one replica is killed (SIGKILL) in the middle of a burst of votes
 * the other keeps answering and every vote a user was told is recorded is in the database.
 * Also: SIGTERM to the process `npm run serve` starts makes npm exit 0 well within 10 s.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_URL, freshDatabase, requirePostgresInCi, tempStoreDir } from '../store/backends.js';
import { startServe, waitReady } from './serve-process.js';
import type { ServeProcess } from './serve-process.js';
import { buttonInteraction, commandInteraction, signedHeaders, testKeys } from './sign.js';

requirePostgresInCi();
const keys = testKeys();

async function post(serve: ServeProcess, payload: unknown) {
  const body = JSON.stringify(payload);
  const response = await fetch(`${serve.base}/interactions`, {
    method: 'POST',
    headers: signedHeaders(keys, body),
    body,
  });
  return { status: response.status, json: (await response.json()) as any };
}

const customIds = (data: any): string[] =>
  (data.components ?? []).flatMap((row: any) => row.components.map((c: any) => c.custom_id as string));

describe.runIf(DATABASE_URL)('two replicas on one PostgreSQL', () => {
  let url: string;
  let a: ServeProcess;
  let b: ServeProcess;
  beforeAll(async () => {
    url = await freshDatabase('replicas');
    const env = { DATABASE_URL: url, DISCORD_PUBLIC_KEY: keys.publicKeyHex, LOG_LEVEL: 'warn' };
    // Started together: the migration lock lets one migrate while the other waits.
    [a, b] = await Promise.all([startServe(env), startServe(env)]);
    await Promise.all([waitReady(a), waitReady(b)]);
  }, 90_000);
  afterAll(() => {
    for (const serve of [a, b]) serve?.child.kill('SIGKILL');
  });

  it('a "more" button from one replica works on the other, and votes through both are one vote', async () => {
    const question = 'What did Italy decide about Vodafone?';
    const asked = await post(a, commandInteraction('ask', { question }));
    const ids = customIds(asked.json.data);
    const message = { id: '820000000000000001', embeds: asked.json.data.embeds };
    const page = await post(
      b,
      buttonInteraction(
        ids.find((id) => id.includes('more'))!,
        message,
      ),
    );
    expect(page.json.type).toBe(4);
    expect(page.json.data.embeds[0].description).toMatch(/^More passages/);

    const up = await post(
      b,
      buttonInteraction(
        ids.find((id) => id.includes(':up:'))!,
        message,
      ),
    );
    expect(up.json.data).toMatchObject({ flags: 64 });
    const down = await post(
      a,
      buttonInteraction(
        ids.find((id) => id.includes(':down:'))!,
        message,
      ),
    );
    expect(down.json.data.content).toContain('replaces your earlier one');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      'SELECT question, helpful, passages FROM votes WHERE message_id = $1',
      [message.id],
    );
    await client.end();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ question, helpful: false });
    expect(rows[0].passages.length).toBeGreaterThan(0);
  });

  it('one replica killed mid-burst: the other keeps answering and no acknowledged vote is lost', async () => {
    const asked = await post(a, commandInteraction('ask', { question: 'Why did Australia ban Huawei?' }));
    const upId = customIds(asked.json.data).find((id) => id.includes(':up:'))!;
    const embeds = asked.json.data.embeds;
    const acknowledged: string[] = [];
    let failedOnB = 0;
    const total = 200;
    const burst = Array.from({ length: total }, async (_, i) => {
      // Stagger the burst so the kill lands in its middle.
      await new Promise((resolve) => setTimeout(resolve, i * 5));
      const target = i % 2 === 0 ? a : b;
      const messageId = `burst-${i}`;
      try {
        const result = await post(
          target,
          buttonInteraction(upId, { id: messageId, embeds }, { userId: `2${i}` }),
        );
        if (result.status === 200 && String(result.json.data?.content).includes('recorded'))
          acknowledged.push(messageId);
        else if (target === b) failedOnB++;
      } catch {
        if (target === b) failedOnB++;
      }
    });
    setTimeout(() => a.child.kill('SIGKILL'), total * 2.5);
    await Promise.all(burst);
    expect(failedOnB).toBe(0);
    expect(acknowledged.length).toBeGreaterThan(total / 2);
    expect(acknowledged.length).toBeLessThan(total);

    const after = await post(b, commandInteraction('ask', { question: 'Why did Australia ban Huawei?' }));
    expect(after.json.type).toBe(4);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query("SELECT message_id FROM votes WHERE message_id LIKE 'burst-%'");
    await client.end();
    const stored = new Set(rows.map((row) => row.message_id as string));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    console.log(
      `replica kill: ${acknowledged.length}/${total} votes acknowledged, ${stored.size} stored, ` +
        `all acknowledged ones among them; ${failedOnB} failures on the surviving replica`,
    );
  });
});

describe('npm run serve and SIGTERM', () => {
  it('SIGTERM to the listening process: npm exits 0 within 10 s', async () => {
    const serve = await startServe(
      {
        STORE_DIR: tempStoreDir(),
        DISCORD_PUBLIC_KEY: keys.publicKeyHex,
        ...(DATABASE_URL ? { DATABASE_URL: await freshDatabase('sigterm') } : {}),
      },
      { viaNpm: true },
    );
    try {
      await waitReady(serve);
      const pid = serve.serverPid();
      expect(pid).toBeDefined();
      const sent = Date.now();
      process.kill(pid!, 'SIGTERM');
      expect(await serve.exited()).toBe(0);
      expect(Date.now() - sent).toBeLessThan(10_000);
      expect(serve.output()).toContain('SIGTERM received: draining');
    } finally {
      serve.child.kill('SIGKILL');
    }
  }, 90_000);
});
