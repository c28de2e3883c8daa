import { emptyWorkload, type Workload } from "./workload.js";

/** Small deterministic PRNG (mulberry32): same seed, same workload, on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  jobs: number;
  procs: number;
  seed: number;
  /** Offered load (work / capacity over the submit span); default 0.9. */
  load?: number;
  users?: number;
}

/**
 * A workload with the usual shape of HPC traces: many small jobs, powers of two, runtimes
 * spread over orders of magnitude, requested times that overestimate. For demos, property
 * tests and benchmarks that must not depend on trace files being present.
 */
export function syntheticWorkload(o: SyntheticOptions): Workload {
  const rnd = prng(o.seed);
  const n = o.jobs;
  const users = o.users ?? 16;
  const w = emptyWorkload(n, o.procs);
  let work = 0;
  for (let j = 0; j < n; j++) {
    const maxExp = Math.max(0, Math.floor(Math.log2(o.procs)));
    const exp = Math.floor(rnd() ** 2 * (maxExp + 1));
    const p = Math.min(o.procs, rnd() < 0.8 ? 2 ** exp : 1 + Math.floor(rnd() * o.procs));
    const run = Math.max(1, Math.round(Math.exp(Math.log(30) + rnd() * Math.log(36000 / 30))));
    const est = Math.round(run * (1 + rnd() * 3));
    w.procsOf[j] = p;
    w.run[j] = run;
    w.est[j] = est;
    w.user[j] = Math.floor(rnd() ** 2 * users);
    w.group[j] = w.user[j] % Math.max(1, Math.floor(users / 4));
    w.traceId[j] = j + 1;
    work += p * run;
  }
  // arrivals: exponential gaps scaled so that the offered load is as asked
  const span = work / (o.procs * (o.load ?? 0.9));
  const mean = span / Math.max(1, n);
  let t = 0;
  for (let j = 0; j < n; j++) {
    w.submit[j] = Math.round(t);
    t += -Math.log(1 - rnd()) * mean;
  }
  return w;
}
