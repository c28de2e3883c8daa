import { formatSlurmDuration } from "./duration.js";

/**
 * Limits of an account, or of one member in it (absent: no limit). Running limits
 * (jobs, CPUs, GPUs at once) are kept by the scheduler; the others at submission.
 */
export interface AccountLimits {
  /** Jobs running at once. */
  maxRunningJobs?: number;
  /** Jobs pending or running at once (array tasks count one each). */
  maxSubmitJobs?: number;
  /** CPUs allocated at once. */
  maxCpus?: number;
  /** GPUs allocated at once. */
  maxGpus?: number;
  /** Longest time limit of a job, in seconds. */
  maxTimeLimit?: number;
}

export const LIMIT_NAMES = [
  "maxRunningJobs",
  "maxSubmitJobs",
  "maxCpus",
  "maxGpus",
  "maxTimeLimit",
] as const;

/** What an account may use (absent: everything). */
export interface AccountAllowed {
  clusters?: string[];
  partitions?: string[];
  qos?: string[];
}

/** Why an account is blocked: by an admin, for money (the billing's threshold), or because its tenant is disabled. */
export type BlockKind = "admin" | "money" | "tenant";

/** Of two limits (account and member), the one that binds: the smaller. */
export function tighter(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/** Limits in one line, times as Slurm writes them: "maxCpus=64 maxTimeLimit=2-00:00:00", or "-" for none. */
export function describeLimits(l: AccountLimits): string {
  const parts = LIMIT_NAMES.filter((k) => l[k] !== undefined).map(
    (k) => `${k}=${k === "maxTimeLimit" ? formatSlurmDuration(l[k]!) : l[k]}`,
  );
  return parts.length ? parts.join(" ") : "-";
}
