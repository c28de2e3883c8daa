import type { Tres } from "../../core/tres.js";
import { compressHostlist, expandHostlist } from "../../core/hostlist.js";
import type { ResourceRequest } from "../../core/resource-request.js";
import type { Allocation } from "../../scheduler/allocation.js";
import { compileCluster, type ClusterModel } from "../../scheduler/cluster.js";
import { TerminationHeap } from "../../scheduler/event-heap.js";
import { schedulePass, type Reservation, type RunningJob } from "../../scheduler/pass.js";
import type { Policy } from "../../scheduler/policy.js";
import { compileShape, shapeMinimum, type Shape } from "../../scheduler/shape.js";
import { logBackgroundError } from "../../core/background-log.js";
import type {
  ActiveJob,
  Backend,
  BackendHooks,
  ClusterStatus,
  FinalState,
  JobAlloc,
  NodeUse,
} from "../backend.js";
import type { PartitionConfig } from "../cluster-config.js";
import { Dependencies } from "../queue/dependencies.js";
import { EndedJobs } from "../queue/ended-jobs.js";
import { UNLIMITED_S, waitingQueue, type QueueSources } from "../queue/waiting-queue.js";
import { VirtualClock } from "./virtual-clock.js";
import type { VirtualClusterConfig } from "./virtual-config.js";
import { virtualBehaviour, type VirtualBehaviour } from "./virtual-directives.js";
import { virtualNodeUse, whyNeverFits } from "./virtual-nodes.js";

export interface VirtualClusterOptions extends QueueSources {
  config: VirtualClusterConfig;
  policy: Policy;
  planDepth: number;
  hooks: BackendHooks;
  /** The wall clock (tests pass their own). */
  wall?: () => number;
}

interface Running {
  job: ActiveJob;
  alloc: Allocation;
  endAt: number;
  state: FinalState;
  exitCode: number;
}

/**
 * The `virtual` backend: nodes that do not exist, driven by the same scheduler as the local
 * cluster, on a clock of its own (real, sped up, or set by hand). A job "runs" for the time
 * its script declares (`#GUANG --virtual-runtime`), at most its time limit, and ends with the
 * exit code it declares; the services see it start and end as any other job, so money,
 * reports and events are the real ones. Nothing is executed and no output is written.
 */
export class VirtualCluster implements Backend {
  readonly kind = "virtual" as const;
  readonly timeStep = 1;
  readonly name: string;
  readonly clock: VirtualClock;
  private readonly model: ClusterModel;
  private readonly pending = new Map<number, ActiveJob>();
  private readonly shapes = new Map<number, Shape>();
  private readonly behaviour = new Map<number, VirtualBehaviour>();
  private readonly running = new Map<number, Running>();
  private readonly ends = new TerminationHeap();
  private readonly ended = new EndedJobs();
  private readonly deps: Dependencies;
  /** The hooks of one job, in order: its start is written before its end. */
  private readonly chains = new Map<number, Promise<void>>();
  private reservations = new Map<number, Reservation>();
  private lastPass = -Infinity;
  private stepQueued = false;
  private stepRunning: Promise<void> | null = null;
  private stepAgain = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly o: VirtualClusterOptions) {
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

  status(): ClusterStatus {
    return { reachable: true, version: null, error: null, sync: null };
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
        const alloc = this.allocFromStored(job.alloc);
        if (alloc) {
          this.track(job, alloc, job.startMs, b);
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
    if (job) this.forget(id);
    else {
      this.running.delete(id);
      this.inOrder(id, () => this.o.hooks.killing(r!.job, "CANCELLED"));
    }
    const which = job ?? r!.job;
    this.ended.add(which.id, which.arrayJobId, which.arrayTaskId, false);
    const outcome = {
      state: "CANCELLED" as const,
      exitCode: 0,
      signal: r ? 15 : 0,
      endMs: at,
      cpuSeconds: r ? this.cpuSeconds(r, at) : 0,
      maxRssMiB: null,
      reason: null,
    };
    await this.inOrder(id, () => this.o.hooks.ended(which, outcome));
    this.schedule();
    return true;
  }

  private forget(id: number): void {
    this.pending.delete(id);
    this.shapes.delete(id);
    this.behaviour.delete(id);
    this.reservations.delete(id);
  }

  hold(id: number, by: "user" | "admin"): boolean {
    const job = this.pending.get(id);
    if (!job) return false;
    if (job.held !== "admin") job.held = by;
    job.reason = job.held === "admin" ? "JobHeldAdmin" : "JobHeldUser";
    this.reservations.delete(id);
    this.schedule();
    return true;
  }

  release(
    id: number,
    by: "user" | "admin",
  ): "released" | "not-held" | "not-pending" | "admin-hold" {
    const job = this.pending.get(id);
    if (!job) return "not-pending";
    if (job.held === null) return "not-held";
    if (job.held === "admin" && by === "user") return "admin-hold";
    job.held = null;
    job.reason = null;
    this.schedule();
    return "released";
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
    await this.stepRunning;
    await Promise.all(this.chains.values());
  }

  /** Asks for a step (ends that are due, then a pass); several in one turn make one. */
  schedule(): void {
    if (this.stopped) return;
    if (this.stepRunning) {
      this.stepAgain = true;
      return;
    }
    if (this.stepQueued) return;
    this.stepQueued = true;
    setImmediate(() => {
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
    for (;;) {
      if (this.stepQueued) await new Promise((r) => setImmediate(r));
      else if (this.stepRunning) await this.stepRunning;
      else break;
    }
    await Promise.all(this.chains.values());
  }

  private async step(): Promise<void> {
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
    while (this.ends.size > 0) {
      const t = this.ends.peekTime();
      if (strict ? t >= at : t > at) break;
      const id = this.ends.pop();
      const r = this.running.get(id);
      // cancelled since, or a stale entry
      if (!r || r.endAt !== t) continue;
      this.running.delete(id);
      const job = r.job;
      this.ended.add(job.id, job.arrayJobId, job.arrayTaskId, r.state === "COMPLETED");
      if (r.state === "TIMEOUT") this.inOrder(id, () => this.o.hooks.killing(job, "TIMEOUT"));
      const outcome = {
        state: r.state,
        exitCode: r.state === "TIMEOUT" ? 0 : r.exitCode,
        signal: r.state === "TIMEOUT" ? 15 : 0,
        endMs: t,
        cpuSeconds: this.cpuSeconds(r, t),
        maxRssMiB: null,
        reason: null,
      };
      this.inOrder(id, () => this.o.hooks.ended(job, outcome));
      this.decide(Math.max(t, this.lastPass));
    }
  }

  private cpuSeconds(r: Running, at: number): number {
    return Math.round(((at - r.job.startMs!) / 1000) * r.job.alloc!.cpus);
  }

  /** One pass of the embedded scheduler at the virtual instant `atMs`. */
  private decide(atMs: number): void {
    this.lastPass = atMs;
    if (this.pending.size === 0) return;
    const now = atMs / 1000;
    const running: RunningJob[] = [];
    for (const r of this.running.values())
      running.push({
        id: r.job.id,
        alloc: r.alloc,
        estEnd: r.job.startMs! / 1000 + (r.job.timeLimit ?? UNLIMITED_S),
      });
    const { queue } = waitingQueue(
      this.pending.values(),
      [...this.running.values()].map((r) => r.job),
      this.shapes,
      this.model,
      this.o.config.partitions,
      this.deps,
      this.o,
      atMs,
    );
    const result = schedulePass({
      model: this.model,
      now,
      running,
      queue,
      config: { policy: this.o.policy, planDepth: this.o.planDepth, overdueIsFree: false },
      reservations: this.reservations,
    });
    this.reservations = result.reservations;
    for (const p of result.pending) {
      const j = this.pending.get(p.id)!;
      j.reason = p.reason;
      j.plannedStartMs = p.plannedStart === null ? null : Math.round(p.plannedStart * 1000);
    }
    for (const s of result.starts) {
      const job = this.pending.get(s.id)!;
      const b = this.behaviour.get(s.id)!;
      this.forget(s.id);
      job.reason = null;
      job.plannedStartMs = null;
      job.alloc = this.jobAlloc(s.alloc);
      this.track(job, s.alloc, atMs, b);
      this.inOrder(job.id, () => this.o.hooks.started(job));
    }
  }

  private track(job: ActiveJob, alloc: Allocation, startMs: number, b: VirtualBehaviour): void {
    const limit = job.timeLimit ?? UNLIMITED_S;
    const runtime = b.runtime ?? limit;
    const timeout = runtime > limit;
    const endAt = startMs + Math.min(runtime, limit) * 1000;
    job.state = "RUNNING";
    job.startMs = startMs;
    const state: FinalState = timeout ? "TIMEOUT" : b.exitCode === 0 ? "COMPLETED" : "FAILED";
    this.running.set(job.id, { job, alloc, endAt, state, exitCode: b.exitCode });
    this.ends.push(endAt, job.id);
  }

  private jobAlloc(alloc: Allocation): JobAlloc {
    const names = alloc.map((a) => this.model.nodes[a.node]!.name);
    const gpuType = alloc.find((a) => a.gpu > 0)
      ? this.model.nodes[alloc.find((a) => a.gpu > 0)!.node]!.gpuType
      : null;
    return {
      node: compressHostlist(names),
      cpus: alloc.reduce((s, a) => s + a.cpu, 0),
      memMiB: alloc.reduce((s, a) => s + a.mem, 0),
      gpus: alloc.reduce((s, a) => s + a.gpu, 0),
      gpuType,
      cores: [],
      gpuIndices: [],
    };
  }

  /** A stored job's allocation back on this cluster's nodes (null when its nodes are gone). */
  private allocFromStored(a: JobAlloc): Allocation | null {
    const index = new Map(this.model.nodes.map((n, i) => [n.name, i]));
    const names = expandHostlist(a.node);
    const idx = names.map((n) => index.get(n));
    if (idx.some((i) => i === undefined) || idx.length === 0) return null;
    const share = (x: number) => Math.floor(x / idx.length);
    return idx.map((node) => ({
      node: node!,
      tasks: 1,
      cpu: share(a.cpus),
      mem: share(a.memMiB),
      gpu: share(a.gpus),
    }));
  }

  /** Runs `fn` after the job's earlier hooks; failures are logged, the chain goes on. */
  private inOrder(id: number, fn: () => Promise<void>): Promise<void> {
    const next = (this.chains.get(id) ?? Promise.resolve())
      .then(fn)
      .catch((e: Error) =>
        logBackgroundError(`job ${id} on ${this.name}: ${e.message}`, { stack: e.stack }),
      );
    this.chains.set(id, next);
    void next.then(() => {
      if (this.chains.get(id) === next) this.chains.delete(id);
    });
    return next;
  }

  /** Wakes when the next job is due to end. */
  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped || this.ends.size === 0) return;
    const delay = this.clock.realDelay(this.ends.peekTime());
    if (!Number.isFinite(delay)) return;
    this.timer = setTimeout(() => this.schedule(), Math.min(2 ** 31 - 1, Math.ceil(delay) + 1));
  }
}
