import { invalidInput } from "../core/errors.js";
import type { SwfTrace } from "./swf.js";

/**
 * The jobs a simulation replays, column-wise, in submission order. `est` is what the
 * scheduler believes (the requested time); `run` is what really happens.
 */
export interface Workload {
  count: number;
  /** Processors of the machine. */
  procs: number;
  submit: Float64Array;
  run: Float64Array;
  est: Float64Array;
  procsOf: Int32Array;
  user: Int32Array;
  group: Int32Array;
  queue: Int32Array;
  /** Id of the job in the trace (field 1). */
  traceId: Float64Array;
}

/** A workload of `n` jobs, all fields zero, for the caller to fill. */
export function emptyWorkload(n: number, procs: number): Workload {
  return {
    count: n,
    procs,
    submit: new Float64Array(n),
    run: new Float64Array(n),
    est: new Float64Array(n),
    procsOf: new Int32Array(n),
    user: new Int32Array(n),
    group: new Int32Array(n),
    queue: new Int32Array(n),
    traceId: new Float64Array(n),
  };
}

export type MissingEstimate = "drop" | "runtime";

export interface ConventionOptions {
  /** Machine size; default: the header's MaxProcs, else its MaxNodes. */
  procs?: number;
  /** What to do with jobs that have no requested time: drop them (the published convention) or use the runtime. */
  missingEstimate?: MissingEstimate;
}

export interface Dropped {
  tooLarge: number;
  noProcs: number;
  noRuntime: number;
  noEstimate: number;
  negativeSubmit: number;
}

export interface Conventions {
  workload: Workload;
  dropped: Dropped;
  procsSource: "--procs" | "MaxProcs" | "MaxNodes";
}

/**
 * Applies the job conventions of published scheduling studies:
 * - processors = requested (field 8), or allocated (field 5) when field 8 ≤ 0; drop when both ≤ 0;
 * - drop jobs whose allocated or requested processors exceed the machine;
 * - drop jobs with runtime ≤ 0, requested time ≤ 0 or submit time < 0;
 * - cap the runtime at the requested time; the requested time is the scheduler's estimate.
 */
export function applyConventions(trace: SwfTrace, options: ConventionOptions = {}): Conventions {
  let procs: number;
  let procsSource: Conventions["procsSource"];
  if (options.procs !== undefined) {
    procs = options.procs;
    procsSource = "--procs";
  } else if (trace.maxProcs !== null && trace.maxProcs > 0) {
    procs = trace.maxProcs;
    procsSource = "MaxProcs";
  } else if (trace.maxNodes !== null && trace.maxNodes > 0) {
    procs = trace.maxNodes;
    procsSource = "MaxNodes";
  } else {
    throw invalidInput(
      `${trace.file}: the header gives no MaxProcs or MaxNodes; say how many processors the machine has with --procs N`,
      { file: trace.file },
    );
  }
  if (!Number.isInteger(procs) || procs <= 0) {
    throw invalidInput(`--procs must be a positive whole number, got ${procs}`);
  }
  const missing = options.missingEstimate ?? "drop";
  const n = trace.count;
  const w = emptyWorkload(n, procs);
  const dropped: Dropped = {
    tooLarge: 0,
    noProcs: 0,
    noRuntime: 0,
    noEstimate: 0,
    negativeSubmit: 0,
  };
  let k = 0;
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const alloc = trace.allocProcs[i];
    const req = trace.reqProcs[i];
    const p = req > 0 ? req : alloc;
    if (p <= 0) {
      dropped.noProcs++;
      continue;
    }
    if (alloc > procs || req > procs) {
      dropped.tooLarge++;
      continue;
    }
    const run = trace.run[i];
    if (run <= 0) {
      dropped.noRuntime++;
      continue;
    }
    let est = trace.reqTime[i];
    if (est <= 0) {
      if (missing === "drop") {
        dropped.noEstimate++;
        continue;
      }
      est = run;
    }
    const submit = trace.submit[i];
    if (submit < 0) {
      dropped.negativeSubmit++;
      continue;
    }
    if (k > 0 && submit < w.submit[k - 1]) sorted = false;
    w.submit[k] = submit;
    w.run[k] = Math.min(run, est);
    w.est[k] = est;
    w.procsOf[k] = Math.ceil(p);
    w.user[k] = trace.user[i];
    w.group[k] = trace.group[i];
    w.queue[k] = trace.queue[i];
    w.traceId[k] = trace.jobId[i];
    k++;
  }
  w.count = k;
  const cut = <T extends Float64Array | Int32Array>(a: T) => a.subarray(0, k) as T;
  w.submit = cut(w.submit);
  w.run = cut(w.run);
  w.est = cut(w.est);
  w.procsOf = cut(w.procsOf);
  w.user = cut(w.user);
  w.group = cut(w.group);
  w.queue = cut(w.queue);
  w.traceId = cut(w.traceId);
  if (!sorted) sortBySubmit(w);
  return { workload: w, dropped, procsSource };
}

/** Stable sort by submit time (a trace out of order is replayed in time order, ties in file order). */
function sortBySubmit(w: Workload): void {
  const order = Array.from({ length: w.count }, (_, i) => i);
  order.sort((a, b) => w.submit[a] - w.submit[b] || a - b);
  const permute = <T extends Float64Array | Int32Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(a.length);
    for (let i = 0; i < order.length; i++) out[i] = a[order[i]];
    return out;
  };
  w.submit = permute(w.submit);
  w.run = permute(w.run);
  w.est = permute(w.est);
  w.procsOf = permute(w.procsOf);
  w.user = permute(w.user);
  w.group = permute(w.group);
  w.queue = permute(w.queue);
  w.traceId = permute(w.traceId);
}

/** The first `n` jobs of a workload (a slice for replays that need not take a year). */
export function firstJobs(w: Workload, n: number): Workload {
  const k = Math.min(n, w.count);
  return {
    count: k,
    procs: w.procs,
    submit: w.submit.subarray(0, k),
    run: w.run.subarray(0, k),
    est: w.est.subarray(0, k),
    procsOf: w.procsOf.subarray(0, k),
    user: w.user.subarray(0, k),
    group: w.group.subarray(0, k),
    queue: w.queue.subarray(0, k),
    traceId: w.traceId.subarray(0, k),
  };
}

/** The jobs submitted within `seconds` of the first one. */
export function withinSeconds(w: Workload, seconds: number): Workload {
  let k = 0;
  while (k < w.count && w.submit[k]! - w.submit[0]! < seconds) k++;
  return firstJobs(w, k);
}
