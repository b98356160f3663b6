/** Per-user pause between commands, so one person cannot flood a channel. */
export type CooldownCheck =
  { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

export class Cooldown {
  readonly #lastUse = new Map<string, number>();
  constructor(
    readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Record a use by `userId` if allowed; otherwise say how long to wait (rounded up to whole seconds). */
  take(userId: string): CooldownCheck {
    if (this.seconds <= 0) return { ok: true };
    const now = this.now();
    const last = this.#lastUse.get(userId);
    const waitMs = last === undefined ? 0 : last + this.seconds * 1000 - now;
    if (waitMs > 0) return { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
    this.#lastUse.set(userId, now);
    this.#forgetExpired(now);
    return { ok: true };
  }

  /** Keep the map from growing with every user ever seen. */
  #forgetExpired(now: number): void {
    if (this.#lastUse.size < 1000) return;
    for (const [user, at] of this.#lastUse) if (at + this.seconds * 1000 <= now) this.#lastUse.delete(user);
  }
}
