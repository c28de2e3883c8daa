import type { PendingReason } from "../../core/job-state.js";
import type { ResourceRequest } from "../../core/resource-request.js";
import { compileShape, shapeMinimum } from "../../scheduler/shape.js";
import type {
  ActiveJob,
  Backend,
  ClusterStatus,
  ExternalHooks,
  NodeUse,
  RulesSource,
} from "../backend.js";
import type { PartitionConfig } from "../cluster-config.js";
import type { IdentityPolicy } from "../unix-identity.js";
import {
  ASSOC_FIELDS,
  driftOf,
  parseAssociations,
  planAssociations,
} from "./slurm-associations.js";
import { SlurmError, type SlurmCommands } from "./slurm-commands.js";
import {
  finalState,
  hasEnded,
  parseSacct,
  parseScontrol,
  parseSqueue,
  SACCT_FIELDS,
  slurmLocalTime,
  slurmLimit,
  squeueFormat,
  type SacctJob,
  type SqueueJob,
} from "./slurm-output.js";
import { sbatchArgs } from "./sbatch-args.js";

export interface SlurmClusterOptions {
  name: string;
  commands: SlurmCommands;
  /** Slurm's ClusterName (sacctmgr needs it); null: asked of scontrol. */
  slurmCluster: string | null;
  pollMs: number;
  accountingMs: number;
  syncMs: number;
  /** Submit as the job's user (Guang runs as root); else as Guang's own user (an operator account). */
  /** Who a job is submitted as (never root). */
  identity: IdentityPolicy;
  hooks: ExternalHooks;
  rules: RulesSource;
}

// accounting reaches slurmdbd a little after a job ends: reading overlaps by this much (records are kept once by job id)
const ACCOUNTING_OVERLAP_MS = 5 * 60_000;
// how long a new association may take to reach slurmctld from slurmdbd
const CONTROLLER_WAIT_MS = 10_000;
// a job that squeue no longer shows and accounting never heard of, for this long, is given up
const LOST_AFTER_MS = 10 * 60_000;

/**
 * A real Slurm cluster, driven through its own commands: Slurm decides and runs; Guang
 * submits as the job's user, watches (one squeue per interval for all jobs), reads ended
 * jobs from sacct (its own, and users' own, which are imported and charged), and keeps
 * Slurm's accounts, users, limits and blocks as Guang has them, putting right any drift.
 */
export class SlurmCluster implements Backend {
  readonly kind = "slurm" as const;
  readonly timeStep = 60;
  readonly name: string;
  private readonly jobs = new Map<number, ActiveJob>();
  /** Slurm ids of the jobs above (accounting skips them: they are read as they end). */
  private readonly bySlurm = new Set<string>();
  private readonly gone = new Map<number, number>();
  private parts: PartitionConfig[] = [];
  private nodeList: NodeUse[] = [];
  private defMemPerCpu = 0;
  private slurmName: string | null;
  private state: ClusterStatus = { reachable: false, version: null, error: null, sync: null };
  private timers: NodeJS.Timeout[] = [];
  private settled = new Map<string, string>();
  /** Account:user associations slurmctld itself was seen to know. */
  private readonly confirmed = new Set<string>();
  private running: Promise<void> = Promise.resolve();
  private syncSoon: NodeJS.Timeout | null = null;
  private pollSoon: NodeJS.Timeout | null = null;
  private unknownReported = new Set<string>();
  private stopped = false;

  constructor(private readonly o: SlurmClusterOptions) {
    this.name = o.name;
    this.slurmName = o.slurmCluster;
  }

  /** First contact (a Slurm that is down is not fatal: Guang serves its other clusters and tries again). */
  async start(): Promise<void> {
    await this.serial(() => this.refresh());
    if (this.state.reachable) {
      await this.serial(() => this.sync());
      await this.serial(() => this.poll());
    }
    this.every(this.o.pollMs, () => this.poll());
    this.every(this.o.accountingMs, () => this.accounting());
    this.every(this.o.syncMs, () => this.sync());
    this.every(Math.max(this.o.pollMs, 30_000), () => this.refresh());
  }

  private every(ms: number, work: () => Promise<void>): void {
    const t = setInterval(() => void this.serial(work), ms);
    t.unref();
    this.timers.push(t);
  }

  /** One conversation with Slurm at a time: a slow controller is not asked twice at once. */
  private serial(work: () => Promise<void>): Promise<void> {
    const next = this.running.then(async () => {
      if (this.stopped) return;
      try {
        await work();
        this.state.reachable = true;
        this.state.error = null;
      } catch (e) {
        this.fail(e);
      }
    });
    this.running = next;
    return next;
  }

  private fail(e: unknown): void {
    const message = (e as Error).message;
    if (e instanceof SlurmError && e.unreachable) this.state.reachable = false;
    if (this.state.error !== message) process.stderr.write(`guang: ${message}\n`);
    this.state.error = message;
  }

  private async refresh(): Promise<void> {
    this.state.version = await this.o.commands.version();
    const config = await this.o.commands.run("scontrol", ["show", "config"]);
    const setting = (key: string) =>
      new RegExp(`^${key}\\s*=\\s*(.*)$`, "m").exec(config)?.[1]?.trim() ?? null;
    this.slurmName ??= setting("ClusterName");
    const mem = setting("DefMemPerCPU");
    this.defMemPerCpu = mem && /^\d+$/.test(mem) ? Number(mem) : 0;
    const nodes = parseScontrol(await this.o.commands.run("scontrol", ["show", "node", "-o"]));
    const partitions = parseScontrol(
      await this.o.commands.run("scontrol", ["show", "partition", "-o"]),
    );
    const running = new Map<string, number>();
    for (const j of this.lastQueue)
      if (j.alloc) running.set(j.alloc.node, (running.get(j.alloc.node) ?? 0) + 1);
    this.nodeList = nodes.map((n) => {
      const cpus = Number(n.CPUTot ?? 0);
      const allocCpus = Number(n.CPUAlloc ?? 0);
      const gres = /gpu(?::([^:(,]+))?:(\d+)/.exec(n.Gres ?? "");
      const allocGpus = /gres\/gpu[^=]*=(\d+)/.exec(n.AllocTRES ?? "");
      const down = /DOWN|DRAIN|FAIL|NOT_RESPONDING/.test((n.State ?? "").toUpperCase());
      return {
        name: n.NodeName!,
        cpus,
        memMiB: Number(n.RealMemory ?? 0),
        gpus: gres ? Number(gres[2]) : 0,
        gpuType: gres?.[1] && !/^\d+$/.test(gres[1]) ? gres[1] : null,
        allocCpus,
        allocMemMiB: Number(n.AllocMem ?? 0),
        allocGpus: allocGpus ? Number(allocGpus[1]) : 0,
        runningJobs: running.get(n.NodeName!) ?? 0,
        state: down ? "down" : allocCpus === 0 ? "idle" : allocCpus >= cpus ? "allocated" : "mixed",
      };
    });
    // a node names its partitions (scontrol's partition lines name nodes as hostlists: node[01-64])
    const nodesOf = (partition: string) =>
      nodes
        .filter((n) => (n.Partitions ?? "").split(",").includes(partition))
        .map((n) => n.NodeName!);
    this.parts = partitions
      .filter((p) => p.PartitionName)
      .map((p) => ({
        name: p.PartitionName!,
        nodes: nodesOf(p.PartitionName!),
        default: p.Default === "YES",
        maxTime: slurmLimit(p.MaxTime),
        defaultTime: slurmLimit(p.DefaultTime),
        priority: 0.5,
      }));
  }

  private lastQueue: SqueueJob[] = [];

  partitions(): PartitionConfig[] {
    return this.parts;
  }

  firstNode(): string {
    return this.nodeList[0]?.name ?? this.name;
  }

  whyNever(partition: string, request: ResourceRequest): string | null {
    const p = this.parts.find((x) => x.name === partition);
    if (!p) return `partition ${partition} does not exist on cluster ${this.name}`;
    const shape = compileShape(request, this.defMemPerCpu);
    const need = shapeMinimum(shape);
    const nodes = Math.max(1, shape.exactNodes);
    const per = {
      cpu: Math.ceil(need.cpu / nodes),
      mem: Math.ceil(need.mem / nodes),
      gpu: shape.gpuPerNode,
    };
    const fit = this.nodeList.filter(
      (n) =>
        p.nodes.includes(n.name) &&
        n.cpus >= per.cpu &&
        n.memMiB >= per.mem &&
        n.gpus >= per.gpu &&
        (!shape.gpuType || n.gpuType === shape.gpuType),
    );
    if (fit.length >= nodes) return null;
    const biggest = this.nodeList
      .filter((n) => p.nodes.includes(n.name))
      .sort((a, b) => b.cpus - a.cpus)[0];
    return `the job asks for ${nodes} node(s) with ${per.cpu} cpus, ${per.mem} MiB and ${per.gpu} GPU(s) each; partition ${partition} of cluster ${this.name} has ${fit.length} such node(s)${biggest ? ` (its largest: ${biggest.cpus} cpus, ${biggest.memMiB} MiB, ${biggest.gpus} GPUs)` : ""}`;
  }

  need(request: ResourceRequest): {
    cpu: number;
    memMiB: number;
    gpu: number;
    gpuType: string | null;
  } {
    const shape = compileShape(request, this.defMemPerCpu);
    const m = shapeMinimum(shape);
    return { cpu: m.cpu, memMiB: m.mem, gpu: m.gpu, gpuType: m.gpu > 0 ? shape.gpuType : null };
  }

  /** sbatch, as the job's user: Slurm's id, or Slurm's refusal as a 400 (nothing is written then). */
  async place(job: ActiveJob): Promise<string> {
    const as = this.o.identity.forJob(job.user, job.posix);
    if (as) await this.ensureMember(job.account, as.name);
    const sbatch = () =>
      this.o.commands.run("sbatch", sbatchArgs(job), {
        input: job.script,
        as,
        env: job.env,
        cwd: job.workdir,
      });
    let out: string;
    try {
      try {
        out = await sbatch();
      } catch (e) {
        // the association Guang thought there is not (removed by hand, not yet compared again): put in and try once more
        if (!(as && e instanceof SlurmError && /Invalid account/i.test(e.said))) throw e;
        this.confirmed.delete(`${job.account}:${as.name}`);
        this.settled.clear();
        await this.ensureMember(job.account, as.name);
        out = await sbatch();
      }
    } catch (e) {
      if (e instanceof SlurmError && !e.unreachable)
        throw new SlurmError(this.name, e.command, e.said, true);
      throw e;
    }
    const id = /^(\d+)/.exec(out.trim())?.[1];
    if (!id) throw new SlurmError(this.name, "sbatch", `no job id in its answer "${out.trim()}"`);
    return id;
  }

  async unplace(job: ActiveJob): Promise<void> {
    if (job.externalId)
      await this.o.commands.run("scancel", [job.externalId]).catch(() => undefined);
  }

  /** A user must be in the account's association before sbatch (AccountingStorageEnforce=associations): put in at once, not at the next sync. */
  private async ensureMember(account: string, user: string): Promise<void> {
    const key = `${account}:${user}`;
    if (this.confirmed.has(key)) return;
    // not through serial(): the caller holds the submission's transaction, which a queued poll may be waiting for
    // (a failure elsewhere in the comparison is for the status to show; whether this user got in is checked next)
    if (!this.settled.has(`${key}:MaxJobs`)) await this.sync().catch((e: unknown) => this.fail(e));
    // slurmctld hears of a new association from slurmdbd a moment later, and refuses the job until then
    const until = Date.now() + CONTROLLER_WAIT_MS;
    for (;;) {
      const known = await this.o.commands.run("scontrol", [
        "show",
        "assoc_mgr",
        `users=${user}`,
        `accounts=${account}`,
        "flags=assoc",
      ]);
      if (new RegExp(`Account=${account} UserName=${user}\\(`).test(known)) break;
      if (Date.now() > until)
        throw new SlurmError(
          this.name,
          "scontrol show assoc_mgr",
          `slurmctld does not know user ${user} in account ${account} ${CONTROLLER_WAIT_MS / 1000} s after it was added with sacctmgr (is slurmdbd connected to slurmctld?)`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }
    this.confirmed.add(key);
  }

  submit(job: ActiveJob): void {
    this.track(job);
    this.soon();
  }

  private track(job: ActiveJob): void {
    this.jobs.set(job.id, job);
    if (job.externalId) this.bySlurm.add(job.externalId);
  }

  /** Looks at the queue shortly after a change (a submission, a cancel), not only every interval. */
  private soon(): void {
    if (this.pollSoon) return;
    this.pollSoon = setTimeout(() => {
      this.pollSoon = null;
      void this.serial(() => this.poll());
    }, 500);
    this.pollSoon.unref();
  }

  live(id: number): ActiveJob | undefined {
    return this.jobs.get(id);
  }

  async cancel(id: number): Promise<boolean> {
    const job = this.jobs.get(id);
    if (!job?.externalId) return false;
    await this.o.commands.run("scancel", [job.externalId]);
    job.killReason = "CANCELLED";
    await this.o.hooks.killing(job, "CANCELLED");
    this.soon();
    return true;
  }

  async hold(id: number, by: "user" | "admin"): Promise<boolean> {
    const job = this.jobs.get(id);
    if (!job?.externalId || job.state !== "PENDING") return false;
    await this.o.commands.run("scontrol", [by === "admin" ? "hold" : "uhold", job.externalId]);
    job.held = by;
    job.reason = by === "admin" ? "JobHeldAdmin" : "JobHeldUser";
    return true;
  }

  async release(
    id: number,
    by: "user" | "admin",
  ): Promise<"released" | "not-held" | "not-pending" | "admin-hold"> {
    const job = this.jobs.get(id);
    if (!job?.externalId || job.state !== "PENDING") return "not-pending";
    if (!job.held) return "not-held";
    if (job.held === "admin" && by === "user") return "admin-hold";
    await this.o.commands.run("scontrol", ["release", job.externalId]);
    job.held = null;
    job.reason = null;
    this.soon();
    return "released";
  }

  adopt(jobs: ActiveJob[]): void {
    for (const j of jobs) this.track(j);
    this.soon();
  }

  nodeUse(): NodeUse[] {
    return this.nodeList;
  }

  counts(): { pending: number; running: number } {
    let running = 0;
    for (const j of this.jobs.values()) if (j.state === "RUNNING") running++;
    return { pending: this.jobs.size - running, running };
  }

  status(): ClusterStatus {
    return { ...this.state };
  }

  /** Accounts, members, limits or blocks changed in Guang: Slurm is told at once. */
  schedule(): void {
    if (this.syncSoon) return;
    this.syncSoon = setTimeout(() => {
      this.syncSoon = null;
      void this.serial(() => this.sync());
    }, 50);
    this.syncSoon.unref();
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    if (this.syncSoon) clearTimeout(this.syncSoon);
    if (this.pollSoon) clearTimeout(this.pollSoon);
    await this.running;
    this.stopped = true;
  }

  /** One squeue for every job; jobs that left it (or show an end) are read from sacct. */
  private async poll(): Promise<void> {
    if (this.jobs.size === 0 && this.nodeList.length > 0) return;
    const queue = parseSqueue(
      await this.o.commands.run("squeue", ["-h", "-a", "-t", "all", "-O", squeueFormat()]),
    );
    this.lastQueue = queue;
    const queued = new Map(queue.map((q) => [q.slurmId, q]));
    const ended: ActiveJob[] = [];
    for (const job of [...this.jobs.values()]) {
      const q = job.externalId ? queued.get(job.externalId) : undefined;
      if (!q || hasEnded(q.state)) {
        ended.push(job);
        continue;
      }
      this.gone.delete(job.id);
      if (q.state === "PENDING") {
        job.reason = this.reasonOf(job, q.reason);
        continue;
      }
      if (job.state === "PENDING") {
        job.state = "RUNNING";
        job.reason = null;
        job.startMs = q.startMs ?? Date.now();
        job.alloc = q.alloc;
        job.held = null;
        await this.o.hooks.started(job);
      }
    }
    if (ended.length) await this.readEnds(ended);
  }

  /** Slurm's reason, except that a job of a blocked account waits for its block, not for a CPU limit. */
  private reasonOf(job: ActiveJob, reason: string | null): PendingReason | null {
    if (reason && /^AssocGrp/.test(reason) && this.o.rules.of(job.accountId, job.userId).blocked)
      return "AccountBlocked";
    return reason as PendingReason | null;
  }

  private async readEnds(jobs: ActiveJob[]): Promise<void> {
    const ids = jobs.map((j) => j.externalId).filter((x): x is string => x !== null);
    const records = ids.length
      ? parseSacct(
          await this.o.commands.run("sacct", [
            "-X",
            "-P",
            "-n",
            "-j",
            ids.join(","),
            "-o",
            SACCT_FIELDS.join(","),
          ]),
        )
      : [];
    const byId = new Map(records.map((r) => [r.slurmId, r]));
    const now = Date.now();
    for (const job of jobs) {
      const r = job.externalId ? byId.get(job.externalId) : undefined;
      if (r && hasEnded(r.baseState) && r.endMs !== null) {
        await this.finish(job, r);
        continue;
      }
      const since = this.gone.get(job.id) ?? now;
      this.gone.set(job.id, since);
      if (!r && now - since > LOST_AFTER_MS) {
        this.forget(job);
        await this.o.hooks.ended(job, {
          state: "FAILED",
          exitCode: null,
          signal: null,
          endMs: now,
          cpuSeconds: null,
          maxRssMiB: null,
          reason: `Slurm lost the job: neither squeue nor sacct on cluster ${this.name} knows job ${job.externalId}`,
        });
      }
    }
  }

  private forget(job: ActiveJob): void {
    this.jobs.delete(job.id);
    this.gone.delete(job.id);
    if (job.externalId) this.bySlurm.delete(job.externalId);
  }

  private async finish(job: ActiveJob, r: SacctJob): Promise<void> {
    this.forget(job);
    const f = finalState(r.baseState);
    await this.o.hooks.ended(job, {
      state: f.state,
      reason: f.reason,
      exitCode: r.exitCode,
      signal: r.signal,
      endMs: r.endMs!,
      cpuSeconds: r.cpuSeconds,
      maxRssMiB: null,
      startMs: r.startMs,
      alloc: r.alloc,
    });
  }

  /** Jobs that ended since the cursor (with an overlap: accounting lags), those not Guang's own imported and charged. */
  private async accounting(): Promise<void> {
    const now = Date.now();
    const cursor = (await this.o.hooks.cursor(this.name)) ?? now;
    const from = cursor - ACCOUNTING_OVERLAP_MS;
    const records = parseSacct(
      await this.o.commands.run("sacct", [
        "-a",
        "-X",
        "-P",
        "-n",
        "-S",
        slurmLocalTime(from),
        "-E",
        "now",
        "-o",
        SACCT_FIELDS.join(","),
      ]),
    );
    for (const r of records) {
      if (!hasEnded(r.baseState) || r.endMs === null || this.bySlurm.has(r.slurmId)) continue;
      const f = finalState(r.baseState);
      const done = await this.o.hooks.foreign({
        cluster: this.name,
        externalId: r.slurmId,
        name: r.name,
        user: r.user,
        account: r.account,
        partition: r.partition,
        qos: r.qos,
        state: f.state,
        reason: f.reason,
        exitCode: r.exitCode,
        signal: r.signal,
        submitMs: r.submitMs ?? r.endMs,
        startMs: r.startMs,
        endMs: r.endMs,
        alloc: r.alloc,
        timeLimit: r.timeLimit,
        cpuSeconds: r.cpuSeconds,
      });
      if (!done.recorded && done.why && !this.unknownReported.has(r.slurmId)) {
        this.unknownReported.add(r.slurmId);
        await this.o.hooks.drift(this.name, [
          `job ${r.shownId} (user ${r.user}, account ${r.account}) not charged: ${done.why}`,
        ]);
      }
    }
    await this.o.hooks.saveCursor(this.name, now);
  }

  private syncing: Promise<void> = Promise.resolve();

  /**
   * Slurm's associations as Guang has them; what differs from what Guang set last is drift,
   * reported. One comparison at a time: two working from the same reading would undo each
   * other (one removing a user the other has just added).
   */
  private sync(): Promise<void> {
    const next = this.syncing.catch(() => undefined).then(() => this.syncOnce());
    this.syncing = next;
    return next;
  }

  private async syncOnce(): Promise<void> {
    if (!this.slurmName) await this.refresh();
    const cluster = this.slurmName!;
    const actual = parseAssociations(
      await this.o.commands.run("sacctmgr", [
        "-n",
        "-P",
        "show",
        "assoc",
        "where",
        `cluster=${cluster}`,
        `format=${ASSOC_FIELDS.join(",")}`,
      ]),
    );
    const drift =
      this.state.sync === null && this.settled.size === 0 ? [] : driftOf(actual, this.settled);
    const plan = planAssociations(cluster, this.o.hooks.desiredAccounts(), actual);
    // one refusal (a user with jobs cannot be removed) must not hold up the rest: each command is tried
    const applied: string[] = [];
    const failed: Error[] = [];
    for (const c of plan.commands) {
      try {
        await this.o.commands.run("sacctmgr", ["-i", ...c.args]);
        applied.push(c.change);
      } catch (e) {
        failed.push(e as Error);
        // not set, so not drift if it differs next time: it is tried again
        for (const k of [...plan.settled.keys()])
          if (k.startsWith(`${c.assoc}:`)) plan.settled.delete(k);
      }
    }
    this.settled = plan.settled;
    for (const k of this.confirmed) if (!this.settled.has(`${k}:MaxJobs`)) this.confirmed.delete(k);
    this.state.sync = { at: new Date().toISOString(), applied, drift };
    // not awaited: a submission waiting for this comparison may hold the store, which the report writes to
    if (drift.length) void this.o.hooks.drift(this.name, drift).catch((e: unknown) => this.fail(e));
    if (failed.length) throw failed[0]!;
  }
}
