import type { Placement } from "../../core/placement.js";
import type { ActiveJob, JobAlloc } from "../../backends/backend.js";
import type { JobOptions } from "../../core/job-spec.js";
import { formatMoney, money } from "../../core/money.js";
import type { JobRow } from "../../store/jobs.js";

/** A job as the API shows it: the stored row, with the backend's live view while it is active. */
export interface JobView {
  id: number;
  /** Where a job that named several clusters (or any) went, and why. */
  placement: Placement | null;
  /** As Slurm prints it: "123", or "123_4" for a task of an array. */
  jobId: string;
  arrayJobId: number | null;
  arrayTaskId: number | null;
  name: string;
  user: string;
  account: string;
  cluster: string;
  /** The job's id on the cluster's own scheduler (Slurm's job id), when it has one. */
  clusterJobId: string | null;
  /** "guang", or "foreign": submitted straight to the cluster and imported from its accounting. */
  origin: string;
  partition: string;
  qos: string;
  state: string;
  reason: string | null;
  held: string | null;
  exitCode: number | null;
  signal: number | null;
  submitTime: string;
  beginTime: string | null;
  startTime: string | null;
  endTime: string | null;
  plannedStart: string | null;
  /** Seconds; null: unlimited. */
  timeLimit: number | null;
  /** Seconds run so far or in all. */
  elapsed: number | null;
  cpuSeconds: number | null;
  maxRssMiB: number | null;
  request: JobOptions["request"];
  alloc: JobAlloc | null;
  workdir: string;
  stdout: string;
  stderr: string;
  dependency: JobOptions["dependency"] | null;
  mailType: string[];
  mailUser: string | null;
  /** Held at submission for the worst case (money, in the center's currency). */
  hold: string;
  /** What it cost: so far while it runs, in all once it ended; null while it waits. */
  cost: string | null;
}

export function jobIdText(row: {
  id: number;
  array_job_id: number | null;
  array_task_id: number | null;
}): string {
  return row.array_job_id !== null && row.array_task_id !== null
    ? `${row.array_job_id}_${row.array_task_id}`
    : String(row.id);
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function jobView(
  row: JobRow,
  user: string,
  account: string,
  live: ActiveJob | undefined,
  nowMs: number,
  costUnits: number | null,
): JobView {
  const opts = JSON.parse(row.options) as JobOptions;
  const state = live ? live.state : row.state;
  const startTime = live?.startMs != null ? iso(live.startMs) : row.start_time;
  const endTime = row.end_time;
  const elapsed =
    startTime === null
      ? null
      : Math.max(
          0,
          Math.round(((endTime ? Date.parse(endTime) : nowMs) - Date.parse(startTime)) / 1000),
        );
  const allocText = live?.alloc ?? (row.alloc ? (JSON.parse(row.alloc) as JobAlloc) : null);
  return {
    id: row.id,
    jobId: jobIdText(row),
    arrayJobId: row.array_job_id,
    arrayTaskId: row.array_task_id,
    name: row.name,
    user,
    account,
    cluster: row.cluster,
    clusterJobId: row.external_id,
    origin: row.origin,
    partition: row.partition,
    qos: row.qos,
    state,
    reason: live ? (live.state === "PENDING" ? live.reason : null) : row.reason,
    held: live ? live.held : row.held,
    exitCode: row.exit_code,
    signal: row.signal,
    submitTime: row.submit_time,
    beginTime: row.begin_time,
    startTime,
    endTime,
    plannedStart: live?.state === "PENDING" ? iso(live.plannedStartMs) : null,
    timeLimit: row.time_limit,
    elapsed,
    cpuSeconds: row.cpu_seconds,
    maxRssMiB: row.max_rss_mib === null ? null : Math.round(row.max_rss_mib * 10) / 10,
    request: opts.request,
    alloc: allocText,
    workdir: row.workdir,
    stdout: row.stdout_path,
    stderr: row.stderr_path,
    dependency: opts.dependency ?? null,
    mailType: opts.mailType ?? [],
    mailUser: opts.mailUser ?? null,
    hold: formatMoney(money(Number(row.hold_units ?? 0))),
    cost: costUnits === null ? null : formatMoney(money(costUnits)),
    placement: row.placement ? (JSON.parse(row.placement) as Placement) : null,
  };
}
