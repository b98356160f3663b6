/**
 * Configuration, read once from the environment and an optional .env file (real environment variables
 * win), validated and frozen. Every problem message says what to do, and none repeats the token.
 */
import { readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { LOG_LEVELS } from './bot/log.js';
import type { LogLevel } from './bot/log.js';
import type { RateLimitSettings } from './bot/rate-limit.js';

export interface Config {
  /** Bot token; undefined means "no Discord": `npm start` falls back to console mode. */
  readonly token: string | undefined;
  /** Application id, needed by `npm run deploy`. */
  readonly clientId: string | undefined;
  /** Deploy commands to this guild only (instant, for development) instead of globally. */
  readonly guildId: string | undefined;
  /** REST base without the version (discord.js adds /v10), e.g. http://127.0.0.1:8080/api; undefined = Discord's. */
  readonly apiUrl: string | undefined;
  readonly logLevel: LogLevel;
  /** Per-user token bucket (src/bot/rate-limit.ts): burst commands at once, one more every refillSeconds. */
  readonly rateLimit: RateLimitSettings;
  readonly dataDir: string;
  /** DATA_WATCH=1: reload dataDir when its files change (src/bot/watch.ts); a broken change keeps the old data. */
  readonly dataWatch: boolean;
  /** `npm run serve`: the application's Ed25519 public key (64 hex characters), lower-cased. */
  readonly publicKey: string | undefined;
  /** `npm run serve`: where to listen. */
  readonly port: number;
  readonly host: string;
  /** postgres://… → PostgreSQL holds feedback and refusals; undefined → the embedded store in storeDir. */
  readonly databaseUrl: string | undefined;
  /** Folder of the embedded (PGlite) store, used when databaseUrl is unset. */
  readonly storeDir: string;
  /** Salt for hashing user ids in feedback; undefined → a random salt kept in the store (shared by replicas). */
  readonly feedbackSalt: string | undefined;
  /** Votes and refused questions older than this are deleted. */
  readonly retentionDays: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(problem: string) {
    super(`config error: ${problem}`);
  }
}

/**
 * A burst of 10 with one command regained every 3 s lets a person send 10 commands at once and 20 in
 * 30 s, far more than anyone reading the answers needs, while a script flooding a channel is held to one
 * command every 3 s.
 */
export const DEFAULTS = {
  logLevel: 'info',
  rateLimit: { burst: 10, refillSeconds: 3 },
  dataDir: 'data',
  dataWatch: false,
  port: 3000,
  host: '0.0.0.0',
  storeDir: '.data/store',
  retentionDays: 90,
} as const;
const MAX_BURST = 1000;
const MAX_REFILL_SECONDS = 3600;
const MAX_RETENTION_DAYS = 3650;
const MIN_SALT_CHARS = 16;
const SNOWFLAKE = /^\d{17,20}$/;

type Env = Readonly<Record<string, string | undefined>>;

/** Validate raw variables into a frozen Config; throws ConfigError naming the variable and the fix. */
export function parseConfig(env: Env): Config {
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };
  return Object.freeze({
    token: checkToken(value('DISCORD_TOKEN')),
    clientId: checkSnowflake(
      'DISCORD_CLIENT_ID',
      value('DISCORD_CLIENT_ID'),
      "your application's ID (Developer Portal → General Information → Application ID)",
    ),
    guildId: checkSnowflake(
      'DISCORD_GUILD_ID',
      value('DISCORD_GUILD_ID'),
      'a server ID (enable Developer Mode, right-click the server → Copy Server ID), or leave it empty to deploy globally',
    ),
    apiUrl: checkApiUrl(value('DISCORD_API_URL')),
    logLevel: checkLogLevel(value('LOG_LEVEL')),
    rateLimit: checkRateLimit(value('RATE_LIMIT_BURST'), value('RATE_LIMIT_REFILL_SECONDS'), value),
    dataDir: value('DATA_DIR') ?? DEFAULTS.dataDir,
    dataWatch: checkSwitch('DATA_WATCH', value('DATA_WATCH'), DEFAULTS.dataWatch),
    publicKey: checkPublicKey(value('DISCORD_PUBLIC_KEY')),
    port: checkPort(value('PORT')),
    host: value('HOST') ?? DEFAULTS.host,
    databaseUrl: checkDatabaseUrl(value('DATABASE_URL')),
    storeDir: value('STORE_DIR') ?? DEFAULTS.storeDir,
    feedbackSalt: checkSalt(value('FEEDBACK_SALT')),
    retentionDays: checkRetention(value('FEEDBACK_RETENTION_DAYS')),
  });
}

/** Variables from `envFile` (if it exists) overlaid by the real environment. */
export function readEnv(envFile = '.env', env: Env = process.env): Env {
  let fromFile: Record<string, string> = {};
  try {
    fromFile = parseDotenv(readFileSync(envFile));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError(`cannot read ${envFile}: ${(error as Error).message}`);
    }
  }
  return { ...fromFile, ...env };
}

let loaded: Config | undefined;
/** The process-wide configuration, read on first use. */
export function loadConfig(): Config {
  loaded ??= parseConfig(readEnv());
  return loaded;
}

export function requireToken(config: Config): string {
  if (!config.token) {
    throw new ConfigError(
      'DISCORD_TOKEN is not set: copy .env.example to .env and set DISCORD_TOKEN to your bot token ' +
        '(Discord Developer Portal → your application → Bot → Reset Token), or run `npm run console` to try the bot without Discord.',
    );
  }
  return config.token;
}

export function requireClientId(config: Config): string {
  if (!config.clientId) {
    throw new ConfigError(
      'DISCORD_CLIENT_ID is not set: put your application ID (Developer Portal → General Information) in .env; `npm run deploy` needs it.',
    );
  }
  return config.clientId;
}

export function requirePublicKey(config: Config): string {
  if (!config.publicKey) {
    throw new ConfigError(
      'DISCORD_PUBLIC_KEY is not set: `npm run serve` checks every request against it. Copy the Public Key (64 hex characters) from Developer Portal → General Information into .env.',
    );
  }
  return config.publicKey;
}

function checkPublicKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!/^[0-9a-f]{64}$/i.test(key)) {
    throw new ConfigError(
      `DISCORD_PUBLIC_KEY must be the application's Public Key as the Developer Portal shows it (General Information): 64 hex characters, got ${key.length} characters${/[^0-9a-f]/i.test(key) ? ' including non-hex ones' : ''}.`,
    );
  }
  return key.toLowerCase();
}

function checkPort(port: string | undefined): number {
  if (port === undefined) return DEFAULTS.port;
  const parsed = Number(port);
  if (!/^\d+$/.test(port) || parsed > 65535) {
    throw new ConfigError(`PORT must be a TCP port number from 0 to 65535 (default 3000), got "${port}".`);
  }
  return parsed;
}

function checkDatabaseUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')) {
    // The URL may hold a password: name its scheme only.
    throw new ConfigError(
      `DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/dbname, got one starting "${url.split(':')[0]?.slice(0, 20) ?? ''}:". Leave it empty to use the embedded store in STORE_DIR.`,
    );
  }
  return url;
}

function checkSalt(salt: string | undefined): string | undefined {
  if (salt === undefined) return undefined;
  if (salt.length < MIN_SALT_CHARS) {
    throw new ConfigError(
      `FEEDBACK_SALT must be at least ${MIN_SALT_CHARS} characters (e.g. the output of \`openssl rand -hex 32\`), got ${salt.length}; leave it empty to let the store keep a random one.`,
    );
  }
  return salt;
}

function checkRetention(days: string | undefined): number {
  if (days === undefined) return DEFAULTS.retentionDays;
  const parsed = Number(days);
  if (!/^\d+$/.test(days) || parsed < 1 || parsed > MAX_RETENTION_DAYS) {
    throw new ConfigError(
      `FEEDBACK_RETENTION_DAYS must be a whole number of days from 1 to ${MAX_RETENTION_DAYS} (default ${DEFAULTS.retentionDays}), got "${days}".`,
    );
  }
  return parsed;
}

function checkToken(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  if (/^bot\s/i.test(token)) {
    throw new ConfigError('DISCORD_TOKEN starts with "Bot ": set only the token itself, without the prefix.');
  }
  if (/[\s"']/.test(token)) {
    throw new ConfigError(
      'DISCORD_TOKEN contains spaces or quotes: paste the token exactly as the Developer Portal shows it.',
    );
  }
  if (token.split('.').length !== 3) {
    throw new ConfigError(
      'DISCORD_TOKEN does not look like a bot token (three parts separated by dots): copy it again from Developer Portal → Bot → Reset Token. The client secret is not the token.',
    );
  }
  return token;
}

function checkSnowflake(name: string, id: string | undefined, what: string): string | undefined {
  if (id === undefined) return undefined;
  if (!SNOWFLAKE.test(id))
    throw new ConfigError(`${name} must be ${what}: a 17–20 digit number, got "${id}".`);
  return id;
}

function checkApiUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(
      `DISCORD_API_URL must be an http(s) URL such as https://discord.com/api, got "${url}".`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError(
      `DISCORD_API_URL must be an http(s) URL such as https://discord.com/api, got "${url}".`,
    );
  }
  const base = url.replace(/\/+$/, '');
  if (/\/v\d+$/.test(base)) {
    throw new ConfigError(
      `DISCORD_API_URL must not include the API version: use "${base.replace(/\/v\d+$/, '')}" (discord.js adds /v10 itself), got "${url}".`,
    );
  }
  return base;
}

function checkLogLevel(level: string | undefined): LogLevel {
  if (level === undefined) return DEFAULTS.logLevel;
  const lower = level.toLowerCase();
  const known = LOG_LEVELS.find((candidate) => candidate === lower);
  if (!known) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}".`);
  return known;
}

function checkRateLimit(
  burst: string | undefined,
  refill: string | undefined,
  value: (name: string) => string | undefined,
): RateLimitSettings {
  // COOLDOWN_SECONDS, the old one-command-per-N-seconds setting, still works (deployments and checks set
  // it) when the new settings are absent: 0 turns the limit off, N regains one command every N seconds.
  const cooldown = value('COOLDOWN_SECONDS');
  if (cooldown !== undefined && burst === undefined && refill === undefined) {
    const seconds = checkNumber(
      'COOLDOWN_SECONDS',
      cooldown,
      /^\d+(\.\d+)?$/,
      MAX_REFILL_SECONDS,
      'a number of seconds',
      'replaced by RATE_LIMIT_BURST and RATE_LIMIT_REFILL_SECONDS; 0 turns the limit off',
    );
    return Object.freeze({ burst: seconds === 0 ? 0 : DEFAULTS.rateLimit.burst, refillSeconds: seconds });
  }
  return Object.freeze({
    burst:
      burst === undefined
        ? DEFAULTS.rateLimit.burst
        : checkNumber(
            'RATE_LIMIT_BURST',
            burst,
            /^\d+$/,
            MAX_BURST,
            'a whole number of commands',
            '0 turns the limit off',
          ),
    refillSeconds:
      refill === undefined
        ? DEFAULTS.rateLimit.refillSeconds
        : checkNumber(
            'RATE_LIMIT_REFILL_SECONDS',
            refill,
            /^\d+(\.\d+)?$/,
            MAX_REFILL_SECONDS,
            'a number of seconds',
            'the time to regain one command',
          ),
  });
}

function checkNumber(
  name: string,
  raw: string,
  shape: RegExp,
  max: number,
  what: string,
  note: string,
): number {
  const parsed = Number(raw);
  if (!shape.test(raw) || parsed > max) {
    throw new ConfigError(`${name} must be ${what} from 0 to ${max} (${note}), got "${raw}".`);
  }
  return parsed;
}

/** An on/off variable: 1/true/yes/on or 0/false/no/off (any case); unset means the default. */
function checkSwitch(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  const lower = raw.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(lower)) return true;
  if (['0', 'false', 'no', 'off'].includes(lower)) return false;
  throw new ConfigError(`${name} must be 1 (on) or 0 (off), got "${raw}".`);
}
