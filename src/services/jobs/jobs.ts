import type { ActiveJob } from "../../backends/backend.js";
import { invalidInput } from "../../core/errors.js";
import type { JobOptions } from "../../core/job-spec.js";
import { JOB_STATES } from "../../core/job-state.js";
import { activeJobs, listJobs, updateJob, type JobRow } from "../../store/jobs.js";
import { type Db } from "../../store/open.js";
import { findAccount, listAccounts } from "../../store/accounts.js";
import { findUserById, findUserByName } from "../../store/users.js";
import { conflict, forbidden, hasRole, type Actor } from "../access/actor.js";
import { auditDone } from "../access/audit.js";
import { posixOf } from "../identity/auth.js";
import { may, reachesWholeTenant, seesTenant } from "../access/permissions.js";
import { jobIdText, type JobView } from "./job-view.js";
import type { JobLookup, JobServiceOptions } from "./job-lookup.js";
import { activeJob } from "./active-job.js";

export interface ListInput {
  states?: string[];
  cluster?: string;
  user?: string;
  account?: string;
  partition?: string;
  ids?: number[];
  from?: string;
  to?: string;
  limit?: number;
  before?: number;
  order?: "asc" | "desc";
}

/** The jobs' use cases after submission: list, look, cancel, hold, release; the active jobs at start. */
export class JobService {
  private readonly db: Db;
  private readonly o: JobServiceOptions;

  constructor(
    o: JobServiceOptions,
    private readonly lookup: JobLookup,
  ) {
    this.o = o;
    this.db = o.db;
  }

  /** The store's active jobs of a cluster as its backend needs them (at start, for adoption). */
  async loadActive(cluster: string): Promise<ActiveJob[]> {
    const rows = await activeJobs(this.db, cluster);
    const out: ActiveJob[] = [];
    for (const row of rows) {
      const user = await findUserById(this.db, row.user_id);
      const account = (await this.lookup.account(row.account_id)).name;
      out.push(
        activeJob(
          row,
          JSON.parse(row.options) as JobOptions,
          user?.username ?? "?",
          user ? posixOf(user) : null,
          account,
        ),
      );
    }
    return out;
  }

  async get(actor: Actor, idText: string): Promise<JobView> {
    return this.lookup.view(await this.lookup.readable(actor, idText));
  }

  /** The batch script as it was submitted (scontrol write batch_script), to read or resubmit. */
  async script(actor: Actor, idText: string): Promise<string> {
    return (await this.lookup.readable(actor, idText)).script;
  }

  async list(actor: Actor, q: ListInput): Promise<{ jobs: JobView[]; next: number | null }> {
    // whose jobs: one's own by default; an account's for its managers; a tenant's for its admins; all for the center
    let userId: number | undefined = actor.userId;
    let accountIds: number[] | undefined;
    if (q.account !== undefined) {
      const a = await findAccount(this.db, q.account);
      if (!a || !seesTenant(actor, a.tenant_id))
        throw invalidInput(`account ${q.account} does not exist`);
      accountIds = [a.id];
      if (may(actor, "job.read", { tenantId: a.tenant_id, accountId: a.id, what: "" }))
        userId = undefined;
    } else if (hasRole(actor, "center-admin")) userId = undefined;
    else if (reachesWholeTenant(actor, "job.read", actor.tenantId)) {
      accountIds = (await listAccounts(this.db, { tenantId: actor.tenantId })).map((a) => a.id);
      userId = undefined;
    }
    if (q.user !== undefined) {
      const u = await findUserByName(this.db, q.user);
      if (!u || !seesTenant(actor, u.tenant_id))
        throw invalidInput(`user ${q.user} does not exist`);
      if (userId !== undefined && u.id !== actor.userId)
        throw forbidden(
          `you may list only your own jobs, or those of an account you manage (guang jobs -A NAME; account=NAME in the API)`,
        );
      userId = u.id;
    }
    if (accountIds?.length === 0) return { jobs: [], next: null };
    for (const s of q.states ?? [])
      if (!(JOB_STATES as readonly string[]).includes(s))
        throw invalidInput(`state ${s} is unknown; states: ${JOB_STATES.join(", ")}`);
    if (q.cluster !== undefined) this.lookup.named(q.cluster);
    // squeue -p takes a list: cpu,gpu
    const partitions = q.partition?.split(",").filter(Boolean);
    for (const p of partitions ?? []) this.lookup.knownPartition(q.cluster, p);
    const limit = q.limit ?? 100;
    const rows = await listJobs(this.db, {
      userId,
      states: q.states,
      accountIds,
      clusters: q.cluster ? [q.cluster] : undefined,
      partitions: partitions?.length ? partitions : undefined,
      ids: q.ids,
      from: q.from,
      to: q.to,
      limit: limit + 1,
      beforeId: q.before,
      order: q.order ?? "desc",
    });
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const jobs = await Promise.all(page.map((r) => this.lookup.view(r)));
    return { jobs, next: more ? page[page.length - 1]!.id : null };
  }

  async cancel(actor: Actor, idText: string): Promise<{ cancelled: string[] }> {
    const rows = await this.lookup.resolve(actor, idText);
    const cancelled: string[] = [];
    for (const r of rows)
      if (await this.lookup.backendOf(r).cancel(r.id)) cancelled.push(jobIdText(r));
    if (cancelled.length === 0)
      throw conflict(`job ${idText} has already ended (${rows[0]!.state})`);
    await this.auditOthers(actor, "job.cancel", rows[0]!, cancelled);
    return { cancelled };
  }

  /** What a manager does to someone else's jobs goes into the audit log (one's own jobs do not). */
  private async auditOthers(
    actor: Actor,
    action: string,
    row: JobRow,
    ids: string[],
  ): Promise<void> {
    if (row.user_id === actor.userId) return;
    const a = await this.lookup.account(row.account_id);
    await auditDone(this.db, actor, {
      action,
      target: `job ${ids.join(",")}`,
      tenantId: a.tenantId,
      details: { owner: await this.lookup.userName(row.user_id), account: a.name },
    });
  }

  async hold(actor: Actor, idText: string): Promise<{ held: string[] }> {
    const rows = await this.lookup.resolve(actor, idText);
    // as scontrol hold: an administrator's hold (even of their own job) only an administrator lifts
    const by =
      rows[0]!.user_id !== actor.userId || hasRole(actor, "center-admin") ? "admin" : "user";
    const held: string[] = [];
    for (const r of rows) {
      const b = this.lookup.backendOf(r);
      if (await b.hold(r.id, by)) {
        await updateJob(this.db, r.id, { held: b.live(r.id)!.held });
        held.push(jobIdText(r));
      }
    }
    if (held.length === 0) throw conflict(`job ${idText} is not pending, so it cannot be held`);
    await this.auditOthers(actor, "job.hold", rows[0]!, held);
    return { held };
  }

  async release(actor: Actor, idText: string): Promise<{ released: string[] }> {
    const rows = await this.lookup.resolve(actor, idText);
    const by =
      rows[0]!.user_id !== actor.userId || hasRole(actor, "center-admin") ? "admin" : "user";
    const released: string[] = [];
    let adminHold = false;
    for (const r of rows) {
      const v = await this.lookup.backendOf(r).release(r.id, by);
      if (v === "released") {
        await updateJob(this.db, r.id, { held: null });
        released.push(jobIdText(r));
      } else if (v === "admin-hold") adminHold = true;
    }
    if (released.length === 0) {
      if (adminHold)
        throw forbidden(
          `job ${idText} is held by an administrator; only an administrator can release it`,
        );
      throw conflict(`job ${idText} is not held`);
    }
    await this.auditOthers(actor, "job.release", rows[0]!, released);
    return { released };
  }
}
