import type { Workload } from "./workload.js";

/** Summary figures of a replay, as scheduling studies report them. */
export interface Metrics {
  jobs: number;
  procs: number;
  avgWait: number;
  p50Wait: number;
  p95Wait: number;
  maxWait: number;
  /** Mean of max(1, (wait + run) / max(run, 10)). */
  avgBoundedSlowdown: number;
  /** Σ(procs·run) / (procs of the machine · (last end − first submit)). */
  utilization: number;
  /** Last end − first submit, seconds. */
  makespan: number;
}

/** Bounded-slowdown threshold (seconds) of the published studies. */
const SLOWDOWN_BOUND = 10;

export function computeMetrics(w: Workload, start: Float64Array): Metrics {
  const n = w.count;
  const waits = new Float64Array(n);
  let sumWait = 0;
  let sumSlow = 0;
  let work = 0;
  let firstSubmit = Infinity;
  let lastEnd = -Infinity;
  for (let j = 0; j < n; j++) {
    const run = w.run[j];
    const wait = start[j] - w.submit[j];
    waits[j] = wait;
    sumWait += wait;
    sumSlow += Math.max(1, (wait + run) / Math.max(run, SLOWDOWN_BOUND));
    work += w.procsOf[j] * run;
    if (w.submit[j] < firstSubmit) firstSubmit = w.submit[j];
    const end = start[j] + run;
    if (end > lastEnd) lastEnd = end;
  }
  waits.sort();
  const makespan = n > 0 ? lastEnd - firstSubmit : 0;
  return {
    jobs: n,
    procs: w.procs,
    avgWait: n > 0 ? sumWait / n : 0,
    p50Wait: quantile(waits, 0.5),
    p95Wait: quantile(waits, 0.95),
    maxWait: n > 0 ? waits[n - 1] : 0,
    avgBoundedSlowdown: n > 0 ? sumSlow / n : 0,
    utilization: makespan > 0 ? work / (w.procs * makespan) : 0,
    makespan,
  };
}

/** Nearest-rank quantile of sorted values. */
function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}
