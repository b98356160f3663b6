/**
 * The token stays secret and a bad one stops the bot: `npm start` as a real process against the fake
 * Discord, made to fail in every way that prints something (rejected token on REST and on the gateway, a
 * token revoked while running, a crash, bad config), with all output searched for the token.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { slashCommand } from '../fake-discord/interactions.js';
import { TEST_TOKEN, useFakeDiscord } from './harness.js';
import { startMain, waitFor } from './main-process.js';
import type { MainProcess } from './main-process.js';

/** A token the fake does not accept; token-shaped, like anything a user would paste. */
const WRONG_TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwOQ.Xk2pQa.another-fake-token-never-valid-98765';

/** Neither the whole token nor its secret part (the HMAC after the last dot) may be printed. */
function expectNoSecret(output: string, token: string): void {
  expect(output).not.toContain(token);
  expect(output).not.toContain(token.split('.')[2]);
}

const fakeDiscord = useFakeDiscord();
let running: MainProcess | undefined;
afterEach(() => {
  fakeDiscord().closeIdentifyWith = undefined;
  if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
  running = undefined;
});

describe('an invalid token stops the bot with a clear message, once', () => {
  it('401 on GET /gateway/bot', async () => {
    const identifies = fakeDiscord().identifies.length;
    running = startMain({ DISCORD_TOKEN: WRONG_TOKEN, DISCORD_API_URL: fakeDiscord().apiUrl });
    expect(await running.exited()).toBe(1);
    expect(running.output()).toMatch(
      /ERROR cannot connect to Discord: An invalid token was provided\. Discord rejected DISCORD_TOKEN: reset it in the Developer Portal \(Bot → Reset Token\) and update \.env\.\n$/,
    );
    expect(fakeDiscord().identifies.length).toBe(identifies); // never got as far as the gateway
    expectNoSecret(running.output(), WRONG_TOKEN);
  });

  it('close 4004 at IDENTIFY: exits instead of reconnecting; IDENTIFY asked for the Guilds intent only', async () => {
    fakeDiscord().closeIdentifyWith = 4004;
    const identifies = fakeDiscord().identifies.length;
    running = startMain({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: fakeDiscord().apiUrl });
    expect(await running.exited()).toBe(1);
    expect(running.output()).toContain(
      'Discord rejected DISCORD_TOKEN (gateway close 4004, authentication failed): reset it in the Developer Portal (Bot → Reset Token) and update .env.',
    );
    expect(fakeDiscord().identifies.slice(identifies)).toEqual([{ token: TEST_TOKEN, intents: 1 }]); // 1 = Guilds
    expectNoSecret(running.output(), TEST_TOKEN);
  });

  it('close 4004 while running (token reset in the portal): exits 1 instead of idling', async () => {
    running = startMain({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: fakeDiscord().apiUrl });
    const main = running;
    await waitFor(() => main.output().includes('logged in as'), 'login');
    expect((await fakeDiscord().interact(slashCommand(fakeDiscord(), 'help'))).body.type).toBe(4);
    fakeDiscord().closeGateway(4004);
    expect(await running.exited()).toBe(1);
    expect(running.output()).toContain('cannot stay connected to Discord: Discord rejected DISCORD_TOKEN');
    expectNoSecret(running.output(), TEST_TOKEN);
  });
});

describe('the token never appears in output', () => {
  it('a crash whose error message contains the token is reported redacted, exit 1', async () => {
    // Preloaded into the bot process: on SIGUSR2, throw an error that carries the token, as a careless
    // library might; Node would print it verbatim without the bot's own crash handler.
    const dir = mkdtempSync(path.join(tmpdir(), 'bot-crash-'));
    const preload = path.join(dir, 'crash-on-signal.mjs');
    writeFileSync(
      preload,
      "process.on('SIGUSR2', () => { throw new Error(`request failed: Authorization: Bot ${process.env.DISCORD_TOKEN}`); });\n",
    );
    running = startMain(
      { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: fakeDiscord().apiUrl, LOG_LEVEL: 'debug' },
      ['--import', preload],
    );
    const main = running;
    await waitFor(() => main.output().includes('logged in as'), 'login');
    running.child.kill('SIGUSR2');
    expect(await running.exited()).toBe(1);
    expect(running.output()).toContain('ERROR crashed: uncaught exception');
    expect(running.output()).toContain('request failed: Authorization: Bot [redacted]');
    expectNoSecret(running.output(), TEST_TOKEN);
  });

  it('a bad setting next to the token', async () => {
    running = startMain({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: `ftp://x/${TEST_TOKEN}` });
    expect(await running.exited()).toBe(1);
    expect(running.output()).toContain('config error: DISCORD_API_URL must be an http(s) URL');
    expectNoSecret(running.output(), TEST_TOKEN);
  });
});

describe('repository hygiene', () => {
  it('.env is git-ignored, .env.example is not', () => {
    const ignored = (file: string) => {
      try {
        execFileSync('git', ['check-ignore', '-q', file]);
        return true;
      } catch {
        return false;
      }
    };
    expect(ignored('.env')).toBe(true);
    expect(ignored('.env.example')).toBe(false);
  });
});
