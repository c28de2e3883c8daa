/** Job states as Slurm users know them. */
export const JOB_STATES = [
  "PENDING",
  "RUNNING",
  "COMPLETED",
  "FAILED",
  "CANCELLED",
  "TIMEOUT",
  "OUT_OF_MEMORY",
] as const;
type JobState = (typeof JOB_STATES)[number];

/** The states a job ends in. */
export const FINAL_STATES: ReadonlySet<string> = new Set<JobState>([
  "COMPLETED",
  "FAILED",
  "CANCELLED",
  "TIMEOUT",
  "OUT_OF_MEMORY",
]);

/** Why a job is still pending, in Slurm's words. */
export type PendingReason =
  | "Priority"
  | "Resources"
  | "Dependency"
  | "DependencyNeverSatisfied"
  | "BeginTime"
  | "JobHeldUser"
  | "JobHeldAdmin"
  | "PartitionNodeLimit"
  | "AssocMaxJobsLimit"
  | "AssocGrpJobsLimit"
  | "AssocGrpCpuLimit"
  | "AssocGrpGRES"
  | "AccountBlocked"
  | "AccountNotAllowed"
  | "JobArrayTaskLimit"
  | "QOSMaxJobsPerUserLimit"
  | "QOSMaxCpuPerUserLimit"
  | "QOSMaxGRESPerUser";
