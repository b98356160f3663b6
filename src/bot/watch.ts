/**
 * DATA_WATCH=1: reload data/ when a file in it changes, without restarting the bot. Changes are debounced
 * (an editor's save is several events; a copy of several files is many), the new library is built aside and
 * swapped in with one assignment, so an interaction sees either the old library or the new one, never a
 * mix. A change that does not load (a DataError naming the file and field) is logged and the last good
 * library keeps serving: the same rule as at start-up, where bad data stops the bot instead of serving
 * partial data.
 */
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import type { Logger } from './log.js';

export const DEFAULT_RELOAD_DEBOUNCE_MS = 300;

export type ReloadOutcome<T> =
  | { readonly kind: 'reloaded'; readonly value: T; readonly ms: number }
  | { readonly kind: 'failed'; readonly error: Error };

export interface WatchOptions<T> {
  readonly dir: string;
  /** What is served until the first successful reload. */
  readonly initial: T;
  /** Builds the replacement from the folder; throws (DataError) when the data is unusable. */
  readonly load: (dir: string) => Promise<T>;
  readonly log: Logger;
  readonly debounceMs?: number;
  /** Called after every reload attempt (tests wait on it). */
  readonly onReload?: (outcome: ReloadOutcome<T>) => void;
}

export interface Watched<T> {
  /** The last good value: read it once per interaction. */
  current(): T;
  /** Stop watching; a reload already running still finishes but is not swapped in. */
  close(): void;
}

export function watchData<T>(options: WatchOptions<T>): Watched<T> {
  const { dir, load, log } = options;
  const debounceMs = options.debounceMs ?? DEFAULT_RELOAD_DEBOUNCE_MS;
  let value = options.initial;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  /** A change arrived while a reload was running: reload once more afterwards, so the last change wins. */
  let again = false;
  let closed = false;

  async function reload(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const started = performance.now();
    let outcome: ReloadOutcome<T>;
    try {
      const next = await load(dir);
      outcome = { kind: 'reloaded', value: next, ms: performance.now() - started };
      if (!closed) value = next;
      log.info(`data reloaded from ${dir}`, { ms: outcome.ms.toFixed(0) });
    } catch (error) {
      outcome = { kind: 'failed', error: error instanceof Error ? error : new Error(String(error)) };
      log.error(`data reload failed, still serving the last good data: ${outcome.error.message}`);
    }
    running = false;
    options.onReload?.(outcome);
    if (again && !closed) {
      again = false;
      schedule();
    }
  }

  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  }

  const watcher: FSWatcher = watch(dir, { persistent: false }, () => {
    if (!closed) schedule();
  });
  watcher.on('error', (error) => log.warn(`cannot watch ${dir} any more: ${error.message}`));
  log.info(`watching ${dir} for changes (DATA_WATCH)`);

  return {
    current: () => value,
    close() {
      closed = true;
      clearTimeout(timer);
      watcher.close();
    },
  };
}
