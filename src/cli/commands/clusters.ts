import { parseArgs } from "node:util";
import type { ClusterView } from "../../client/api-types.js";
import { invalidInput } from "../../core/errors.js";
import { formatSlurmDuration } from "../../core/duration.js";
import { ApiClient } from "../client.js";
import { EXIT } from "../exit.js";
import { printResult, table, timeText } from "../format.js";

export const CLUSTERS_HELP = `usage: guang clusters [-M CLUSTER] [-R | --list-reasons] [-h | --noheader] [--json]

Partitions and nodes of every cluster, like sinfo (with a CLUSTER: line per cluster, as
sinfo -M prints): PARTITION AVAIL TIMELIMIT NODES STATE CPUS(A/I/O/T) NODELIST, and how
many jobs run and wait (counts only: no one else's jobs). A cluster that is
disabled or that Guang cannot reach says so and why.
  -R, --list-reasons   the nodes taken out and why, as sinfo -R: REASON USER TIMESTAMP NODELIST
                       (a disabled cluster: all its nodes, with the reason it was disabled)
  -h, --noheader       no header lines
Center admins: guang admin cluster disable NAME --reason TEXT | enable NAME.
`;

function clusterText(k: ClusterView, header: boolean): string {
  const head = `CLUSTER: ${k.name} (${k.backend}${k.status.version ? ` ${k.status.version}` : ""})`;
  const notes = [
    ...(k.enabled ? [] : [`  disabled: ${k.disabledReason ?? "no reason given"}`]),
    ...(k.status.error ? [`  error: ${k.status.error}`] : []),
    ...(k.status.sync?.drift.length
      ? [`  drift put right at ${timeText(k.status.sync.at)}: ${k.status.sync.drift.join("; ")}`]
      : []),
  ];
  const rows = k.partitions.map((p) => {
    const nodes = k.nodes.filter((n) => p.nodes.includes(n.name));
    const states = [...new Set(nodes.map((n) => n.state))];
    // sinfo's %C: cpus allocated/idle/other (down)/total, so that a user sees how busy it is
    const sum = (f: (n: (typeof nodes)[number]) => number) => nodes.reduce((t, n) => t + f(n), 0);
    const down = sum((n) => (n.state === "down" ? n.cpus : 0));
    const alloc = sum((n) => (n.state === "down" ? 0 : n.allocCpus));
    const total = sum((n) => n.cpus);
    return [
      `${p.name}${p.default ? "*" : ""}`,
      k.enabled && k.status.reachable ? "up" : "down",
      p.maxTime === null ? "infinite" : formatSlurmDuration(p.maxTime),
      String(nodes.length),
      states.join(",") || "-",
      `${alloc}/${total - alloc - down}/${down}/${total}`,
      p.nodes.join(","),
    ];
  });
  return [
    head,
    ...notes,
    table(
      ["PARTITION", "AVAIL", "TIMELIMIT", "NODES", "STATE", "CPUS(A/I/O/T)", "NODELIST"],
      rows,
      header,
    ),
    `jobs: ${k.jobs.running} running, ${k.jobs.pending} waiting`,
  ].join("\n");
}

/** sinfo -R: the nodes that are out, and why; nodes out for one reason share a line. */
function reasonsText(k: ClusterView, header: boolean): string {
  const rows = new Map<string, string[]>();
  const add = (reason: string, user: string, at: string, node: string) => {
    const key = [reason, user, at].join("\0");
    rows.set(key, [...(rows.get(key) ?? []), node]);
  };
  for (const n of k.nodes) {
    if (!k.enabled)
      add(
        `cluster disabled: ${k.disabledReason ?? "no reason given"}`,
        "-",
        timeText(k.disabledAt),
        n.name,
      );
    else if (n.reason) add(n.reason.text, n.reason.user ?? "-", n.reason.at ?? "Unknown", n.name);
    else if (n.state === "down") add("Not responding", "-", "Unknown", n.name);
  }
  const lines = [...rows].map(([key, nodes]) => [...key.split("\0"), nodes.join(",")]);
  return table(["REASON", "USER", "TIMESTAMP", "NODELIST"], lines, header);
}

export async function clustersCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      clusters: { type: "string", short: "M" },
      "list-reasons": { type: "boolean", short: "R" },
      noheader: { type: "boolean", short: "h" },
      json: { type: "boolean" },
    },
  });
  let clusters = (
    await ApiClient.fromEnvironment().request<{ clusters: ClusterView[] }>(
      "GET",
      "/api/v1/clusters",
    )
  ).clusters;
  if (values.clusters !== undefined) {
    const names = values.clusters.split(",");
    const unknown = names.filter((n) => !clusters.some((k) => k.name === n));
    if (unknown.length)
      throw invalidInput(
        `cluster ${unknown.join(", ")} does not exist; clusters: ${clusters.map((k) => k.name).join(", ")}`,
      );
    clusters = clusters.filter((k) => names.includes(k.name));
  }
  const header = !values.noheader;
  printResult(values.json, { clusters }, () =>
    values["list-reasons"]
      ? clusters
          .map((k) =>
            clusters.length > 1 || values.clusters
              ? `CLUSTER: ${k.name}\n${reasonsText(k, header)}`
              : reasonsText(k, header),
          )
          .join("\n\n")
      : clusters.map((k) => clusterText(k, header)).join("\n\n"),
  );
  return EXIT.ok;
}
