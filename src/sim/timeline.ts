import type { Workload } from "./workload.js";

/** Time-averaged utilization and queue length in equal buckets over the replay. */
export interface Timeline {
  t0: number;
  step: number;
  /** Fraction of processors busy, per bucket. */
  utilization: Float64Array;
  /** Waiting jobs, per bucket (time average). */
  queue: Float64Array;
}

/**
 * Integrates the step functions "busy processors" and "waiting jobs" over each bucket
 * with one sorted sweep of the change points, so the cost does not grow with job length.
 */
export function computeTimeline(w: Workload, start: Float64Array, buckets = 400): Timeline {
  const n = w.count;
  let t0 = Infinity;
  let t1 = -Infinity;
  for (let j = 0; j < n; j++) {
    t0 = Math.min(t0, w.submit[j]);
    t1 = Math.max(t1, start[j] + w.run[j]);
  }
  const utilization = new Float64Array(buckets);
  const queue = new Float64Array(buckets);
  if (n === 0 || !(t1 > t0)) return { t0: n ? t0 : 0, step: 0, utilization, queue };
  const step = (t1 - t0) / buckets;
  // change points: (time, Δbusy, Δqueue)
  const time = new Float64Array(4 * n);
  const dBusy = new Float64Array(4 * n);
  const dQueue = new Float64Array(4 * n);
  let e = 0;
  const add = (t: number, b: number, q: number) => {
    time[e] = t;
    dBusy[e] = b;
    dQueue[e] = q;
    e++;
  };
  for (let j = 0; j < n; j++) {
    add(w.submit[j], 0, 1);
    add(start[j], w.procsOf[j], -1);
    add(start[j] + w.run[j], -w.procsOf[j], 0);
  }
  const order = new Uint32Array(e);
  for (let i = 0; i < e; i++) order[i] = i;
  order.sort((a, b) => time[a] - time[b]);
  let busy = 0;
  let waiting = 0;
  let at = t0;
  let b = 0; // bucket that holds `at`; walked forward explicitly so float rounding cannot stall it
  const edge = (k: number) => (k === buckets - 1 ? Infinity : t0 + (k + 1) * step);
  const accrue = (until: number) => {
    while (at < until) {
      while (edge(b) <= at) b++;
      const to = Math.min(until, edge(b));
      utilization[b] += busy * (to - at);
      queue[b] += waiting * (to - at);
      at = to;
    }
  };
  for (let k = 0; k < e; k++) {
    const i = order[k];
    accrue(time[i]);
    busy += dBusy[i];
    waiting += dQueue[i];
  }
  for (let b = 0; b < buckets; b++) {
    utilization[b] /= w.procs * step;
    queue[b] /= step;
  }
  return { t0, step, utilization, queue };
}
