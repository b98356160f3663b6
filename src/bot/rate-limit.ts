/**
 * Per-user rate limit as a token bucket: a person may send `burst` commands at once and regains one every
 * `refillSeconds`, so ordinary use (a few commands in a row, then reading) never meets it while a flood is
 * told when the next command will pass. Pure: time comes from the injected clock, state from the store.
 */
export type RateCheck = { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

/**
 * What the dispatcher needs (it awaits the answer): a limiter over a shared store, such as a database
 * several processes use, may answer asynchronously.
 */
export interface RateLimiter {
  take(userId: string): RateCheck | Promise<RateCheck>;
}

export interface RateLimitSettings {
  /** Commands a user may send back to back; 0 turns the limit off. */
  readonly burst: number;
  /** Seconds to regain one command. */
  readonly refillSeconds: number;
}

/** One user's bucket: tokens left at `at` (ms since the epoch). */
export interface Bucket {
  readonly tokens: number;
  readonly at: number;
}

/** Where buckets live; a Map by default, an external store when several processes share the limit. */
export interface BucketStore {
  get(userId: string): Bucket | undefined;
  set(userId: string, bucket: Bucket): void;
  delete(userId: string): void;
  readonly size: number;
  entries(): Iterable<[string, Bucket]>;
}

/** A refusal with the whole seconds until the bucket holds one command again (at least 1). */
function refused(tokens: number, refillSeconds: number): RateCheck {
  const waitMs = (1 - tokens) * refillSeconds * 1000;
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** Buckets kept before full ones are forgotten (a full bucket is the same as no bucket). */
const PRUNE_AT = 1000;

export class TokenBucketLimiter implements RateLimiter {
  constructor(
    readonly settings: RateLimitSettings,
    private readonly now: () => number = Date.now,
    private readonly store: BucketStore = new Map<string, Bucket>(),
  ) {}

  take(userId: string): RateCheck {
    const { burst, refillSeconds } = this.settings;
    if (burst <= 0) return { ok: true };
    const now = this.now();
    const tokens = this.#tokensAt(this.store.get(userId), now);
    if (tokens < 1) return refused(tokens, refillSeconds);
    this.store.set(userId, { tokens: tokens - 1, at: now });
    if (this.store.size >= PRUNE_AT) this.#forgetFull(now);
    return { ok: true };
  }

  #tokensAt(bucket: Bucket | undefined, now: number): number {
    const { burst, refillSeconds } = this.settings;
    if (!bucket) return burst;
    const regained = refillSeconds > 0 ? Math.max(0, now - bucket.at) / (refillSeconds * 1000) : burst;
    return Math.min(burst, bucket.tokens + regained);
  }

  /** Keep the store from growing with every user ever seen. */
  #forgetFull(now: number): void {
    for (const [user, bucket] of [...this.store.entries()]) {
      if (this.#tokensAt(bucket, now) >= this.settings.burst) this.store.delete(user);
    }
  }
}

/** What a shared limiter needs of a store: one atomic take from a user's bucket (src/store/store.ts). */
export interface TokenSource {
  takeToken(
    userId: string,
    burst: number,
    refillSeconds: number,
    nowMs: number,
  ): Promise<{ readonly allowed: boolean; readonly tokens: number }>;
}

/**
 * The same token bucket kept in a database every replica uses, so a user behind a load balancer gets
 * one limit, not one per replica.
 */
export class SharedTokenBucketLimiter implements RateLimiter {
  constructor(
    readonly settings: RateLimitSettings,
    private readonly source: TokenSource,
    private readonly now: () => number = Date.now,
  ) {}

  async take(userId: string): Promise<RateCheck> {
    const { burst, refillSeconds } = this.settings;
    // No limit, or one regained at once: nothing to share.
    if (burst <= 0 || refillSeconds <= 0) return { ok: true };
    const taken = await this.source.takeToken(userId, burst, refillSeconds, this.now());
    return taken.allowed ? { ok: true } : refused(taken.tokens, refillSeconds);
  }
}
