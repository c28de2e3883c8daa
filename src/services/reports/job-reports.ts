import type {
  ActiveJob,
  BackendHooks,
  EndedRow,
  JobOutcome,
  KillReason,
} from "../../backends/backend.js";
import { FINAL_STATES } from "../../core/job-state.js";
import { dependencyRows, updateJob, type JobPatch } from "../../store/jobs.js";
import { nowIso, type Db } from "../../store/open.js";
import type { Billing } from "../money/billing.js";
import type { MoneyEvent } from "../money/postings.js";
import type { JobMail, Notifier } from "../notify/notifier.js";
import { jobEvent, storeEvent, type EventBus, type JobEvent } from "../jobs/events.js";

/**
 * What the backends report of jobs (started, being killed, ended), written to the store and
 * published as events; and the ended jobs dependencies ask about.
 */
export class JobReports implements BackendHooks {
  constructor(
    protected readonly db: Db,
    protected readonly events: EventBus,
    protected readonly billing: Billing,
    /** After a charge changed an account's money state (the scheduler and people must know). */
    protected readonly moneyChanged: (events: MoneyEvent[]) => void,
    protected readonly notifier: Notifier,
  ) {}

  private writes: {
    id: number;
    patch: JobPatch;
    settle: boolean;
    event: JobEvent | null;
    done: (e: JobEvent | null) => void;
    failed: (e: unknown) => void;
  }[] = [];

  /**
   * The backend's reports of one turn of the event loop are written in one transaction:
   * under load dozens of jobs start and end per turn, and a commit costs more than an update.
   */
  private record(
    id: number,
    patch: JobPatch,
    settle = false,
    event: JobEvent | null = null,
  ): Promise<JobEvent | null> {
    return new Promise((done, failed) => {
      if (this.writes.length === 0) setImmediate(() => void this.flushWrites());
      this.writes.push({ id, patch, settle, event, done, failed });
    });
  }

  private async flushWrites(): Promise<void> {
    const batch = this.writes;
    this.writes = [];
    try {
      // a job's end and its charge are written together: after a crash there is either both or neither
      const stored: (JobEvent | null)[] = [];
      const events = await this.db.transaction().execute(async (trx) => {
        const out: MoneyEvent[] = [];
        for (const w of batch) {
          await updateJob(trx, w.id, w.patch);
          if (w.settle) out.push(...(await this.billing.settle(trx, w.id)));
          stored.push(w.event ? await storeEvent(trx, w.event) : null);
        }
        return out;
      });
      batch.forEach((w, i) => w.done(stored[i] ?? null));
      if (events.length) this.moneyChanged(events);
    } catch (e) {
      for (const w of batch) w.failed(e);
    }
  }

  private rowRef(job: ActiveJob) {
    return {
      id: job.id,
      array_job_id: job.arrayJobId,
      array_task_id: job.arrayTaskId,
      user_id: job.userId,
    };
  }

  async started(job: ActiveJob): Promise<void> {
    const event = await this.record(
      job.id,
      {
        state: "RUNNING",
        reason: null,
        start_time: nowIso(job.startMs!),
        alloc: JSON.stringify(job.alloc),
        pid: job.pid,
        pid_start: job.pidStart,
      },
      false,
      jobEvent(this.rowRef(job), job.user, "RUNNING", null, null, null),
    );
    this.events.publish(event!);
    void this.notifier.jobBegan(this.mailOf(job), job.alloc?.node ?? "?", new Date(job.startMs!));
  }

  private mailOf(job: ActiveJob): JobMail {
    return {
      jobId: job.arrayJobId !== null ? `${job.arrayJobId}_${job.arrayTaskId}` : String(job.id),
      name: job.name,
      account: job.account,
      userId: job.userId,
      types: job.mail.types,
      to: job.mail.to,
    };
  }

  async killing(job: ActiveJob, reason: KillReason): Promise<void> {
    await this.record(job.id, { kill_reason: reason });
  }

  async ended(job: ActiveJob, o: JobOutcome): Promise<void> {
    const event = await this.record(
      job.id,
      {
        state: o.state,
        reason: o.reason,
        end_time: nowIso(o.endMs),
        exit_code: o.exitCode,
        signal: o.signal,
        cpu_seconds: o.cpuSeconds,
        max_rss_mib: o.maxRssMiB,
        held: null,
        // an outside scheduler's accounting knows when it really started and with what
        ...(o.startMs !== undefined && o.startMs !== null
          ? { start_time: nowIso(o.startMs), alloc: JSON.stringify(o.alloc ?? null) }
          : {}),
        // a job whose script never ran did not start, and costs nothing
        ...(o.neverRan ? { start_time: null } : {}),
        ...(o.peerCharge
          ? { peer_charge_units: o.peerCharge.units, peer_margin: o.peerCharge.margin }
          : {}),
      },
      true,
      jobEvent(this.rowRef(job), job.user, o.state, o.reason, o.exitCode, o.signal),
    );
    this.events.publish(event!);
    const startMs = o.startMs ?? job.startMs;
    const elapsedSeconds =
      startMs === null ? 0 : Math.max(0, Math.round((o.endMs - startMs) / 1000));
    void this.notifier.jobEnded(this.mailOf(job), {
      id: job.id,
      state: o.state,
      exitCode: o.exitCode,
      signal: o.signal,
      elapsedSeconds,
      at: new Date(o.endMs),
    });
  }

  async endedJobs(ids: number[]): Promise<EndedRow[]> {
    const rows = await dependencyRows(this.db, ids);
    return rows
      .filter((r) => FINAL_STATES.has(r.state))
      .map((r) => ({
        id: r.id,
        arrayJobId: r.array_job_id,
        arrayTaskId: r.array_task_id,
        ok: r.state === "COMPLETED",
      }));
  }
}
