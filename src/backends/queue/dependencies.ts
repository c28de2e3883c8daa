import { clauseVerdict, type DependencySpec, type TargetState } from "../../core/dependency.js";
import type { ActiveJob, BackendHooks } from "../backend.js";
import { EndedJobs } from "./ended-jobs.js";

/**
 * Job dependencies on the local cluster (Slurm's --dependency): whether a waiting job's are
 * met, still to come, or can never be, from the jobs waiting, running and ended here.
 */
export class Dependencies {
  constructor(
    private readonly pending: ReadonlyMap<number, ActiveJob>,
    private readonly running: ReadonlyMap<number, { job: ActiveJob }>,
    private readonly ended: EndedJobs,
    /** Reads from the store the ended jobs that dependencies name. */
    private readonly endedJobs: BackendHooks["endedJobs"],
  ) {}

  verdict(job: ActiveJob, dep: DependencySpec): "met" | "wait" | "never" {
    if (dep.singleton) {
      for (const other of this.pending.values()) {
        if (other.id < job.id && other.name === job.name && other.user === job.user) return "wait";
      }
      for (const r of this.running.values()) {
        if (r.job.name === job.name && r.job.user === job.user) return "wait";
      }
    }
    if (dep.clauses.length === 0) return "met";
    const verdicts = dep.clauses.map((c) => {
      const states = c.targets.map((t) => this.targetStates(t.jobId, t.taskId));
      // a job we know nothing of yet (its end is still being written): ask the store again next pass
      const unknown = c.targets.filter((_t, i) => states[i]!.length === 0);
      for (const t of unknown) this.ended.refetch(t.jobId);
      return unknown.length > 0 ? "wait" : clauseVerdict(c.type, states.flat());
    });
    if (dep.any)
      return verdicts.includes("met")
        ? "met"
        : verdicts.every((v) => v === "never")
          ? "never"
          : "wait";
    return verdicts.includes("never")
      ? "never"
      : verdicts.every((v) => v === "met")
        ? "met"
        : "wait";
  }

  /** States of the job `jobId`, or of the tasks of the array `jobId` (one task when `taskId` is given). */
  private targetStates(jobId: number, taskId: number | null): TargetState[] {
    const states: TargetState[] = [];
    const active = (j: ActiveJob) =>
      (j.id === jobId && taskId === null) ||
      (j.arrayJobId === jobId && (taskId === null || j.arrayTaskId === taskId));
    for (const j of this.pending.values()) if (active(j)) states.push("pending");
    for (const r of this.running.values()) if (active(r.job)) states.push("running");
    return states.concat(this.ended.states(jobId, taskId));
  }

  /** Loads, once per target, the ended jobs that waiting jobs' dependencies name. */
  async fetchTargets(): Promise<void> {
    const targets: number[] = [];
    for (const j of this.pending.values())
      for (const c of j.dependency?.clauses ?? []) for (const t of c.targets) targets.push(t.jobId);
    const want = this.ended.unfetched(targets);
    if (want.length === 0) return;
    const rows = await this.endedJobs(want);
    this.ended.markFetched(want);
    for (const row of rows) {
      if (this.pending.has(row.id) || this.running.has(row.id) || this.ended.has(row.id)) continue;
      this.ended.add(row.id, row.arrayJobId, row.arrayTaskId, row.ok);
    }
  }
}
