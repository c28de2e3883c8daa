import { GuangError } from "../../core/errors.js";

/**
 * Failed sign-ins of one name from one address, with an exponential back-off once there
 * have been `free` of them: 1 s, 2 s, 4 s, ... up to `maxMs`. Keyed by name and address
 * together, so that nobody can lock another person (or `admin`) out from elsewhere, and
 * applied alike to names that exist and names that do not, so the answer tells nothing.
 */
export class SignInBackoff {
  private readonly failures = new Map<string, { n: number; last: number }>();

  constructor(
    private readonly free: number,
    private readonly maxMs: number,
  ) {}

  private key(name: string, ip: string): string {
    return `${name.toLowerCase()}\0${ip}`;
  }

  /** Refuses (429, with the wait) while this name and address must wait. */
  check(name: string, ip: string, now = Date.now()): void {
    const f = this.failures.get(this.key(name, ip));
    if (!f || f.n < this.free) return;
    const until = f.last + Math.min(this.maxMs, 1000 * 2 ** (f.n - this.free));
    if (now >= until) return;
    const wait = Math.max(1, Math.ceil((until - now) / 1000));
    throw new GuangError(
      "too_many_attempts",
      429,
      `too many failed sign-ins for this name from your address; try again in ${wait} s`,
      { retryAfterSeconds: wait },
    );
  }

  failed(name: string, ip: string, now = Date.now()): void {
    const k = this.key(name, ip);
    const f = this.failures.get(k);
    // a bound on memory: the oldest entries go first; an old run of failures is forgiven
    if (!f && this.failures.size > 50000) this.failures.delete(this.failures.keys().next().value!);
    this.failures.set(k, { n: f && now - f.last < this.maxMs ? f.n + 1 : 1, last: now });
  }

  succeeded(name: string, ip: string): void {
    this.failures.delete(this.key(name, ip));
  }

  /** An admin's unlock: every address may try this name again. */
  forgive(name: string): void {
    const prefix = `${name.toLowerCase()}\0`;
    for (const k of this.failures.keys()) if (k.startsWith(prefix)) this.failures.delete(k);
  }
}
