import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, readEnv, requireClientId, requireToken } from '../../src/config.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE1.fake-token-for-tests-only-0123456789';

describe('config', () => {
  it('applies defaults and freezes the result', () => {
    const config = parseConfig({ DISCORD_TOKEN: TOKEN });
    expect(config).toEqual({
      token: TOKEN,
      clientId: undefined,
      guildId: undefined,
      apiUrl: undefined,
      logLevel: 'info',
      rateLimit: { burst: 10, refillSeconds: 3 },
      dataDir: 'data',
      dataWatch: false,
      publicKey: undefined,
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      storeDir: '.data/store',
      feedbackSalt: undefined,
      retentionDays: 90,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every variable', () => {
    expect(
      parseConfig({
        DISCORD_TOKEN: ` ${TOKEN} `,
        DISCORD_CLIENT_ID: '110000000000000001',
        DISCORD_GUILD_ID: '110000000000000002',
        DISCORD_API_URL: 'http://127.0.0.1:8080/api/',
        LOG_LEVEL: 'DEBUG',
        RATE_LIMIT_BURST: '0',
        RATE_LIMIT_REFILL_SECONDS: '1.5',
        DATA_DIR: 'other',
        DATA_WATCH: 'On',
      }),
    ).toEqual({
      token: TOKEN,
      clientId: '110000000000000001',
      guildId: '110000000000000002',
      apiUrl: 'http://127.0.0.1:8080/api',
      logLevel: 'debug',
      rateLimit: { burst: 0, refillSeconds: 1.5 },
      dataDir: 'other',
      dataWatch: true,
      publicKey: undefined,
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      storeDir: '.data/store',
      feedbackSalt: undefined,
      retentionDays: 90,
    });
  });

  it('says what to do when the token is missing (empty counts as missing)', () => {
    const config = parseConfig({ DISCORD_TOKEN: '  ' });
    expect(() => requireToken(config)).toThrow(
      'config error: DISCORD_TOKEN is not set: copy .env.example to .env and set DISCORD_TOKEN to your bot token (Discord Developer Portal → your application → Bot → Reset Token), or run `npm run console` to try the bot without Discord.',
    );
    expect(() => requireClientId(config)).toThrow(
      'config error: DISCORD_CLIENT_ID is not set: put your application ID (Developer Portal → General Information) in .env; `npm run deploy` needs it.',
    );
  });

  it.each([
    [
      { DISCORD_TOKEN: `Bot ${TOKEN}` },
      'DISCORD_TOKEN starts with "Bot ": set only the token itself, without the prefix.',
    ],
    [
      { DISCORD_TOKEN: `"${TOKEN}"` },
      'DISCORD_TOKEN contains spaces or quotes: paste the token exactly as the Developer Portal shows it.',
    ],
    [
      { DISCORD_TOKEN: 'abcdef0123456789abcdef0123456789' },
      'DISCORD_TOKEN does not look like a bot token (three parts separated by dots): copy it again from Developer Portal → Bot → Reset Token. The client secret is not the token.',
    ],
    [
      { DISCORD_CLIENT_ID: 'my-app' },
      'DISCORD_CLIENT_ID must be your application\'s ID (Developer Portal → General Information → Application ID): a 17–20 digit number, got "my-app".',
    ],
    [
      { DISCORD_GUILD_ID: '42' },
      'DISCORD_GUILD_ID must be a server ID (enable Developer Mode, right-click the server → Copy Server ID), or leave it empty to deploy globally: a 17–20 digit number, got "42".',
    ],
    [
      { DISCORD_API_URL: 'localhost:8080' },
      'DISCORD_API_URL must be an http(s) URL such as https://discord.com/api, got "localhost:8080".',
    ],
    [
      { DISCORD_API_URL: 'http://127.0.0.1:9/api/v10' },
      'DISCORD_API_URL must not include the API version: use "http://127.0.0.1:9/api" (discord.js adds /v10 itself), got "http://127.0.0.1:9/api/v10".',
    ],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of debug, info, warn, error, silent, got "verbose".'],
    [
      { RATE_LIMIT_BURST: '-1' },
      'RATE_LIMIT_BURST must be a whole number of commands from 0 to 1000 (0 turns the limit off), got "-1".',
    ],
    [
      { RATE_LIMIT_REFILL_SECONDS: 'soon' },
      'RATE_LIMIT_REFILL_SECONDS must be a number of seconds from 0 to 3600 (the time to regain one command), got "soon".',
    ],
    [
      { COOLDOWN_SECONDS: 'soon' },
      'COOLDOWN_SECONDS must be a number of seconds from 0 to 3600 (replaced by RATE_LIMIT_BURST and RATE_LIMIT_REFILL_SECONDS; 0 turns the limit off), got "soon".',
    ],
    [{ DATA_WATCH: 'sometimes' }, 'DATA_WATCH must be 1 (on) or 0 (off), got "sometimes".'],
  ])('rejects %o with a message that teaches', (env, message) => {
    expect(() => parseConfig(env)).toThrow(new ConfigError(message));
    expect(() => parseConfig(env)).toThrow(`config error: ${message}`);
  });

  it.each([
    [{ COOLDOWN_SECONDS: '0' }, { burst: 0, refillSeconds: 0 }],
    [{ COOLDOWN_SECONDS: '5' }, { burst: 10, refillSeconds: 5 }],
    [
      { COOLDOWN_SECONDS: '5', RATE_LIMIT_BURST: '4' },
      { burst: 4, refillSeconds: 3 },
    ],
  ])('reads the old COOLDOWN_SECONDS %o as a rate limit when the new settings are absent', (env, limit) => {
    expect(parseConfig(env).rateLimit).toEqual(limit);
  });

  it('never repeats the token in an error message', () => {
    for (const bad of [`Bot ${TOKEN}`, `${TOKEN} x`, TOKEN.replaceAll('.', '')]) {
      try {
        parseConfig({ DISCORD_TOKEN: bad });
        expect.unreachable();
      } catch (error) {
        expect((error as Error).message).not.toContain(TOKEN.slice(0, 20));
      }
    }
  });

  it('reads .env quietly, and real environment variables win', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'config-'));
    const file = path.join(dir, '.env');
    writeFileSync(file, 'LOG_LEVEL=debug\nDATA_DIR=from-file\n');
    const env = readEnv(file, { DATA_DIR: 'from-env' });
    expect(env.LOG_LEVEL).toBe('debug');
    expect(env.DATA_DIR).toBe('from-env');
    expect(readEnv(path.join(dir, 'missing.env'), { A: '1' })).toEqual({ A: '1' });
  });
});
