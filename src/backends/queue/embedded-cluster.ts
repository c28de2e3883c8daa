import type { Reservation } from "../../scheduler/pass.js";
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

  /** Asks for a pass. */
  abstract schedule(): void;

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

  /** Releases a held job; a user cannot release an administrator's hold. */
  release(id: number, by: "user" | "admin"): ReturnType<typeof releaseWaiting> {
    const r = releaseWaiting(this.pending.get(id), by);
    if (r === "released") this.schedule();
    return r;
  }
}
