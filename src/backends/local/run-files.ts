import { readFileSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";

/**
 * The files of a launched job in the run directory, which let a restarted server tell what
 * happened while it was away. Two per job, as file creation is the dearest part of a launch:
 * - <id>.sh   the script;
 * - <id>.job  written by the job before it runs its script: its pid and kernel start time,
 *             then the launch record (start time, allocation); at the end the launcher adds
 *             a status line.
 */
interface LaunchRecord {
  startMs: number;
  alloc: unknown;
}

export interface ExitStatus {
  /** The script's exit code (0 when a signal ended it). */
  code: number;
  signal: number;
  cpuSeconds: number;
  /** When the launcher wrote it (or heard it): the job's end. */
  endMs: number;
  /** Set when the job could not be started (and why). */
  failure: string | null;
}

export interface JobRecord {
  pid: number;
  /** The kernel's start time of the job's first process, to tell it from a later process with the same pid. */
  start: string;
  launch: LaunchRecord;
  status: ExitStatus | null;
}

export function scriptPath(run: string, id: number): string {
  return join(run, `${id}.sh`);
}

function recordPath(run: string, id: number): string {
  return join(run, `${id}.job`);
}

function parseStatus(line: string, endMs: number): ExitStatus {
  if (line.startsWith("fail "))
    return { code: 127, signal: 0, cpuSeconds: 0, endMs, failure: line.slice(5).trim() };
  const [code, signal, cpu] = line.trim().split(" ").map(Number);
  return { code: code ?? 0, signal: signal ?? 0, cpuSeconds: cpu ?? 0, endMs, failure: null };
}

/**
 * The job's record, or null when it never wrote one (the launch did not happen).
 * The end time is `endMs` when given (the server heard the end as it happened), else the
 * record's last change.
 */
export function readJobRecord(run: string, id: number, endMs?: number): JobRecord | null {
  const path = recordPath(run, id);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return null;
  }
  const lines = text.split("\n");
  const [pid, start] = (lines[0] ?? "").split(" ");
  let launch: LaunchRecord;
  try {
    launch = JSON.parse(lines[1] ?? "") as LaunchRecord;
  } catch {
    return null; // cut short while being written: as if never launched
  }
  const status = lines[2] ? parseStatus(lines[2], endMs ?? statSync(path).mtimeMs) : null;
  return { pid: Number(pid), start: start ?? "", launch, status };
}

export function removeRunFiles(run: string, id: number): void {
  for (const path of [scriptPath(run, id), recordPath(run, id)]) {
    try {
      unlinkSync(path);
    } catch {
      // not there
    }
  }
}
