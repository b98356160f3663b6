/**
 * What must outlive a process: answers shown with feedback buttons, votes and refused questions. Every
 * write is awaited before the user is answered, so nothing acknowledged is lost when a replica dies.
 * User ids are stored only as salted SHA-256 hashes; the salt is FEEDBACK_SALT or one generated once and
 * kept in the store, so all replicas hash alike.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import { openEmbedded, openPostgres } from './db.js';
import type { Db } from './db.js';

export interface StoredAnswer {
  readonly question: string;
  /** Ids of the passages the answer cited, best first. */
  readonly passages: readonly string[];
}

export interface Vote {
  readonly messageId: string;
  readonly answerKey: string;
  readonly question: string;
  readonly passages: readonly string[];
  readonly helpful: boolean;
  readonly guildId: string | undefined;
  readonly userId: string;
}

export interface Report {
  readonly refused: { question: string; count: number }[];
  readonly feedback: { question: string; helpful: number; notHelpful: number }[];
}

/** Whether a command passed the shared rate limit, and the tokens left after it (below 1: refused). */
export interface TokenTaken {
  readonly allowed: boolean;
  readonly tokens: number;
}

export interface Store {
  readonly description: string;
  rememberAnswer(key: string, answer: StoredAnswer): Promise<void>;
  findAnswer(key: string): Promise<StoredAnswer | undefined>;
  /** 'replaced' when the same user had already voted on the same message. */
  recordVote(vote: Vote): Promise<'recorded' | 'replaced'>;
  recordRefusal(question: string, guildId: string | undefined): Promise<void>;
  report(): Promise<Report>;
  /**
   * Take one command from the user's token bucket (`burst` at most, one regained every `refillSeconds`),
   * in one statement so replicas on the same database share the limit; at `nowMs` (ms since the epoch).
   */
  takeToken(userId: string, burst: number, refillSeconds: number, nowMs: number): Promise<TokenTaken>;
  /** Delete votes and refusals older than `days`; returns how many rows went. */
  prune(days: number): Promise<number>;
  close(): Promise<void>;
}

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded store in STORE_DIR. */
export async function openStore(
  config: Pick<Config, 'databaseUrl' | 'storeDir' | 'feedbackSalt'>,
): Promise<Store> {
  const db = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openEmbedded(config.storeDir);
  return createStore(db, config.feedbackSalt);
}

export async function createStore(db: Db, configuredSalt: string | undefined): Promise<Store> {
  const salt = configuredSalt ?? (await sharedSalt(db));
  const hashUser = (userId: string) => createHash('sha256').update(salt).update(userId).digest('hex');
  const refusals = groupCommit<{ question: string; guildId: string | undefined }>(async (rows) => {
    await db.query('INSERT INTO refusals (question, guild_id) SELECT * FROM unnest($1::text[], $2::text[])', [
      rows.map((row) => row.question),
      rows.map((row) => row.guildId ?? null),
    ]);
  });
  return {
    description: db.description,
    async rememberAnswer(key, answer) {
      await db.query(
        'INSERT INTO answers (key, question, passages) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING',
        [key, answer.question, answer.passages],
      );
    },
    async findAnswer(key) {
      const [row] = await db.query<{ question: string; passages: string[] }>(
        'SELECT question, passages FROM answers WHERE key = $1',
        [key],
      );
      return row ? { question: row.question, passages: row.passages } : undefined;
    },
    async recordVote(vote) {
      // xmax = 0 only for a freshly inserted row: a non-zero xmax means ON CONFLICT updated an old vote.
      const [row] = await db.query<{ inserted: boolean }>(
        `INSERT INTO votes (message_id, user_hash, answer_key, question, passages, helpful, guild_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (message_id, user_hash) DO UPDATE SET
           helpful = EXCLUDED.helpful, answer_key = EXCLUDED.answer_key, question = EXCLUDED.question,
           passages = EXCLUDED.passages, guild_id = EXCLUDED.guild_id, voted_at = now()
         RETURNING (xmax = 0) AS inserted`,
        [
          vote.messageId,
          hashUser(vote.userId),
          vote.answerKey,
          vote.question,
          vote.passages,
          vote.helpful,
          vote.guildId ?? null,
        ],
      );
      return row?.inserted === false ? 'replaced' : 'recorded';
    },
    recordRefusal: (question, guildId) => refusals({ question, guildId }),
    async takeToken(userId, burst, refillSeconds, nowMs) {
      // Every SET expression reads the row as it was, so "available" is computed once per row version;
      // the row lock of ON CONFLICT DO UPDATE serialises two replicas taking from one bucket at once.
      const available = `LEAST($2::float8, b.tokens + GREATEST(0, $3::bigint - b.at_ms) / ($4::float8 * 1000))`;
      const [row] = await db.query<{ allowed: boolean; tokens: number }>(
        `INSERT INTO rate_buckets AS b (user_hash, tokens, at_ms, allowed)
         VALUES ($1, $2::float8 - 1, $3::bigint, true)
         ON CONFLICT (user_hash) DO UPDATE SET
           tokens = CASE WHEN ${available} >= 1 THEN ${available} - 1 ELSE ${available} END,
           allowed = ${available} >= 1,
           at_ms = $3::bigint
         RETURNING allowed, tokens`,
        [hashUser(userId), burst, Math.round(nowMs), refillSeconds],
      );
      if (!row) throw new Error('store error: the rate-limit bucket could not be read back');
      return { allowed: row.allowed, tokens: Number(row.tokens) };
    },
    async report() {
      // One entry per question compared trimmed and case-insensitively, shown as its most recent wording.
      const refused = await db.query<{ question: string; count: number }>(
        `SELECT (array_agg(btrim(question) ORDER BY refused_at DESC))[1] AS question, count(*)::int AS count
         FROM refusals GROUP BY lower(btrim(question))
         ORDER BY count DESC, question`,
      );
      const feedback = await db.query<{ question: string; helpful: number; notHelpful: number }>(
        `SELECT (array_agg(btrim(question) ORDER BY voted_at DESC))[1] AS question,
                count(*) FILTER (WHERE helpful)::int AS helpful,
                count(*) FILTER (WHERE NOT helpful)::int AS "notHelpful"
         FROM votes GROUP BY lower(btrim(question))
         ORDER BY count(*) DESC, question`,
      );
      return {
        refused: refused.map((r) => ({ question: r.question, count: Number(r.count) })),
        feedback: feedback.map((r) => ({
          question: r.question,
          helpful: Number(r.helpful),
          notHelpful: Number(r.notHelpful),
        })),
      };
    },
    async prune(days) {
      const interval = `${days} days`;
      const votes = await db.query('DELETE FROM votes WHERE voted_at < now() - $1::interval RETURNING 1', [
        interval,
      ]);
      const refusals = await db.query(
        'DELETE FROM refusals WHERE refused_at < now() - $1::interval RETURNING 1',
        [interval],
      );
      const answers = await db.query(
        'DELETE FROM answers WHERE created_at < now() - $1::interval RETURNING 1',
        [interval],
      );
      // A bucket untouched for a day is full again: the row says nothing a missing row does not.
      const buckets = await db.query('DELETE FROM rate_buckets WHERE at_ms < $1::bigint RETURNING 1', [
        Date.now() - DAY_MS,
      ]);
      return votes.length + refusals.length + answers.length + buckets.length;
    },
    close: () => db.close(),
  };
}

const DAY_MS = 86_400_000;

/**
 * Group commit: rows that arrive while a write is under way go together in the next one, and each caller
 * resolves only once the write holding its row has committed. Under a burst of refused questions this
 * turns hundreds of one-row transactions into a few multi-row ones, without acknowledging anything early.
 */
function groupCommit<T>(write: (rows: readonly T[]) => Promise<void>): (row: T) => Promise<void> {
  let queued: { row: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let writing = false;
  const flush = async () => {
    writing = true;
    while (queued.length) {
      const batch = queued;
      queued = [];
      try {
        await write(batch.map((entry) => entry.row));
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    writing = false;
  };
  return (row) =>
    new Promise<void>((resolve, reject) => {
      queued.push({ row, resolve, reject });
      if (!writing) void flush();
    });
}

/** The salt generated by whichever replica asked first; later ones read the same row. */
async function sharedSalt(db: Db): Promise<string> {
  await db.query(
    "INSERT INTO settings (name, value) VALUES ('feedback_salt', $1) ON CONFLICT (name) DO NOTHING",
    [randomBytes(32).toString('hex')],
  );
  const [row] = await db.query<{ value: string }>("SELECT value FROM settings WHERE name = 'feedback_salt'");
  if (!row) throw new Error('store error: the feedback salt could not be read back');
  return row.value;
}
