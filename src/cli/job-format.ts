import { formatSlurmDuration } from "../core/duration.js";
import type { JobView } from "../client/api-types.js";

/** squeue's compact state codes. */
const SHORT: Record<string, string> = {
  PENDING: "PD",
  RUNNING: "R",
  COMPLETED: "CD",
  FAILED: "F",
  CANCELLED: "CA",
  TIMEOUT: "TO",
  OUT_OF_MEMORY: "OOM",
};

export function shortState(state: string): string {
  return SHORT[state] ?? state;
}

/** sacct's ExitCode: "code:signal". */
export function exitText(j: Pick<JobView, "exitCode" | "signal">): string {
  return `${j.exitCode ?? 0}:${j.signal ?? 0}`;
}

export function limitText(seconds: number | null): string {
  return seconds === null ? "UNLIMITED" : formatSlurmDuration(seconds);
}

export function memText(mib: number | null | undefined): string {
  if (mib === null || mib === undefined) return "";
  return mib >= 1024 && mib % 1024 === 0 ? `${mib / 1024}G` : `${Math.round(mib)}M`;
}
