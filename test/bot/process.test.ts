/**
 * `npm start` as a real process: configured only through the environment, it logs in to the fake Discord,
 * answers, and exits 0 on SIGTERM; without a token it says so and falls back to console mode.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fake-discord/server.js';
import { slashCommand } from '../fake-discord/interactions.js';
import { TEST_TOKEN } from './harness.js';

function startMain(env: Record<string, string>): {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bot/main.ts'], {
    env: { ...process.env, DISCORD_TOKEN: '', DISCORD_API_URL: '', LOG_LEVEL: 'info', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('npm start', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = new FakeDiscord({ token: TEST_TOKEN });
    await fake.start();
  });
  afterAll(async () => {
    await fake?.stop();
  });

  it('logs in with DISCORD_API_URL, answers, never prints the token, and exits 0 on SIGTERM', async () => {
    const { child, output } = startMain({
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'debug',
    });
    try {
      await waitFor(() => output().includes('logged in as'), 'login');
      const callback = await fake.interact(slashCommand(fake, 'help'));
      expect(callback.body.type).toBe(4);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
      expect(output()).toContain('SIGTERM received: disconnecting');
      expect(output()).not.toContain(TEST_TOKEN);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('without a token says what to do and opens console mode', async () => {
    const { child, output } = startMain({});
    child.stdin.end('/ask question: Why did Australia ban Huawei?\nquit\n');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(output()).toContain('DISCORD_TOKEN is not set: copy .env.example to .env');
    expect(output()).toContain('┃ Why did Australia ban Huawei?');
    expect(output()).toMatch(/┃ Huawei gets some 5G wins, calls for talks with US, ¶\d+ · Light Reading/);
  });

  it('stops at start-up with a message that teaches when a value is bad', async () => {
    const { child, output } = startMain({ DISCORD_TOKEN: TEST_TOKEN, LOG_LEVEL: 'loud' });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(output().trim()).toBe(
      'config error: LOG_LEVEL must be one of debug, info, warn, error, silent, got "loud".',
    );
  });
});
