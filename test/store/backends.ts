/**
 * The store's two backends for tests: the embedded PGlite (always) and a real PostgreSQL when DATABASE_URL
 * is set. Under CI=true a missing DATABASE_URL is a failure, not a skip: `.ci/run` starts a server.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined;
export const IN_CI = process.env.CI === 'true';

export function requirePostgresInCi(): void {
  if (IN_CI && !DATABASE_URL) {
    throw new Error(
      'CI=true but DATABASE_URL is not set: run the tests through .ci/run (or .ci/with-postgres)',
    );
  }
}

/** A fresh, empty database on the test server (its own name, so test files never share tables). */
export async function freshDatabase(label: string): Promise<string> {
  if (!DATABASE_URL) throw new Error('freshDatabase needs DATABASE_URL');
  const name = `t_${label}_${process.pid}_${Date.now().toString(36)}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function tempStoreDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'store-test-'));
}
