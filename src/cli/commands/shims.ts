import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { invalidInput } from "../../core/errors.js";
import { EXIT } from "../exit.js";

export const SHIMS_HELP = `usage: guang shims install DIR [--force]

Writes Slurm's command names into DIR as small scripts that run guang, so that scripts
and tools written for Slurm run unchanged against Guang (put DIR first on your PATH):
  sbatch → guang submit     squeue → guang jobs      scancel → guang cancel
  sacct  → guang history    sinfo  → guang clusters  scontrol show job|hold|release
  srun   → guang run        salloc → guang alloc
sacct's -p (parsable) and -r (partition) are translated. An existing file is kept unless
--force. The README's table lists the flags each command takes.
`;

const MAIN = fileURLToPath(new URL("../main.js", import.meta.url));

/** Each shim's body after the shell's first line: how it calls guang. */
function shims(guang: string): Record<string, string> {
  const run = (cmd: string) => `exec ${guang} ${cmd} "$@"\n`;
  return {
    sbatch: run("submit"),
    squeue: run("jobs"),
    scancel: run("cancel"),
    sinfo: run("clusters"),
    srun: run("run"),
    salloc: run("alloc"),
    // sacct's -p is --parsable and -r its partition (guang history's -p is the partition)
    sacct:
      `for a; do shift; case "$a" in -p) set -- "$@" --parsable;; -r) set -- "$@" -p;; ` +
      `--partition=*) set -- "$@" "-p" "\${a#--partition=}";; *) set -- "$@" "$a";; esac; done\n` +
      run("history"),
    scontrol:
      `case "$1 $2" in\n` +
      `  "show job"|"show jobid") shift 2; exec ${guang} show "$@";;\n` +
      `esac\n` +
      `case "$1" in\n` +
      `  hold|release) c=$1; shift; exec ${guang} "$c" "$@";;\n` +
      `esac\n` +
      `echo "scontrol (guang): only 'show job', 'hold' and 'release' are served here" >&2\nexit 2\n`,
  };
}

export async function shimsCommand(argv: string[]): Promise<number> {
  const force = argv.includes("--force");
  const words = argv.filter((w) => w !== "--force");
  const flag = words.find((w) => w.startsWith("-"));
  if (flag) throw invalidInput(`guang shims: unknown option ${flag} (guang shims --help)`);
  if (words[0] !== "install" || words.length !== 2)
    throw invalidInput("usage: guang shims install DIR [--force]");
  const dir = resolve(words[1]!);
  mkdirSync(dir, { recursive: true });
  const guang = `"${process.execPath}" "${MAIN}"`;
  const written: string[] = [];
  for (const [name, body] of Object.entries(shims(guang))) {
    const path = join(dir, name);
    if (existsSync(path) && !force) {
      process.stderr.write(`guang shims: ${path} exists; kept (use --force to replace it)\n`);
      continue;
    }
    writeFileSync(
      path,
      `#!/bin/sh\n# ${name} for Guang, written by 'guang shims install'\n${body}`,
    );
    chmodSync(path, 0o755);
    written.push(name);
  }
  process.stdout.write(
    `${written.length ? `wrote ${written.join(", ")} in ${dir}` : "wrote nothing"}; put it first on your PATH: export PATH=${dir}:$PATH\n`,
  );
  return EXIT.ok;
}
