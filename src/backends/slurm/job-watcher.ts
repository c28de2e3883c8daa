import type { PendingReason } from "../../core/job-state.js";
import type { ActiveJob, ExternalHooks, RulesSource } from "../backend.js";
import type { SlurmCommands } from "./slurm-commands.js";
import {
  finalState,
  hasEnded,
  parseSacct,
  parseSqueue,
  SACCT_FIELDS,
  squeueFormat,
  type SacctJob,
  type SqueueJob,
} from "./slurm-output.js";

// a job that squeue no longer shows and accounting never heard of, for this long, is given up
const LOST_AFTER_MS = 10 * 60_000;

/**
 * Watches the jobs Guang submitted to one Slurm cluster: one squeue per interval for all of
 * them; a job that leaves the queue (or shows an end) is read from sacct and ended.
 */
export class JobWatcher {
  /** Guang's active jobs on the cluster, by Guang's id. */
  readonly jobs = new Map<number, ActiveJob>();
  private readonly bySlurm = new Set<string>();
  /** Since when a job has been missing from both squeue and sacct. */
  private readonly gone = new Map<number, number>();
  /** The last squeue reading (the nodes' running jobs are counted from it). */
  lastQueue: SqueueJob[] = [];

  constructor(
    private readonly o: {
      name: string;
      commands: SlurmCommands;
      hooks: ExternalHooks;
      rules: RulesSource;
    },
  ) {}

  track(job: ActiveJob): void {
    this.jobs.set(job.id, job);
    if (job.externalId) this.bySlurm.add(job.externalId);
  }

  isOwn(slurmId: string): boolean {
    return this.bySlurm.has(slurmId);
  }

  /** One squeue for every job (also with none to watch when `always`, for the nodes' use). */
  async poll(always: boolean): Promise<void> {
    if (this.jobs.size === 0 && !always) return;
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
          reason: `Slurm lost the job: neither squeue nor sacct on cluster ${this.o.name} knows job ${job.externalId}`,
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
}
