import type { JobView } from "../client/api-types.js";
import { formatSlurmDuration } from "../core/duration.js";
import { invalidInput } from "../core/errors.js";
import { limitText, shortState } from "./job-format.js";
import { timeText } from "./format.js";

/**
 * squeue's --format: `%` codes with an optional width (`%.18i`: right-aligned in 18,
 * `%-10j`/`%10j`: left-aligned), anything else printed as it is. The codes a Slurm user's
 * scripts use most; an unknown one is an error that lists them.
 */
const CODES: Record<string, [header: string, value: (j: JobView) => string]> = {
  i: ["JOBID", (j) => j.jobId],
  A: ["JOBID", (j) => String(j.id)],
  F: ["ARRAY_JOB_ID", (j) => String(j.arrayJobId ?? j.id)],
  K: ["ARRAY_TASK_ID", (j) => (j.arrayTaskId === null ? "N/A" : String(j.arrayTaskId))],
  P: ["PARTITION", (j) => j.partition],
  j: ["NAME", (j) => j.name],
  u: ["USER", (j) => j.user],
  a: ["ACCOUNT", (j) => j.account],
  q: ["QOS", (j) => j.qos],
  t: ["ST", (j) => shortState(j.state)],
  T: ["STATE", (j) => j.state],
  M: ["TIME", (j) => formatSlurmDuration(j.elapsed ?? 0)],
  l: ["TIME_LIMIT", (j) => limitText(j.timeLimit)],
  L: [
    "TIME_LEFT",
    (j) =>
      j.timeLimit === null
        ? "UNLIMITED"
        : formatSlurmDuration(Math.max(0, j.timeLimit - (j.elapsed ?? 0))),
  ],
  D: ["NODES", (j) => String(j.alloc ? 1 : (j.request.nodes ?? 1))],
  C: [
    "CPUS",
    (j) => String(j.alloc?.cpus ?? (j.request.tasks ?? 1) * (j.request.cpusPerTask ?? 1)),
  ],
  N: ["NODELIST", (j) => j.alloc?.node ?? ""],
  R: [
    "NODELIST(REASON)",
    (j) => (j.state === "PENDING" ? `(${j.reason ?? "None"})` : (j.alloc?.node ?? "")),
  ],
  r: ["REASON", (j) => j.reason ?? "None"],
  S: ["START_TIME", (j) => timeText(j.startTime ?? j.plannedStart)],
  e: ["END_TIME", (j) => timeText(j.endTime)],
  V: ["SUBMIT_TIME", (j) => timeText(j.submitTime)],
  Z: ["WORK_DIR", (j) => j.workdir],
};

interface Field {
  text?: string;
  code?: string;
  width?: number;
  right?: boolean;
}

function parseFormat(format: string): Field[] {
  const out: Field[] = [];
  const re = /%(\.)?(-)?(\d+)?([A-Za-z%])/g;
  let last = 0;
  for (const m of format.matchAll(re)) {
    if (m.index! > last) out.push({ text: format.slice(last, m.index) });
    last = m.index! + m[0].length;
    if (m[4] === "%") {
      out.push({ text: "%" });
      continue;
    }
    if (!CODES[m[4]!])
      throw invalidInput(
        `--format: %${m[4]} is not a field; fields: ${Object.keys(CODES)
          .filter((k) => k.length === 1)
          .map((k) => `%${k} (${CODES[k]![0]})`)
          .join(", ")}`,
      );
    out.push({
      code: m[4],
      width: m[3] ? Number(m[3]) : undefined,
      right: m[1] === "." && m[2] !== "-",
    });
  }
  if (last < format.length) out.push({ text: format.slice(last) });
  return out;
}

function cell(f: Field, s: string): string {
  if (f.width === undefined) return s;
  const cut = s.slice(0, f.width);
  return f.right ? cut.padStart(f.width) : cut.padEnd(f.width);
}

/** Lines of jobs in a squeue --format (with its header unless `header` is false). */
export function formatJobs(format: string, jobs: JobView[], header: boolean): string[] {
  const fields = parseFormat(format);
  const line = (v: (f: Field) => string) =>
    fields
      .map((f) => (f.text !== undefined ? f.text : cell(f, v(f))))
      .join("")
      .trimEnd();
  const out = header ? [line((f) => CODES[f.code!]![0])] : [];
  for (const j of jobs) out.push(line((f) => CODES[f.code!]![1](j)));
  return out;
}

/** squeue's default, its --long and its --start, as formats. */
export const SQUEUE_FORMATS = {
  default: "%.18i %.9P %.8j %.8u %.2t %.10M %.6D %R",
  long: "%.18i %.9P %.8j %.8u %.8T %.10M %.9l %.6D %R",
  start: "%.18i %.9P %.8j %.8u %.2t %.19S %.6D %R",
};

/** squeue's state codes and names → Guang's state names (`-t PD,R`, `-t pending`). */
export function stateNames(text: string): string {
  const LONG: Record<string, string> = {
    PD: "PENDING",
    R: "RUNNING",
    CD: "COMPLETED",
    F: "FAILED",
    CA: "CANCELLED",
    TO: "TIMEOUT",
    OOM: "OUT_OF_MEMORY",
  };
  return text
    .split(",")
    .map((s) => s.trim().toUpperCase())
    .map((s) => LONG[s] ?? s)
    .join(",");
}
