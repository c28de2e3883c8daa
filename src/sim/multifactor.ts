import { decayUsage, fairTreeFactors, type ShareNode } from "../scheduler/fairshare.js";
import type { Policy } from "../scheduler/policy.js";
import { PoolScheduler } from "../scheduler/pool.js";
import { compareQueued, jobPriority, type PriorityWeights } from "../scheduler/priority.js";
import { computeMetrics, type Metrics } from "./metrics.js";
import { replay } from "./replay.js";
import type { Workload } from "./workload.js";

/** One setting of the live scheduler's priority to try on a workload. */
export interface PrioritySetting {
  name: string;
  /** Null: no priority at all, submission order (the trace simulators' FIFO). */
  weights: PriorityWeights | null;
  /** Fair share's usage half-life, seconds. */
  halfLife: number;
}

/** How one account (a trace group) fared. */
interface AccountOutcome {
  account: string;
  tenant: string;
  jobs: number;
  avgWait: number;
  avgBoundedSlowdown: number;
  /** Its part of all the work run. */
  useShare: number;
}

export interface PriorityRun {
  setting: PrioritySetting;
  metrics: Metrics;
  accounts: AccountOutcome[];
  /** Jain's index of the accounts' mean bounded slowdowns: 1 when every account was slowed alike. */
  evenness: number;
  wallSeconds: number;
}

// Slurm's PriorityCalcPeriod: fair-share factors are computed again every five minutes
const CALC_PERIOD_S = 300;

/**
 * Replays a trace with the live scheduler's multifactor priority: the trace's users as
 * users, its groups as accounts (grouped into tenants by `tenantOf`), equal shares at each
 * level, Fair Tree factors from usage that decays with the half-life, recomputed every five
 * minutes; age and size as the live scheduler weighs them. The queue is ordered by priority
 * before every pass of the same pool scheduler the plain replay uses.
 */
export function replayWithPriority(
  w: Workload,
  backfill: Policy,
  s: PrioritySetting,
  tenantOf: (group: number) => string,
): PriorityRun {
  const t = performance.now();
  const pool = new PoolScheduler(w.procs, backfill, { procs: w.procsOf, est: w.est });
  const key = (j: number) => `${tenantOf(w.group[j]!)}/g${w.group[j]}/u${w.user[j]}`;
  const tree = shareTree(w, tenantOf);
  const usage = new Map<string, number>();
  let usageAt = 0;
  let factors = new Map<string, number>();
  let calcAt = -Infinity;
  const started = new Float64Array(w.count).fill(-1);
  const priorityOf = new Float64Array(w.count);
  const start = replay(w, {
    submit: (j) => pool.submit(j),
    end: (j, now) => {
      pool.end(j);
      // usage in processor-seconds, decayed to a common instant as it is added
      const u = w.procsOf[j]! * (now - started[j]!);
      for (const [k, v] of usage) usage.set(k, decayUsage(v, usageAt, now, s.halfLife));
      usageAt = now;
      usage.set(key(j), (usage.get(key(j)) ?? 0) + u);
    },
    freeNow: (now) => pool.freeNow(now),
    pass: (now, out) => {
      if (s.weights) {
        if (now - calcAt >= CALC_PERIOD_S) {
          factors = fairTreeFactors(tree, usage);
          calcAt = now;
        }
        for (const j of pool.queue)
          priorityOf[j] = jobPriority(
            {
              submit: w.submit[j]!,
              cpus: w.procsOf[j]!,
              fairshare: factors.get(key(j)) ?? 1,
              partition: 0,
              qos: 0,
            },
            now,
            w.procs,
            s.weights,
          );
        const q = (j: number) => ({ priority: priorityOf[j]!, submit: w.submit[j]!, id: j });
        pool.queue.sort((a, b) => compareQueued(q(a), q(b)));
      }
      const before = out.length;
      pool.pass(now, out);
      for (let k = before; k < out.length; k++) started[out[k]!] = now;
    },
  });
  const metrics = computeMetrics(w, start);
  const accounts = outcomes(w, start, tenantOf);
  return {
    setting: s,
    metrics,
    accounts,
    evenness: jain(accounts.map((a) => a.avgBoundedSlowdown)),
    wallSeconds: (performance.now() - t) / 1000,
  };
}

/** Tenants → accounts (groups) → users, equal shares at each level. */
function shareTree(w: Workload, tenantOf: (group: number) => string): ShareNode[] {
  const tenants = new Map<string, Map<number, Set<number>>>();
  for (let j = 0; j < w.count; j++) {
    const tn = tenantOf(w.group[j]!);
    const groups = tenants.get(tn) ?? new Map<number, Set<number>>();
    tenants.set(tn, groups);
    const users = groups.get(w.group[j]!) ?? new Set<number>();
    groups.set(w.group[j]!, users);
    users.add(w.user[j]!);
  }
  return [...tenants].map(([name, groups]) => ({
    name,
    children: [...groups].map(([g, users]) => ({
      name: `g${g}`,
      children: [...users].map((u) => ({ name: `u${u}` })),
    })),
  }));
}

function outcomes(
  w: Workload,
  start: Float64Array,
  tenantOf: (group: number) => string,
): AccountOutcome[] {
  const by = new Map<number, { jobs: number; wait: number; slow: number; work: number }>();
  let total = 0;
  for (let j = 0; j < w.count; j++) {
    const a = by.get(w.group[j]!) ?? { jobs: 0, wait: 0, slow: 0, work: 0 };
    by.set(w.group[j]!, a);
    const wait = start[j]! - w.submit[j]!;
    a.jobs++;
    a.wait += wait;
    a.slow += Math.max(1, (wait + w.run[j]!) / Math.max(w.run[j]!, 10));
    a.work += w.procsOf[j]! * w.run[j]!;
    total += w.procsOf[j]! * w.run[j]!;
  }
  return [...by]
    .map(([g, a]) => ({
      account: `g${g}`,
      tenant: tenantOf(g),
      jobs: a.jobs,
      avgWait: a.wait / a.jobs,
      avgBoundedSlowdown: a.slow / a.jobs,
      useShare: total > 0 ? a.work / total : 0,
    }))
    .sort((x, y) => y.useShare - x.useShare);
}

/** Jain's fairness index: (Σx)² / (n·Σx²), 1 when all are equal. */
function jain(xs: number[]): number {
  const sum = xs.reduce((a, b) => a + b, 0);
  const sq = xs.reduce((a, b) => a + b * b, 0);
  return xs.length > 0 && sq > 0 ? (sum * sum) / (xs.length * sq) : 1;
}
