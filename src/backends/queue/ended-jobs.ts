import type { TargetState } from "../../core/dependency.js";

/** Ended jobs remembered before the memory is emptied (a long-running server ends millions). */
const MAX_REMEMBERED = 100_000;

/**
 * The outcomes of ended jobs, as waiting jobs' dependencies need them: by job id, and by
 * array. Ended jobs the server did not see end are loaded from the store once per target.
 */
export class EndedJobs {
  private readonly ok = new Map<number, boolean>();
  private readonly ofArray = new Map<number, Set<number>>();
  private readonly taskOf = new Map<number, number | null>();
  private readonly fetched = new Set<number>();

  add(id: number, arrayJobId: number | null, arrayTaskId: number | null, ok: boolean): void {
    if (this.ok.size >= MAX_REMEMBERED) {
      // forget them all: what a waiting job still needs is loaded again from the store
      this.ok.clear();
      this.ofArray.clear();
      this.taskOf.clear();
      this.fetched.clear();
    }
    this.ok.set(id, ok);
    this.taskOf.set(id, arrayTaskId);
    if (arrayJobId !== null) {
      let s = this.ofArray.get(arrayJobId);
      if (!s) this.ofArray.set(arrayJobId, (s = new Set()));
      s.add(id);
    }
  }

  has(id: number): boolean {
    return this.ok.has(id);
  }

  /** "ok"/"notok" of the ended job `jobId`, or of the ended tasks of the array `jobId` (one task when `taskId` is given). */
  states(jobId: number, taskId: number | null): TargetState[] {
    const ids = new Set(this.ofArray.get(jobId) ?? []);
    if (this.ok.has(jobId)) ids.add(jobId);
    const out: TargetState[] = [];
    for (const id of ids) {
      if (taskId !== null && this.taskOf.get(id) !== taskId) continue;
      out.push(this.ok.get(id) ? "ok" : "notok");
    }
    return out;
  }

  /** Which of these dependency targets have not been loaded from the store yet. */
  unfetched(targets: Iterable<number>): number[] {
    return [...new Set(targets)].filter((id) => !this.fetched.has(id));
  }

  markFetched(targets: number[]): void {
    for (const id of targets) this.fetched.add(id);
  }

  /** Loads this target again at the next pass (its end may not have been stored yet). */
  refetch(target: number): void {
    this.fetched.delete(target);
  }
}
