/** What `npm start` and `npm run console` both need: the library, the commands and the handler context. */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Config } from '../config.js';
import { loadLibrary } from '../library.js';
import { loadCommands } from './commands.js';
import type { Command } from './commands.js';
import { createContext } from './context.js';
import { decisionsMap } from './decisions-map.js';
import type { BotContext } from './context.js';
import type { Feedback } from '../store/feedback.js';
import type { Logger } from './log.js';

export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

export interface Prepared {
  readonly commands: readonly Command[];
  readonly ctx: BotContext;
}

/** @throws DataError (bad data files) or CommandError (a command file breaks the contract). */
export async function prepare(config: Config, log: Logger, feedback?: Feedback): Promise<Prepared> {
  const [ctx, commands] = await Promise.all([
    loadContext(config.dataDir, log, feedback),
    loadCommands(COMMANDS_DIR),
  ]);
  return { commands, ctx };
}

/**
 * A fresh handler context over the data in `dataDir` (start-up and DATA_WATCH reloads). The /decisions map
 * is drawn here, once per load (~0.2 s), so no interaction waits for it. @throws DataError
 */
export async function loadContext(dataDir: string, log: Logger, feedback?: Feedback): Promise<BotContext> {
  const library = await loadLibrary(dataDir, {
    onInternalError: (error, question, reference) =>
      log.error('engine internal error (the user got a no-match)', {
        reference,
        question,
        stack: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  });
  decisionsMap(library, log);
  return createContext(library, log, feedback);
}

/** True when `importMetaUrl` is the script node was started with (not imported by a test). */
export function isEntryPoint(importMetaUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && pathToFileURL(script).href === importMetaUrl;
}
