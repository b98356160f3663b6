import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/bot/cooldown.js';

describe('cooldown', () => {
  it('lets a user act once per period and says how long to wait', () => {
    let now = 10_000;
    const cooldown = new Cooldown(3, () => now);
    expect(cooldown.take('a')).toEqual({ ok: true });
    now += 1200;
    expect(cooldown.take('a')).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(cooldown.take('b')).toEqual({ ok: true });
    now += 1800;
    expect(cooldown.take('a')).toEqual({ ok: true });
  });

  it('0 seconds turns it off', () => {
    const cooldown = new Cooldown(0);
    expect(cooldown.take('a')).toEqual({ ok: true });
    expect(cooldown.take('a')).toEqual({ ok: true });
  });
});
