/**
 * `npm start` as a real process: configured only through the environment, it logs in to the fake Discord,
 * answers, and exits 0 on SIGTERM; without a token it says so and falls back to console mode.
 */
import { describe, expect, it } from 'vitest';
import { slashCommand } from '../fake-discord/interactions.js';
import { TEST_TOKEN, useFakeDiscord } from './harness.js';
import { startMain, waitFor } from './main-process.js';

describe('npm start', () => {
  const fakeDiscord = useFakeDiscord();

  it('logs in with DISCORD_API_URL, answers, never prints the token, and exits 0 on SIGTERM', async () => {
    const { child, output, exited } = startMain({
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: fakeDiscord().apiUrl,
      LOG_LEVEL: 'debug',
    });
    try {
      await waitFor(() => output().includes('logged in as'), 'login');
      const callback = await fakeDiscord().interact(slashCommand(fakeDiscord(), 'help'));
      expect(callback.body.type).toBe(4);
      child.kill('SIGTERM');
      const code = await exited();
      expect(code).toBe(0);
      expect(output()).toContain('SIGTERM received: disconnecting');
      expect(output()).not.toContain(TEST_TOKEN);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('without a token says what to do and opens console mode', async () => {
    const { child, output, exited } = startMain({});
    child.stdin.end('/ask question: Why did Australia ban Huawei?\nquit\n');
    const code = await exited();
    expect(code).toBe(0);
    expect(output()).toContain('DISCORD_TOKEN is not set: copy .env.example to .env');
    expect(output()).toContain('┃ Why did Australia ban Huawei?');
    expect(output()).toMatch(/┃ Huawei gets some 5G wins, calls for talks with US, ¶\d+ · Light Reading/);
  });

  it('stops at start-up with a message that teaches when a value is bad', async () => {
    const { output, exited } = startMain({ DISCORD_TOKEN: TEST_TOKEN, LOG_LEVEL: 'loud' });
    const code = await exited();
    expect(code).toBe(1);
    expect(output().trim()).toBe(
      'config error: LOG_LEVEL must be one of debug, info, warn, error, silent, got "loud".',
    );
  });
});
