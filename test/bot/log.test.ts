import { describe, expect, it } from 'vitest';
import { createLogger, redact } from '../../src/bot/log.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE1.fake-token-for-tests-only-0123456789';

describe('logger', () => {
  it('redacts the configured token and anything token-shaped, including inside stacks', () => {
    const lines: string[] = [];
    const log = createLogger({
      level: 'debug',
      secrets: ['s3cret-value'],
      write: (_l, line) => lines.push(line),
    });
    const error = new Error(`login failed for ${TOKEN}`);
    log.error(`token ${TOKEN} and s3cret-value`, { error, header: `Bot ${TOKEN}` });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]).not.toContain('s3cret-value');
    expect(lines[0]).toContain('token [redacted] and [redacted]');
    expect(lines[0]).toContain('header="Bot [redacted]"');
    expect(lines[0]).toContain('Error: login failed for [redacted]\n    at ');
  });

  it('honours the level', () => {
    const lines: string[] = [];
    const log = createLogger({
      level: 'warn',
      write: (level, line) => lines.push(`${level}:${line.split(' ').slice(1).join(' ')}`),
    });
    log.debug('d');
    log.info('i');
    log.warn('w', { n: 1 });
    log.error('e');
    expect(lines).toEqual(['warn:WARN w n=1', 'error:ERROR e']);
  });

  it('leaves ordinary text alone', () => {
    expect(redact('GET /api/v10/gateway/bot 200 in 3.2 ms')).toBe('GET /api/v10/gateway/bot 200 in 3.2 ms');
  });
});
