import { parseArgs } from "node:util";
import type { JobView } from "../../client/api-types.js";
import { formatSlurmDuration } from "../../core/duration.js";
import { ApiClient } from "../client.js";
import { EXIT } from "../exit.js";
import { table } from "../format.js";
import { shortState } from "../job-format.js";

export const JOBS_HELP = `usage: guang jobs [-M CLUSTER] [-u USER] [-t STATES] [-p PARTITION] [-A ACCOUNT] [-j IDS] [--json]

Lists waiting and running jobs, like squeue: JOBID PARTITION NAME USER ST TIME NODES
NODELIST(REASON). -t takes states (PENDING,RUNNING,... or all).
`;

/** The filter flags `jobs` (squeue) and `history` (sacct) share, with Slurm's letters. */
export const FILTER_FLAGS = {
  user: { type: "string", short: "u" },
  clusters: { type: "string", short: "M" },
  partition: { type: "string", short: "p" },
  account: { type: "string", short: "A" },
  jobs: { type: "string", short: "j" },
  json: { type: "boolean" },
} as const;

/** Query parameters common to `jobs` and `history`. */
export function filterQuery(v: {
  user?: string;
  state?: string;
  clusters?: string;
  partition?: string;
  account?: string;
  jobs?: string;
}): URLSearchParams {
  const q = new URLSearchParams();
  if (v.clusters) q.set("cluster", v.clusters);
  if (v.user) q.set("user", v.user);
  if (v.state && v.state.toLowerCase() !== "all") q.set("state", v.state.toUpperCase());
  if (v.partition) q.set("partition", v.partition);
  if (v.account) q.set("account", v.account);
  if (v.jobs)
    q.set(
      "id",
      v.jobs
        .split(",")
        .map((s) => s.split("_")[0])
        .join(","),
    );
  return q;
}

/** Every page of a listing (the API pages by id). */
export async function fetchAll(client: ApiClient, q: URLSearchParams): Promise<JobView[]> {
  const out: JobView[] = [];
  q.set("limit", "1000");
  for (;;) {
    const page = await client.request<{ jobs: JobView[]; next: number | null }>(
      "GET",
      `/api/v1/jobs?${q}`,
    );
    out.push(...page.jobs);
    if (page.next === null) return out;
    q.set("before", String(page.next));
  }
}

export async function jobsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { ...FILTER_FLAGS, states: { type: "string", short: "t" } },
  });
  const q = filterQuery({ ...values, state: values.states ?? "PENDING,RUNNING" });
  const jobs = (await fetchAll(ApiClient.fromEnvironment(), q)).sort((a, b) => a.id - b.id);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ jobs }, null, 2)}\n`);
    return EXIT.ok;
  }
  const rows = jobs.map((j) => [
    j.jobId,
    j.partition,
    j.name.slice(0, 8),
    j.user.slice(0, 8),
    shortState(j.state),
    formatSlurmDuration(j.elapsed ?? 0),
    String(j.alloc ? 1 : (j.request.nodes ?? 1)),
    j.state === "PENDING" ? `(${j.reason ?? "None"})` : (j.alloc?.node ?? ""),
  ]);
  // as squeue -M does: a CLUSTER: line over each cluster's jobs, when it is not the only one
  const clusters = [...new Set(jobs.map((j) => j.cluster))];
  const header = ["JOBID", "PARTITION", "NAME", "USER", "ST", "TIME", "NODES", "NODELIST(REASON)"];
  const text =
    values.clusters || clusters.length > 1
      ? clusters
          .map(
            (k) =>
              `CLUSTER: ${k}\n${table(
                header,
                rows.filter((_, i) => jobs[i]!.cluster === k),
              )}`,
          )
          .join("\n\n")
      : table(header, rows);
  process.stdout.write(`${text}\n`);
  return EXIT.ok;
}
