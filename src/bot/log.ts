/**
 * A small levelled logger whose every line passes through redaction: the bot token (and anything shaped
 * like a Discord token) never reaches the terminal, even inside an error's message or stack.
 */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export const REDACTED = '[redacted]';

/**
 * Discord bot tokens are three base64url parts joined by dots (user id, timestamp, HMAC). The pattern is
 * loose on purpose: redacting a harmless look-alike costs nothing, leaking a token costs the bot.
 */
const TOKEN_SHAPED = /[\w-]{20,}\.[\w-]{5,}\.[\w-]{20,}/g;

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 8) out = out.replaceAll(secret, REDACTED);
  return out.replace(TOKEN_SHAPED, REDACTED);
}

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Exact strings to hide in addition to token-shaped ones (the configured token). */
  readonly secrets?: readonly string[];
  /** Where lines go; defaults to stdout for debug/info and stderr for warn/error. */
  readonly write?: (level: Exclude<LogLevel, 'silent'>, line: string) => void;
}

const defaultWrite = (level: Exclude<LogLevel, 'silent'>, line: string) =>
  (level === 'warn' || level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);

export function createLogger(options: LoggerOptions): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level);
  const write = options.write ?? defaultWrite;
  const secrets = options.secrets ?? [];
  const log = (level: Exclude<LogLevel, 'silent'>) => (message: string, fields?: LogFields) => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}${formatFields(fields)}`;
    write(level, redact(line, secrets));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

function formatFields(fields: LogFields | undefined): string {
  if (!fields) return '';
  let out = '';
  for (const [key, value] of Object.entries(fields)) {
    if (value instanceof Error) out += `\n${value.stack ?? `${value.name}: ${value.message}`}`;
    else out += ` ${key}=${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
  }
  return out;
}

/** For tests and console mode. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
