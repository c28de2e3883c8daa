import type { Tres } from "../../core/tres.js";
import type { ResourceRequest } from "../../core/resource-request.js";
import { compileCluster, type ClusterModel } from "../../scheduler/cluster.js";
import { schedulePass } from "../../scheduler/pass.js";
import type { Policy } from "../../scheduler/policy.js";
import { compileShape, shapeMinimum } from "../../scheduler/shape.js";
import { logBackgroundError } from "../../core/background-log.js";
import type { ActiveJob, Backend, BackendHooks, NodeUse, TrialJob } from "../backend.js";
import type { PartitionConfig } from "../cluster-config.js";
import { Dependencies } from "../queue/dependencies.js";
import { EndedJobs } from "../queue/ended-jobs.js";
import { waitingQueue, type QueueSources } from "../queue/waiting-queue.js";
import { VirtualClock } from "./virtual-clock.js";
import type { VirtualClusterConfig } from "./virtual-config.js";
import { virtualBehaviour, type VirtualBehaviour } from "./virtual-directives.js";
import { allocFromStored, jobAlloc, virtualNodeUse, whyNeverFits } from "./virtual-nodes.js";
import { VirtualRuns } from "./virtual-runs.js";
import { HookChains } from "../queue/hook-chains.js";
import { predictStart } from "../queue/predict.js";
import { EmbeddedCluster } from "../queue/embedded-cluster.js";

export interface VirtualClusterOptions extends QueueSources {
  config: VirtualClusterConfig;
  policy: Policy;
  planDepth: number;
  hooks: BackendHooks;
  /** The wall clock (tests pass their own). */
  wall?: () => number;
}

/**
 * The `virtual` backend: nodes that do not exist, driven by the same scheduler as the local
 * cluster, on a clock of its own (real, sped up, or set by hand). A job "runs" for the time
 * its script declares (`#GUANG --virtual-runtime`), at most its time limit, and ends with the
 * exit code it declares; the services see it start and end as any other job, so money,
 * reports and events are the real ones. Nothing is executed and no output is written.
 */
export class VirtualCluster extends EmbeddedCluster implements Backend {
  readonly kind = "virtual" as const;
  readonly timeStep = 1;
  readonly name: string;
  readonly clock: VirtualClock;
  private readonly model: ClusterModel;
  private readonly behaviour = new Map<number, VirtualBehaviour>();
  private readonly running = new VirtualRuns();
  private readonly ended = new EndedJobs();
  private readonly deps: Dependencies;
  /** The hooks of one job, in order: its start is written before its end. */
  private readonly chains = new HookChains();
  private lastPass = -Infinity;
  /** The earliest begin time (--begin) a waiting job waits for, on this clock; Infinity: none. */
  private nextBegin = Infinity;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly o: VirtualClusterOptions) {
    super();
    this.name = o.config.name;
    const c = o.config;
    this.model = compileCluster({
      name: c.name,
      nodes: c.nodes,
      partitions: c.partitions.map((p) => ({ name: p.name, nodes: p.nodes, priority: p.priority })),
      defMemPerCpu: c.defMemPerCpu,
    });
    this.clock = new VirtualClock(c.clock, c.speed, c.startsAgoMs, o.wall);
    this.deps = new Dependencies(this.pending, this.running, this.ended, (ids) =>
      o.hooks.endedJobs(ids),
    );
  }

  /** Job times on this cluster are its clock's. */
  now(): number {
    return this.clock.now();
  }

  partitions(): PartitionConfig[] {
    return this.o.config.partitions;
  }

  firstNode(): string {
    return this.o.config.nodes[0]!.name;
  }

  whyNever(partition: string, request: ResourceRequest): string | null {
    return whyNeverFits(this.model, partition, request);
  }

  need(request: ResourceRequest): Tres {
    return shapeMinimum(compileShape(request, this.model.defMemPerCpu));
  }

  /** A refusal in words of the script's `#GUANG` lines, or null. */
  scriptProblem(script: string): string | null {
    try {
      virtualBehaviour(script);
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  }

  submit(job: ActiveJob): void {
    this.enqueue(job);
    this.schedule();
  }

  private enqueue(job: ActiveJob): void {
    job.state = "PENDING";
    this.pending.set(job.id, job);
    this.shapes.set(job.id, compileShape(job.request, this.model.defMemPerCpu));
    this.behaviour.set(job.id, this.behaviourOf(job));
  }

  private behaviourOf(job: ActiveJob): VirtualBehaviour {
    try {
      return virtualBehaviour(job.script);
    } catch {
      // refused at submission; a stored job that reads otherwise runs its limit
      return { runtime: null, exitCode: 0 };
    }
  }

  /** Running jobs go on where they were (their end is known from their start); the rest wait again. */
  adopt(jobs: ActiveJob[]): void {
    for (const job of jobs) {
      if (job.state === "RUNNING" && job.startMs !== null && job.alloc) {
        const b = this.behaviourOf(job);
        const alloc = allocFromStored(this.model, job.alloc);
        if (alloc) {
          this.running.track(job, alloc, job.startMs, b);
          continue;
        }
      }
      this.enqueue(job);
    }
    this.schedule();
  }

  live(id: number): ActiveJob | undefined {
    return this.pending.get(id) ?? this.running.get(id)?.job;
  }

  async cancel(id: number): Promise<boolean> {
    const job = this.pending.get(id);
    const r = this.running.get(id);
    if (!job && !r) return false;
    const at = Math.max(this.now(), this.lastPass);
    if (job) this.forgetWaiting(id);
    else {
      this.running.delete(id);
      this.inOrder(id, () => this.o.hooks.killing(r!.job, "CANCELLED"));
    }
    const which = job ?? r!.job;
    this.ended.add(which.id, which.arrayJobId, which.arrayTaskId, false);
    const outcome = r
      ? this.running.outcome(r, at, true)
      : {
          state: "CANCELLED" as const,
          exitCode: 0,
          signal: 0,
          endMs: at,
          cpuSeconds: 0,
          maxRssMiB: null,
          reason: null,
        };
    await this.inOrder(id, () => this.o.hooks.ended(which, outcome));
    this.schedule();
    return true;
  }

  protected override forgetWaiting(id: number): void {
    super.forgetWaiting(id);
    this.behaviour.delete(id);
  }

  nodeUse(): NodeUse[] {
    return virtualNodeUse(this.model, this.running.values());
  }

  counts(): { pending: number; running: number } {
    return { pending: this.pending.size, running: this.running.size };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.steps();
    await this.chains.settled();
  }

  /**
   * A long queue makes long passes: the next waits four times the last one's length, so that
   * deciding takes at most a fifth of the process and submissions are still answered (a
   * manual clock decides at once: its replays must be exact).
   */
  protected override paceMs(): number {
    return this.clock.mode === "manual" || this.times.last < 5 ? 0 : 4 * this.times.last;
  }

  /**
   * Moves a manual clock to `at`: what ends before it ends, each at its instant with a pass
   * after it, as a trace simulator does; what ends at `at` itself waits for the next move, so
   * that jobs submitted at `at` come first. Resolves when the jobs' hooks have run.
   */
  async advance(at: number): Promise<void> {
    await this.idle();
    await this.deps.fetchTargets();
    this.endDue(at, true);
    this.clock.set(at);
    this.decide(at);
    await this.idle();
  }

  /** Until no step is queued or running and every job's hooks have been written. */
  async idle(): Promise<void> {
    await this.steps();
    await this.chains.settled();
  }

  /** Ends that are due, then a pass. */
  protected async step(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.deps.fetchTargets();
      const now = this.now();
      // a manual clock ends what is due at its instant only when it moves on (see advance)
      this.endDue(now, this.clock.mode === "manual");
      this.decide(Math.max(now, this.lastPass));
    } catch (e) {
      logBackgroundError(`scheduling pass on ${this.name} failed: ${(e as Error).message}`, {
        stack: (e as Error).stack,
      });
    }
    this.arm();
  }

  /** Ends the jobs due by `at` (before it when `strict`), in time order, a pass after each. */
  private endDue(at: number, strict: boolean): void {
    for (let r = this.running.takeDue(at, strict); r; r = this.running.takeDue(at, strict)) {
      const job = r.job;
      const t = r.endAt;
      this.ended.add(job.id, job.arrayJobId, job.arrayTaskId, r.state === "COMPLETED");
      if (r.state === "TIMEOUT") this.inOrder(job.id, () => this.o.hooks.killing(job, "TIMEOUT"));
      const outcome = this.running.outcome(r, t);
      this.inOrder(job.id, () => this.o.hooks.ended(job, outcome));
      this.decide(Math.max(t, this.lastPass));
    }
  }

  predictStart(trial: TrialJob): number | null {
    return predictStart(
      {
        model: this.model,
        partitions: this.o.config.partitions,
        running: this.running.forPass(),
        pending: this.pending.values(),
        runningJobs: this.running.jobs(),
        shapes: this.shapes,
        deps: this.deps,
        sources: this.o,
        policy: this.o.policy,
      },
      trial,
      Math.max(this.now(), this.lastPass),
    );
  }

  /** One pass of the embedded scheduler at the virtual instant `atMs`. */
  private decide(atMs: number): void {
    this.lastPass = atMs;
    if (this.pending.size === 0) {
      this.nextBegin = Infinity;
      return;
    }
    const t0 = performance.now();
    try {
      this.decideNow(atMs);
    } finally {
      this.times.add(performance.now() - t0);
    }
  }

  private decideNow(atMs: number): void {
    const now = atMs / 1000;
    const running = this.running.forPass();
    const { queue, nextBegin } = waitingQueue(
      this.pending.values(),
      this.running.jobs(),
      this.shapes,
      this.model,
      this.o.config.partitions,
      this.deps,
      this.o,
      atMs,
    );
    this.nextBegin = nextBegin;
    const result = schedulePass({
      model: this.model,
      now,
      running,
      queue,
      config: { policy: this.o.policy, planDepth: this.o.planDepth, overdueIsFree: false },
      reservations: this.reservations,
    });
    this.reservations = result.reservations;
    this.noteWaiting(result.pending);
    for (const s of result.starts) {
      const job = this.pending.get(s.id)!;
      const b = this.behaviour.get(s.id)!;
      this.forgetWaiting(s.id);
      job.reason = null;
      job.plannedStartMs = null;
      job.alloc = jobAlloc(this.model, s.alloc);
      this.running.track(job, s.alloc, atMs, b);
      this.inOrder(job.id, () => this.o.hooks.started(job));
    }
  }

  /** Runs `fn` after the job's earlier hooks. */
  private inOrder(id: number, fn: () => Promise<void>): Promise<void> {
    return this.chains.run(id, fn, (e) =>
      logBackgroundError(`job ${id} on ${this.name}: ${e.message}`, { stack: e.stack }),
    );
  }

  /** Wakes when the next job is due to end. */
  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped) return;
    // the next end, or a waiting job's begin time: nothing else would wake it
    const delay = this.clock.realDelay(Math.min(this.running.nextEnd(), this.nextBegin));
    if (!Number.isFinite(delay)) return;
    this.timer = setTimeout(() => this.schedule(), Math.min(2 ** 31 - 1, Math.ceil(delay) + 1));
  }
}
