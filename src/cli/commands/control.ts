import { parseArgs } from "node:util";
import { invalidInput } from "../../core/errors.js";
import { ApiClient } from "../client.js";
import { EXIT, reportError } from "../exit.js";

export const CANCEL_HELP = `usage: guang cancel JOBID... [--json]

Cancels jobs, like scancel: a waiting job ends at once; a running one gets SIGTERM, then
SIGKILL after the kill wait. An array job id cancels every task; N_TASK one task.
`;
export const HOLD_HELP = `usage: guang hold JOBID...   — keeps waiting jobs from starting (scontrol hold)\n`;
export const RELEASE_HELP = `usage: guang release JOBID...   — lets held jobs start again (scontrol release)\n`;

/** One action on several jobs: each failure is reported, the others still happen; exit 1 if any failed. */
function jobAction(action: "cancel" | "hold" | "release") {
  return async (argv: string[]): Promise<number> => {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { json: { type: "boolean" } },
    });
    if (positionals.length === 0)
      throw invalidInput(`give at least one job id: guang ${action} JOBID...`);
    const client = ApiClient.fromEnvironment();
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
