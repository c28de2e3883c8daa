import type { ActiveJob } from "../backend.js";

/** Holds a waiting job (an administrator's hold stays one); false when it is not waiting here. */
export function holdWaiting(job: ActiveJob | undefined, by: "user" | "admin"): boolean {
  if (!job) return false;
  if (job.held !== "admin") job.held = by;
  job.reason = job.held === "admin" ? "JobHeldAdmin" : "JobHeldUser";
  return true;
}

/** Releases a held waiting job; a user cannot release an administrator's hold. */
export function releaseWaiting(
  job: ActiveJob | undefined,
  by: "user" | "admin",
): "released" | "not-held" | "not-pending" | "admin-hold" {
  if (!job) return "not-pending";
  if (job.held === null) return "not-held";
  if (job.held === "admin" && by === "user") return "admin-hold";
  job.held = null;
  job.reason = null;
  return "released";
}
