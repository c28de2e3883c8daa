import type { Policy } from "../scheduler/policy.js";
import { PoolScheduler } from "../scheduler/pool.js";
import { computeMetrics, type Metrics } from "./metrics.js";
import { replay, type SimScheduler } from "./replay.js";
import { readSwfFile } from "./swf.js";
import {
  applyConventions,
  type ConventionOptions,
  type Dropped,
  type Workload,
} from "./workload.js";

export interface SimulationRun {
  policy: Policy;
  metrics: Metrics;
  /** Seconds of wall time the replay took (reading the trace excluded; see `readSeconds`). */
  wallSeconds: number;
  start: Float64Array;
}

export interface Simulation {
  file: string;
  traceJobs: number;
  dropped: Dropped;
  procsSource: string;
  workload: Workload;
  readSeconds: number;
  runs: SimulationRun[];
}

export interface SimulationOptions extends ConventionOptions {
  policies: Policy[];
  /** Conservative backfill depth (default: every waiting job). */
  depth?: number;
}

/** The pool fast path wrapped for the replay loop. */
export function poolAdapter(s: PoolScheduler): SimScheduler {
  return {
    submit: (j) => s.submit(j),
    end: (j) => s.end(j),
    freeNow: (now) => s.freeNow(now),
    pass: (now, out) => s.pass(now, out),
  };
}

function poolSimScheduler(w: Workload, policy: Policy, depth?: number): SimScheduler {
  return poolAdapter(
    new PoolScheduler(w.procs, policy, { procs: w.procsOf, est: w.est }, { depth }),
  );
}

export function simulateWorkload(w: Workload, policy: Policy, depth?: number): SimulationRun {
  const t = performance.now();
  const start = replay(w, poolSimScheduler(w, policy, depth));
  const metrics = computeMetrics(w, start);
  return { policy, metrics, start, wallSeconds: (performance.now() - t) / 1000 };
}

/** Reads a trace, applies the conventions and replays it under each policy. */
export function simulateFile(file: string, options: SimulationOptions): Simulation {
  const t = performance.now();
  const trace = readSwfFile(file);
  const { workload, dropped, procsSource } = applyConventions(trace, options);
  const readSeconds = (performance.now() - t) / 1000;
  const runs = options.policies.map((p) => simulateWorkload(workload, p, options.depth));
  return { file, traceJobs: trace.count, dropped, procsSource, workload, readSeconds, runs };
}
