import type { ClusterModel } from "../scheduler/cluster.js";
import { compileCluster, uniformCluster } from "../scheduler/cluster.js";
import {
  schedulePass,
  type PassConfig,
  type PassResult,
  type QueuedJob,
  type Reservation,
  type RunningJob,
} from "../scheduler/pass.js";
import type { Policy } from "../scheduler/policy.js";
import type { Shape } from "../scheduler/shape.js";
import type { SimScheduler } from "./replay.js";
import type { Workload } from "./workload.js";

export interface GeneralJob {
  shape: Shape;
  partition: number;
  priority?: number;
}

/**
 * Drives the general node-aware pass from the replay loop: every pass gets the whole
 * state (running allocations, queue, kept reservations), as the live clusters do.
 */
export class GeneralSim implements SimScheduler {
  readonly running = new Map<number, RunningJob>();
  readonly queue: QueuedJob[] = [];
  private reservations: ReadonlyMap<number, Reservation> = new Map();
  /** The last pass's result (tests look at reservations and planned starts). */
  last: PassResult | null = null;

  constructor(
    readonly model: ClusterModel,
    private readonly w: Workload,
    private readonly jobs: (j: number) => GeneralJob,
    private readonly config: PassConfig,
  ) {}

  submit(j: number): void {
    const g = this.jobs(j);
    this.queue.push({
      id: j,
      partition: g.partition,
      shape: g.shape,
      timeLimit: this.w.est[j],
      submit: this.w.submit[j],
      priority: g.priority ?? 0,
    });
  }

  end(j: number): void {
    this.running.delete(j);
  }

  freeNow(now: number): number {
    let free = this.model.totalCpus;
    for (const r of this.running.values()) {
      if (r.estEnd > now || !this.config.overdueIsFree) for (const a of r.alloc) free -= a.cpu;
    }
    return free;
  }

  pass(now: number, started: number[]): void {
    const result = schedulePass({
      model: this.model,
      now,
      running: [...this.running.values()],
      queue: this.queue,
      config: this.config,
      reservations: this.reservations,
    });
    this.last = result;
    this.reservations = result.reservations;
    if (result.starts.length === 0) return;
    const ids = new Set<number>();
    for (const s of result.starts) {
      this.running.set(s.id, { id: s.id, alloc: s.alloc, estEnd: now + this.w.est[s.id] });
      ids.add(s.id);
    }
    // report starts in queue order, as the pool does
    for (const q of this.queue) if (ids.has(q.id)) started.push(q.id);
    let k = 0;
    for (const q of this.queue) if (!ids.has(q.id)) this.queue[k++] = q;
    this.queue.length = k;
  }
}

/** The workload's machine as 1-core nodes: the general path doing what the pool fast path does. */
export function generalOnUnitNodes(w: Workload, policy: Policy, depth = Infinity): GeneralSim {
  const model = compileCluster(
    uniformCluster(w.procs, { cpus: 1, memMiB: 0, gpus: 0, gpuType: null }),
  );
  const shapes = new Map<number, Shape>();
  return new GeneralSim(
    model,
    w,
    (j) => {
      let s = shapes.get(w.procsOf[j]);
      if (!s) {
        s = {
          tasks: w.procsOf[j],
          exactNodes: 0,
          maxTasksPerNode: Infinity,
          cpuPerTask: 1,
          memPerTask: 0,
          memPerNode: 0,
          gpuPerNode: 0,
          gpuType: null,
          exclusive: false,
        };
        shapes.set(w.procsOf[j], s);
      }
      return { shape: s, partition: 0 };
    },
    { policy, depth, overdueIsFree: true },
  );
}
