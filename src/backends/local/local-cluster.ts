import { mkdirSync, rmdirSync } from "node:fs";
import { clauseVerdict, type DependencySpec, type TargetState } from "../../core/dependency.js";
import { invalidInput } from "../../core/errors.js";
import type { PendingReason } from "../../core/job-state.js";
import type { ResourceRequest } from "../../core/resource-request.js";
import { AssocCounter } from "../../scheduler/assoc-limits.js";
import { compileCluster, type ClusterModel } from "../../scheduler/cluster.js";
import {
  schedulePass,
  type QueuedJob,
  type Reservation,
  type RunningJob,
} from "../../scheduler/pass.js";
import type { Policy } from "../../scheduler/policy.js";
import { DEFAULT_WEIGHTS, jobPriority } from "../../scheduler/priority.js";
import { compileShape, shapeMinimum, type Shape } from "../../scheduler/shape.js";
import type {
  ActiveJob,
  Backend,
  BackendHooks,
  ClusterStatus,
  RulesSource,
  JobAlloc,
  JobOutcome,
  KillReason,
  NodeUse,
} from "../backend.js";
import { toClusterSpec, type ClusterConfig, type PartitionConfig } from "../cluster-config.js";
import { slurmEnvironment } from "./job-env.js";
import { DeviceSlots } from "./device-slots.js";
import { EndedJobs } from "./ended-jobs.js";
import { checkLauncher, Launcher } from "./launcher.js";
import { isSameProcess, processStartTime, readSessions, signal } from "./proc-table.js";
import { readJobRecord, removeRunFiles, scriptPath } from "./run-files.js";
import type { UnixAccount } from "../unix-account.js";
import type { IdentityPolicy } from "../unix-identity.js";
import type { Cgroups, JobCgroup } from "./cgroups.js";

export interface LocalClusterOptions {
  config: ClusterConfig;
  /** Real cores of this machine: virtual cores beyond them are bound round-robin. */
  realCpus: number;
  /** GPU device indices of the node, in order. */
  gpuIndices: number[];
  runRoot: string;
  policy: Policy;
  planDepth: number;
  /** Between SIGTERM and SIGKILL (Slurm's KillWait). */
  killWaitMs: number;
  /** How often running jobs' memory, time and liveness are checked. */
  sampleMs: number;
  /** Who each job runs as (never root). */
  identity: IdentityPolicy;
  /** Of jobs and their output files. */
  umask: number;
  /** Kernel confinement of jobs (memory, cores, devices), or null: the sampler alone. */
  cgroups: Cgroups | null;
  submitHost: string;
  hooks: BackendHooks;
  /** Account limits and blocks, consulted at every pass. */
  rules: RulesSource;
  /** A user's fair-share factor in an account, [0, 1], consulted at every pass. */
  fairshare: (accountId: number, userId: number) => number;
}

/**
 * How long a job may be gone before its recorded end is given up on. The launcher records
 * an end within a tenth of a second on an idle machine, but a loaded one (2 cores, a few
 * busy servers: CI) can starve it for seconds, and giving up early turns a real exit code
 * into FAILED; an end that is truly lost (the launcher killed) is rare, and may wait.
 */
const GONE_GRACE_MS = 30_000;

/** Effectively unlimited for the scheduler's profile (ten years). */
const UNLIMITED_S = 10 * 365 * 86400;

interface Running {
  job: ActiveJob;
  /** When the launch request was sent. */
  launchedMs: number;
  /** Whether the store has been told it runs. */
  reported: boolean;
  killAt: number | null;
  peakRssMiB: number;
  ending: boolean;
  /** When the sampler first found its process gone without a recorded end. */
  goneSinceMs?: number;
  cgroup?: JobCgroup;
}

/**
 * The `local` backend: this machine is one node; the embedded scheduler decides, on every
 * submit, end, cancel and release (coalesced into one pass per turn of the event loop), and
 * jobs run as real process trees, each in its own session, started and reaped by the
 * launcher (./launcher.pl), which outlives the server. Time limits, memory and
 * liveness are checked every `sampleMs`.
 */
export class LocalCluster implements Backend {
  readonly kind = "local" as const;
  readonly timeStep = 1;
  readonly name: string;
  private readonly model: ClusterModel;
  private readonly opts: LocalClusterOptions;
  private readonly node: ClusterConfig["nodes"][number];
  private readonly pending = new Map<number, ActiveJob>();
  private readonly running = new Map<number, Running>();
  private readonly shapes = new Map<number, Shape>();
  private readonly ended = new EndedJobs();
  private readonly slots: DeviceSlots;
  private reservations = new Map<number, Reservation>();
  private chains = new Map<number, Promise<void>>();
  private passQueued = false;
  private passRunning = false;
  private passAgain = false;
  private sampler: NodeJS.Timeout | null = null;
  private beginTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly launcher: Launcher;

  constructor(opts: LocalClusterOptions) {
    this.opts = opts;
    this.name = opts.config.name;
    this.model = compileCluster(toClusterSpec(opts.config));
    if (opts.config.nodes.length !== 1)
      throw invalidInput(
        `the local cluster is this one machine: it has exactly one node, not ${opts.config.nodes.length}`,
      );
    this.node = opts.config.nodes[0]!;
    this.slots = new DeviceSlots(this.node.cpus, opts.gpuIndices);
    mkdirSync(opts.runRoot, { recursive: true });
    checkLauncher();
    this.launcher = new Launcher(
      (id, pid) => this.started(id, pid),
      (id) => {
        const r = this.running.get(id);
        if (r) this.finish(r, undefined, Date.now());
      },
    );
  }

  partitions(): PartitionConfig[] {
    return this.opts.config.partitions;
  }

  firstNode(): string {
    return this.node.name;
  }

  status(): ClusterStatus {
    return { reachable: true, version: null, error: null, sync: null };
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
  need(request: ResourceRequest): {
    cpu: number;
    memMiB: number;
    gpu: number;
    gpuType: string | null;
  } {
    const shape = compileShape(request, this.model.defMemPerCpu);
    const m = shapeMinimum(shape);
    return {
      cpu: m.cpu,
      memMiB: m.mem,
      gpu: m.gpu,
      gpuType: m.gpu > 0 ? (shape.gpuType ?? this.node.gpuType) : null,
    };
  }

  /** Takes back the jobs the store says are active: running ones are adopted, ended ones recorded. */
  adopt(jobs: ActiveJob[]): void {
    const run = this.opts.runRoot;
    for (const job of jobs) {
      const rec = readJobRecord(run, job.id);
      if (rec === null) {
        removeRunFiles(run, job.id);
        if (job.state === "RUNNING") {
          // it was running, and its record is gone (the machine restarted and took the run directory?)
          const r: Running = {
            job,
            launchedMs: job.startMs ?? Date.now(),
            reported: true,
            killAt: null,
            peakRssMiB: 0,
            ending: false,
          };
          this.running.set(job.id, r);
          this.finish(
            r,
            "the job's run record is gone (was the machine restarted?); it may have run in part",
          );
          continue;
        }
        // never launched, or the launch request died with the server: it waits again
        job.startMs = job.alloc = job.pid = job.pidStart = null;
        this.enqueue(job);
        continue;
      }
      job.state = "RUNNING";
      job.startMs = rec.launch.startMs;
      job.alloc = rec.launch.alloc as JobAlloc;
      job.pid = rec.pid;
      job.pidStart = rec.start;
      this.slots.take(job.alloc, job.id);
      const r: Running = {
        job,
        launchedMs: rec.launch.startMs,
        reported: false,
        killAt: null,
        peakRssMiB: 0,
        ending: false,
        cgroup: this.opts.cgroups?.handle(job.id),
      };
      this.running.set(job.id, r);
      this.report(r);
      if (rec.status !== null) this.finish(r);
    }
    this.schedule();
    this.ensureSampler();
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
    return this.pending.get(id) ?? this.running.get(id)?.job;
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
      await this.chain(id, () =>
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
    const r = this.running.get(id);
    if (!r) return false;
    await this.kill(r, "CANCELLED", false);
    return true;
  }

  /** Holds a waiting job; false when it is not waiting here. */
  hold(id: number, by: "user" | "admin"): boolean {
    const job = this.pending.get(id);
    if (!job) return false;
    if (job.held !== "admin") job.held = by;
    job.reason = job.held === "admin" ? "JobHeldAdmin" : "JobHeldUser";
    this.reservations.delete(id);
    this.schedule();
    return true;
  }

  /** Releases a held job; a user cannot release an administrator's hold. */
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
    let cpu = 0;
    let mem = 0;
    let gpu = 0;
    for (const r of this.running.values()) {
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
        runningJobs: this.running.size,
        state: cpu === 0 ? "idle" : cpu >= n.cpus ? "allocated" : "mixed",
      },
    ];
  }

  counts(): { pending: number; running: number } {
    return { pending: this.pending.size, running: this.running.size };
  }

  /** Stops deciding and watching; running jobs keep running (they are adopted at the next start). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sampler) clearInterval(this.sampler);
    if (this.beginTimer) clearTimeout(this.beginTimer);
    this.launcher.stop();
    // an idle server leaves no empty run directory behind (in /dev/shm, one per home)
    if (this.running.size === 0) {
      this.opts.cgroups?.release();
      try {
        rmdirSync(this.opts.runRoot);
      } catch {
        // not empty (a launch still writing), or gone
      }
    }
    await Promise.all([...this.chains.values()]);
  }

  /** Runs `fn` after every earlier hook of the same job, so the store sees a job's changes in order. */
  private chain(id: number, fn: () => Promise<void>): Promise<void> {
    const prev = this.chains.get(id) ?? Promise.resolve();
    const next = prev.then(fn).catch((e: unknown) => {
      process.stderr.write(`guang: recording job ${id} failed: ${(e as Error).message}\n`);
    });
    this.chains.set(id, next);
    void next.then(() => {
      if (this.chains.get(id) === next) this.chains.delete(id);
    });
    return next;
  }

  /** Asks for a pass; several requests in one turn of the event loop make one pass. */
  schedule(): void {
    if (this.stopped) return;
    if (this.passRunning) {
      this.passAgain = true;
      return;
    }
    if (this.passQueued) return;
    this.passQueued = true;
    setImmediate(() => {
      this.passQueued = false;
      void this.pass();
    });
  }

  private async pass(): Promise<void> {
    if (this.stopped) return;
    this.passRunning = true;
    try {
      await this.fetchDependencyTargets();
      this.decide(Date.now());
    } catch (e) {
      process.stderr.write(
        `guang: scheduling pass on ${this.name} failed: ${(e as Error).stack}\n`,
      );
    } finally {
      this.passRunning = false;
      if (this.passAgain) {
        this.passAgain = false;
        this.schedule();
      }
    }
  }

  private decide(nowMs: number): void {
    const now = nowMs / 1000;
    const running: RunningJob[] = [];
    // tasks of each array running now, and started by this pass (for `%` throttles)
    const tasksOfArray = new Map<number, number>();
    const assoc = new AssocCounter();
    for (const r of this.running.values()) {
      const j = r.job;
      const a = j.alloc!;
      running.push({
        id: j.id,
        alloc: [{ node: 0, tasks: j.request.tasks ?? 1, cpu: a.cpus, mem: a.memMiB, gpu: a.gpus }],
        estEnd: j.startMs! / 1000 + (j.timeLimit ?? UNLIMITED_S),
      });
      if (j.arrayJobId !== null)
        tasksOfArray.set(j.arrayJobId, (tasksOfArray.get(j.arrayJobId) ?? 0) + 1);
      assoc.add(j.accountId, j.userId, a.cpus, a.gpus);
    }
    const queue: QueuedJob[] = [];
    let nextBegin = Infinity;
    // throttles and account limits admit the waiting jobs highest priority first, as the pass considers them
    const ordered = [...this.pending.values()].map((j) => {
      const shape = this.shapes.get(j.id)!;
      const p = this.model.partitionIndex.get(j.partition)!;
      const priority = jobPriority(
        {
          submit: j.submitMs / 1000,
          cpus: shape.tasks * shape.cpuPerTask,
          fairshare: this.opts.fairshare(j.accountId, j.userId),
          partition: this.opts.config.partitions[p]!.priority,
          qos: 0,
        },
        now,
        this.model.totalCpus,
        DEFAULT_WEIGHTS,
      );
      return { j, shape, p, priority };
    });
    ordered.sort((a, b) => b.priority - a.priority || a.j.id - b.j.id);
    for (const { j, shape, p, priority } of ordered) {
      let ineligible: PendingReason | undefined;
      if (j.held) ineligible = j.held === "admin" ? "JobHeldAdmin" : "JobHeldUser";
      else if (j.beginMs !== null && j.beginMs > nowMs) {
        ineligible = "BeginTime";
        nextBegin = Math.min(nextBegin, j.beginMs);
      } else if (j.dependency) {
        const v = this.dependencyVerdict(j, j.dependency);
        if (v === "wait") ineligible = "Dependency";
        else if (v === "never") ineligible = "DependencyNeverSatisfied";
      }
      if (ineligible === undefined && j.arrayJobId !== null && j.array && j.array.throttle > 0) {
        // tasks beyond the throttle wait, lowest index first
        const used = tasksOfArray.get(j.arrayJobId) ?? 0;
        if (used >= j.array.throttle) ineligible = "JobArrayTaskLimit";
        else tasksOfArray.set(j.arrayJobId, used + 1);
      }
      if (ineligible === undefined) {
        const need = shapeMinimum(shape);
        ineligible =
          assoc.admit(
            j.accountId,
            j.userId,
            need.cpu,
            need.gpu,
            this.opts.rules.of(j.accountId, j.userId),
          ) ?? undefined;
      }
      queue.push({
        id: j.id,
        partition: p,
        shape,
        timeLimit: j.timeLimit ?? UNLIMITED_S,
        submit: j.submitMs / 1000,
        priority,
        ...(ineligible ? { ineligible } : {}),
      });
    }
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
    for (const p of result.pending) {
      const j = this.pending.get(p.id)!;
      j.reason = p.reason;
      j.plannedStartMs = p.plannedStart === null ? null : Math.round(p.plannedStart * 1000);
    }
    for (const s of result.starts) this.start(this.pending.get(s.id)!, s.alloc[0]!, nowMs);
    if (this.beginTimer) clearTimeout(this.beginTimer);
    this.beginTimer = null;
    if (nextBegin < Infinity) {
      this.beginTimer = setTimeout(
        () => this.schedule(),
        Math.min(2 ** 31 - 1, Math.max(0, nextBegin - Date.now()) + 5),
      );
    }
  }

  private dependencyVerdict(job: ActiveJob, dep: DependencySpec): "met" | "wait" | "never" {
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
  private async fetchDependencyTargets(): Promise<void> {
    const targets: number[] = [];
    for (const j of this.pending.values())
      for (const c of j.dependency?.clauses ?? []) for (const t of c.targets) targets.push(t.jobId);
    const want = this.ended.unfetched(targets);
    if (want.length === 0) return;
    const rows = await this.opts.hooks.endedJobs(want);
    this.ended.markFetched(want);
    for (const row of rows) {
      if (this.pending.has(row.id) || this.running.has(row.id) || this.ended.has(row.id)) continue;
      this.ended.add(row.id, row.arrayJobId, row.arrayTaskId, row.ok);
    }
  }

  private start(
    job: ActiveJob,
    a: { cpu: number; mem: number; gpu: number; tasks: number },
    nowMs: number,
  ): void {
    this.pending.delete(job.id);
    const { cores, gpuIndices } = this.slots.pick(job.id, a.cpu, a.gpu);
    const alloc: JobAlloc = {
      node: this.node.name,
      cpus: a.cpu,
      memMiB: a.mem,
      gpus: a.gpu,
      gpuType: a.gpu > 0 ? this.node.gpuType : null,
      cores,
      gpuIndices,
    };
    job.state = "RUNNING";
    job.reason = null;
    job.plannedStartMs = null;
    job.startMs = nowMs;
    job.alloc = alloc;
    const r: Running = {
      job,
      launchedMs: nowMs,
      reported: false,
      killAt: null,
      peakRssMiB: 0,
      ending: false,
    };
    this.running.set(job.id, r);
    this.ensureSampler();

    let owner: UnixAccount | null;
    try {
      owner = this.opts.identity.forJob(job.user, job.posix);
    } catch (e) {
      // the identity went away between submission and start: the job never runs
      return this.finish(r, (e as Error).message, undefined, true);
    }
    const base = { ...job.env };
    if (owner) Object.assign(base, { HOME: owner.home, USER: owner.name, LOGNAME: owner.name });
    const env = slurmEnvironment({
      base,
      jobId: job.id,
      name: job.name,
      user: job.user,
      account: job.account,
      partition: job.partition,
      qos: job.qos,
      cluster: this.name,
      node: this.node.name,
      submitDir: job.workdir,
      submitHost: this.opts.submitHost,
      tasks: job.request.tasks ?? 1,
      cpusPerTask: job.request.cpusPerTask ?? 1,
      cpus: a.cpu,
      memMiB: a.mem,
      gpuIndices: alloc.gpuIndices,
      machineHasGpus: this.opts.gpuIndices.length > 0,
      timeLimitMinutes: job.timeLimit === null ? null : Math.ceil(job.timeLimit / 60),
      arrayJobId: job.arrayJobId,
      arrayTaskId: job.arrayTaskId,
      array: job.array,
    });
    // virtual cores beyond the real ones are bound round-robin onto them
    const bind = [...new Set(cores.map((c) => c % this.opts.realCpus))].sort((x, y) => x - y);
    const run = this.opts.runRoot;
    try {
      r.cgroup = this.opts.cgroups?.create(job.id, {
        memMiB: a.mem,
        cores: bind,
        gpuIndices: alloc.gpuIndices,
        allGpus: this.opts.gpuIndices,
      });
    } catch (e) {
      return this.finish(
        r,
        `cannot make the job's cgroup: ${(e as Error).message}`,
        undefined,
        true,
      );
    }
    this.launcher.launch({
      id: job.id,
      run,
      workdir: job.workdir,
      uid: owner?.uid ?? null,
      gid: owner?.gid ?? null,
      cores: bind.length > 0 ? bind : null,
      umask: this.opts.umask,
      cgroups: r.cgroup?.procs ?? [],
      stdout: job.stdout,
      stderr: job.stderr,
      script: scriptPath(run, job.id),
      scriptText: job.script,
      scriptArgs: job.scriptArgs,
      launch: JSON.stringify({ startMs: nowMs, alloc }),
      env,
    });
  }

  /** The launcher forked the job. */
  private started(id: number, pid: number): void {
    const r = this.running.get(id);
    if (!r || r.job.pid !== null) return;
    r.job.pid = pid;
    r.job.pidStart = processStartTime(pid) ?? readJobRecord(this.opts.runRoot, id)?.start ?? "";
    this.report(r);
    // a cancel (or time limit) that came while it was being started reaches it now: the
    // process itself, and its group once it has made its session
    if (r.job.killReason !== null && !r.ending) this.signalJob(pid, [], "SIGTERM");
  }

  /** Tells the store the job runs (once; with its pid when known). */
  private report(r: Running): void {
    if (r.reported) return;
    r.reported = true;
    this.chain(r.job.id, () => this.opts.hooks.started(r.job));
  }

  private ensureSampler(): void {
    if (this.sampler || this.running.size === 0 || this.stopped) return;
    this.sampler = setInterval(() => this.sample(), this.opts.sampleMs);
  }

  /** Memory, time limits, kills in progress, and ends the launcher did not report (adopted jobs, a lost launcher). */
  private sample(): void {
    if (this.running.size === 0) {
      clearInterval(this.sampler!);
      this.sampler = null;
      return;
    }
    const now = Date.now();
    const sessions = readSessions(
      new Set([...this.running.values()].map((r) => r.job.pid ?? 0).filter((p) => p > 0)),
    );
    for (const r of [...this.running.values()]) {
      if (r.ending) continue;
      const j = r.job;
      if (j.pid === null) {
        // no "start" from the launcher yet; after a while, the job's own record decides
        if (now - r.launchedMs < 10000) continue;
        const rec = readJobRecord(this.opts.runRoot, j.id);
        if (rec === null) {
          this.finish(r);
          continue;
        }
        j.pid = rec.pid;
        j.pidStart = rec.start;
        this.report(r);
      }
      const use = sessions.get(j.pid);
      if (use) r.peakRssMiB = Math.max(r.peakRssMiB, use.rssMiB);
      else if (!isSameProcess(j.pid, j.pidStart!)) {
        // its end is recorded by the launcher that started it, a moment after it is gone
        r.goneSinceMs ??= now;
        if (readJobRecord(this.opts.runRoot, j.id)?.status || now - r.goneSinceMs > GONE_GRACE_MS)
          this.finish(r);
        continue;
      }
      if (j.killReason === null && j.timeLimit !== null && now >= j.startMs! + j.timeLimit * 1000)
        void this.kill(r, "TIMEOUT", false);
      else if (j.killReason === null && j.alloc!.memMiB > 0 && use && use.rssMiB > j.alloc!.memMiB)
        void this.kill(r, "OUT_OF_MEMORY", true);
      else if (r.killAt !== null && now >= r.killAt) {
        this.signalJob(j.pid, use?.pids ?? [], "SIGKILL");
        r.killAt = now + this.opts.killWaitMs;
      }
    }
  }

  /**
   * Signals a job: its process and group by the pid (a job just forked may not have made its
   * session yet, and has no session to find), and every process of its session.
   */
  private signalJob(pid: number | null, pids: number[], sig: NodeJS.Signals): void {
    if (pid !== null && pid > 0) {
      signal(pid, sig);
      signal(-pid, sig);
    }
    for (const p of pids) signal(p, sig);
  }

  private async kill(r: Running, reason: KillReason, hard: boolean): Promise<void> {
    const j = r.job;
    if (j.killReason === null) {
      j.killReason = reason;
      // recorded before the signal, so a restart in between still knows why it ended
      await this.chain(j.id, () => this.opts.hooks.killing(j, reason));
    }
    if (r.ending) return;
    if (j.pid !== null) {
      const pids = readSessions(new Set([j.pid])).get(j.pid)?.pids ?? [];
      this.signalJob(j.pid, pids, hard ? "SIGKILL" : "SIGTERM");
    }
    r.killAt = Date.now() + (hard ? Math.min(1000, this.opts.killWaitMs) : this.opts.killWaitMs);
  }

  /** Removes a job's cgroups once the last of its processes has left them. */
  private dropCgroup(cg: JobCgroup, tries: number): void {
    if (cg.remove() || tries >= 20) return;
    setTimeout(() => this.dropCgroup(cg, tries + 1), 500).unref();
  }

  /**
   * The job has ended (or never started): record how it ended, free its cores, decide again.
   * `neverRan`: the script was never started (so the job costs nothing).
   */
  private finish(r: Running, failure?: string, heardAtMs?: number, neverRan = false): void {
    if (r.ending) return;
    r.ending = true;
    const j = r.job;
    const run = this.opts.runRoot;
    const rec = readJobRecord(run, j.id, heardAtMs);
    if (j.pid === null && rec) [j.pid, j.pidStart] = [rec.pid, rec.start];
    this.report(r);
    // whatever the job left behind in its session's process group goes with it, as in Slurm
    if (j.pid !== null && j.pid > 0) signal(-j.pid, "SIGKILL");
    const st = failure ? null : (rec?.status ?? null);
    let outcome: JobOutcome;
    // the kernel killed a process of it for its memory: OUT_OF_MEMORY, as Slurm says
    const oom = r.cgroup?.oomKilled() ?? false;
    // killed before a sample saw it: the kernel's peak (page cache included) is what it reached
    if (oom) r.peakRssMiB = Math.max(r.peakRssMiB, r.cgroup?.peakMiB() ?? 0);
    if (r.cgroup) this.dropCgroup(r.cgroup, 0);
    const peak = r.peakRssMiB;
    if (st && st.failure === null) {
      const ok = st.code === 0 && st.signal === 0;
      outcome = {
        state: j.killReason ?? (oom ? "OUT_OF_MEMORY" : ok ? "COMPLETED" : "FAILED"),
        exitCode: st.code,
        signal: st.signal,
        endMs: st.endMs,
        cpuSeconds: st.cpuSeconds,
        maxRssMiB: peak,
        reason: null,
      };
    } else {
      const why =
        failure ??
        st?.failure ??
        "the job ended without a recorded exit status (was its launcher killed?)";
      // the launcher's failures all come before the script is run
      const never = neverRan || (!failure && !!st?.failure);
      outcome = {
        state: j.killReason ?? "FAILED",
        exitCode: st?.code ?? null,
        signal: 0,
        endMs: st?.endMs ?? Date.now(),
        cpuSeconds: null,
        maxRssMiB: peak,
        reason: why,
        ...(never ? { neverRan: true } : {}),
      };
    }
    if (j.alloc) this.slots.release(j.alloc, j.id);
    this.running.delete(j.id);
    this.shapes.delete(j.id);
    this.ended.add(j.id, j.arrayJobId, j.arrayTaskId, outcome.state === "COMPLETED");
    void this.chain(j.id, async () => {
      await this.opts.hooks.ended(j, outcome);
      removeRunFiles(run, j.id);
    });
    this.schedule();
  }
}
