import { spawn, type ChildProcess } from "node:child_process";
import { chownSync, closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { processStartTime } from "./proc-table.js";

/**
 * Each job runs under a tiny POSIX-shell supervisor, started detached (its own session)
 * so it outlives the server. It opens the job's output files, runs the script, and writes
 * the exit status and CPU times to a status file. The server learns of the end from the
 * supervisor's exit while it is its parent, and from the status file after a restart.
 * dash starts in well under a millisecond, which keeps the per-job cost near a bare spawn.
 */
const SUPERVISOR = `st=$1; out=$2; err=$3; shift 3
if [ "$err" = "$out" ]; then exec >"$out" 2>&1; else exec >"$out" 2>"$err"; fi
"$@"
rc=$?
{ echo $rc; times; } >"$st"`;

/** What is written before the spawn returns to the event loop: enough to adopt the job after a crash. */
export interface LaunchRecord {
  pid: number;
  pidStart: string;
  startMs: number;
  /** The backend's allocation, opaque here. */
  alloc: unknown;
}

export interface LaunchSpec {
  runDir: string;
  script: string;
  workdir: string;
  stdout: string;
  stderr: string;
  env: Record<string, string>;
  /** Cores to bind to (taskset list), or null for none. */
  cores: number[] | null;
  uid?: number;
  gid?: number;
  alloc: unknown;
  startMs: number;
}

export interface Launched {
  record: LaunchRecord;
  child: ChildProcess;
}

export function runDirOf(root: string, jobId: number): string {
  return join(root, String(jobId));
}

/** Writes the script, spawns the supervisor, and records the launch (synchronously, before anything can interleave). */
export function launch(spec: LaunchSpec): Launched {
  mkdirSync(spec.runDir, { recursive: true, mode: 0o700 });
  const scriptPath = join(spec.runDir, "script");
  writeFileSync(scriptPath, spec.script, { mode: 0o700 });
  if (spec.uid !== undefined) {
    chownSync(spec.runDir, spec.uid, spec.gid ?? spec.uid);
    chownSync(scriptPath, spec.uid, spec.gid ?? spec.uid);
  }
  const args = ["/bin/sh", "-c", SUPERVISOR, "guang-job", join(spec.runDir, "status"), spec.stdout, spec.stderr, scriptPath];
  const [cmd, ...rest] = spec.cores ? ["taskset", "-c", spec.cores.join(","), ...args] : args;
  const child = spawn(cmd!, rest, {
    cwd: spec.workdir,
    env: spec.env,
    detached: true,
    stdio: "ignore",
    uid: spec.uid,
    gid: spec.gid,
  });
  const pid = child.pid;
  if (pid === undefined) {
    // spawn failed synchronously (e.g. working directory gone); the 'error' event tells why
    return { record: { pid: -1, pidStart: "", startMs: spec.startMs, alloc: spec.alloc }, child };
  }
  const record: LaunchRecord = { pid, pidStart: processStartTime(pid) ?? "", startMs: spec.startMs, alloc: spec.alloc };
  const fd = openSync(join(spec.runDir, "launch.json"), "w", 0o600);
  writeSync(fd, JSON.stringify(record));
  closeSync(fd);
  return { record, child };
}

export function readLaunchRecord(runDir: string): LaunchRecord | null {
  try {
    return JSON.parse(readFileSync(join(runDir, "launch.json"), "utf8")) as LaunchRecord;
  } catch {
    return null;
  }
}

export interface ExitStatus {
  /** The script's exit status as the shell reports it (128+n after signal n). */
  rc: number;
  cpuSeconds: number;
  /** When the status was written: the job's end. */
  endMs: number;
}

function seconds(t: string): number {
  const m = /^(\d+)m([\d.]+)s$/.exec(t);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

/** The supervisor's status file, or null when it wrote none (it could not open the output, or was killed). */
export function readExitStatus(runDir: string): ExitStatus | null {
  const path = join(runDir, "status");
  try {
    const lines = readFileSync(path, "utf8").trim().split("\n");
    const rc = Number(lines[0]);
    if (!Number.isInteger(rc)) return null;
    // `times`: the shell's own user/system time, then its children's
    const child = (lines[2] ?? "").trim().split(/\s+/);
    const cpuSeconds = seconds(child[0] ?? "") + seconds(child[1] ?? "");
    return { rc, cpuSeconds, endMs: statSync(path).mtimeMs };
  } catch {
    return null;
  }
}

export function removeRunDir(runDir: string): void {
  rmSync(runDir, { recursive: true, force: true });
}
