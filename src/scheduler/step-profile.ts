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
    const { times, free } = this;
    const end = times[i] + duration;
    // split at `end` so that the reservation ends on a step boundary
    let k = i;
    while (k + 1 < times.length && times[k + 1] <= end) k++;
    if (times[k] < end && Number.isFinite(end)) {
      times.splice(k + 1, 0, end);
      free.splice(k + 1, 0, free[k]);
    }
    for (let s = i; s < times.length && times[s] < end; s++) free[s] -= units;
  }
}
