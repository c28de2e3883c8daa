import type { AssocRules } from "../scheduler/assoc-limits.js";
import type { DependencySpec } from "../core/dependency.js";
import type { ArraySpec } from "../core/job-array.js";
import type { PendingReason } from "../core/job-state.js";
import type { ResourceRequest } from "../core/resource-request.js";

export type KillReason = "TIMEOUT" | "OUT_OF_MEMORY" | "CANCELLED";
export type FinalState = "COMPLETED" | "FAILED" | "CANCELLED" | "TIMEOUT" | "OUT_OF_MEMORY";

/** Where a job runs: its node, its share of it, and the very cores and GPUs it was given. */
export interface JobAlloc {
  node: string;
  cpus: number;
  memMiB: number;
  gpus: number;
  gpuType: string | null;
  cores: number[];
  gpuIndices: number[];
}

/** A user's POSIX identity: a Unix name, and the ids and home when the center knows them (else the machine's passwd says). */
export interface PosixIdentity {
  name: string;
  uid: number | null;
  gid: number | null;
  home: string | null;
}

/** A job a backend is responsible for: waiting or running. */
export interface ActiveJob {
  id: number;
  arrayJobId: number | null;
  arrayTaskId: number | null;
  array: ArraySpec | null;
  name: string;
  user: string;
  userId: number;
  /** Who it runs as (when the server is root); null: the server's own user. */
  posix: PosixIdentity | null;
  /** --mail-type and --mail-user (for the services; backends pass them through). */
  mail: { types: string[]; to: string | null };
  account: string;
  accountId: number;
  partition: string;
  qos: string;
  request: ResourceRequest;
  /** Seconds; null: unlimited. */
  timeLimit: number | null;
  submitMs: number;
  beginMs: number | null;
  held: "user" | "admin" | null;
  dependency: DependencySpec | null;
  workdir: string;
  stdout: string;
  stderr: string;
  env: Record<string, string>;
  script: string;
  scriptArgs: string[];
  state: "PENDING" | "RUNNING";
  /** Known when the store says the job was being killed. */
  killReason: KillReason | null;
  /** Filled by the backend. */
  reason: PendingReason | null;
  plannedStartMs: number | null;
  startMs: number | null;
  alloc: JobAlloc | null;
  pid: number | null;
  pidStart: string | null;
}

export interface JobOutcome {
  state: FinalState;
  exitCode: number | null;
  signal: number | null;
  endMs: number;
  cpuSeconds: number | null;
  maxRssMiB: number | null;
  /** A note on how it ended when the exit status alone does not tell. */
  reason: string | null;
}

/** A job that has ended, as dependencies need it. */
export interface EndedRow {
  id: number;
  arrayJobId: number | null;
  arrayTaskId: number | null;
  ok: boolean;
}

/** The account rules (running limits, blocks) as they are now; they change while jobs wait. */
export interface RulesSource {
  of(accountId: number, userId: number): AssocRules;
}

/** What a backend tells the services; each call is awaited before the next for the same job. */
export interface BackendHooks {
  started(job: ActiveJob): Promise<void>;
  killing(job: ActiveJob, reason: KillReason): Promise<void>;
  ended(job: ActiveJob, outcome: JobOutcome): Promise<void>;
  /** Ended jobs among these ids and the arrays of these ids (for dependencies). */
  endedJobs(ids: number[]): Promise<EndedRow[]>;
}

/** Current use of one node. */
export interface NodeUse {
  name: string;
  cpus: number;
  memMiB: number;
  gpus: number;
  gpuType: string | null;
  allocCpus: number;
  allocMemMiB: number;
  allocGpus: number;
  runningJobs: number;
  state: "idle" | "mixed" | "allocated";
}
