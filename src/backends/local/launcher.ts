import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { invalidInput } from "../../core/errors.js";
import { fileURLToPath } from "node:url";
import { logBackgroundError, logBackgroundWarning } from "../../core/background-log.js";

/** The launcher's Perl, a file of its own beside this module (the build copies it into dist/). */
const LAUNCHER_FILE = fileURLToPath(new URL("./launcher.pl", import.meta.url));

export interface LaunchRequest {
  id: number;
  run: string;
  workdir: string;
  uid: number | null;
  gid: number | null;
  cores: number[] | null;
  /** The job's umask, which its output files are created under. */
  umask: number;
  /** cgroup.procs files the job enters before it drops to the user (none: not confined). */
  cgroups: string[];
  stdout: string;
  stderr: string;
  /** Where the script is written (by the launched job, before it runs it), and the script. */
  script: string;
  scriptText: string;
  scriptArgs: string[];
  /** Written into the job's record: what a restarted server needs to adopt the job. */
  launch: string;
  env: Record<string, string>;
}

/** sched_setaffinity's number where we know it; elsewhere the launcher falls back to `taskset`. */
const AFFINITY_SYSCALL: Record<string, string> = { x64: "203", arm64: "122" };

const esc = (s: string) =>
  s.replace(/[%\t\n\r]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0").toUpperCase()}`);

/** Refuses to start a local cluster on a machine without Perl, rather than fail every job later. */
export function checkLauncher(): void {
  const r = spawnSync("perl", ["-MPOSIX", "-e", "1"], { stdio: "ignore" });
  if (r.error || r.status !== 0) {
    throw invalidInput(
      "the local cluster launches jobs with Perl, which is not installed here: install Debian's perl-base (apt-get install perl-base)",
    );
  }
}

/** The long-lived launcher process: launch requests in, "start"/"end" reports out. */
export class Launcher {
  private proc: ChildProcess | null = null;
  private stopped = false;

  constructor(
    private readonly onStart: (id: number, pid: number) => void,
    private readonly onEnd: (id: number) => void,
  ) {}

  private ensure(): ChildProcess {
    if (this.proc && this.proc.exitCode === null && !this.proc.killed) return this.proc;
    // its own session: a Ctrl-C meant for the server must not take the jobs' launcher with it
    const proc = spawn("perl", [LAUNCHER_FILE, AFFINITY_SYSCALL[process.arch] ?? ""], {
      stdio: ["pipe", "pipe", "inherit"],
      detached: true,
    });
    proc.on("error", (e) => logBackgroundError(`the job launcher (perl) failed: ${e.message}`));
    proc.once("exit", (code) => {
      if (!this.stopped)
        logBackgroundWarning(
          `the job launcher exited (${code}); a new one starts with the next job`,
        );
      if (this.proc === proc) this.proc = null;
    });
    createInterface({ input: proc.stdout! }).on("line", (line) => {
      const [kind, id, pid] = line.split("\t");
      if (kind === "start") this.onStart(Number(id), Number(pid));
      else if (kind === "end") this.onEnd(Number(id));
    });
    this.proc = proc;
    return proc;
  }

  launch(r: LaunchRequest): void {
    const fields = [
      String(r.id),
      r.run,
      r.workdir,
      r.uid === null ? "" : String(r.uid),
      r.gid === null ? "" : String(r.gid),
      r.cores ? r.cores.join(",") : "",
      r.umask.toString(8),
      r.cgroups.join(","),
      r.stdout,
      r.stderr,
      r.script,
      r.scriptText,
      String(r.scriptArgs.length),
      ...r.scriptArgs,
      r.launch,
      ...Object.entries(r.env).flat(),
    ];
    // the launches of one pass go out in one write
    if (this.batch.length === 0) setImmediate(() => this.flush());
    this.batch.push(`${fields.map(esc).join("\t")}\n`);
  }

  private batch: string[] = [];

  private flush(): void {
    if (this.batch.length === 0) return;
    this.ensure().stdin!.write(this.batch.join(""));
    this.batch = [];
  }

  /** Stops launching; the launcher keeps supervising the jobs it started until they end. */
  stop(): void {
    this.flush();
    this.stopped = true;
    this.proc?.stdin?.end();
    this.proc?.stdout?.destroy();
    this.proc?.unref();
  }
}
