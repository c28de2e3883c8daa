import type { Tres } from "../../core/tres.js";
import type { ResourceRequest } from "../../core/resource-request.js";
import { compileShape, shapeMinimum } from "../../scheduler/shape.js";
import type {
  ActiveJob,
  Backend,
  ClusterStatus,
  ExternalHooks,
  NodeUse,
  RulesSource,
  TrialJob,
} from "../backend.js";
import type { PartitionConfig } from "../cluster-config.js";
import type { IdentityPolicy } from "../unix-identity.js";
import { SlurmError, type SlurmCommands } from "./slurm-commands.js";
import { nodeReason, parseScontrol, slurmLimit, slurmTime } from "./slurm-output.js";
import { sbatchArgs, trialArgs } from "./sbatch-args.js";
import { AssociationSync } from "./association-sync.js";
import { JobWatcher } from "./job-watcher.js";
import { AccountingImport } from "./accounting-import.js";
import { Conversation } from "../conversation.js";

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
  /** Slurm ids of the jobs above (accounting skips them: they are read as they end). */
  private parts: PartitionConfig[] = [];
  private nodeList: NodeUse[] = [];
  private defMemPerCpu = 0;
  private slurmName: string | null;
  /** One conversation with Slurm at a time, and how it is doing. */
  private readonly talk: Conversation;
  private timers: NodeJS.Timeout[] = [];
  private syncSoon: NodeJS.Timeout | null = null;
  private pollSoon: NodeJS.Timeout | null = null;

  private readonly watcher: JobWatcher;
  private readonly assoc: AssociationSync;
  private readonly accounting: AccountingImport;

  constructor(private readonly o: SlurmClusterOptions) {
    this.name = o.name;
    this.slurmName = o.slurmCluster;
    this.talk = new Conversation(o.name, (e) => e instanceof SlurmError && e.unreachable);
    this.watcher = new JobWatcher({
      name: o.name,
      commands: o.commands,
      hooks: o.hooks,
      rules: o.rules,
    });
    this.assoc = new AssociationSync({
      name: o.name,
      commands: o.commands,
      hooks: o.hooks,
      slurmName: async () => {
        if (!this.slurmName) await this.refresh();
        return this.slurmName!;
      },
      synced: (summary) => (this.talk.state.sync = summary),
      fail: (e) => this.talk.fail(e),
    });
    this.accounting = new AccountingImport({
      name: o.name,
      commands: o.commands,
      hooks: o.hooks,
      isOwn: (slurmId) => this.watcher.isOwn(slurmId),
    });
  }

  /** First contact (a Slurm that is down is not fatal: Guang serves its other clusters and tries again). */
  async start(): Promise<void> {
    await this.talk.serial(() => this.refresh());
    if (this.talk.state.reachable) {
      await this.talk.serial(() => this.assoc.sync());
      await this.talk.serial(() => this.watcher.poll(this.nodeList.length === 0));
    }
    this.every(this.o.pollMs, () => this.watcher.poll(this.nodeList.length === 0));
    this.every(this.o.accountingMs, () => this.accounting.run());
    this.every(this.o.syncMs, () => this.assoc.sync());
    this.every(Math.max(this.o.pollMs, 30_000), () => this.refresh());
  }

  private every(ms: number, work: () => Promise<void>): void {
    const t = setInterval(() => void this.talk.serial(work), ms);
    t.unref();
    this.timers.push(t);
  }

  private async refresh(): Promise<void> {
    this.talk.state.version = await this.o.commands.version();
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
    for (const j of this.watcher.lastQueue)
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
        reason: nodeReason(n.Reason),
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

  need(request: ResourceRequest): Tres {
    return shapeMinimum(compileShape(request, this.defMemPerCpu));
  }

  /** sbatch, as the job's user: Slurm's id, or Slurm's refusal as a 400 (nothing is written then). */
  /** Slurm's own estimate of when a job like this would start (sbatch --test-only, as its user); null when it gives none. */
  async predictStart(trial: TrialJob): Promise<number | null> {
    const as = this.o.identity.forJob(trial.user, trial.posix);
    const said = await this.o.commands.run("sbatch", trialArgs(trial), { as, stderr: true });
    const at = /to start at (\S+)/.exec(said)?.[1];
    return at ? slurmTime(at) : null;
  }

  async place(job: ActiveJob): Promise<string> {
    const as = this.o.identity.forJob(job.user, job.posix);
    if (as) await this.assoc.ensureMember(job.account, as.name);
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
        this.assoc.forget(job.account, as.name);
        await this.assoc.ensureMember(job.account, as.name);
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

  submit(job: ActiveJob): void {
    this.track(job);
    this.soon();
  }

  private track(job: ActiveJob): void {
    this.watcher.track(job);
  }

  /** Looks at the queue shortly after a change (a submission, a cancel), not only every interval. */
  private soon(): void {
    if (this.pollSoon) return;
    this.pollSoon = setTimeout(() => {
      this.pollSoon = null;
      void this.talk.serial(() => this.watcher.poll(this.nodeList.length === 0));
    }, 500);
    this.pollSoon.unref();
  }

  live(id: number): ActiveJob | undefined {
    return this.watcher.jobs.get(id);
  }

  async cancel(id: number): Promise<boolean> {
    const job = this.watcher.jobs.get(id);
    if (!job?.externalId) return false;
    await this.o.commands.run("scancel", [job.externalId]);
    job.killReason = "CANCELLED";
    await this.o.hooks.killing(job, "CANCELLED");
    this.soon();
    return true;
  }

  async hold(id: number, by: "user" | "admin"): Promise<boolean> {
    const job = this.watcher.jobs.get(id);
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
    const job = this.watcher.jobs.get(id);
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
    for (const j of this.watcher.jobs.values()) if (j.state === "RUNNING") running++;
    return { pending: this.watcher.jobs.size - running, running };
  }

  status(): ClusterStatus {
    return { ...this.talk.state };
  }

  /** Accounts, members, limits or blocks changed in Guang: Slurm is told at once. */
  schedule(): void {
    if (this.syncSoon) return;
    this.syncSoon = setTimeout(() => {
      this.syncSoon = null;
      void this.talk.serial(() => this.assoc.sync());
    }, 50);
    this.syncSoon.unref();
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    if (this.syncSoon) clearTimeout(this.syncSoon);
    if (this.pollSoon) clearTimeout(this.pollSoon);
    await this.talk.stop();
  }
}
