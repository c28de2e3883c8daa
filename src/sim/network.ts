import { TerminationHeap } from "../scheduler/event-heap.js";
import type { Policy } from "../scheduler/policy.js";
import { PoolScheduler } from "../scheduler/pool.js";
import { computeMetrics, type Metrics } from "./metrics.js";
import { emptyWorkload, type Workload } from "./workload.js";

/** How jobs are placed across a network's clusters. */
export type NetworkPolicy = "static" | "earliest" | "earliest-transfer";
export const NETWORK_POLICIES: readonly NetworkPolicy[] = [
  "static",
  "earliest",
  "earliest-transfer",
];

/** One cluster of the network: its own trace, replayed with its submissions aligned to the others'. */
export interface NetworkCluster {
  name: string;
  workload: Workload;
}

/** The clusters' jobs as one workload in time order, each with the cluster it was submitted to. */
export interface NetworkWorkload {
  names: string[];
  procs: number[];
  all: Workload;
  home: Int32Array;
}

export interface NetworkRun {
  policy: NetworkPolicy;
  metrics: Metrics;
  /** How many jobs ran away from home. */
  moved: number;
  /** Per cluster: its utilization over the whole replay, and the jobs it ran. */
  clusters: { name: string; procs: number; utilization: number; jobs: number; avgWait: number }[];
  start: Float64Array;
  where: Int32Array;
  wallSeconds: number;
}

/** Aligns the traces (each one's first submission at 0) and merges them in time order. */
export function mergeNetwork(clusters: NetworkCluster[]): NetworkWorkload {
  const n = clusters.reduce((s, c) => s + c.workload.count, 0);
  const order: [number, number, number][] = [];
  clusters.forEach((c, h) => {
    const w = c.workload;
    const t0 = w.count > 0 ? w.submit[0]! : 0;
    for (let j = 0; j < w.count; j++) order.push([w.submit[j]! - t0, h, j]);
  });
  order.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const all = emptyWorkload(n, Math.max(...clusters.map((c) => c.workload.procs)));
  const home = new Int32Array(n);
  order.forEach(([t, h, j], k) => {
    const w = clusters[h]!.workload;
    all.submit[k] = t;
    all.run[k] = w.run[j]!;
    all.est[k] = w.est[j]!;
    all.procsOf[k] = w.procsOf[j]!;
    all.user[k] = w.user[j]!;
    all.group[k] = w.group[j]!;
    all.queue[k] = w.queue[j]!;
    all.traceId[k] = w.traceId[j]!;
    home[k] = h;
  });
  return {
    names: clusters.map((c) => c.name),
    procs: clusters.map((c) => c.workload.procs),
    all,
    home,
  };
}

/**
 * Replays the network under one placement policy. Each cluster is the pool scheduler of the
 * single-trace simulator (same semantics: a submission runs a pass only if its processors
 * are free, an end always does). static: every job stays home. earliest: at submission, the
 * cluster where it is predicted to start first (a conservative plan of the jobs ahead of it).
 * earliest-transfer: the same, but a job sent away arrives `transferSeconds` later (its data
 * moves), which counts against that cluster and in the job's wait.
 */
export function replayNetwork(
  net: NetworkWorkload,
  policy: NetworkPolicy,
  backfill: Policy,
  transferSeconds: number,
): NetworkRun {
  const t = performance.now();
  const w = net.all;
  const jobs = { procs: w.procsOf, est: w.est };
  const scheds = net.procs.map((p) => new PoolScheduler(p, backfill, jobs));
  const start = new Float64Array(w.count).fill(-1);
  const where = new Int32Array(w.count);
  const ends = new TerminationHeap();
  // jobs on their way to another cluster, in arrival order (a constant delay keeps it sorted)
  const arriving: { at: number; job: number }[] = [];
  let head = 0;
  const started: number[] = [];
  const delay = policy === "earliest-transfer" ? transferSeconds : 0;
  const pass = (c: number, now: number) => {
    started.length = 0;
    scheds[c]!.pass(now, started);
    for (const j of started) {
      start[j] = now;
      ends.push(now + w.run[j]!, j);
    }
  };
  const arrive = (j: number, now: number) => {
    const c = where[j]!;
    scheds[c]!.submit(j);
    if (scheds[c]!.freeNow(now) >= w.procsOf[j]!) pass(c, now);
  };
  let next = 0;
  while (next < w.count || head < arriving.length || ends.size > 0) {
    const tSubmit = next < w.count ? w.submit[next]! : Infinity;
    const tArrive = head < arriving.length ? arriving[head]!.at : Infinity;
    const tEnd = ends.peekTime();
    // at equal times: arrivals, then submissions, then ends (the single-trace order)
    if (tArrive <= tSubmit && tArrive <= tEnd) {
      const a = arriving[head++]!;
      arrive(a.job, a.at);
    } else if (tSubmit <= tEnd) {
      const j = next++;
      const c = choose(j, tSubmit);
      where[j] = c;
      if (c !== net.home[j]! && delay > 0) arriving.push({ at: tSubmit + delay, job: j });
      else arrive(j, tSubmit);
    } else {
      const j = ends.pop();
      scheds[where[j]!]!.end(j);
      pass(where[j]!, tEnd);
    }
  }
  function choose(j: number, now: number): number {
    const home = net.home[j]!;
    if (policy === "static") return home;
    let best = home;
    let bestAt = scheds[home]!.predictStart(now, w.procsOf[j]!, w.est[j]!);
    for (let c = 0; c < scheds.length; c++) {
      if (c === home) continue;
      const at = Math.max(scheds[c]!.predictStart(now, w.procsOf[j]!, w.est[j]!), now + delay);
      if (at < bestAt) {
        best = c;
        bestAt = at;
      }
    }
    return best;
  }
  return summarize(net, policy, start, where, (performance.now() - t) / 1000);
}

function summarize(
  net: NetworkWorkload,
  policy: NetworkPolicy,
  start: Float64Array,
  where: Int32Array,
  wallSeconds: number,
): NetworkRun {
  const w = net.all;
  const metrics = computeMetrics({ ...w, procs: net.procs.reduce((a, b) => a + b, 0) }, start);
  let moved = 0;
  const work = net.procs.map(() => 0);
  const count = net.procs.map(() => 0);
  const waits = net.procs.map(() => 0);
  for (let j = 0; j < w.count; j++) {
    const c = where[j]!;
    if (c !== net.home[j]) moved++;
    work[c]! += w.procsOf[j]! * w.run[j]!;
    count[c]!++;
    waits[c]! += start[j]! - w.submit[j]!;
  }
  const clusters = net.names.map((name, c) => ({
    name,
    procs: net.procs[c]!,
    utilization: metrics.makespan > 0 ? work[c]! / (net.procs[c]! * metrics.makespan) : 0,
    jobs: count[c]!,
    avgWait: count[c]! > 0 ? waits[c]! / count[c]! : 0,
  }));
  return { policy, metrics, moved, clusters, start, where, wallSeconds };
}
