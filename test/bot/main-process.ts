/**
 * `node --import tsx src/bot/main.ts` as a child process, configured only through the environment, with all
 * of its output (stdout and stderr interleaved) collected: for tests of start-up, exit codes and what the
 * bot prints.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface MainProcess {
  readonly child: ChildProcessWithoutNullStreams;
  output(): string;
  /** Resolves with the exit code; kills the process (and fails) if it has not exited within `timeoutMs`. */
  exited(timeoutMs?: number): Promise<number | null>;
}

export function startMain(env: Record<string, string>, nodeArgs: readonly string[] = []): MainProcess {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/bot/main.ts'], {
    // Empty values count as unset, so a developer's .env cannot leak into the test.
    env: {
      ...process.env,
      DISCORD_TOKEN: '',
      DISCORD_API_URL: '',
      DATA_DIR: '',
      DATA_WATCH: '',
      LOG_LEVEL: 'info',
      // Each bot process gets its own embedded store: one process at a time may open one.
      DATABASE_URL: '',
      STORE_DIR: mkdtempSync(path.join(tmpdir(), 'bot-store-')),
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = once(child, 'exit') as Promise<[number | null]>;
  return {
    child,
    output: () => output,
    async exited(timeoutMs = 20_000) {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const [code] = await exit;
      clearTimeout(timer);
      if (child.signalCode === 'SIGKILL')
        throw new Error(`main did not exit within ${timeoutMs} ms:\n${output}`);
      return code;
    },
  };
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
