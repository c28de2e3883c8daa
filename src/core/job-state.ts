/** Job states as Slurm users know them. */
export type JobState = "PENDING" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELLED" | "TIMEOUT" | "OUT_OF_MEMORY";

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
  | "AssocGrpGRES"
  | "AccountNotAllowed"
  | "JobArrayTaskLimit";
