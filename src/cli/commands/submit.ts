import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { readOptionWords } from "../../core/sbatch.js";
import { invalidInput } from "../../core/errors.js";
import { ApiClient } from "../client.js";
import { EXIT } from "../exit.js";
import { limitText } from "../job-format.js";
import type { SubmitCheck } from "../../client/api-types.js";

export const SUBMIT_HELP = `usage: guang submit [sbatch options] [--parsable] [--test-only] [--json] script.sh [arguments]
       guang submit [sbatch options] --wrap "COMMAND"

Submits a batch script, as sbatch does: its #SBATCH lines apply, and options given here
override them. Prints "Submitted batch job N" (--parsable: N; --json: the server's answer).
The job works in the current directory (or -D) and gets this environment (see --export).

Options: -J/--job-name, -p/--partition, -A/--account, -q/--qos, -N/--nodes, -n/--ntasks,
--ntasks-per-node, -c/--cpus-per-task, --mem, --mem-per-cpu, --gres=gpu[:type]:N, --gpus,
-t/--time, -o/--output, -e/--error (with %j %x %u %A %a %N), -D/--chdir, -a/--array
(e.g. 0-15%4), -d/--dependency (after, afterok, afternotok, afterany, singleton),
--export, -b/--begin, -H/--hold, --exclusive, --mail-type, --mail-user.
--wrap "COMMAND" makes the script of one command (the job's name is "wrap"), as sbatch does.
--test-only checks everything a submission is checked for (the script, the account's limits
and money) and says what the job would get and hold; nothing is submitted.
`;

export async function submitCommand(argv: string[]): Promise<number> {
  let parsable = false;
  let json = false;
  let testOnly = false;
  let wrap: string | null = null;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === "--parsable") parsable = true;
    else if (w === "--json") json = true;
    else if (w === "--test-only") testOnly = true;
    else if (w === "--wrap" || w.startsWith("--wrap=")) {
      wrap = w === "--wrap" ? (argv[++i] ?? null) : w.slice("--wrap=".length);
      if (!wrap) throw invalidInput('--wrap needs a command, e.g. --wrap "python3 train.py"');
    } else words.push(w);
  }
  // checked here too, so a mistyped flag is a usage error before anything is sent
  const { items, rest } = readOptionWords(words, "command line");
  void items;
  const flags = words.slice(0, words.length - rest.length);
  let bytes: Buffer;
  if (wrap !== null) {
    if (rest.length) throw invalidInput(`--wrap makes the script: give no script (${rest[0]})`);
    bytes = Buffer.from(
      `#!/bin/sh\n# This script was created by guang submit --wrap.\n\n${wrap}\n`,
    );
  } else if (rest.length === 0) {
    if (process.stdin.isTTY)
      throw invalidInput("give a script: guang submit [options] script.sh (or pipe one on stdin)");
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    bytes = Buffer.concat(chunks);
  } else {
    try {
      bytes = readFileSync(rest[0]!);
    } catch (e) {
      throw invalidInput(
        `cannot read the script ${rest[0]}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`,
      );
    }
  }
  const script = scriptText(bytes, rest[0] ?? "the script on stdin");
  // the job gets this shell's environment (sbatch's --export=ALL), but not the token that submits it
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => e[1] !== undefined && e[0] !== "GUANG_TOKEN",
    ),
  );
  const client = ApiClient.fromEnvironment();
  const body = {
    script,
    args: flags,
    scriptArgs: rest.slice(1),
    workdir: process.cwd(),
    environment: env,
    scriptName: wrap !== null ? "wrap" : rest[0] ? basename(rest[0]) : "sbatch",
  };
  if (testOnly) {
    const c = await client.request<SubmitCheck>("POST", "/api/v1/jobs/check", body);
    if (json) process.stdout.write(`${JSON.stringify(c)}\n`);
    // on stderr, as sbatch --test-only says it
    else
      process.stderr.write(
        `guang submit: --test-only: the job would be accepted (nothing submitted): ` +
          `${c.jobs > 1 ? `${c.jobs} jobs of ` : ""}${c.cpus} processors${c.gpus ? ` and ${c.gpus} GPUs` : ""} ` +
          `in partition ${c.partition} of cluster ${c.cluster}, account ${c.account}, QoS ${c.qos}, ` +
          `time limit ${limitText(c.timeLimit)}; it would hold ${c.hold} ${c.currency}\n`,
      );
    return EXIT.ok;
  }
  const r = await client.request<{ id: number; jobIds: string[] }>("POST", "/api/v1/jobs", body);
  if (json) process.stdout.write(`${JSON.stringify(r)}\n`);
  else if (parsable) process.stdout.write(`${r.id}\n`);
  else process.stdout.write(`Submitted batch job ${r.id}\n`);
  return EXIT.ok;
}

/** The script as text; bytes that are not UTF-8 are refused, never silently replaced. */
function scriptText(bytes: Buffer, name: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const decoded = bytes.toString("utf8");
    const line = decoded.slice(0, Math.max(0, decoded.indexOf("\uFFFD"))).split("\n").length;
    throw invalidInput(
      `${name} is not UTF-8 text (first at line ${line}); convert it, e.g. iconv -f GBK -t UTF-8 ${name} > fixed.sh`,
    );
  }
}
