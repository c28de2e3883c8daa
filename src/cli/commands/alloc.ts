import { spawn } from "node:child_process";
import { constants } from "node:os";
import type { JobView } from "../../client/api-types.js";
import { invalidInput } from "../../core/errors.js";
import { readOptionWords } from "../../core/sbatch.js";
import { ApiClient } from "../client.js";
import { EXIT } from "../exit.js";

export const ALLOC_HELP = `usage: guang alloc [sbatch options] [COMMAND [ARGS...]]

Gets an allocation and runs a command while it holds, like salloc: a job that only holds
its cores, memory and GPUs waits its turn; once it runs, COMMAND (default: your $SHELL)
runs here, on this machine, with SLURM_JOB_ID, SLURM_JOB_NODELIST and GUANG_JOB_ID set.
When the command ends the allocation is given back (the job ends as CANCELLED, and is
charged for the time it held), and guang alloc exits with the command's code. If the
allocation ends first (its time limit), the command is stopped. Ctrl-C while waiting
gives up the request. Options are sbatch's (-n, -c, --mem, --gres, -t, -p, -A, -q, ...).
`;

/** How often the allocation's state is looked at: while it waits, and while it holds. */
const WAIT_MS = 500;
const WATCH_MS = 2000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function allocCommand(argv: string[]): Promise<number> {
  const { rest } = readOptionWords(argv, "command line");
  const flags = argv.slice(0, argv.length - rest.length);
  const command = rest.length
    ? argv.slice(argv.length - rest.length)
    : [process.env.SHELL || "/bin/sh"];
  const client = ApiClient.fromEnvironment();
  const { id } = await client.request<{ id: number }>("POST", "/api/v1/jobs", {
    // holds the allocation and nothing else; a cancel ends it
    script:
      "#!/bin/sh\n# guang alloc: holds this allocation until guang alloc gives it back\nwhile :; do sleep 60; done\n",
    args: flags,
    workdir: process.cwd(),
    scriptName: "interactive",
  });
  const giveBack = () => client.request("POST", `/api/v1/jobs/${id}/cancel`).catch(() => undefined);
  process.stderr.write(`guang alloc: Pending job allocation ${id}\n`);
  let interrupted = false;
  const onInterrupt = () => {
    interrupted = true;
  };
  process.on("SIGINT", onInterrupt);
  let job = await client.request<JobView>("GET", `/api/v1/jobs/${id}`);
  let said = false;
  while (job.state === "PENDING" && !interrupted) {
    if (!said && job.reason) {
      process.stderr.write(
        `guang alloc: job ${id} queued and waiting for resources (${job.reason})\n`,
      );
      said = true;
    }
    await sleep(WAIT_MS);
    job = await client.request<JobView>("GET", `/api/v1/jobs/${id}`);
  }
  process.off("SIGINT", onInterrupt);
  if (interrupted) {
    await giveBack();
    process.stderr.write(`guang alloc: Job allocation ${id} has been revoked (you gave it up)\n`);
    return EXIT.refused;
  }
  if (job.state !== "RUNNING") {
    process.stderr.write(
      `guang alloc: job ${id} ended before it was granted: ${job.state}${job.reason ? ` (${job.reason})` : ""}\n`,
    );
    return EXIT.refused;
  }
  process.stderr.write(`guang alloc: Granted job allocation ${id}\n`);
  const node = job.alloc?.node ?? "";
  const child = spawn(command[0]!, command.slice(1), {
    stdio: "inherit",
    env: {
      ...process.env,
      SLURM_JOB_ID: String(id),
      SLURM_JOBID: String(id),
      GUANG_JOB_ID: String(id),
      SLURM_JOB_NODELIST: node,
      SLURM_NODELIST: node,
      SLURM_JOB_NUM_NODES: "1",
      SLURM_NNODES: "1",
      SLURM_JOB_CPUS_PER_NODE: String(job.alloc?.cpus ?? ""),
      SLURM_JOB_PARTITION: job.partition,
      SLURM_JOB_ACCOUNT: job.account,
    },
  });
  // Ctrl-C belongs to the command now (a shell ignores it; a program ends), as under salloc
  process.on("SIGINT", () => undefined);
  let revoked = false;
  const watch = setInterval(() => {
    void client
      .request<JobView>("GET", `/api/v1/jobs/${id}`)
      .then((j) => {
        if (j.state !== "RUNNING" && !revoked) {
          revoked = true;
          process.stderr.write(
            `guang alloc: Job allocation ${id} has been revoked: ${j.state}${j.reason ? ` (${j.reason})` : ""}\n`,
          );
          child.kill("SIGTERM");
        }
      })
      .catch(() => undefined);
  }, WATCH_MS);
  const code = await new Promise<number>((resolve, reject) => {
    child.once("error", (e) => reject(invalidInput(`cannot run ${command[0]}: ${e.message}`)));
    child.once("exit", (c, signal) => resolve(c ?? (signal ? 128 + constants.signals[signal] : 1)));
  }).finally(() => clearInterval(watch));
  process.stderr.write(`guang alloc: Relinquishing job allocation ${id}\n`);
  await giveBack();
  return code;
}
