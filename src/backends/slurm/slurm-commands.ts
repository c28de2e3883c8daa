import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
import { GuangError } from "../../core/errors.js";
import type { UnixAccount } from "../unix-account.js";

/** The oldest Slurm whose machine-readable output we parse (squeue -O with suffixes, sacct -P). */
const MIN_SLURM_VERSION: [number, number] = [22, 5];

export interface SlurmCommandOptions {
  /** The Guang cluster (named in every error). */
  cluster: string;
  /** Folder of the Slurm commands; null: the PATH's. */
  bin: string | null;
  /** Seconds a command may take before it counts as failed (a hung slurmctld must not hang us). */
  timeoutSeconds: number;
}

// what Slurm says when its daemons cannot be reached (as opposed to refusing a request)
const UNREACHABLE =
  /Unable to contact slurm controller|Connection refused|Socket timed out|Zero Bytes were transmitted|no answer within|is not installed here|Unable to establish connection|slurmdbd: Connection/i;

/**
 * Slurm down (503), refusing what it was asked (400), or failing otherwise (502): with the
 * cluster, the command and what Slurm said.
 */
export class SlurmError extends GuangError {
  readonly unreachable: boolean;

  constructor(
    readonly cluster: string,
    readonly command: string,
    readonly said: string,
    refused = false,
  ) {
    const unreachable = UNREACHABLE.test(said);
    super(
      unreachable ? "slurm_unavailable" : refused ? "slurm_refused" : "slurm_failed",
      unreachable ? 503 : refused ? 400 : 502,
      `cluster ${cluster}: ${command.split(" ")[0]} ${unreachable ? "cannot reach Slurm" : refused ? "was refused" : "failed"}: Slurm said: ${said || "nothing"}`,
      { cluster, command, slurm: said },
    );
    this.unreachable = unreachable;
  }
}

/**
 * Runs Slurm's own commands (sbatch, squeue, scontrol, scancel, sacct, sacctmgr, sinfo):
 * nothing to deploy on the cluster, and every version's commands speak to its own daemons.
 * Arguments go as an argv (no shell); the environment is cleared of SLURM_ and SBATCH_
 * variables, which would silently change what a command does.
 */
export class SlurmCommands {
  private readonly paths = new Map<string, string>();

  constructor(readonly o: SlurmCommandOptions) {}

  /**
   * The command's full path, found in the configured folder or Guang's own PATH — never the
   * PATH a job exports: sbatch runs with the job's environment, and a user's own "sbatch"
   * could otherwise answer with another user's job id for Guang to act on.
   */
  path(command: string): string {
    let p = this.paths.get(command);
    if (p === undefined) {
      const dirs = this.o.bin
        ? [this.o.bin]
        : (process.env.PATH ?? "/usr/bin:/bin").split(delimiter).filter((d) => d.startsWith("/"));
      p = dirs
        .map((d) => join(d, command))
        .find((f) => {
          try {
            accessSync(f, constants.X_OK);
            return true;
          } catch {
            return false;
          }
        });
      // not installed (yet): looked for again next time
      if (p === undefined) return join(dirs[0] ?? "/usr/bin", command);
      this.paths.set(command, p);
    }
    return p;
  }

  run(
    command: string,
    args: string[],
    opts: {
      input?: string;
      as?: UnixAccount | null;
      env?: Record<string, string>;
      cwd?: string;
      /** Also what it wrote to stderr (sbatch --test-only answers there). */
      stderr?: boolean;
    } = {},
  ): Promise<string> {
    const shown = `${command} ${args.filter((a) => !a.startsWith("--comment")).join(" ")}`.slice(
      0,
      200,
    );
    const base: Record<string, string> = opts.env ?? {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      LANG: "C",
      TZ: process.env.TZ ?? "",
    };
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(base))
      if (!/^(SLURM|SBATCH|SQUEUE|SACCT|SINFO)_/.test(k) && v !== "") env[k] = v;
    if (opts.as) {
      env.USER = env.LOGNAME = opts.as.name;
      env.HOME = opts.as.home;
    }
    return new Promise((resolve, reject) => {
      let child;
      try {
        child = spawn(this.path(command), args, {
          env,
          cwd: opts.cwd,
          stdio: ["pipe", "pipe", "pipe"],
          ...(opts.as ? { uid: opts.as.uid, gid: opts.as.gid } : {}),
        });
      } catch (e) {
        reject(new SlurmError(this.o.cluster, shown, (e as Error).message));
        return;
      }
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      const timer = setTimeout(() => child.kill("SIGKILL"), this.o.timeoutSeconds * 1000);
      child.stdout.on("data", (d: Buffer) => out.push(d));
      child.stderr.on("data", (d: Buffer) => err.push(d));
      child.on("error", (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          new SlurmError(
            this.o.cluster,
            shown,
            e.code === "ENOENT"
              ? `${this.path(command)} is not installed here (set clusters[].slurm.bin to where Slurm's commands are)`
              : e.message,
          ),
        );
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        const stderr = Buffer.concat(err).toString("utf8").trim();
        if (code === 0)
          resolve(Buffer.concat(out).toString("utf8") + (opts.stderr ? `\n${stderr}` : ""));
        else if (signal === "SIGKILL")
          reject(
            new SlurmError(
              this.o.cluster,
              shown,
              `no answer within ${this.o.timeoutSeconds} s (is slurmctld up?)`,
            ),
          );
        else
          reject(
            new SlurmError(
              this.o.cluster,
              shown,
              stderr.split("\n").slice(-3).join("; ") || `exit code ${code}`,
            ),
          );
      });
      child.stdin.on("error", () => undefined);
      child.stdin.end(opts.input ?? "");
    });
  }

  /** The version, refused when older than we parse. */
  async version(): Promise<string> {
    const text = (await this.run("sinfo", ["--version"])).trim();
    const m = /(\d+)\.(\d+)\.(\d+)/.exec(text);
    if (!m)
      throw new SlurmError(this.o.cluster, "sinfo --version", `cannot read a version in "${text}"`);
    const [major, minor] = [Number(m[1]), Number(m[2])];
    if (
      major < MIN_SLURM_VERSION[0] ||
      (major === MIN_SLURM_VERSION[0] && minor < MIN_SLURM_VERSION[1])
    ) {
      throw new SlurmError(
        this.o.cluster,
        "sinfo --version",
        `Slurm ${m[0]} is older than 22.05, the oldest Guang reads; upgrade Slurm`,
      );
    }
    return m[0];
  }
}
