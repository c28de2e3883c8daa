import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Policy } from "../src/scheduler/policy.js";
import { simulateFile } from "../src/sim/simulate.js";

/**
 * Trace replay speed, reading the trace included. Peer: the reference simulator of the
 * SC'15 backfilling study needs 14.1 s for EASY on CTC-SP2 on this machine.
 * Goals: CTC-SP2 EASY ≤ 0.45 s (≥ 30×), HPC2N (200,000 jobs) EASY ≤ 1.3 s.
 */
export interface TraceFigures {
  trace: string;
  policy: Policy;
  jobs: number;
  seconds: number;
  goalSeconds: number;
  peerSeconds: number | null;
}

export const TRACE_GOALS: { file: string; policy: Policy; goal: number; peer: number | null }[] = [
  { file: "CTC-SP2-1996-3.1-cln.swf.gz", policy: "easy", goal: 0.45, peer: 14.1 },
  { file: "HPC2N-2002-2.2-cln.swf.gz", policy: "easy", goal: 1.3, peer: null },
];

export function benchTrace(
  dir: string,
  file: string,
  policy: Policy,
  repeat: number,
): Omit<TraceFigures, "goalSeconds" | "peerSeconds"> | null {
  const path = join(dir, file);
  if (!existsSync(path)) return null;
  let best = Infinity;
  let jobs = 0;
  for (let r = 0; r < repeat; r++) {
    const t = performance.now();
    const sim = simulateFile(path, { policies: [policy] });
    best = Math.min(best, (performance.now() - t) / 1000);
    jobs = sim.workload.count;
  }
  return { trace: file, policy, jobs, seconds: best };
}
