import type { PassResult, Reservation } from "../../scheduler/pass.js";
import type { Shape } from "../../scheduler/shape.js";
import type { ActiveJob, ClusterStatus } from "../backend.js";
import { holdWaiting, releaseWaiting } from "./holds.js";
import { PassTimes } from "./pass-times.js";

/**
 * What a cluster the embedded scheduler drives (the local one, a virtual one) keeps of its
 * waiting jobs, and does with them the same way: holds and releases, its status with the
 * scheduler's pass timings.
 */
export abstract class EmbeddedCluster {
  protected readonly pending = new Map<number, ActiveJob>();
  protected readonly shapes = new Map<number, Shape>();
  protected reservations = new Map<number, Reservation>();
  protected readonly times = new PassTimes();
  protected stopped = false;
  private stepQueued = false;
  private stepRunning: Promise<void> | null = null;
  private stepAgain = false;

  /** One round of deciding: what the cluster does when asked to schedule. */
  protected abstract step(): Promise<void>;

  /** How long the next step waits (0: the next turn of the event loop). */
  protected paceMs(): number {
    return 0;
  }

  /** Asks for a step; several requests while one is queued make one, one asked while one runs comes after it. */
  schedule(): void {
    if (this.stopped) return;
    if (this.stepRunning) {
      this.stepAgain = true;
      return;
    }
    if (this.stepQueued) return;
    this.stepQueued = true;
    const pace = this.paceMs();
    const later = (f: () => void) => (pace > 0 ? setTimeout(f, pace) : setImmediate(f));
    later(() => {
      this.stepQueued = false;
      this.stepRunning = this.step().finally(() => {
        this.stepRunning = null;
        if (this.stepAgain) {
          this.stepAgain = false;
          this.schedule();
        }
      });
    });
  }

  /** Until no step is queued or running. */
  protected async steps(): Promise<void> {
    for (;;) {
      if (this.stepQueued) await new Promise((r) => setImmediate(r));
      else if (this.stepRunning) await this.stepRunning;
      else return;
    }
  }

  status(): ClusterStatus {
    return {
      reachable: true,
      version: null,
      error: null,
      sync: null,
      passes: this.times.summary(),
    };
  }

  /** Holds a waiting job; false when it is not waiting here. */
  hold(id: number, by: "user" | "admin"): boolean {
    if (!holdWaiting(this.pending.get(id), by)) return false;
    this.reservations.delete(id);
    this.schedule();
    return true;
  }

  /**
   * Takes a waiting job out without ending it (it moves to another cluster); undefined when
   * it is not waiting here.
   */
  withdraw(id: number): ActiveJob | undefined {
    const job = this.pending.get(id);
    if (!job) return undefined;
    this.forgetWaiting(id);
    this.schedule();
    return job;
  }

  /** Forgets what is kept of a waiting job. */
  protected forgetWaiting(id: number): void {
    this.pending.delete(id);
    this.shapes.delete(id);
    this.reservations.delete(id);
  }

  /** What a pass said of the jobs still waiting: why each waits, and when it is planned to start. */
  protected noteWaiting(decisions: PassResult["pending"]): void {
    for (const p of decisions) {
      const j = this.pending.get(p.id)!;
      j.reason = p.reason;
      j.plannedStartMs = p.plannedStart === null ? null : Math.round(p.plannedStart * 1000);
    }
  }

  /** Releases a held job; a user cannot release an administrator's hold. */
  release(id: number, by: "user" | "admin"): ReturnType<typeof releaseWaiting> {
    const r = releaseWaiting(this.pending.get(id), by);
    if (r === "released") this.schedule();
    return r;
  }
}
