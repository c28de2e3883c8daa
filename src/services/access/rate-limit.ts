import { GuangError } from "../../core/errors.js";

/**
 * At most `max` events per key in a sliding window of `windowMs` (sign-in attempts per IP,
 * per user name). In memory: each platform process counts its own.
 */
export class RateLimit {
  private readonly seen = new Map<string, number[]>();
  /** Keys refused in their current window (so a flood is reported once, not once per attempt). */
  private readonly refused = new Map<string, number>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly what: string,
  ) {}

  /** Counts one event; refuses (429, with the wait) when the key is over its limit. */
  hit(key: string, now = Date.now()): void {
    const recent = (this.seen.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.max) {
      this.seen.set(key, recent);
      const until = recent[0]! + this.windowMs;
      const first = (this.refused.get(key) ?? 0) < now;
      if (first) {
        if (this.refused.size > 50000) this.refused.clear();
        this.refused.set(key, until);
      }
      const wait = Math.max(1, Math.ceil((until - now) / 1000));
      throw new GuangError(
        "too_many_attempts",
        429,
        `too many ${this.what}; try again in ${wait} s`,
        { retryAfterSeconds: wait, firstRefusal: first },
      );
    }
    // a bound on memory: the oldest keys go first
    if (this.seen.size > 50000) this.seen.delete(this.seen.keys().next().value!);
    recent.push(now);
    this.seen.set(key, recent);
  }

  /** Forgets the keys that start with `prefix` (an admin's unlock of a user name). */
  forgetPrefix(prefix: string): void {
    for (const k of this.seen.keys()) if (k.startsWith(prefix)) this.seen.delete(k);
  }
}
