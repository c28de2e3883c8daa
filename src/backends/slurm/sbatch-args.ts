import type { ActiveJob, TrialJob } from "../backend.js";
import { requestArgs } from "../../core/resource-request.js";
import { slurmLocalTime } from "./slurm-output.js";

/** Marks the jobs Guang submitted (squeue and sacct show it), so that they are not imported as users' own. */
function guangComment(jobId: number): string {
  return `guang:${jobId}`;
}

/**
 * The sbatch command line of a job Guang accepted: its options as Guang resolved them (they
 * override the script's own #SBATCH lines, which sbatch reads too), one array task per
 * submission (Guang keeps a row per task, so each task is its own Slurm job, with
 * SLURM_ARRAY_TASK_ID set as Slurm sets it), and `--parsable` for the job id.
 */
export function sbatchArgs(job: ActiveJob): string[] {
  const r = job.request;
  const a = [
    "--parsable",
    `--job-name=${job.name}`,
    `--account=${job.account}`,
    `--partition=${job.partition}`,
    `--qos=${job.qos}`,
  ];
  a.push(
    `--comment=${guangComment(job.id)}`,
    `--chdir=${job.workdir}`,
    `--output=${job.stdout}`,
    `--error=${job.stderr}`,
    "--export=ALL",
  );
  a.push(...requestArgs(r, job.timeLimit));
  if (job.arrayTaskId !== null) a.push(`--array=${job.arrayTaskId}`);
  if (job.beginMs !== null && job.beginMs > Date.now())
    a.push(`--begin=${slurmLocalTime(job.beginMs)}`);
  if (job.held) a.push("--hold");
  if (job.externalDependency) a.push(`--dependency=${job.externalDependency}`);
  return a;
}

/** `sbatch --test-only` for a job not yet submitted: Slurm's own estimate of its start. */
export function trialArgs(t: TrialJob): string[] {
  return [
    "--test-only",
    `--account=${t.account}`,
    `--partition=${t.partition}`,
    `--qos=${t.qos}`,
    "--chdir=/tmp",
    "--output=/dev/null",
    ...requestArgs(t.request, t.timeLimit),
    "--wrap=true",
  ];
}
