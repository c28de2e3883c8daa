import type { ActiveJob, JobAlloc, KillReason, PosixIdentity } from "../../backends/backend.js";
import type { JobOptions } from "../../core/job-spec.js";
import { type JobRow } from "../../store/jobs.js";

/** The backend's view of a stored job. */
export function activeJob(
  row: JobRow,
  opts: JobOptions,
  user: string,
  posix: PosixIdentity | null,
  account: string,
): ActiveJob {
  return {
    id: row.id,
    arrayJobId: row.array_job_id,
    arrayTaskId: row.array_task_id,
    array: opts.array ?? null,
    name: row.name,
    user,
    userId: row.user_id,
    posix,
    mail: { types: opts.mailType ?? [], to: opts.mailUser ?? null },
    account,
    accountId: row.account_id,
    partition: row.partition,
    qos: row.qos,
    request: opts.request,
    timeLimit: row.time_limit,
    submitMs: Date.parse(row.submit_time),
    beginMs: row.begin_time ? Date.parse(row.begin_time) : null,
    held: (row.held as "user" | "admin" | null) ?? null,
    dependency: opts.dependency ?? null,
    workdir: row.workdir,
    stdout: row.stdout_path,
    stderr: row.stderr_path,
    env: JSON.parse(row.environment) as Record<string, string>,
    script: row.script,
    scriptArgs: opts.scriptArgs ?? [],
    state: row.state as "PENDING" | "RUNNING",
    killReason: (row.kill_reason as KillReason | null) ?? null,
    reason: null,
    plannedStartMs: null,
    startMs: row.start_time ? Date.parse(row.start_time) : null,
    alloc: row.alloc ? (JSON.parse(row.alloc) as JobAlloc) : null,
    // rows built at submit lack the columns the store fills later
    pid: row.pid ?? null,
    pidStart: row.pid_start ?? null,
    externalId: row.external_id ?? null,
  };
}
