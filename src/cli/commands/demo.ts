import { parseArgs } from "node:util";
import { invalidInput } from "../../core/errors.js";
import { formatSlurmDuration } from "../../core/duration.js";
import { POLICIES } from "../../scheduler/policy.js";
import { simulateWorkload } from "../../sim/simulate.js";
import { syntheticWorkload } from "../../sim/synthetic.js";
import { table } from "../format.js";

export const DEMO_HELP = `usage: guang demo [--jobs N] [--procs N] [--seed N] [--json]

Replays a synthetic workload (same seed, same jobs) under FCFS, EASY and conservative
backfilling and compares them. Needs no trace file.
`;

export function demoCommand(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      jobs: { type: "string", default: "5000" },
      procs: { type: "string", default: "256" },
      seed: { type: "string", default: "1" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(DEMO_HELP);
    return 0;
  }
  const num = (name: string, v: string) => {
    if (!/^\d+$/.test(v) || Number(v) <= 0)
      throw invalidInput(`--${name} must be a positive whole number, got "${v}"`);
    return Number(v);
  };
  const w = syntheticWorkload({
    jobs: num("jobs", values.jobs),
    procs: num("procs", values.procs),
    seed: num("seed", values.seed),
  });
  const runs = POLICIES.map((p) => simulateWorkload(w, p));
  if (values.json) {
    process.stdout.write(
      JSON.stringify(
        runs.map((r) => ({ policy: r.policy, ...r.metrics, wallSeconds: r.wallSeconds })),
        null,
        2,
      ) + "\n",
    );
    return 0;
  }
  process.stdout.write(
    `Guang 光 — synthetic workload: ${w.count} jobs on ${w.procs} processors (seed ${values.seed})\n\n`,
  );
  const rows = runs.map((r) => [
    r.policy,
    formatSlurmDuration(r.metrics.avgWait),
    r.metrics.avgBoundedSlowdown.toFixed(2),
    `${(100 * r.metrics.utilization).toFixed(1)}%`,
    `${(r.wallSeconds * 1000).toFixed(0)}ms`,
  ]);
  process.stdout.write(table(["POLICY", "AVG_WAIT", "AVG_BSLD", "UTIL", "WALL"], rows) + "\n");
  process.stdout.write(
    `\nReplay a real trace: guang sim TRACE.swf.gz --policy fcfs,easy,conservative --report ./report\n`,
  );
  return 0;
}
