import { parseSlurmDuration } from "../../core/duration.js";
import type { FinalState, JobAlloc, NodeReason } from "../backend.js";

/**
 * Readers of Slurm's machine-readable output: `squeue -O field:0|`, `sacct -P`, `scontrol
 * show ... -o` and TRES strings. Pure: the fields are named here once, for the command line
 * and for reading its answer.
 */

const SQUEUE_FIELDS = [
  "JobID",
  "ArrayJobID",
  "ArrayTaskID",
  "State",
  "Reason",
  "tres-alloc",
  "StartTime",
  "NodeList",
  "UserName",
  "Account",
  "Partition",
  "Name",
] as const;
export const SACCT_FIELDS = [
  "JobIDRaw",
  "JobID",
  "State",
  "ExitCode",
  "Submit",
  "Start",
  "End",
  "AllocTRES",
  "NodeList",
  "TimelimitRaw",
  "User",
  "Account",
  "Partition",
  "QOS",
  "TotalCPU",
  "JobName",
] as const;

/** `squeue -O` with no padding and `|` after each field. */
export function squeueFormat(): string {
  return SQUEUE_FIELDS.map((f) => `${f}:0|`).join(",");
}

/** A line of fields split by `|`, the last (a name, which may hold `|`) taking the rest. */
function fields<K extends string>(names: readonly K[], line: string): Record<K, string> {
  const parts = line.split("|");
  const out = {} as Record<K, string>;
  names.forEach(
    (n, i) => (out[n] = i === names.length - 1 ? parts.slice(i).join("|") : (parts[i] ?? "")),
  );
  return out;
}

/** Slurm prints times in the cluster's local time without a zone: read them as this machine's. */
export function slurmTime(text: string): number | null {
  if (!text || text === "Unknown" || text === "None" || text === "N/A") return null;
  const ms = new Date(text).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** An instant as Slurm's commands take it: local time, no zone (the inverse of slurmTime). */
export function slurmLocalTime(ms: number): string {
  const d = new Date(ms);
  const two = (x: number) => String(x).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** "123M", "4G", "1.5T" → MiB. */
function slurmMiB(text: string): number {
  const m = /^([\d.]+)([KMGTP]?)$/.exec(text.trim());
  if (!m) return 0;
  const scale: Record<string, number> = {
    "": 1,
    K: 1 / 1024,
    M: 1,
    G: 1024,
    T: 1048576,
    P: 1073741824,
  };
  return Math.round(Number(m[1]) * scale[m[2]!]!);
}

/** A TRES string (cpu=2,mem=1000M,node=1,gres/gpu:a100=1) as the allocation it names. */
export function tresAlloc(tres: string, node: string): JobAlloc | null {
  if (!tres) return null;
  let cpus = 0;
  let memMiB = 0;
  let gpus = 0;
  let gpuType: string | null = null;
  for (const item of tres.split(",")) {
    const eq = item.indexOf("=");
    if (eq < 0) continue;
    const key = item.slice(0, eq);
    const value = item.slice(eq + 1);
    if (key === "cpu") cpus = Number(value);
    else if (key === "mem") memMiB = slurmMiB(value);
    else if (key === "gres/gpu") gpus = Math.max(gpus, Number(value));
    else if (key.startsWith("gres/gpu:")) {
      gpus = Math.max(gpus, Number(value));
      gpuType = key.slice("gres/gpu:".length);
    }
  }
  return { node, cpus, memMiB, gpus, gpuType, cores: [], gpuIndices: [] };
}

export interface SqueueJob {
  slurmId: string;
  state: string;
  reason: string | null;
  alloc: JobAlloc | null;
  startMs: number | null;
  user: string;
  account: string;
  partition: string;
  name: string;
}

export function parseSqueue(text: string): SqueueJob[] {
  const out: SqueueJob[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const f = fields(SQUEUE_FIELDS, line);
    const node = f.NodeList.trim();
    out.push({
      slurmId: f.JobID.trim(),
      state: f.State.trim(),
      reason: f.Reason.trim() === "None" ? null : f.Reason.trim(),
      alloc: node && node !== "(null)" ? tresAlloc(f["tres-alloc"].trim(), node) : null,
      startMs: slurmTime(f.StartTime.trim()),
      user: f.UserName.trim(),
      account: f.Account.trim(),
      partition: f.Partition.trim(),
      name: f.Name.replace(/\|$/, ""),
    });
  }
  return out;
}

export interface SacctJob {
  slurmId: string;
  /** As users see it (123_4 for an array task). */
  shownId: string;
  state: string;
  /** The state word without "by UID" (CANCELLED by 0). */
  baseState: string;
  exitCode: number | null;
  signal: number | null;
  submitMs: number | null;
  startMs: number | null;
  endMs: number | null;
  /** Null when it never started. */
  alloc: JobAlloc | null;
  /** Seconds; null: unlimited. */
  timeLimit: number | null;
  user: string;
  account: string;
  partition: string;
  qos: string;
  cpuSeconds: number | null;
  name: string;
}

/** An elapsed time as sacct prints it ([D-]HH:MM:SS or MM:SS.mmm) → seconds. */
export function slurmElapsed(text: string): number | null {
  const [whole, frac] = text.trim().split(".");
  if (!whole || !whole.includes(":")) return null;
  const s = slurmLimit(whole);
  return s === null ? null : s + (frac ? Number(`0.${frac}`) : 0);
}

export function parseSacct(text: string): SacctJob[] {
  const out: SacctJob[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const f = fields(SACCT_FIELDS, line);
    const [code, sig] = f.ExitCode.split(":");
    const limit = f.TimelimitRaw.trim();
    out.push({
      slurmId: f.JobIDRaw,
      shownId: f.JobID,
      state: f.State,
      baseState: f.State.split(" ")[0]!,
      exitCode: code === undefined || code === "" ? null : Number(code),
      signal: sig === undefined || sig === "" ? null : Number(sig),
      submitMs: slurmTime(f.Submit),
      startMs: slurmTime(f.Start),
      endMs: slurmTime(f.End),
      // a job that never started (cancelled while waiting) was allocated nothing, whatever it asked for
      alloc:
        slurmTime(f.Start) !== null && f.NodeList && f.NodeList !== "None assigned"
          ? tresAlloc(f.AllocTRES, f.NodeList)
          : null,
      timeLimit: /^\d+$/.test(limit) ? Number(limit) * 60 : null,
      user: f.User,
      account: f.Account,
      partition: f.Partition,
      qos: f.QOS,
      cpuSeconds: slurmElapsed(f.TotalCPU),
      name: f.JobName,
    });
  }
  return out;
}

/** Slurm's states of jobs that have ended. */
const ENDED = new Set([
  "COMPLETED",
  "FAILED",
  "CANCELLED",
  "TIMEOUT",
  "OUT_OF_MEMORY",
  "NODE_FAIL",
  "PREEMPTED",
  "BOOT_FAIL",
  "DEADLINE",
  "REVOKED",
]);

export function hasEnded(state: string): boolean {
  return ENDED.has(state);
}

/** A Slurm end state as Guang's, with a note when Guang's alone would hide what happened. */
export function finalState(baseState: string): { state: FinalState; reason: string | null } {
  switch (baseState) {
    case "COMPLETED":
    case "FAILED":
    case "CANCELLED":
    case "TIMEOUT":
    case "OUT_OF_MEMORY":
      return { state: baseState, reason: null };
    default:
      return { state: "FAILED", reason: baseState };
  }
}

/** `scontrol show partition|node -o`: one object per line (values may hold spaces: OS=Linux 6.1 #1 SMP). */
export function parseScontrol(text: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const rec: Record<string, string> = {};
    let last: string | null = null;
    for (const word of line.trim().split(/\s+/)) {
      const eq = word.indexOf("=");
      if (eq > 0 && /^[A-Za-z][A-Za-z0-9_/:]*$/.test(word.slice(0, eq))) {
        last = word.slice(0, eq);
        rec[last] = word.slice(eq + 1);
      } else if (last !== null) rec[last] += ` ${word}`;
    }
    out.push(rec);
  }
  return out;
}

/**
 * A node's Reason as scontrol prints it, "maintenance [root@2026-12-02T10:00:00]", split into
 * what, who and when (Slurm's time is the cluster's local time; it stays as printed).
 */
export function nodeReason(text: string | undefined): NodeReason | null {
  if (!text || text === "(null)" || text === "none") return null;
  const m = /^(.*?)\s*\[([^@\]]+)@([^\]]+)\]$/.exec(text.trim());
  return m ? { text: m[1]!, user: m[2]!, at: m[3]! } : { text: text.trim(), user: null, at: null };
}

/** A time limit as scontrol prints it (UNLIMITED, NONE, D-HH:MM:SS, ...) → seconds; null: none. */
export function slurmLimit(text: string | undefined): number | null {
  if (!text || text === "NONE") return null;
  try {
    const s = parseSlurmDuration(text);
    return Number.isFinite(s) ? s : null;
  } catch {
    return null;
  }
}
