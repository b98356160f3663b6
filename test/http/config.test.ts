/** The service's configuration: defaults, and an error that says what to do for each bad value. */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, requirePublicKey } from '../../src/config.js';

const KEY = 'D75A980182B10AB7D54BFED3C964073A0EE172F3DAA62325AF021A68F707511A';

describe('serve configuration', () => {
  it('reads the service variables (key lower-cased) and keeps the documented defaults', () => {
    expect(
      parseConfig({
        DISCORD_PUBLIC_KEY: KEY,
        PORT: '8080',
        HOST: '127.0.0.1',
        DATABASE_URL: 'postgresql://bot:pw@db:5432/bot',
        STORE_DIR: '/var/lib/bot',
        FEEDBACK_SALT: '0123456789abcdef',
        FEEDBACK_RETENTION_DAYS: '30',
      }),
    ).toMatchObject({
      publicKey: KEY.toLowerCase(),
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'postgresql://bot:pw@db:5432/bot',
      storeDir: '/var/lib/bot',
      feedbackSalt: '0123456789abcdef',
      retentionDays: 30,
    });
    expect(parseConfig({})).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      storeDir: '.data/store',
      retentionDays: 90,
    });
  });

  it('says where to find the public key when serve has none', () => {
    expect(() => requirePublicKey(parseConfig({}))).toThrow(
      'config error: DISCORD_PUBLIC_KEY is not set: `npm run serve` checks every request against it. Copy the Public Key (64 hex characters) from Developer Portal → General Information into .env.',
    );
  });

  it.each([
    [
      { DISCORD_PUBLIC_KEY: 'abc' },
      "DISCORD_PUBLIC_KEY must be the application's Public Key as the Developer Portal shows it (General Information): 64 hex characters, got 3 characters.",
    ],
    [
      { DISCORD_PUBLIC_KEY: 'z'.repeat(64) },
      "DISCORD_PUBLIC_KEY must be the application's Public Key as the Developer Portal shows it (General Information): 64 hex characters, got 64 characters including non-hex ones.",
    ],
    [{ PORT: 'http' }, 'PORT must be a TCP port number from 0 to 65535 (default 3000), got "http".'],
    [{ PORT: '70000' }, 'PORT must be a TCP port number from 0 to 65535 (default 3000), got "70000".'],
    [
      { DATABASE_URL: 'mysql://user:secret@db/x' },
      'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/dbname, got one starting "mysql:". Leave it empty to use the embedded store in STORE_DIR.',
    ],
    [
      { FEEDBACK_SALT: 'short' },
      'FEEDBACK_SALT must be at least 16 characters (e.g. the output of `openssl rand -hex 32`), got 5; leave it empty to let the store keep a random one.',
    ],
    [
      { FEEDBACK_RETENTION_DAYS: '0' },
      'FEEDBACK_RETENTION_DAYS must be a whole number of days from 1 to 3650 (default 90), got "0".',
    ],
  ])('rejects %o with a message that teaches', (env, message) => {
    expect(() => parseConfig(env)).toThrow(new ConfigError(message));
  });

  it('never repeats a database password in its error', () => {
    expect(() => parseConfig({ DATABASE_URL: 'mysql://user:hunter2-secret@db/x' })).not.toThrow(/hunter2/);
  });
});
