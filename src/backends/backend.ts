import type { Readable } from "node:stream";
import type { Tres } from "../core/tres.js";
import type { AccountLimits } from "../core/account-limits.js";
import type { AssocRules } from "../scheduler/assoc-limits.js";
import type { PartitionConfig } from "./cluster-config.js";
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

/** An allocation's resources as TRES (none when the job never got one). */
export function allocTres(a: JobAlloc | null): Tres {
  return a
    ? { cpu: a.cpus, mem: a.memMiB, gpu: a.gpus, gpuType: a.gpuType, node: 1 }
    : { cpu: 0, mem: 0, gpu: 0, gpuType: null, node: 0 };
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
  /** The job's id in an outside scheduler (Slurm's job id); null for local jobs. */
  externalId: string | null;
  /** --dependency in the outside scheduler's ids (its jobs are named by its own ids there). */
  externalDependency?: string | null;
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
  /** The script was never started (a launch that failed before it): nothing is charged. */
  neverRan?: boolean;
  /** What an outside scheduler's accounting says it started with, when it knows better than what was seen running. */
  startMs?: number | null;
  alloc?: JobAlloc | null;
  /** What a peer center charged for the job (its units) and the margin we add to it. */
  peerCharge?: { units: number; margin: number };
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
  state: "idle" | "mixed" | "allocated" | "down";
  /** Why an administrator took it out (Slurm's Reason, as sinfo -R lists it); null: none. */
  reason: NodeReason | null;
}

export interface NodeReason {
  text: string;
  /** Who set it and when (ISO 8601), where the scheduler says. */
  user: string | null;
  at: string | null;
}

/** A job that ran on a cluster without Guang (submitted straight to Slurm), read from its accounting. */
export interface ForeignJob {
  cluster: string;
  externalId: string;
  name: string;
  /** Unix user and account names as the cluster knows them. */
  user: string;
  account: string;
  partition: string;
  qos: string;
  state: FinalState;
  reason: string | null;
  exitCode: number | null;
  signal: number | null;
  submitMs: number;
  startMs: number | null;
  endMs: number;
  alloc: JobAlloc | null;
  timeLimit: number | null;
  cpuSeconds: number | null;
}

/** What Guang wants an account to be on an outside scheduler: who is in it, its limits, whether it may run. */
export interface DesiredAccount {
  name: string;
  tenant: string;
  limits: AccountLimits;
  blocked: boolean;
  /** Unix names of its members, with their own limits. */
  members: { user: string; limits: AccountLimits }[];
}

/** What backends of outside schedulers also tell the services and ask of them. */
export interface ExternalHooks extends BackendHooks {
  /** Records and charges a job that ran without Guang; false when it is recorded already or belongs to no Guang account and user (then `why`). */
  foreign(job: ForeignJob): Promise<{ recorded: boolean; why: string | null }>;
  /** Where the reading of finished jobs got to (an instant, ms), kept across restarts. */
  cursor(cluster: string): Promise<number | null>;
  saveCursor(cluster: string, ms: number): Promise<void>;
  /** Every account as it should be on the cluster. */
  desiredAccounts(): DesiredAccount[];
  /** Differences found between the cluster and Guang that Guang did not make (then put right). */
  drift(cluster: string, found: string[]): Promise<void>;
}

/** How a cluster is doing, as operators see it. */
export interface ClusterStatus {
  reachable: boolean;
  version: string | null;
  /** The last failure, with what the cluster said. */
  error: string | null;
  /** The last time the cluster's associations were compared with Guang's, and what was put right. */
  sync: { at: string; applied: string[]; drift: string[] } | null;
  /** The embedded scheduler's passes: how many, and how long the recent ones took (absent: another scheduler decides). */
  passes?: { count: number; p50Ms: number; p99Ms: number } | null;
}

/** A job not yet submitted, as placement asks about it. */
export interface TrialJob {
  partition: string;
  request: ResourceRequest;
  /** Seconds. */
  timeLimit: number;
  accountId: number;
  userId: number;
  qos: string;
  /** Who would submit it, to which account (an outside scheduler asks as them). */
  account: string;
  user: string;
  posix: PosixIdentity | null;
}

/** What the services ask of a cluster's backend, whatever runs its jobs. */
export interface Backend {
  readonly name: string;
  readonly kind: "local" | "slurm" | "virtual" | "peer";
  /** Time limits are kept in steps of this many seconds (Slurm's: minutes); a job's is rounded up to one, so that its hold covers it. */
  readonly timeStep: number;
  /** Its partitions as known now (an outside scheduler's: from its last answer; none before it first answers). */
  partitions(): PartitionConfig[];
  /** The node output patterns' %N stands for before a job runs. */
  firstNode(): string;
  /** Null when a job of this request could run in the partition on an empty cluster; otherwise why not. */
  whyNever(partition: string, request: ResourceRequest): string | null;
  /** What a job of this request holds at least (for limits and the worst-case price). */
  need(request: ResourceRequest): Tres;
  /** The cluster's own time, where it keeps one (a virtual cluster's clock); absent: the wall clock. */
  now?(): number;
  /** When a job like this would start were it submitted now (ms), or null when not within the plan; absent: the cluster cannot tell. */
  predictStart?(trial: TrialJob): number | null | Promise<number | null>;
  /** A refusal in words of what the script asks of this cluster alone (a virtual cluster's #GUANG lines), or null. */
  scriptProblem?(script: string): string | null;
  /**
   * Hands a job to an outside scheduler inside the transaction that writes it (so that a
   * refusal writes nothing); returns its id there. Absent: the job is only taken by submit().
   */
  place?(job: ActiveJob): Promise<string>;
  /** Takes back what place() did when that transaction failed. */
  unplace?(job: ActiveJob): Promise<void>;
  submit(job: ActiveJob): void;
  /** Takes a waiting job out without ending it, to move it to another cluster; absent: jobs never move from here. */
  withdraw?(id: number): ActiveJob | undefined;
  live(id: number): ActiveJob | undefined;
  cancel(id: number): Promise<boolean>;
  hold(id: number, by: "user" | "admin"): boolean | Promise<boolean>;
  release(
    id: number,
    by: "user" | "admin",
  ):
    | "released"
    | "not-held"
    | "not-pending"
    | "admin-hold"
    | Promise<"released" | "not-held" | "not-pending" | "admin-hold">;
  /** A page of a job's output where it is kept elsewhere (a peer center's); absent: read here. */
  output?(
    job: { externalId: string | null },
    stream: "stdout" | "stderr",
    offset: number,
    limit: number,
  ): Promise<{ offset: number; size: number; length: number; complete: boolean; body: Readable }>;
  adopt(jobs: ActiveJob[]): void;
  nodeUse(): NodeUse[];
  counts(): { pending: number; running: number };
  status(): ClusterStatus;
  /** Accounts, limits or blocks changed: look again. */
  schedule(): void;
  stop(): Promise<void>;
}
