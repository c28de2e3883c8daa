/**
 * Availability of one divisible resource (processors) over future time, as a step function:
 * `free[i]` units are free from `times[i]` until `times[i+1]` (the last step lasts forever).
 * Used to place reservations: conservative backfill, and the planned start of waiting jobs.
 */
export class StepProfile {
  times: number[] = [];
  free: number[] = [];

  /** Starts at `now` with `freeNow` units and the given (time, units released) steps, sorted by time. */
  reset(now: number, freeNow: number): void {
    this.times.length = 0;
    this.free.length = 0;
    this.times.push(now);
    this.free.push(freeNow);
  }

  /** Adds `units` from `time` on (a running job ending). Times must come in non-decreasing order. */
  release(time: number, units: number): void {
    const last = this.times.length - 1;
    if (time <= this.times[last]) {
      this.free[last] += units;
    } else {
      this.times.push(time);
      this.free.push(this.free[last] + units);
    }
  }

  /** Index of the earliest step from which `units` stay free for `duration`; -1 if never. */
  earliest(units: number, duration: number): number {
    const { times, free } = this;
    const len = times.length;
    let i = 0;
    while (i < len) {
      if (free[i] < units) {
        i++;
        continue;
      }
      const end = times[i] + duration;
      let k = i + 1;
      while (k < len && times[k] < end && free[k] >= units) k++;
      if (k >= len || times[k] >= end) return i;
      i = k + 1; // step k lacks room; no start before it can work
    }
    return -1;
  }

  /** Takes `units` during [times[i], times[i] + duration). */
  reserve(i: number, units: number, duration: number): void {
    this.add(this.times[i], duration, -units);
  }

  /** Adds `delta` units (negative: takes them) during [start, start + duration); start ≥ the first step. */
  add(start: number, duration: number, delta: number): void {
    const end = start + duration;
    const i = this.split(start);
    const k = Number.isFinite(end) ? this.split(end) : this.times.length;
    for (let s = i; s < k; s++) this.free[s] += delta;
  }

  /** Index of the step that starts exactly at `t`, splitting the step that holds it if needed. */
  private split(t: number): number {
    const { times, free } = this;
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    const k = lo - 1; // last step starting at or before t
    if (times[k] === t) return k;
    times.splice(k + 1, 0, t);
    free.splice(k + 1, 0, free[k]);
    return k + 1;
  }
}
