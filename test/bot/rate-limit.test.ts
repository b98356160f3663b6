import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SharedTokenBucketLimiter, TokenBucketLimiter } from '../../src/bot/rate-limit.js';
import { DEFAULTS } from '../../src/config.js';

describe('token bucket rate limit', () => {
  it('lets a burst through, then one command per refill period, and says how long to wait', () => {
    let now = 1_000_000;
    const limiter = new TokenBucketLimiter({ burst: 3, refillSeconds: 5 }, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 5 });
    expect(limiter.take('b')).toEqual({ ok: true }); // another user has a bucket of their own
    now += 2_000;
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 3 });
    now += 3_000;
    expect(limiter.take('a')).toEqual({ ok: true });
    expect(limiter.take('a').ok).toBe(false);
  });

  it('a refused command costs nothing: waiting the time it names is enough', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ burst: 1, refillSeconds: 4 }, () => now);
    limiter.take('a');
    for (let i = 0; i < 5; i++) limiter.take('a');
    const wait = limiter.take('a');
    expect(wait).toEqual({ ok: false, retryAfterSeconds: 4 });
    now += 4_000;
    expect(limiter.take('a')).toEqual({ ok: true });
  });

  it('with the default settings, 10 commands at once pass, then one every 3 s: 20 within 30 s', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter(DEFAULTS.rateLimit, () => now);
    expect(Array.from({ length: 10 }, () => limiter.take('a').ok).every(Boolean)).toBe(true);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 3 });
    const later = Array.from({ length: 10 }, (_, i) => {
      now = (i + 1) * 3_000;
      return limiter.take('a').ok;
    });
    expect(later.every(Boolean)).toBe(true);
    expect(now).toBe(30_000);
  });

  it('burst 0 turns the limit off', () => {
    const limiter = new TokenBucketLimiter({ burst: 0, refillSeconds: 3 });
    expect(Array.from({ length: 50 }, () => limiter.take('a').ok).every(Boolean)).toBe(true);
  });

  it('never lets more than burst + elapsed/refill commands through, and every wait is at least 1 s', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 80 }),
        (burst, refillSeconds, gaps) => {
          let now = 0;
          const limiter = new TokenBucketLimiter({ burst, refillSeconds }, () => now);
          let passed = 0;
          for (const gap of gaps) {
            now += gap;
            const check = limiter.take('u');
            if (check.ok) passed++;
            else expect(check.retryAfterSeconds).toBeGreaterThanOrEqual(1);
          }
          expect(passed).toBeLessThanOrEqual(burst + Math.floor(now / (refillSeconds * 1000)));
        },
      ),
    );
  });

  it('forgets users whose bucket has refilled, so memory does not grow with every user seen', () => {
    let now = 0;
    const store = new Map<string, { tokens: number; at: number }>();
    const limiter = new TokenBucketLimiter({ burst: 2, refillSeconds: 1 }, () => now, store);
    for (let i = 0; i < 999; i++) limiter.take(`user-${i}`);
    now += 10_000;
    limiter.take('late');
    expect(store.size).toBe(1);
  });
});

describe('the shared token bucket (one limit for every replica on the store)', () => {
  /** A source that answers from a script and records what it was asked. */
  const source = (answers: { allowed: boolean; tokens: number }[]) => {
    const asked: unknown[][] = [];
    return {
      asked,
      takeToken: async (...args: [string, number, number, number]) => {
        asked.push(args);
        return answers.shift() ?? { allowed: true, tokens: 0 };
      },
    };
  };

  it('passes what the store lets through and says when the next command will pass', async () => {
    const store = source([
      { allowed: true, tokens: 2 },
      { allowed: false, tokens: 0.25 },
    ]);
    const limiter = new SharedTokenBucketLimiter({ burst: 3, refillSeconds: 4 }, store, () => 1234);
    expect(await limiter.take('u1')).toEqual({ ok: true });
    expect(await limiter.take('u1')).toEqual({ ok: false, retryAfterSeconds: 3 });
    expect(store.asked).toEqual([
      ['u1', 3, 4, 1234],
      ['u1', 3, 4, 1234],
    ]);
  });

  it('asks the store nothing when the limit is off or refills at once', async () => {
    const store = source([{ allowed: false, tokens: 0 }]);
    expect(await new SharedTokenBucketLimiter({ burst: 0, refillSeconds: 3 }, store).take('u')).toEqual({
      ok: true,
    });
    expect(await new SharedTokenBucketLimiter({ burst: 5, refillSeconds: 0 }, store).take('u')).toEqual({
      ok: true,
    });
    expect(store.asked).toEqual([]);
  });
});
