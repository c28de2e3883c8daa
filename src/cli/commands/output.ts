import { parseArgs } from "node:util";
import type { JobView } from "../../client/api-types.js";
import { invalidInput } from "../../core/errors.js";
import { ApiClient } from "../client.js";
import { EXIT } from "../exit.js";

export const OUTPUT_HELP = `usage: guang output JOBID [-f] [--err]

Prints a job's output (its stdout; --err: its stderr), read on the job owner's behalf, as
its owner would read the file. -f follows it as it grows, like tail -f, until the job ends
(a waiting job is waited for); Ctrl-C stops following, not the job.
`;

const FOLLOW_MS = 500;

export async function outputCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { follow: { type: "boolean", short: "f" }, err: { type: "boolean" } },
  });
  if (positionals.length !== 1) throw invalidInput("usage: guang output JOBID [-f] [--err]");
  const id = encodeURIComponent(positionals[0]!);
  const stream = values.err ? "stderr" : "stdout";
  await followOutput(ApiClient.fromEnvironment(), id, stream, values.follow ?? false);
  return EXIT.ok;
}

async function active(client: ApiClient, id: string): Promise<boolean> {
  const j = await client.request<JobView>("GET", `/api/v1/jobs/${id}`);
  return j.state === "PENDING" || j.state === "RUNNING";
}

/**
 * Writes a job's output to this process's stdout: what is there, or (following) all of it
 * as it grows until the job has ended and every byte is read; a waiting job is waited for.
 */
export async function followOutput(
  client: ApiClient,
  id: string,
  stream: "stdout" | "stderr",
  follow: boolean,
): Promise<void> {
  if (follow) {
    // a waiting job has no output yet: wait for it to start (or end without starting)
    for (;;) {
      const j = await client.request<JobView>("GET", `/api/v1/jobs/${id}`);
      if (j.state !== "PENDING") break;
      await new Promise((r) => setTimeout(r, FOLLOW_MS));
    }
  }
  let offset = 0;
  for (;;) {
    let page: Awaited<ReturnType<ApiClient["text"]>>;
    try {
      page = await client.text(`/api/v1/jobs/${id}/output?stream=${stream}&offset=${offset}`);
    } catch (e) {
      // a job just started may not have opened its output yet: followed, it is waited for
      if (!follow || !(await active(client, id))) throw e;
      await new Promise((r) => setTimeout(r, FOLLOW_MS));
      continue;
    }
    const { text, headers } = page;
    if (text) process.stdout.write(text);
    offset = Number(headers["x-guang-offset"] ?? offset) + Number(headers["content-length"] ?? 0);
    const size = Number(headers["x-guang-size"] ?? 0);
    if (headers["x-guang-complete"] === "true" || (!follow && offset >= size)) break;
    // more is there already: read on at once; otherwise wait for it to grow
    if (offset >= size) await new Promise((r) => setTimeout(r, FOLLOW_MS));
  }
}
