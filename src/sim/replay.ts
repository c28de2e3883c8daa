import { TerminationHeap } from "../scheduler/event-heap.js";
import type { Workload } from "./workload.js";

/**
 * What the replay needs of a scheduler. The pool fast path and the general node-aware path
 * both provide it, so that one event loop drives either and their decisions can be compared.
 */
export interface SimScheduler {
  submit(job: number, now: number): void;
  end(job: number, now: number): void;
  /** Processors free now, for the submission rule below. */
  freeNow(now: number): number;
  /** One scheduling pass; appends the jobs it starts. */
  pass(now: number, started: number[]): void;
}

export interface ReplayObserver {
  /** Called after every pass that the replay ran (for reservation checks in tests). */
  afterPass?(now: number): void;
}

/**
 * Replays a workload on a virtual clock and returns each job's start time.
 *
 * Reference semantics (they reproduce published results exactly): events are ordered by
 * time; at equal times a submission comes before a termination, then creation order. A
 * submission joins the queue and runs a pass only if the processors free now are at least
 * the new job's; a termination returns its processors at once and runs a pass.
 */
export function replay(
  w: Workload,
  sched: SimScheduler,
  observer: ReplayObserver = {},
): Float64Array {
  const start = new Float64Array(w.count).fill(-1);
  const ends = new TerminationHeap();
  const started: number[] = [];
  let next = 0;
  while (next < w.count || ends.size > 0) {
    let now: number;
    if (next < w.count && w.submit[next] <= ends.peekTime()) {
      const j = next++;
      now = w.submit[j];
      sched.submit(j, now);
      if (sched.freeNow(now) < w.procsOf[j]) continue;
    } else {
      now = ends.peekTime();
      sched.end(ends.pop(), now);
    }
    started.length = 0;
    sched.pass(now, started);
    for (const j of started) {
      start[j] = now;
      ends.push(now + w.run[j], j);
    }
    observer.afterPass?.(now);
  }
  return start;
}
