// The embedded store's PostgreSQL (PGlite, WebAssembly) in a worker thread: opening it runs initdb for
// seconds of synchronous work, and every query is synchronous too, so on the main thread they would stall
// the bot's event loop. Plain JavaScript so the worker needs no TypeScript loader. Protocol: see db.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

let db;
try {
  db = await PGlite.create(workerData.dir);
  parentPort.postMessage({ kind: 'open' });
} catch (error) {
  parentPort.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}

parentPort.on('message', async ({ id, sql, params, close }) => {
  try {
    if (close) {
      await db?.close();
      parentPort.postMessage({ id, rows: [] });
      return;
    }
    const result = await db.query(sql, params);
    parentPort.postMessage({ id, rows: result.rows });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
