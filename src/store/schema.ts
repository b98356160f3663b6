/**
 * The one schema, as numbered migrations applied in order at start-up. The same SQL runs on PostgreSQL
 * (node-postgres) and on the embedded PGlite, so both stores behave alike. Never edit a shipped
 * migration: add the next one.
 */
export interface Migration {
  readonly version: number;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      -- Answers shown with feedback buttons, by the key the buttons carry, so any replica can recover the
      -- question and the passages it cited when a button on it is clicked.
      CREATE TABLE answers (
        key text PRIMARY KEY,
        question text NOT NULL,
        passages text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- One vote per user per message: a second click replaces the first.
      CREATE TABLE votes (
        message_id text NOT NULL,
        user_hash text NOT NULL,
        answer_key text NOT NULL,
        question text NOT NULL,
        passages text[] NOT NULL,
        helpful boolean NOT NULL,
        guild_id text,
        voted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (message_id, user_hash)
      );
      CREATE INDEX votes_voted_at ON votes (voted_at);
      CREATE TABLE refusals (
        id bigserial PRIMARY KEY,
        question text NOT NULL,
        guild_id text,
        refused_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX refusals_refused_at ON refusals (refused_at);
      -- Shared settings (the generated feedback salt), so every replica hashes user ids alike.
      CREATE TABLE settings (
        name text PRIMARY KEY,
        value text NOT NULL
      );
    `,
  },
  {
    version: 2,
    sql: `
      -- Per-user token buckets for the rate limit, shared by every replica (a user hash, never the id):
      -- tokens left at at_ms, and whether the last command taken passed.
      CREATE TABLE rate_buckets (
        user_hash text PRIMARY KEY,
        tokens double precision NOT NULL,
        at_ms bigint NOT NULL,
        allowed boolean NOT NULL
      );
    `,
  },
];

/**
 * Any 64-bit number fixed for this application: PostgreSQL's advisory lock that serialises migrations
 * when several replicas start at once against one database.
 */
export const MIGRATION_LOCK_ID = 5_114_020_011;
