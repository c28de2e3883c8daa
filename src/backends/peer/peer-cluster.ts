import { Readable } from "node:stream";
import type { Tres } from "../../core/tres.js";
import { requestArgs, type ResourceRequest } from "../../core/resource-request.js";
import type { PendingReason } from "../../core/job-state.js";
import { parseMoney } from "../../core/money.js";
import { Conversation } from "../conversation.js";
import { compileShape, shapeMinimum } from "../../scheduler/shape.js";
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
import type { PeerClusterConfig } from "./peer-config.js";
import { PeerError, type PeerLink } from "./peer-link.js";

/** A job as the peer's API shows it (the fields we follow). */
interface RemoteJob {
  id: number;
  state: string;
  reason: string | null;
  exitCode: number | null;
  signal: number | null;
  startTime: string | null;
  endTime: string | null;
  plannedStart: string | null;
  cpuSeconds: number | null;
  maxRssMiB: number | null;
  alloc: JobAlloc | null;
  cost: string | null;
}

interface RemoteCluster {
  name: string;
  enabled: boolean;
  partitions: (PartitionConfig & { totalCpus: number })[];
  nodes: NodeUse[];
}

const FINAL: readonly string[] = ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "OUT_OF_MEMORY"];

/** A page of output as read from a peer: what OutputReader sends on. */
export interface PeerOutputPage {
  offset: number;
  size: number;
  length: number;
  complete: boolean;
  body: Readable;
}

/**
 * A cluster of another Guang center, reached over its API as the tenant it made for us: the
 * peer decides and runs, we keep the job's record. A job is handed over inside the
 * transaction that writes it (a refusal there writes nothing here), followed by one call per
 * interval for all our jobs there, and cancelled, held and released across. Its charge there
 * comes back with its end, and is ours to charge on (with our margin). A peer that does not
 * answer makes its cluster unreachable; our other clusters go on, and its jobs are followed
 * again when it answers.
 */
export class PeerCluster implements Backend {
  readonly kind = "peer" as const;
  readonly timeStep = 60;
  readonly name: string;
  private parts: PartitionConfig[] = [];
  private nodes: NodeUse[] = [];
  private readonly jobs = new Map<number, ActiveJob>();
  /** One conversation with the peer at a time, and how it is doing. */
  private readonly talk: Conversation;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly o: {
      config: PeerClusterConfig;
      link: PeerLink;
      pollMs: number;
      hooks: BackendHooks;
    },
  ) {
    this.name = o.config.name;
    // a peer that refuses answered; anything else (no answer, a failure) is unreachable
    this.talk = new Conversation(o.config.name, (e) => !(e instanceof PeerError) || e.unreachable);
  }

  /** First contact; a peer that is down is not fatal (tried again each interval). */
  async start(): Promise<void> {
    await this.talk.serial(() => this.poll());
    this.timer = setInterval(() => void this.talk.serial(() => this.poll()), this.o.pollMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    const { clusters } = await this.o.link.json<{ clusters: RemoteCluster[] }>(
      "GET",
      "/api/v1/clusters",
    );
    const there = clusters.find((c) => c.name === this.o.config.cluster);
    if (!there)
      throw new PeerError(
        this.o.config.peer,
        false,
        404,
        `center ${this.o.config.peer} has no cluster ${this.o.config.cluster} (it has ${clusters.map((c) => c.name).join(", ") || "none"})`,
      );
    this.parts = there.partitions.map((p) => ({
      name: p.name,
      nodes: p.nodes,
      default: p.default,
      maxTime: p.maxTime,
      defaultTime: p.defaultTime,
      priority: p.priority,
    }));
    this.nodes = there.nodes;
    const ours = new Map([...this.jobs.values()].map((j) => [j.externalId, j]));
    const ids = [...ours.keys()].filter((x) => x !== null);
    for (let i = 0; i < ids.length; i += 500) {
      const { jobs } = await this.o.link.json<{ jobs: RemoteJob[] }>(
        "GET",
        `/api/v1/jobs?id=${ids.slice(i, i + 500).join(",")}&limit=1000`,
      );
      for (const r of jobs) {
        const job = ours.get(String(r.id));
        if (job) await this.follow(job, r);
      }
    }
  }

  /** Brings one of our jobs in line with what the peer says of it. */
  private async follow(job: ActiveJob, r: RemoteJob): Promise<void> {
    if (r.state === "PENDING") {
      job.reason = (r.reason as PendingReason | null) ?? null;
      job.plannedStartMs = r.plannedStart ? Date.parse(r.plannedStart) : null;
      return;
    }
    const alloc = r.alloc ? { ...r.alloc, node: `${this.o.config.peer}/${r.alloc.node}` } : null;
    if (job.state === "PENDING" && r.startTime) {
      job.state = "RUNNING";
      job.reason = null;
      job.startMs = Date.parse(r.startTime);
      job.alloc = alloc;
      await this.o.hooks.started(job);
    }
    if (!FINAL.includes(r.state)) return;
    this.jobs.delete(job.id);
    await this.o.hooks.ended(job, {
      state: r.state as FinalState,
      exitCode: r.exitCode,
      signal: r.signal,
      endMs: r.endTime ? Date.parse(r.endTime) : Date.now(),
      cpuSeconds: r.cpuSeconds,
      maxRssMiB: r.maxRssMiB,
      reason: r.reason,
      startMs: r.startTime ? Date.parse(r.startTime) : null,
      alloc,
      neverRan: r.startTime === null,
      peerCharge: { units: r.cost ? parseMoney(r.cost) : 0, margin: this.o.config.margin },
    });
  }

  partitions(): PartitionConfig[] {
    return this.parts;
  }

  firstNode(): string {
    return this.nodes[0]?.name ?? this.name;
  }

  whyNever(partition: string, request: ResourceRequest): string | null {
    if (!this.talk.state.reachable && this.parts.length === 0)
      return `center ${this.o.config.peer} has not answered yet (${this.talk.state.error ?? "no answer"})`;
    const p = this.parts.find((x) => x.name === partition);
    if (!p) return `partition ${partition} does not exist on cluster ${this.name}`;
    const shape = compileShape(request);
    const need = shapeMinimum(shape);
    const n = Math.max(1, shape.exactNodes);
    const fit = this.nodes.filter(
      (x) =>
        p.nodes.includes(x.name) &&
        x.cpus >= Math.ceil(need.cpu / n) &&
        x.memMiB >= Math.ceil(need.mem / n) &&
        x.gpus >= shape.gpuPerNode &&
        (!shape.gpuType || x.gpuType === shape.gpuType),
    );
    return fit.length >= n
      ? null
      : `partition ${partition} of cluster ${this.name} has ${fit.length} node(s) for ${n} node(s) of ${Math.ceil(need.cpu / n)} cpus, ${Math.ceil(need.mem / n)} MiB and ${shape.gpuPerNode} GPU(s)`;
  }

  need(request: ResourceRequest): Tres {
    return shapeMinimum(compileShape(request));
  }

  /** Submits to the peer as our tenant there: its id, or its refusal (nothing is written here then). */
  async place(job: ActiveJob): Promise<string> {
    const { id } = await this.o.link.json<{ id: number }>("POST", "/api/v1/jobs", {
      script: job.script,
      scriptArgs: job.scriptArgs,
      scriptName: job.name,
      environment: job.env,
      // what we resolved overrides the script's own lines (its -M and -A name our clusters and accounts)
      options: {
        clusters: this.o.config.cluster,
        account: this.o.config.account,
        partition: job.partition,
        "job-name": job.name,
      },
      args: requestArgs(job.request, job.timeLimit),
    });
    return String(id);
  }

  async unplace(job: ActiveJob): Promise<void> {
    if (job.externalId)
      await this.o.link
        .call("POST", `/api/v1/jobs/${job.externalId}/cancel`)
        .catch(() => undefined);
  }

  submit(job: ActiveJob): void {
    this.jobs.set(job.id, job);
  }

  live(id: number): ActiveJob | undefined {
    return this.jobs.get(id);
  }

  async cancel(id: number): Promise<boolean> {
    const job = this.jobs.get(id);
    if (!job?.externalId) return false;
    await this.o.link.call("POST", `/api/v1/jobs/${job.externalId}/cancel`);
    job.killReason = "CANCELLED";
    await this.o.hooks.killing(job, "CANCELLED");
    void this.talk.serial(() => this.poll());
    return true;
  }

  async hold(id: number, by: "user" | "admin"): Promise<boolean> {
    const job = this.jobs.get(id);
    if (!job?.externalId || job.state !== "PENDING") return false;
    await this.o.link.call("POST", `/api/v1/jobs/${job.externalId}/hold`);
    job.held = by;
    job.reason = "JobHeldUser";
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
    await this.o.link.call("POST", `/api/v1/jobs/${job.externalId}/release`);
    job.held = null;
    job.reason = null;
    return "released";
  }

  /** A page of a job's output, read from the peer. */
  async output(
    job: { externalId: string | null },
    stream: "stdout" | "stderr",
    offset: number,
    limit: number,
  ): Promise<PeerOutputPage> {
    const res = await this.o.link.call(
      "GET",
      `/api/v1/jobs/${job.externalId}/output?stream=${stream}&offset=${offset}&limit=${limit}`,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    return {
      offset: Number(res.headers.get("x-guang-offset") ?? offset),
      size: Number(res.headers.get("x-guang-size") ?? bytes.length),
      length: bytes.length,
      complete: res.headers.get("x-guang-complete") === "true",
      body: Readable.from([bytes]),
    };
  }

  adopt(jobs: ActiveJob[]): void {
    for (const j of jobs) this.jobs.set(j.id, j);
  }

  nodeUse(): NodeUse[] {
    return this.nodes;
  }

  counts(): { pending: number; running: number } {
    let running = 0;
    for (const j of this.jobs.values()) if (j.state === "RUNNING") running++;
    return { pending: this.jobs.size - running, running };
  }

  status(): ClusterStatus {
    return { ...this.talk.state };
  }

  schedule(): void {}

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.talk.stop();
  }
}
