/**
 * The two ways to reach the schema: a PostgreSQL server (DATABASE_URL, node-postgres pool) or the embedded
 * PGlite in a folder. Both are reduced to the same tiny interface so the store's SQL is written once.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { MIGRATIONS, MIGRATION_LOCK_ID } from './schema.js';

export type Row = Record<string, unknown>;

export interface Db {
  /** Where the data lives, without credentials: "postgres host:5432/db" or "embedded .data/store". */
  readonly description: string;
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(problem: string, options?: { cause?: unknown }) {
    super(`store error: ${problem}`, options);
  }
}

export async function openPostgres(url: string): Promise<Db> {
  const { default: pg } = await import('pg');
  const parsed = new URL(url);
  const where = `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  // A small pool: every query is short, and several replicas share one server's connection limit.
  const pool = new pg.Pool({ connectionString: url, max: 8, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection (server restart) must not crash the process: the pool replaces it.
  pool.on('error', () => {});
  const client = await pool.connect().catch((error: unknown) => {
    void pool.end();
    throw new StoreError(
      `cannot connect to PostgreSQL at ${where}: ${(error as Error).message}. Check DATABASE_URL and that the server is running.`,
      { cause: error },
    );
  });
  try {
    // Replicas starting at once: one migrates, the others wait here, then find nothing left to do.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      await migrate((sql, params) => client.query(sql, params as unknown[]).then((r) => r.rows as Row[]));
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    }
  } finally {
    client.release();
  }
  return {
    description: `postgres ${where}`,
    async query<R extends Row>(sql: string, params: readonly unknown[] = []) {
      const result = await pool.query(sql, params as unknown[]);
      return result.rows as R[];
    },
    close: () => pool.end(),
  };
}

/**
 * PGlite keeps one PostgreSQL in the folder; one process at a time may open it. It runs in a worker thread
 * (src/store/pglite-worker.mjs) so its synchronous WebAssembly work never blocks the event loop.
 */
export async function openEmbedded(dir: string): Promise<Db> {
  const absolute = path.resolve(dir);
  await mkdir(absolute, { recursive: true });
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dir: absolute },
  });
  const waiting = new Map<number, { resolve: (rows: Row[]) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  const opened = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'open') return resolve();
      if (message.kind === 'failed') return reject(new Error(message.message));
      const pending = message.id === undefined ? undefined : waiting.get(message.id);
      if (!pending || message.id === undefined) return;
      waiting.delete(message.id);
      if (message.error !== undefined) pending.reject(new Error(message.error));
      else pending.resolve(message.rows ?? []);
    });
    worker.on('error', (error) => {
      failure = error;
      reject(error);
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    });
  });
  const send = (message: { sql?: string; params?: readonly unknown[]; close?: true }) =>
    new Promise<Row[]>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });
  try {
    await opened;
  } catch (error) {
    await worker.terminate();
    throw new StoreError(
      `cannot open the embedded store in ${dir}: ${(error as Error).message}. Is another process using it? Stop it, or set STORE_DIR to another folder.`,
      { cause: error },
    );
  }
  await migrate((sql, params) => send({ sql, params: params ?? [] }));
  return {
    description: `embedded ${dir}`,
    query: <R extends Row>(sql: string, params: readonly unknown[] = []) =>
      send({ sql, params }) as Promise<R[]>,
    async close() {
      await send({ close: true }).catch(() => []);
      await worker.terminate();
    },
  };
}

interface WorkerMessage {
  readonly kind?: 'open' | 'failed';
  readonly message?: string;
  readonly id?: number;
  readonly rows?: Row[];
  readonly error?: string;
}

type Query = (sql: string, params?: readonly unknown[]) => Promise<Row[]>;

/** Apply the migrations not yet recorded, each in its own transaction. */
async function migrate(query: Query): Promise<void> {
  await query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const done = new Set((await query('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
  for (const migration of MIGRATIONS) {
    if (done.has(migration.version)) continue;
    await query('BEGIN');
    try {
      for (const statement of splitStatements(migration.sql)) await query(statement);
      await query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
      await query('COMMIT');
    } catch (error) {
      await query('ROLLBACK');
      throw new StoreError(`migration ${migration.version} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}

/** The migrations hold plain DDL (no functions or quoted semicolons), so ";" ends a statement. */
function splitStatements(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean);
}
