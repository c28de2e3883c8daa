import { parseArgs } from "node:util";
import type { JobView } from "../../client/api-types.js";
import { ApiClient } from "../client.js";
import { EXIT } from "../exit.js";
import { formatJobs, SQUEUE_FORMATS, stateNames } from "../squeue-format.js";

export const JOBS_HELP = `usage: guang jobs [-M CLUSTER] [-u USER[,USER]] [--me] [-t STATES] [-p PARTITION]
                  [-A ACCOUNT] [-j IDS] [-o FORMAT] [-l] [--start] [-h] [--json]

Lists waiting and running jobs, like squeue: JOBID PARTITION NAME USER ST TIME NODES
NODELIST(REASON).
  -t, --states STATES   PENDING,RUNNING (the default), squeue's PD,R,CD,F,CA,TO,OOM, or all
  -u, --user USERS      these users' jobs (yours by default; an account's or tenant's for
                        their managers); --me: only yours
  -o, --format FORMAT   squeue's % fields, e.g. "%.18i %.9P %.8j %.8u %.2t %.10M %.6D %R";
                        %i %A %F %K %P %j %u %a %q %t %T %M %l %L %D %C %N %R %r %S %e %V %Z
  -p, -A, -j            partitions, accounts, job ids: each a list (cpu,gpu)
  -l, --long            STATE and TIME_LIMIT columns;  --start: planned start times
  -h, --noheader        no header line (as squeue -h)
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
    options: {
      ...FILTER_FLAGS,
      states: { type: "string", short: "t" },
      state: { type: "string" },
      me: { type: "boolean" },
      noheader: { type: "boolean", short: "h" },
      format: { type: "string", short: "o" },
      long: { type: "boolean", short: "l" },
      start: { type: "boolean" },
    },
  });
  const client = ApiClient.fromEnvironment();
  const users = values.me
    ? [(await client.request<{ user: string }>("GET", "/api/v1/auth/whoami")).user]
    : (values.user?.split(",").filter(Boolean) ?? []);
  const states = stateNames(values.states ?? values.state ?? "PENDING,RUNNING");
  // one user or account is the API's filter; several are asked for one by one
  const accounts = values.account?.split(",").filter(Boolean) ?? [];
  const asks = (users.length ? users : [undefined]).flatMap((user) =>
    (accounts.length ? accounts : [undefined]).map((account) => ({ user, account })),
  );
  const lists = await Promise.all(
    asks.map((a) => fetchAll(client, filterQuery({ ...values, ...a, state: states }))),
  );
  // a name given twice is asked twice: each job once
  const jobs = [...new Map(lists.flat().map((j) => [j.id, j])).values()].sort(
    (a, b) => a.id - b.id,
  );
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ jobs }, null, 2)}\n`);
    return EXIT.ok;
  }
  const format =
    values.format ??
    (values.start
      ? SQUEUE_FORMATS.start
      : values.long
        ? SQUEUE_FORMATS.long
        : SQUEUE_FORMATS.default);
  // as squeue -M does: a CLUSTER: line over each cluster's jobs, when it is not the only one
  const clusters = [...new Set(jobs.map((j) => j.cluster))];
  const text =
    values.clusters || clusters.length > 1
      ? clusters
          .map((k) =>
            [
              `CLUSTER: ${k}`,
              ...formatJobs(
                format,
                jobs.filter((j) => j.cluster === k),
                !values.noheader,
              ),
            ].join("\n"),
          )
          .join("\n\n")
      : formatJobs(format, jobs, !values.noheader).join("\n");
  if (text) process.stdout.write(`${text}\n`);
  return EXIT.ok;
}
