/**
 * A virtual cluster's time. `speed` ×N runs N virtual seconds a wall-clock second from its
 * origin; started some time ago (`startsAgo`), it runs fast until it meets the wall clock and
 * goes on with it from then, so that what it records is never in the future. `manual` moves
 * only when told (replays and tests: every decision at an exact instant).
 */
export class VirtualClock {
  private readonly realOrigin: number;
  private readonly origin: number;
  private manualNow: number;

  constructor(
    readonly mode: "speed" | "manual",
    readonly speed: number,
    /** Milliseconds before the wall clock where virtual time begins (0: now). */
    startsAgoMs: number,
    private readonly wall: () => number = Date.now,
  ) {
    this.realOrigin = wall();
    this.origin = this.realOrigin - startsAgoMs;
    this.manualNow = this.origin;
  }

  now(): number {
    if (this.mode === "manual") return this.manualNow;
    const real = this.wall();
    const v = this.origin + (real - this.realOrigin) * this.speed;
    // a clock started in the past catches up, then keeps the wall clock's pace
    return this.origin < this.realOrigin ? Math.min(v, real) : v;
  }

  /** Wall-clock milliseconds until the virtual instant `at` (0 when it has come). */
  realDelay(at: number): number {
    const now = this.now();
    if (at <= now) return 0;
    if (this.mode === "manual") return Infinity;
    const wall = this.wall();
    // where the clock has caught up with the wall, a virtual millisecond is a real one
    if (this.origin < this.realOrigin && now >= wall) return at - now;
    return (at - now) / this.speed;
  }

  /** Moves a manual clock to `at`; never backwards. */
  set(at: number): void {
    if (this.mode !== "manual") throw new Error("only a manual clock is set");
    this.manualNow = Math.max(this.manualNow, at);
  }
}
