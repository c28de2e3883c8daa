/** How long the embedded scheduler's recent passes took (the last 100), as operators read it. */
export class PassTimes {
  private readonly ms = new Float64Array(100);
  private n = 0;
  /** The last pass's length, for pacing the next one. */
  last = 0;

  add(ms: number): void {
    this.ms[this.n % this.ms.length] = ms;
    this.n++;
    this.last = ms;
  }

  /** Passes so far, and the median and 99th percentile of the recent ones (null before the first). */
  summary(): { count: number; p50Ms: number; p99Ms: number } | null {
    if (this.n === 0) return null;
    const recent = Array.from(this.ms.subarray(0, Math.min(this.n, this.ms.length))).sort(
      (a, b) => a - b,
    );
    const q = (p: number) => recent[Math.min(recent.length - 1, Math.floor(p * recent.length))]!;
    return {
      count: this.n,
      p50Ms: Math.round(q(0.5) * 100) / 100,
      p99Ms: Math.round(q(0.99) * 100) / 100,
    };
  }
}
