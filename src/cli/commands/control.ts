import { parseArgs } from "node:util";
import { invalidInput } from "../../core/errors.js";
import { ApiClient } from "../client.js";
import { EXIT, reportError } from "../exit.js";
import { stateNames } from "../squeue-format.js";
import { fetchAll, filterQuery } from "./jobs.js";

export const CANCEL_HELP = `usage: guang cancel [JOBID...] [-u USER] [-n NAME] [-t STATES] [-p PARTITION] [-A ACCOUNT] [--json]

Cancels jobs, like scancel: a waiting job ends at once; a running one gets SIGTERM, then
SIGKILL after the kill wait. An array job id cancels every task; N_TASK one task, and
N_[1-3,7] those tasks. With filters and no ids, every active job they match (that you may
act on): -u/--user, -n/--name, -t/--state (PENDING, RUNNING, or PD, R), -p/--partition,
-A/--account.
`;
export const HOLD_HELP = `usage: guang hold JOBID...   — keeps waiting jobs from starting (scontrol hold)\n`;
export const RELEASE_HELP = `usage: guang release JOBID...   — lets held jobs start again (scontrol release)\n`;

/** One action on several jobs: each failure is reported, the others still happen; exit 1 if any failed. */
function jobAction(action: "cancel" | "hold" | "release") {
  return async (argv: string[]): Promise<number> => {
    const { values, positionals: given } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: "boolean" },
        ...(action === "cancel"
          ? {
              user: { type: "string", short: "u" },
              name: { type: "string", short: "n" },
              state: { type: "string", short: "t" },
              partition: { type: "string", short: "p" },
              account: { type: "string", short: "A" },
            }
          : {}),
      },
    });
    const v = values as Record<string, string | undefined>;
    const filtered = ["user", "name", "state", "partition", "account"].some((k) => v[k]);
    if (given.length === 0 && !filtered)
      throw invalidInput(
        `give at least one job id${action === "cancel" ? " or a filter (-u, -n, -t, -p, -A)" : ""}: guang ${action} JOBID...`,
      );
    const client = ApiClient.fromEnvironment();
    const positionals = given.length ? given.flatMap(expandTasks) : await matching(client, v);
    let code: number = EXIT.ok;
    const results: unknown[] = [];
    // waiting jobs are cancelled before running ones: a job that waits on another (afterany)
    // would otherwise start in between, when the one it waits on ends
    const order =
      action === "cancel" && positionals.length > 1
        ? await pendingFirst(client, positionals)
        : positionals;
    for (const id of order) {
      try {
        results.push(
          await client.request("POST", `/api/v1/jobs/${encodeURIComponent(id)}/${action}`),
        );
      } catch (e) {
        code = Math.max(code, reportError(e));
      }
    }
    if (values.json) process.stdout.write(`${JSON.stringify(results)}\n`);
    return code;
  };
}

export const cancelCommand = jobAction("cancel");
export const holdCommand = jobAction("hold");
export const releaseCommand = jobAction("release");

async function pendingFirst(client: ApiClient, ids: string[]): Promise<string[]> {
  const states = await Promise.all(
    ids.map((id) =>
      client
        .request<{ state: string }>("GET", `/api/v1/jobs/${encodeURIComponent(id)}`)
        .then((j) => j.state)
        .catch(() => "?"),
    ),
  );
  return [
    ...ids.filter((_id, i) => states[i] === "PENDING"),
    ...ids.filter((_id, i) => states[i] !== "PENDING"),
  ];
}

/** scancel's task lists: "123_[1-3,7]" → 123_1, 123_2, 123_3, 123_7; anything else as it is. */
function expandTasks(id: string): string[] {
  const m = /^(\d+)_\[([\d,-]+)\]$/.exec(id);
  if (!m) return [id];
  const out: string[] = [];
  for (const part of m[2]!.split(",")) {
    const [a, b] = part.split("-").map(Number);
    if (!Number.isInteger(a) || (b !== undefined && (!Number.isInteger(b) || b < a!)))
      throw invalidInput(`"${id}": write task lists as N_[1-3,7]`);
    for (let t = a!; t <= (b ?? a!); t++) out.push(`${m[1]}_${t}`);
  }
  return out;
}

/** The active jobs scancel's filters name (the API filters by user, state, partition, account). */
async function matching(
  client: ApiClient,
  v: Record<string, string | undefined>,
): Promise<string[]> {
  const q = filterQuery({ ...v, state: stateNames(v.state ?? "PENDING,RUNNING") });
  const jobs = await fetchAll(client, q);
  return jobs.filter((j) => v.name === undefined || j.name === v.name).map((j) => j.jobId);
}
