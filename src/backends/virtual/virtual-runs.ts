import { TerminationHeap } from "../../scheduler/event-heap.js";
import type { Allocation } from "../../scheduler/allocation.js";
import type { RunningJob } from "../../scheduler/pass.js";
import type { ActiveJob, FinalState, JobOutcome } from "../backend.js";
import { UNLIMITED_S } from "../queue/waiting-queue.js";
import type { VirtualBehaviour } from "./virtual-directives.js";

export interface VirtualRun {
  job: ActiveJob;
  alloc: Allocation;
  endAt: number;
  state: FinalState;
  exitCode: number;
}

/** A virtual cluster's running jobs and when each will end (its runtime, at most its limit). */
export class VirtualRuns extends Map<number, VirtualRun> {
  private readonly ends = new TerminationHeap();

  /** A job starts (or is taken back) at `startMs`; its end is known from its behaviour. */
  track(job: ActiveJob, alloc: Allocation, startMs: number, b: VirtualBehaviour): void {
    const limit = job.timeLimit ?? UNLIMITED_S;
    const runtime = b.runtime ?? limit;
    const endAt = startMs + Math.min(runtime, limit) * 1000;
    job.state = "RUNNING";
    job.startMs = startMs;
    const state: FinalState =
      runtime > limit ? "TIMEOUT" : b.exitCode === 0 ? "COMPLETED" : "FAILED";
    this.set(job.id, { job, alloc, endAt, state, exitCode: b.exitCode });
    this.ends.push(endAt, job.id);
  }

  /** The instant the next job ends (Infinity: none runs). */
  nextEnd(): number {
    return this.ends.size > 0 ? this.ends.peekTime() : Infinity;
  }

  /** Takes out the next job ending by `at` (before it when `strict`), or null. */
  takeDue(at: number, strict: boolean): VirtualRun | null {
    while (this.ends.size > 0) {
      const t = this.ends.peekTime();
      if (strict ? t >= at : t > at) return null;
      const id = this.ends.pop();
      const r = this.get(id);
      // cancelled since: its entry in the heap is stale
      if (!r || r.endAt !== t) continue;
      this.delete(id);
      return r;
    }
    return null;
  }

  /** How a run ends at `at`: as declared, or as cancelled. */
  outcome(r: VirtualRun, at: number, cancelled = false): JobOutcome {
    const state = cancelled ? "CANCELLED" : r.state;
    const signalled = state === "TIMEOUT" || state === "CANCELLED";
    return {
      state,
      exitCode: signalled ? 0 : r.exitCode,
      signal: signalled ? 15 : 0,
      endMs: at,
      cpuSeconds: Math.round(((at - r.job.startMs!) / 1000) * r.job.alloc!.cpus),
      maxRssMiB: null,
      reason: null,
    };
  }

  /** The running jobs as a pass sees them: until their time limit. */
  forPass(): RunningJob[] {
    return [...this.values()].map((r) => ({
      id: r.job.id,
      alloc: r.alloc,
      estEnd: r.job.startMs! / 1000 + (r.job.timeLimit ?? UNLIMITED_S),
    }));
  }

  jobs(): ActiveJob[] {
    return [...this.values()].map((r) => r.job);
  }
}
