/**
 * The store against both backends: one schema, one set of SQL, the same behaviour: votes replace earlier
 * votes by the same user on the same message, refused questions are grouped trimmed and case-insensitively,
 * the report has the contract's exact shape and order, retention deletes old rows, and user ids are kept
 * only as salted hashes with a salt every replica shares.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbedded, openPostgres } from '../../src/store/db.js';
import type { Db } from '../../src/store/db.js';
import { MIGRATIONS } from '../../src/store/schema.js';
import { createStore } from '../../src/store/store.js';
import type { Store, Vote } from '../../src/store/store.js';
import { DATABASE_URL, freshDatabase, requirePostgresInCi, tempStoreDir } from './backends.js';

requirePostgresInCi();

const vote = (overrides: Partial<Vote>): Vote => ({
  messageId: 'm1',
  answerKey: 'k1',
  question: 'Why did Australia ban Huawei?',
  passages: ['huawei-5g-wins#p17', 'huawei-5g-wins#p18'],
  helpful: true,
  guildId: '410000000000000001',
  userId: '210000000000000001',
  ...overrides,
});

const backends: [string, () => Promise<Db>][] = [
  ['embedded PGlite', async () => openEmbedded(tempStoreDir())],
];
if (DATABASE_URL) backends.push(['PostgreSQL', async () => openPostgres(await freshDatabase('store'))]);

describe.each(backends)('store on %s', (_name, open) => {
  let db: Db;
  let store: Store;
  beforeAll(async () => {
    db = await open();
    store = await createStore(db, undefined);
  }, 60_000);
  afterAll(async () => store?.close());

  it('reports nothing when nothing is recorded, in the contract shape', async () => {
    expect(await store.report()).toEqual({ refused: [], feedback: [] });
  });

  it('keeps answers by key for other replicas to recall', async () => {
    await store.rememberAnswer('key-a', { question: 'q a', passages: ['x#p1', 'x#p2'] });
    await store.rememberAnswer('key-a', { question: 'ignored second write', passages: [] });
    expect(await store.findAnswer('key-a')).toEqual({ question: 'q a', passages: ['x#p1', 'x#p2'] });
    expect(await store.findAnswer('missing')).toBeUndefined();
  });

  it('replaces a second vote by the same user on the same message, keeps others apart', async () => {
    expect(await store.recordVote(vote({ helpful: true }))).toBe('recorded');
    expect(await store.recordVote(vote({ helpful: false }))).toBe('replaced');
    expect(await store.recordVote(vote({ userId: '210000000000000002', helpful: true }))).toBe('recorded');
    expect(await store.recordVote(vote({ messageId: 'm2', helpful: true }))).toBe('recorded');
    const rows = await db.query<{ user_hash: string; helpful: boolean; passages: string[] }>(
      "SELECT user_hash, helpful, passages FROM votes WHERE message_id = 'm1' ORDER BY user_hash",
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.user_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.user_hash).not.toContain('210000000000000001');
      expect(row.passages).toEqual(['huawei-5g-wins#p17', 'huawei-5g-wins#p18']);
    }
  });

  it('groups questions trimmed and case-insensitively, most frequent first', async () => {
    await store.recordRefusal('What is the capital of France?', 'g1');
    await store.recordRefusal('  what is the CAPITAL of france?  ', undefined);
    await store.recordRefusal('who won the world cup', 'g1');
    await store.recordVote(vote({ messageId: 'm3', question: 'who is vincent peng', helpful: false }));
    await store.recordVote(
      vote({ messageId: 'm4', question: ' WHY did australia ban huawei? ', helpful: true }),
    );
    const report = await store.report();
    expect(report.refused).toEqual([
      { question: 'what is the CAPITAL of france?', count: 2 },
      { question: 'who won the world cup', count: 1 },
    ]);
    expect(report.feedback).toEqual([
      // m1 (two users, one replaced: 1 not helpful + 1 helpful), m2 helpful, m4 helpful: 4 votes.
      { question: 'WHY did australia ban huawei?', helpful: 3, notHelpful: 1 },
      { question: 'who is vincent peng', helpful: 0, notHelpful: 1 },
    ]);
  });

  it('records every one of a burst of concurrent refusals (group commit), each resolving after its write', async () => {
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => store.recordRefusal(`burst question ${i % 3}`, 'g')),
    );
    const rows = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM refusals WHERE question LIKE 'burst question %'",
    );
    expect(Number(rows[0]?.n)).toBe(60);
    await db.query("DELETE FROM refusals WHERE question LIKE 'burst question %'");
  });

  it('deletes votes and refusals older than the retention', async () => {
    await db.query(
      "UPDATE refusals SET refused_at = now() - interval '100 days' WHERE question = 'who won the world cup'",
    );
    await db.query("UPDATE votes SET voted_at = now() - interval '100 days' WHERE message_id = 'm3'");
    expect(await store.prune(90)).toBe(2);
    const report = await store.report();
    expect(report.refused.map((r) => r.question)).toEqual(['what is the CAPITAL of france?']);
    expect(report.feedback.map((f) => f.question)).toEqual(['WHY did australia ban huawei?']);
  });

  it('keeps one token bucket per user for every replica on the database (the shared rate limit)', async () => {
    const second = await createStore(db, undefined);
    const t0 = 1_700_000_000_000;
    // Burst 3, one regained every 10 s: three pass, alternating replicas, the fourth is refused.
    const taken = [
      await store.takeToken('u-rate', 3, 10, t0),
      await second.takeToken('u-rate', 3, 10, t0 + 1),
      await store.takeToken('u-rate', 3, 10, t0 + 2),
      await second.takeToken('u-rate', 3, 10, t0 + 3),
    ];
    expect(taken.map((t) => t.allowed)).toEqual([true, true, true, false]);
    expect(taken[3]?.tokens).toBeCloseTo(0.0003, 4);
    // Another user has a bucket of their own; ten seconds later one more command passes.
    expect((await second.takeToken('u-other', 3, 10, t0 + 3)).allowed).toBe(true);
    expect((await store.takeToken('u-rate', 3, 10, t0 + 10_003)).allowed).toBe(true);
    expect((await second.takeToken('u-rate', 3, 10, t0 + 10_004)).allowed).toBe(false);
    // Concurrent takes from two replicas never let more than the burst through.
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, k) => (k % 2 ? store : second).takeToken('u-burst', 5, 60, t0)),
    );
    expect(burst.filter((t) => t.allowed)).toHaveLength(5);
  });

  it('hashes a user alike in every store on the same database (shared salt), differently with another salt', async () => {
    const second = await createStore(db, undefined);
    await second.recordVote(vote({ messageId: 'salt-check', userId: 'u-salt' }));
    expect(await store.recordVote(vote({ messageId: 'salt-check', userId: 'u-salt', helpful: false }))).toBe(
      'replaced',
    );
    const salted = await createStore(db, 'a-configured-salt-of-enough-length');
    expect(await salted.recordVote(vote({ messageId: 'salt-check', userId: 'u-salt' }))).toBe('recorded');
  });
});

describe.runIf(DATABASE_URL)('migrations on PostgreSQL', () => {
  it('are safe when several replicas start at once (advisory lock) and when run again', async () => {
    const url = await freshDatabase('migrate');
    const dbs = await Promise.all([openPostgres(url), openPostgres(url), openPostgres(url)]);
    const rows = await dbs[0]!.query<{ version: number }>('SELECT version FROM schema_migrations');
    expect(rows.map((r) => Number(r.version)).sort()).toEqual(MIGRATIONS.map((m) => m.version));
    const again = await openPostgres(url);
    await Promise.all([...dbs, again].map((db) => db.close()));
  });

  it('names the server, not the password, when it cannot connect', async () => {
    await expect(openPostgres('postgres://user:s3cret-pw@127.0.0.1:1/db')).rejects.toThrow(
      /^store error: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/db: .*Check DATABASE_URL and that the server is running\.$/,
    );
    await expect(openPostgres('postgres://user:s3cret-pw@127.0.0.1:1/db')).rejects.not.toThrow(/s3cret/);
  });
});
