import type { Policy } from "./policy.js";
import { StepProfile } from "./step-profile.js";

/**
 * The fast path for the "pool of processors" model of workload traces: a job asks for P
 * processors anywhere. It makes the same decisions as the general node-aware path on a
 * cluster of 1-core nodes (a property test holds it to that), at a fraction of the cost.
 *
 * Semantics follow the reference simulator of published backfilling studies:
 * - a running job occupies its processors until its *estimated* end (start + requested
 *   time) in the availability profile; when it really ends, the rest is returned at once;
 * - a pass starts queue-head jobs in order while they fit;
 * - EASY, when two or more jobs still wait, reserves the head job at its earliest start in
 *   the profile; every other waiting job, in queue order, starts now if the profile has its
 *   processors free from now until now + its estimate given that reservation;
 * - conservative gives every waiting job (up to `depth`) a reservation, kept and compressed
 *   from pass to pass; a job starts now only where that delays no reservation.
 *
 * State is incremental (submit/end) so that a trace of 200,000 jobs replays in about a second.
 */
export interface PoolJobs {
  procs: Int32Array;
  /** Estimated runtime (the requested time), seconds. */
  est: Float64Array;
}

export interface PoolOptions {
  /** Conservative backfill: how many waiting jobs get a reservation (default: all). */
  depth?: number;
}

export class PoolScheduler {
  readonly total: number;
  readonly policy: Policy;
  private readonly procs: Int32Array;
  private readonly est: Float64Array;
  private readonly depth: number;

  /** Waiting jobs in queue order (the caller may reorder it between passes: see `reorder`). */
  queue: number[] = [];
  // running jobs sorted by estimated end (ties: in order of start)
  private runEnd: Float64Array;
  private runProcs: Int32Array;
  private runJob: Int32Array;
  private running = 0;
  private busy = 0;
  private readonly profile = new StepProfile();
  /** Conservative: each waiting job's reserved start, kept between passes. */
  private readonly reservations = new Map<number, number>();

  constructor(total: number, policy: Policy, jobs: PoolJobs, options: PoolOptions = {}) {
    this.total = total;
    this.policy = policy;
    this.procs = jobs.procs;
    this.est = jobs.est;
    this.depth = options.depth ?? Infinity;
    const cap = 64;
    this.runEnd = new Float64Array(cap);
    this.runProcs = new Int32Array(cap);
    this.runJob = new Int32Array(cap);
  }

  submit(job: number): void {
    this.queue.push(job);
  }

  /** Processors free at `now` in the profile: a job whose estimated end is now no longer counts. */
  freeNow(now: number): number {
    let free = this.total - this.busy;
    for (let r = 0; r < this.running && this.runEnd[r] <= now; r++) free += this.runProcs[r];
    return free;
  }

  runningCount(): number {
    return this.running;
  }

  /** A running job really ended: its processors return now, whatever its estimate said. */
  end(job: number): void {
    const r = this.findRunning(job);
    this.busy -= this.runProcs[r];
    this.runEnd.copyWithin(r, r + 1, this.running);
    this.runProcs.copyWithin(r, r + 1, this.running);
    this.runJob.copyWithin(r, r + 1, this.running);
    this.running--;
  }

  /** Removes a waiting job (cancelled). */
  withdraw(job: number): void {
    const i = this.queue.indexOf(job);
    if (i >= 0) this.queue.splice(i, 1);
    this.reservations.delete(job);
  }

  /** One scheduling pass at `now`; started jobs are appended to `started`. */
  pass(now: number, started: number[]): void {
    switch (this.policy) {
      case "fcfs":
        this.startHead(now, this.freeNow(now), started);
        return;
      case "easy":
        this.passEasy(now, started);
        return;
      case "conservative":
        this.passConservative(now, started);
        return;
    }
  }

  /**
   * Planned start of each waiting job in queue order (Infinity where none): conservative's
   * kept reservations, or for the other policies the reservations conservative backfill
   * would make on the current state (for EASY the head's is its reservation).
   */
  plannedStarts(now: number, depth = this.depth): Float64Array {
    const out = new Float64Array(this.queue.length).fill(Infinity);
    if (this.policy === "conservative") {
      this.queue.forEach((j, q) => (out[q] = this.reservations.get(j) ?? Infinity));
      return out;
    }
    this.buildProfile(now);
    const limit = Math.min(depth, this.queue.length);
    for (let q = 0; q < limit; q++) {
      const j = this.queue[q];
      const i = this.profile.earliest(this.procs[j], this.est[j]);
      out[q] = this.profile.times[i];
      this.profile.reserve(i, this.procs[j], this.est[j]);
    }
    return out;
  }

  /**
   * When a job of `procs` processors and estimate `est` would start were it queued now: a
   * conservative plan of the jobs ahead of it (at most `depth` of them), then its earliest
   * fit. Infinity when it is larger than the machine. Nothing is changed.
   */
  predictStart(now: number, procs: number, est: number, depth = 200): number {
    if (procs > this.total) return Infinity;
    this.buildProfile(now);
    const limit = Math.min(depth, this.queue.length);
    for (let q = 0; q < limit; q++) {
      const j = this.queue[q];
      const i = this.profile.earliest(this.procs[j], this.est[j]);
      if (i >= 0) this.profile.reserve(i, this.procs[j], this.est[j]);
    }
    const i = this.profile.earliest(procs, est);
    return i < 0 ? Infinity : this.profile.times[i];
  }

  private startHead(now: number, free: number, started: number[]): number {
    const q = this.queue;
    let h = 0;
    while (h < q.length && this.procs[q[h]] <= free) {
      free -= this.procs[q[h]];
      this.start(q[h], now);
      started.push(q[h]);
      h++;
    }
    if (h > 0) q.splice(0, h);
    return free;
  }

  private passEasy(now: number, started: number[]): void {
    let free = this.startHead(now, this.freeNow(now), started);
    const q = this.queue;
    if (q.length < 2 || free === 0) return;
    // Shadow time S: the head's earliest start; extra: processors free at S beyond the head's.
    // The profile only rises between now and S (running jobs end, none start), so a job
    // fits "from now to now + estimate given the reservation" exactly when it fits now and
    // either ends by S or fits in the extra processors.
    const need = this.procs[q[0]];
    let avail = free;
    let r = 0;
    while (r < this.running && this.runEnd[r] <= now) r++;
    let shadow = Infinity;
    while (r < this.running) {
      const t = this.runEnd[r];
      while (r < this.running && this.runEnd[r] === t) avail += this.runProcs[r++];
      if (avail >= need) {
        shadow = t;
        break;
      }
    }
    let extra = avail - need;
    let w = 1;
    for (let k = 1; k < q.length; k++) {
      const j = q[k];
      const p = this.procs[j];
      if (free > 0 && p <= free) {
        const long = now + this.est[j] > shadow;
        if (!long || p <= extra) {
          free -= p;
          if (long) extra -= p;
          this.start(j, now);
          started.push(j);
          continue;
        }
      }
      q[w++] = j;
    }
    q.length = w;
  }

  /**
   * Conservative backfill with reservations kept from pass to pass and compressed: each
   * waiting job, in queue order, gives up its reservation and takes the earliest slot in a
   * profile that still holds every other reservation — so its old slot is always there and
   * no reservation ever moves later. A job whose slot is now starts.
   */
  private passConservative(now: number, started: number[]): void {
    const q = this.queue;
    if (q.length === 0) return;
    this.buildProfile(now);
    const prof = this.profile;
    for (const [j, at] of this.reservations) prof.add(at, this.est[j], -this.procs[j]);
    const limit = Math.min(this.depth, q.length);
    let w = 0;
    for (let k = 0; k < q.length; k++) {
      const j = q[k];
      const old = this.reservations.get(j);
      if (old !== undefined) prof.add(old, this.est[j], this.procs[j]);
      const i = prof.earliest(this.procs[j], this.est[j]);
      if (i === 0 || k < limit) {
        prof.reserve(i, this.procs[j], this.est[j]);
        if (i === 0) {
          this.reservations.delete(j);
          this.start(j, now);
          started.push(j);
          continue;
        }
        this.reservations.set(j, prof.times[i]);
      } else this.reservations.delete(j);
      q[w++] = j;
    }
    q.length = w;
  }

  private buildProfile(now: number): void {
    const p = this.profile;
    p.reset(now, this.freeNow(now));
    for (let r = 0; r < this.running; r++) {
      if (this.runEnd[r] > now) p.release(this.runEnd[r], this.runProcs[r]);
    }
  }

  private start(job: number, now: number): void {
    const end = now + this.est[job];
    if (this.running === this.runEnd.length) this.grow();
    // insert after every running job with the same or an earlier estimated end
    let lo = 0;
    let hi = this.running;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.runEnd[mid] <= end) lo = mid + 1;
      else hi = mid;
    }
    this.runEnd.copyWithin(lo + 1, lo, this.running);
    this.runProcs.copyWithin(lo + 1, lo, this.running);
    this.runJob.copyWithin(lo + 1, lo, this.running);
    this.runEnd[lo] = end;
    this.runProcs[lo] = this.procs[job];
    this.runJob[lo] = job;
    this.running++;
    this.busy += this.procs[job];
  }

  private findRunning(job: number): number {
    for (let r = 0; r < this.running; r++) if (this.runJob[r] === job) return r;
    throw new Error(`job ${job} is not running`);
  }

  private grow(): void {
    const cap = this.runEnd.length * 2;
    const e = new Float64Array(cap);
    e.set(this.runEnd);
    const p = new Int32Array(cap);
    p.set(this.runProcs);
    const j = new Int32Array(cap);
    j.set(this.runJob);
    this.runEnd = e;
    this.runProcs = p;
    this.runJob = j;
  }
}
