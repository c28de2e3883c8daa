import type { Tres } from "../../core/tres.js";
import { mkdirSync } from "node:fs";
import { invalidInput } from "../../core/errors.js";
import type { ResourceRequest } from "../../core/resource-request.js";
import { compileCluster, type ClusterModel } from "../../scheduler/cluster.js";
import { schedulePass, type RunningJob } from "../../scheduler/pass.js";
import { compileShape, shapeMinimum } from "../../scheduler/shape.js";
import type { ActiveJob, Backend, NodeUse, TrialJob } from "../backend.js";
import { toClusterSpec, type ClusterConfig, type PartitionConfig } from "../cluster-config.js";
import { EndedJobs } from "../queue/ended-jobs.js";
import type { LocalClusterOptions } from "./local-options.js";

import { JobExecutor } from "./executor.js";
import { Dependencies } from "../queue/dependencies.js";
import { UNLIMITED_S, waitingQueue } from "../queue/waiting-queue.js";
import { predictStart } from "../queue/predict.js";
import { EmbeddedCluster } from "../queue/embedded-cluster.js";
import { logBackgroundError } from "../../core/background-log.js";

/**
 * The `local` backend: this machine is one node; the embedded scheduler decides, on every
 * submit, end, cancel and release (coalesced into one pass per turn of the event loop), and
 * jobs run as real process trees, each in its own session, started and reaped by the
 * launcher (./launcher.pl), which outlives the server. Time limits, memory and
 * liveness are checked every `sampleMs`.
 */
export class LocalCluster extends EmbeddedCluster implements Backend {
  readonly kind = "local" as const;
  readonly timeStep = 1;
  readonly name: string;
  private readonly model: ClusterModel;
  private readonly opts: LocalClusterOptions;
  private readonly node: ClusterConfig["nodes"][number];
  private readonly ended = new EndedJobs();
  private beginTimer: NodeJS.Timeout | null = null;
  private readonly executor: JobExecutor;
  private readonly deps: Dependencies;

  constructor(opts: LocalClusterOptions) {
    super();
    this.opts = opts;
    this.name = opts.config.name;
    this.model = compileCluster(toClusterSpec(opts.config));
    if (opts.config.nodes.length !== 1)
      throw invalidInput(
        `the local cluster is this one machine: it has exactly one node, not ${opts.config.nodes.length}`,
      );
    this.node = opts.config.nodes[0]!;
    mkdirSync(opts.runRoot, { recursive: true });
    this.executor = new JobExecutor(opts, this.node, (job, outcome) => {
      this.shapes.delete(job.id);
      this.ended.add(job.id, job.arrayJobId, job.arrayTaskId, outcome.state === "COMPLETED");
      this.schedule();
    });
    this.deps = new Dependencies(this.pending, this.executor.running, this.ended, (ids) =>
      opts.hooks.endedJobs(ids),
    );
  }

  partitions(): PartitionConfig[] {
    return this.opts.config.partitions;
  }

  firstNode(): string {
    return this.node.name;
  }

  /** Null when a job of this request could run in the partition on an empty cluster; otherwise why not. */
  whyNever(partition: string, request: ResourceRequest): string | null {
    const p = this.model.partitionIndex.get(partition);
    if (p === undefined) return `partition ${partition} does not exist`;
    const shape = compileShape(request, this.model.defMemPerCpu);
    const trial = schedulePass({
      model: this.model,
      now: 0,
      running: [],
      queue: [{ id: 1, partition: p, shape, timeLimit: 1, submit: 0, priority: 0 }],
      config: { policy: "fcfs" },
    });
    if (trial.starts.length > 0) return null;
    const need = shapeMinimum(shape);
    const n = this.node;
    const nodes = Math.max(1, shape.exactNodes);
    return (
      `the job asks for ${nodes} node(s) with ${need.cpu} cpus, ${need.mem} MiB and ${shape.gpuPerNode} GPU(s)${shape.gpuType ? ` of type ${shape.gpuType}` : ""} per node; ` +
      `partition ${partition} has 1 node with ${n.cpus} cpus, ${n.memMiB} MiB and ${n.gpus} GPU(s)${n.gpuType ? ` of type ${n.gpuType}` : ""}`
    );
  }

  /** What a job of this request holds at least: what account limits count and the worst-case price is of. */
  need(request: ResourceRequest): Tres {
    const m = shapeMinimum(compileShape(request, this.model.defMemPerCpu));
    // a GPU of no named type is one of this node's
    return { ...m, gpuType: m.gpu > 0 ? (m.gpuType ?? this.node.gpuType) : null };
  }

  /** Takes back the jobs the store says are active: running ones are adopted, ended ones recorded. */
  adopt(jobs: ActiveJob[]): void {
    for (const job of jobs) {
      // never launched, or the launch request died with the server: it waits again
      if (!this.executor.adopt(job)) this.enqueue(job);
    }
    this.schedule();
  }

  submit(job: ActiveJob): void {
    this.enqueue(job);
    this.schedule();
  }

  private enqueue(job: ActiveJob): void {
    this.pending.set(job.id, job);
    this.shapes.set(job.id, compileShape(job.request, this.model.defMemPerCpu));
  }

  /** The live view of an active job (reason, planned start, allocation), if it is active here. */
  live(id: number): ActiveJob | undefined {
    return this.pending.get(id) ?? this.executor.running.get(id)?.job;
  }

  /**
   * Cancels a job: a waiting one ends at once, a running one is killed (SIGTERM, then SIGKILL
   * after the kill wait) and ends when its processes are gone. False when it is not active here.
   */
  async cancel(id: number): Promise<boolean> {
    const job = this.pending.get(id);
    if (job) {
      this.pending.delete(id);
      this.shapes.delete(id);
      this.reservations.delete(id);
      this.ended.add(job.id, job.arrayJobId, job.arrayTaskId, false);
      await this.executor.chain(id, () =>
        this.opts.hooks.ended(job, {
          state: "CANCELLED",
          exitCode: 0,
          signal: 0,
          endMs: Date.now(),
          cpuSeconds: 0,
          maxRssMiB: 0,
          reason: null,
        }),
      );
      this.schedule();
      return true;
    }
    const r = this.executor.running.get(id);
    if (!r) return false;
    await this.executor.kill(r, "CANCELLED", false);
    return true;
  }

  nodeUse(): NodeUse[] {
    let cpu = 0;
    let mem = 0;
    let gpu = 0;
    for (const r of this.executor.running.values()) {
      cpu += r.job.alloc!.cpus;
      mem += r.job.alloc!.memMiB;
      gpu += r.job.alloc!.gpus;
    }
    const n = this.node;
    return [
      {
        name: n.name,
        cpus: n.cpus,
        memMiB: n.memMiB,
        gpus: n.gpus,
        gpuType: n.gpuType,
        allocCpus: cpu,
        allocMemMiB: mem,
        allocGpus: gpu,
        runningJobs: this.executor.running.size,
        state: cpu === 0 ? "idle" : cpu >= n.cpus ? "allocated" : "mixed",
        // the machine's one node is never taken out on its own: the cluster is disabled instead
        reason: null,
      },
    ];
  }

  counts(): { pending: number; running: number } {
    return { pending: this.pending.size, running: this.executor.running.size };
  }

  /** Stops deciding and watching; running jobs keep running (they are adopted at the next start). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.beginTimer) clearTimeout(this.beginTimer);
    await this.executor.stop();
  }

  /** A pass: dependencies' ended jobs read, then the scheduler decides. */
  protected async step(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.deps.fetchTargets();
      const t0 = performance.now();
      this.decide(Date.now());
      this.times.add(performance.now() - t0);
    } catch (e) {
      logBackgroundError(`scheduling pass on ${this.name} failed: ${(e as Error).message}`, {
        stack: (e as Error).stack,
      });
    }
  }

  /** The running jobs as a pass sees them: on the one node, until their time limit. */
  private runningForPass(): RunningJob[] {
    return [...this.executor.running.values()].map(({ job: j }) => ({
      id: j.id,
      alloc: [
        {
          node: 0,
          tasks: j.request.tasks ?? 1,
          cpu: j.alloc!.cpus,
          mem: j.alloc!.memMiB,
          gpu: j.alloc!.gpus,
        },
      ],
      estEnd: j.startMs! / 1000 + (j.timeLimit ?? UNLIMITED_S),
    }));
  }

  predictStart(trial: TrialJob): number | null {
    return predictStart(
      {
        model: this.model,
        partitions: this.opts.config.partitions,
        running: this.runningForPass(),
        pending: this.pending.values(),
        runningJobs: [...this.executor.running.values()].map((r) => r.job),
        shapes: this.shapes,
        deps: this.deps,
        sources: this.opts,
        policy: this.opts.policy,
      },
      trial,
      Date.now(),
    );
  }

  private decide(nowMs: number): void {
    const now = nowMs / 1000;
    const running = this.runningForPass();
    const { queue, nextBegin } = waitingQueue(
      this.pending.values(),
      [...this.executor.running.values()].map((r) => r.job),
      this.shapes,
      this.model,
      this.opts.config.partitions,
      this.deps,
      this.opts,
      nowMs,
    );
    const result = schedulePass({
      model: this.model,
      now,
      running,
      queue,
      config: {
        policy: this.opts.policy,
        planDepth: this.opts.planDepth,
        overdueIsFree: false,
        overdueGrace: this.opts.killWaitMs / 1000 + 1,
      },
      reservations: this.reservations,
    });
    this.reservations = result.reservations;
    this.noteWaiting(result.pending);
    for (const s of result.starts) {
      const job = this.pending.get(s.id)!;
      this.pending.delete(s.id);
      this.executor.start(job, s.alloc[0]!, nowMs);
    }
    if (this.beginTimer) clearTimeout(this.beginTimer);
    this.beginTimer = null;
    if (nextBegin < Infinity) {
      this.beginTimer = setTimeout(
        () => this.schedule(),
        Math.min(2 ** 31 - 1, Math.max(0, nextBegin - Date.now()) + 5),
      );
    }
  }
}
