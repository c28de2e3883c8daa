import { basename } from "node:path";
import { formatSlurmDuration, parseSlurmDuration } from "../../core/duration.js";
import { invalidInput } from "../../core/errors.js";
import {
  mergeNetwork,
  NETWORK_POLICIES,
  replayNetwork,
  type NetworkPolicy,
} from "../../sim/network.js";
import { writeNetworkReport } from "../../sim/network-report.js";
import { readSwfFile } from "../../sim/swf.js";
import { applyConventions, withinSeconds, type MissingEstimate } from "../../sim/workload.js";
import { table } from "../format.js";

export interface NetworkArgs {
  traces: string[];
  /** The backfill policy of every cluster (as the single-trace simulator takes it). */
  backfill: Parameters<typeof replayNetwork>[2];
  network: string;
  transfer: string;
  days: string | undefined;
  missing: MissingEstimate;
  json: boolean;
  reportDir: string | null;
}

/** A cluster's name from its trace's file: CTC-SP2-1996-3.1-cln.swf.gz gives CTC-SP2. */
function clusterName(file: string): string {
  const b = basename(file).replace(/\.swf(\.gz)?$/, "");
  return /^([A-Za-z0-9]+-[A-Za-z0-9]+)-\d{4}/.exec(b)?.[1] ?? b;
}

/**
 * `guang sim A.swf B.swf …`: the traces as clusters of one network, their submissions
 * aligned, over the period all of them cover (or --days), under each placement policy.
 */
export function simNetwork(a: NetworkArgs): number {
  const policies = a.network.split(",").map((p) => {
    const x = p.trim() as NetworkPolicy;
    if (!NETWORK_POLICIES.includes(x))
      throw invalidInput(`--network: unknown policy "${p}"; use ${NETWORK_POLICIES.join(", ")}`);
    return x;
  });
  let transfer: number;
  try {
    transfer = parseSlurmDuration(a.transfer);
  } catch (e) {
    throw invalidInput(`--transfer: ${(e as Error).message}`);
  }
  if (!Number.isFinite(transfer)) throw invalidInput(`--transfer must be a finite time`);
  const read = a.traces.map((f) => ({
    name: clusterName(f),
    w: applyConventions(readSwfFile(f), { missingEstimate: a.missing }).workload,
  }));
  const names = new Set(read.map((r) => r.name));
  if (names.size !== read.length)
    throw invalidInput(
      `two traces give the same cluster name (${read.map((r) => r.name).join(", ")}); give each trace once`,
    );
  const span = (w: (typeof read)[number]["w"]) =>
    w.count > 0 ? w.submit[w.count - 1]! - w.submit[0]! + 1 : 0;
  let days: number;
  if (a.days !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(a.days) || Number(a.days) <= 0)
      throw invalidInput(`--days must be a positive number, got "${a.days}"`);
    days = Number(a.days);
  } else days = Math.min(...read.map((r) => span(r.w))) / 86400;
  const net = mergeNetwork(
    read.map((r) => ({ name: r.name, workload: withinSeconds(r.w, days * 86400) })),
  );
  if (net.all.count === 0) throw invalidInput(`no job is left to replay in the first ${days} days`);
  const runs = policies.map((p) => replayNetwork(net, p, a.backfill, transfer));
  const report = a.reportDir ? writeNetworkReport(net, runs, transfer, a.reportDir) : null;
  if (a.json) {
    const out = runs.map((r) => ({
      policy: r.policy,
      backfill: a.backfill,
      days,
      transferSeconds: transfer,
      ...r.metrics,
      moved: r.moved,
      clusters: r.clusters,
      wallSeconds: r.wallSeconds,
      ...(report ? { report } : {}),
    }));
    process.stdout.write(JSON.stringify(out, null, 2) + "\n");
    return 0;
  }
  process.stdout.write(
    `network  ${net.names.map((n, c) => `${n} (${net.procs[c]} processors)`).join(", ")}\n` +
      `jobs     ${net.all.count} in the first ${days.toFixed(1)} days of each trace, submissions aligned; backfill ${a.backfill}; transfer ${formatSlurmDuration(transfer)}\n\n`,
  );
  const rows = runs.map((r) => [
    r.policy,
    String(r.metrics.jobs),
    String(r.moved),
    r.metrics.avgWait.toFixed(1),
    r.metrics.avgBoundedSlowdown.toFixed(3),
    ...r.clusters.map((c) => `${(100 * c.utilization).toFixed(1)}%`),
  ]);
  process.stdout.write(
    table(
      ["POLICY", "JOBS", "MOVED", "AVG_WAIT(s)", "AVG_BSLD", ...net.names.map((n) => `UTIL_${n}`)],
      rows,
    ) + "\n",
  );
  if (report) process.stdout.write(`\nreport   ${report}\n`);
  return 0;
}
