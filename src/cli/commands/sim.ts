import { parseArgs } from "node:util";
import { formatSlurmDuration } from "../../core/duration.js";
import { invalidInput } from "../../core/errors.js";
import { parsePolicy } from "../../scheduler/policy.js";
import { writeReport } from "../../sim/report.js";
import { ensureFolder } from "../folder-arg.js";
import { simulateFile, type Simulation } from "../../sim/simulate.js";
import { applyConventions, type MissingEstimate } from "../../sim/workload.js";
import { readSwfFile } from "../../sim/swf.js";
import { table } from "../format.js";
import { NETWORK_POLICIES } from "../../sim/network.js";
import { simNetwork } from "./sim-network.js";
import { simPriority } from "./sim-priority.js";

export const SIM_HELP = `usage: guang sim TRACE.swf[.gz] [--policy fcfs|easy|conservative[,...]] [--procs N]
                 [--depth N] [--missing-estimate drop|runtime] [--json] [--report DIR]
       guang sim TRACE TRACE... [--network static,earliest,earliest-transfer] [--transfer TIME]
                 [--days N] [--policy P] [--json] [--report DIR]
       guang sim TRACE --priority multifactor [--weights W]... [--half-life T[,T...]]
                 [--accounts FILE.json] [--policy P] [--json] [--report DIR]

Replays a Standard Workload Format trace on a virtual clock with Guang's scheduler and
prints wait, bounded slowdown, utilization and makespan.

  --policy P[,P...]   backfill policy; several, comma-separated, are compared (default easy)
  --procs N           processors of the machine (default: the header's MaxProcs, else MaxNodes)
  --depth N           conservative backfill: reservations for the first N waiting jobs (default all)
  --missing-estimate  jobs without a requested time: drop them (default, as published studies do)
                      or use their runtime as the estimate
  --json              one JSON object (an array of them with several policies)
  --report DIR        write DIR/index.html with charts (utilization, queue length, waits)

Several traces are several clusters of one computing-power network, each trace's first
submission at the same instant, over the days all of them cover (--days N: the first N).
Each placement policy is replayed and compared: static (every job on its own cluster),
earliest (the cluster where it is predicted to start first), earliest-transfer (the same,
the job arriving --transfer later where it moves: default 30:00, its data's journey).

--priority multifactor replays one trace with the live scheduler's priority — age, job size
and Fair Tree fair share, the trace's users as users and its groups as accounts — beside
plain submission order, and compares the settings: average wait and bounded slowdown per
account, and how evenly the accounts were served.
  --weights W         age=N,fairshare=N,jobsize=N,maxage=TIME (the rest as the live
                      defaults: 1000, 10000, 1000, 7-0); give it again for another setting
  --half-life T,...   fair share's usage half-life, each one a setting (default 7-0)
  --accounts FILE     JSON grouping the trace's groups into tenants: {"physics": [1, 4]}
`;

function positiveInt(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) <= 0)
    throw invalidInput(`${name} must be a positive whole number, got "${text}"`);
  return Number(text);
}

export function simCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      policy: { type: "string", default: "easy" },
      procs: { type: "string" },
      depth: { type: "string" },
      "missing-estimate": { type: "string", default: "drop" },
      json: { type: "boolean", default: false },
      report: { type: "string" },
      network: { type: "string", default: NETWORK_POLICIES.join(",") },
      transfer: { type: "string", default: "30:00" },
      days: { type: "string" },
      priority: { type: "string" },
      weights: { type: "string", multiple: true },
      "half-life": { type: "string", default: "7-0" },
      accounts: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(SIM_HELP);
    return 0;
  }
  if (positionals.length === 0) {
    throw invalidInput(`sim takes a trace file (several: a network), got none\n${SIM_HELP}`);
  }
  const policies = values.policy.split(",").map((p) => parsePolicy(p.trim()));
  const missing = values["missing-estimate"];
  if (missing !== "drop" && missing !== "runtime") {
    throw invalidInput(`--missing-estimate must be "drop" or "runtime", got "${missing}"`);
  }
  // a report folder that cannot be made is said before the simulation runs
  const reportDir = values.report !== undefined ? ensureFolder(values.report, "--report") : null;
  if (positionals.length > 1) {
    if (policies.length !== 1)
      throw invalidInput(
        `a network is replayed with one backfill policy (--policy), got ${values.policy}`,
      );
    return simNetwork({
      traces: positionals,
      backfill: policies[0]!,
      network: values.network,
      transfer: values.transfer,
      days: values.days,
      missing,
      json: values.json,
      reportDir,
    });
  }
  if (values.priority !== undefined) {
    if (values.priority !== "multifactor")
      throw invalidInput(
        `--priority takes multifactor (the live scheduler's), got "${values.priority}"`,
      );
    if (policies.length !== 1)
      throw invalidInput(
        `--priority compares settings under one backfill policy (--policy), got ${values.policy}`,
      );
    const { workload } = applyConventions(readSwfFile(positionals[0]), {
      procs: positiveInt("--procs", values.procs),
      missingEstimate: missing as MissingEstimate,
    });
    if (workload.count === 0)
      throw invalidInput(`${positionals[0]}: no job is left to replay after the conventions`);
    return simPriority({
      w: workload,
      backfill: policies[0]!,
      weights: values.weights ?? [],
      halfLife: values["half-life"],
      accounts: values.accounts,
      json: values.json,
      reportDir,
    });
  }
  const sim = simulateFile(positionals[0], {
    policies,
    procs: positiveInt("--procs", values.procs),
    depth: positiveInt("--depth", values.depth),
    missingEstimate: missing as MissingEstimate,
  });
  if (sim.workload.count === 0) {
    throw invalidInput(
      `${sim.file}: no job is left to replay after the conventions (${describeDropped(sim)}); ` +
        (sim.dropped.noEstimate > 0 ? "try --missing-estimate runtime" : "check the trace"),
    );
  }
  let report: string | null = null;
  if (reportDir !== null) {
    try {
      report = writeReport(sim, reportDir);
    } catch (e) {
      throw invalidInput(
        `--report ${values.report}: cannot write the report there: ${(e as Error).message}`,
      );
    }
  }
  if (values.json) {
    const objects = sim.runs.map((r) => ({
      trace: sim.file,
      policy: r.policy,
      ...r.metrics,
      wallSeconds: r.wallSeconds + sim.readSeconds,
      replaySeconds: r.wallSeconds,
      readSeconds: sim.readSeconds,
      dropped: sim.dropped,
      ...(report ? { report } : {}),
    }));
    process.stdout.write(
      JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2) + "\n",
    );
    return 0;
  }
  process.stdout.write(
    `trace    ${sim.file}: ${sim.traceJobs} jobs, ${sim.workload.count} replayed (dropped: ${describeDropped(sim)})\n` +
      `machine  ${sim.workload.procs} processors (${sim.procsSource})\n\n`,
  );
  const rows = sim.runs.map((r) => {
    const m = r.metrics;
    return [
      r.policy,
      String(m.jobs),
      m.avgWait.toFixed(1),
      formatSlurmDuration(m.p50Wait),
      formatSlurmDuration(m.p95Wait),
      m.avgBoundedSlowdown.toFixed(4),
      `${(100 * m.utilization).toFixed(2)}%`,
      formatSlurmDuration(m.makespan),
      `${(r.wallSeconds + sim.readSeconds).toFixed(3)}s`,
    ];
  });
  process.stdout.write(
    table(
      [
        "POLICY",
        "JOBS",
        "AVG_WAIT(s)",
        "P50_WAIT",
        "P95_WAIT",
        "AVG_BSLD",
        "UTIL",
        "MAKESPAN",
        "WALL",
      ],
      rows,
    ) + "\n",
  );
  if (report) process.stdout.write(`\nreport   ${report}\n`);
  return 0;
}

function describeDropped(sim: Simulation): string {
  const d = sim.dropped;
  const parts = [
    [d.noRuntime, "runtime ≤ 0"],
    [d.noEstimate, "no requested time"],
    [d.tooLarge, "larger than the machine"],
    [d.noProcs, "no processors"],
    [d.negativeSubmit, "negative submit time"],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, why]) => `${n} ${why}`);
  return parts.length ? parts.join(", ") : "none";
}
