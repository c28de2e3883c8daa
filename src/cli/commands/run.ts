import { basename } from "node:path";
import type { JobView } from "../../client/api-types.js";
import { invalidInput } from "../../core/errors.js";
import { readOptionWords } from "../../core/sbatch.js";
import { ApiClient } from "../client.js";
import { followOutput } from "./output.js";

export const RUN_HELP = `usage: guang run [sbatch options] COMMAND [ARGS...]

Runs a command as a job and shows its output as it comes, like srun: the job waits its
turn, then its output (stdout and stderr together) streams to this terminal, and guang run
exits with the command's exit code. Ctrl-C cancels the job. Options are sbatch's (-n, -c,
--mem, --gres, -t, -p, -A, -q, ...); the job works in the current directory.
`;

/** A word as sh reads it back unchanged. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

export async function runCommand(argv: string[]): Promise<number> {
  const { rest } = readOptionWords(argv, "command line");
  if (rest.length === 0) throw invalidInput("usage: guang run [sbatch options] COMMAND [ARGS...]");
  const flags = argv.slice(0, argv.length - rest.length);
  // the command's words as they were given (the option reader reads quotes, as #SBATCH lines have)
  const command = argv.slice(argv.length - rest.length);
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => e[1] !== undefined && e[0] !== "GUANG_TOKEN",
    ),
  );
  const client = ApiClient.fromEnvironment();
  const { id } = await client.request<{ id: number }>("POST", "/api/v1/jobs", {
    script: `#!/bin/sh\nexec ${command.map(shellQuote).join(" ")}\n`,
    args: flags,
    workdir: process.cwd(),
    environment: env,
    scriptName: basename(command[0]!),
  });
  // Ctrl-C ends the job, as srun's does; the output read so far stays on the terminal
  let interrupted = false;
  process.once("SIGINT", () => {
    interrupted = true;
    process.stderr.write(`guang run: cancelling job ${id}\n`);
    void client.request("POST", `/api/v1/jobs/${id}/cancel`).catch(() => undefined);
  });
  await followOutput(client, String(id), "stdout", true).catch((e: unknown) => {
    // a job cancelled before it started has no output to follow
    if (!interrupted) throw e;
  });
  const job = await client.request<JobView>("GET", `/api/v1/jobs/${id}`);
  if (job.state !== "COMPLETED")
    process.stderr.write(
      `guang run: job ${id} ${job.state}${job.reason ? ` (${job.reason})` : ""}${job.exitCode !== null ? `, exit code ${job.exitCode}` : ""}\n`,
    );
  return job.exitCode ?? (job.state === "COMPLETED" ? 0 : 1);
}
