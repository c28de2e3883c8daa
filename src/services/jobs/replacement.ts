import type { Backend } from "../../backends/backend.js";
import { formatSlurmDuration } from "../../core/duration.js";
import type { JobOptions } from "../../core/job-spec.js";
import type { Placement } from "../../core/placement.js";
import { findAccountById } from "../../store/accounts.js";
import { placedWaitingJobs, updateJob, type JobRow } from "../../store/jobs.js";
import { nowIso, type Db } from "../../store/open.js";
import { findUserById } from "../../store/users.js";
import { posixOf } from "../identity/auth.js";
import type { Billing } from "../money/billing.js";
import type { JobLookup } from "./job-lookup.js";
import { choosePlacement } from "./placement.js";

export interface ReplacementOptions {
  db: Db;
  backends: ReadonlyMap<string, Backend>;
  lookup: JobLookup;
  billing: Billing;
  /** A job moves only where it would start at least this many seconds sooner. */
  soonerByS: number;
}

/**
 * Re-placement: a job that chose its cluster from several (-M a,b or any) and still waits
 * moves to another of those it asked for where it would now start much sooner — never once
 * it has started, only between clusters the embedded scheduler drives, and only to one no
 * dearer (the money held for it covers the job there too). Each move is kept with the job.
 */
export class Replacement {
  constructor(private readonly o: ReplacementOptions) {}

  /** Looks at every such waiting job once; how many moved. */
  async round(): Promise<number> {
    let moved = 0;
    for (const row of await placedWaitingJobs(this.o.db)) if (await this.consider(row)) moved++;
    return moved;
  }

  private async consider(row: JobRow): Promise<boolean> {
    const current = this.o.backends.get(row.cluster);
    const live = current?.live(row.id);
    if (!current?.withdraw || !live || live.state !== "PENDING" || live.held || live.dependency)
      return false;
    const placement = JSON.parse(row.placement!) as Placement;
    const now = current.now?.() ?? Date.now();
    const waitNow =
      live.plannedStartMs === null ? Infinity : Math.max(0, (live.plannedStartMs - now) / 1000);
    const others = [...this.o.backends.values()].filter(
      (b) =>
        b.name !== row.cluster &&
        b.withdraw !== undefined &&
        (placement.asked === "any" || placement.asked.includes(b.name)),
    );
    if (others.length === 0) return false;
    const account = await findAccountById(this.o.db, row.account_id);
    const user = await findUserById(this.o.db, row.user_id);
    if (!account || !user) return false;
    const opts = JSON.parse(row.options) as JobOptions;
    const choice = await choosePlacement(
      { ...this.o, backends: new Map(others.map((b) => [b.name, b])) },
      { ...opts, clusters: others.map((b) => b.name) },
      account,
      { userId: user.id, username: user.username, posix: posixOf(user) },
      row.qos,
      Date.now(),
    ).catch(() => null);
    if (!choice || choice.waitS === null || choice.waitS + this.o.soonerByS > waitNow) return false;
    const here = await this.o.billing.perHour(this.o.db, account.tenant_id, {
      cluster: row.cluster,
      partition: row.partition,
      qos: row.qos,
      need: current.need(opts.request),
      at: nowIso(now),
    });
    if (!here || choice.price === null || choice.price > here.perHour) return false;
    const job = current.withdraw(row.id);
    if (!job) return false;
    const why = `it would start ${choice.waitS === 0 ? "now" : `in ${formatSlurmDuration(choice.waitS)}`} there, ${Number.isFinite(waitNow) ? `in ${formatSlurmDuration(waitNow)}` : "beyond the plan"} on ${row.cluster}`;
    const next: Placement = {
      ...placement,
      chosen: choice.backend.name,
      moved: [
        ...(placement.moved ?? []),
        { from: row.cluster, to: choice.backend.name, at: nowIso(), why },
      ],
    };
    try {
      await updateJob(this.o.db, row.id, {
        cluster: choice.backend.name,
        partition: choice.part.name,
        placement: JSON.stringify(next),
      });
    } catch (e) {
      // nothing moved: it waits where it was
      current.submit(job);
      throw e;
    }
    job.partition = choice.part.name;
    job.reason = null;
    job.plannedStartMs = null;
    choice.backend.submit(job);
    return true;
  }
}
