import type { Backend } from "../../backends/backend.js";
import type { PartitionConfig } from "../../backends/cluster-config.js";
import { GuangError, invalidInput, notFound } from "../../core/errors.js";
import { getClusterRow } from "../../store/clusters.js";
import { getArrayTask, getJob, jobsOfArray, type JobRow } from "../../store/jobs.js";
import { type Db } from "../../store/open.js";
import {
  accountsOfUser,
  findAccount,
  findAccountById,
  type AccountRow,
} from "../../store/accounts.js";
import { findUserById } from "../../store/users.js";
import { conflict, forbidden, type Actor } from "../access/actor.js";
import { may, seesTenant } from "../access/permissions.js";
import { jobView, type JobView } from "./job-view.js";
import type { Dialect } from "../../store/dialect.js";
import type { Billing } from "../money/billing.js";
import type { EventBus } from "./events.js";
import type { PathPolicy } from "./path-policy.js";
import type { IdentityPolicy } from "../../backends/unix-identity.js";
import type { UnixAccountMaker } from "../identity/unix-accounts.js";
import type { QosService } from "./qos.js";

/** What the jobs' use cases are built with. */
export interface JobServiceOptions {
  db: Db;
  dialect: Dialect;
  billing: Billing;
  events: EventBus;
  /** Every cluster's backend, by cluster name. */
  backends: Map<string, Backend>;
  /** Where jobs go that name no cluster (-M). */
  defaultCluster: string;
  paths: PathPolicy;
  identity: IdentityPolicy;
  /** Makes the Unix accounts of users who have none (identities.auto), or null. */
  accounts: UnixAccountMaker | null;
  maxScriptBytes: number;
  /** Service classes: checked at submission. */
  qos: QosService;
}

/**
 * What a request about jobs names — a cluster, a partition, a job by id — found and checked
 * against who asks; and a job as people see it. Shared by the jobs' use cases.
 */
export class JobLookup {
  private readonly db: Db;
  private readonly names = new Map<number, string>();
  private readonly accountInfo = new Map<number, { name: string; tenantId: number }>();

  constructor(private readonly o: JobServiceOptions) {
    this.db = o.db;
  }

  partition(backend: Backend, name: string | undefined): PartitionConfig {
    const parts = backend.partitions();
    if (parts.length === 0) {
      const why = backend.status().error;
      throw new GuangError(
        "slurm_unavailable",
        503,
        `cluster ${backend.name} has not told its partitions yet${why ? ` (${why})` : ""}; try again, or submit to another cluster with -M`,
        { cluster: backend.name },
      );
    }
    if (name === undefined) return parts.find((p) => p.default) ?? parts[0]!;
    const p = parts.find((x) => x.name === name);
    if (!p)
      throw invalidInput(
        `partition ${name} does not exist on cluster ${backend.name}; its partitions: ${parts.map((x) => x.name).join(", ")}`,
        { cluster: backend.name, partition: name },
      );
    return p;
  }
  /** A cluster named in a request. */
  named(name: string): Backend {
    const backend = this.o.backends.get(name);
    if (!backend)
      throw invalidInput(
        `cluster ${name} does not exist; clusters: ${[...this.o.backends.keys()].join(", ")}`,
        { cluster: name },
      );
    return backend;
  }
  /** The cluster a job goes to: named (-M) or the default; it must exist and take jobs. */
  async cluster(name: string | undefined): Promise<Backend> {
    const backend = this.named(name ?? this.o.defaultCluster);
    const row = await getClusterRow(this.db, backend.name);
    if (row?.disabled_at)
      throw conflict(
        `cluster ${backend.name} is disabled (${row.disabled_reason ?? "no reason given"}) and takes no new jobs; submit to another with -M: ${[...this.o.backends.keys()].filter((n) => n !== backend.name).join(", ") || "there is none"}`,
      );
    return backend;
  }
  /** A partition a listing filters by must exist (on the cluster it names, or on some cluster). */
  knownPartition(cluster: string | undefined, partition: string): void {
    if (cluster !== undefined) {
      this.partition(this.named(cluster), partition);
      return;
    }
    const all = [...this.o.backends.values()].flatMap((b) => b.partitions().map((p) => p.name));
    if (!all.includes(partition))
      throw invalidInput(
        `partition ${partition} does not exist; partitions: ${[...new Set(all)].join(", ")}`,
        { partition },
      );
  }
  /** The backend of a stored job's cluster (one the config no longer declares cannot act on it). */
  backendOf(row: JobRow): Backend {
    const b = this.o.backends.get(row.cluster);
    if (!b)
      throw conflict(
        `job ${row.id} is on cluster ${row.cluster}, which this center no longer serves (it is not in the config)`,
      );
    return b;
  }
  /** Names and tenants never change, so each is read once (listings name the same few users and accounts). */
  async userName(id: number): Promise<string> {
    let n = this.names.get(id);
    if (n === undefined)
      this.names.set(id, (n = (await findUserById(this.db, id))?.username ?? `#${id}`));
    return n;
  }
  async account(id: number): Promise<{ name: string; tenantId: number }> {
    let a = this.accountInfo.get(id);
    if (a === undefined) {
      const row = await findAccountById(this.db, id);
      this.accountInfo.set(
        id,
        (a = { name: row?.name ?? `#${id}`, tenantId: row?.tenant_id ?? -1 }),
      );
    }
    return a;
  }
  /** Whether the actor may see (or, with "job.control", act on) a job: their own, or as a manager of its account, tenant or the center. */
  async allowed(actor: Actor, row: JobRow, action: "job.read" | "job.control"): Promise<boolean> {
    if (row.user_id === actor.userId) return true;
    const a = await this.account(row.account_id);
    return may(actor, action, {
      tenantId: a.tenantId,
      accountId: row.account_id,
      userId: row.user_id,
      what: "",
    });
  }
  async view(row: JobRow): Promise<JobView> {
    const live = this.o.backends.get(row.cluster)?.live(row.id);
    const a = await this.account(row.account_id);
    const now = Date.now();
    let cost: number | null = row.cost_units === null ? null : Number(row.cost_units);
    if (cost === null && live?.state === "RUNNING") {
      // so far: the allocation × the time run × the price in force when it started, never above the hold
      const start = live.startMs === null ? null : new Date(live.startMs).toISOString();
      cost = Math.min(
        Number(row.hold_units),
        await this.o.billing.cost(
          this.db,
          {
            accountId: row.account_id,
            tenantId: a.tenantId,
            cluster: row.cluster,
            partition: row.partition,
            qos: row.qos,
            startTime: start,
            alloc: live.alloc,
          },
          now,
        ),
      );
    }
    return jobView(row, await this.userName(row.user_id), a.name, live, now, cost);
  }
  /** "123" or "123_4" → the jobs it names (all tasks of an array for its array job id). */
  async resolve(
    actor: Actor,
    idText: string,
    action: "job.read" | "job.control" = "job.control",
  ): Promise<JobRow[]> {
    const m = /^(\d+)(?:_(\d+))?$/.exec(idText.trim());
    if (!m) throw invalidInput(`"${idText}" is not a job id; use N or N_TASK (e.g. 123 or 123_4)`);
    const rows =
      m[2] === undefined
        ? await jobsOfArray(this.db, Number(m[1]))
        : [await getArrayTask(this.db, Number(m[1]), Number(m[2]))].filter((r) => r !== undefined);
    // a plain id that is a task of an array names just that task
    const own =
      m[2] === undefined
        ? rows.filter((r) => r.id === Number(m[1]) && r.array_job_id !== r.id)
        : [];
    const picked = own.length ? own : rows;
    const visible: JobRow[] = [];
    for (const r of picked) if (await this.allowed(actor, r, action)) visible.push(r);
    if (picked.length === 0 || visible.length === 0) throw notFound(`job ${idText} does not exist`);
    return visible;
  }
  /** The stored job an id names, if the actor may read it. */
  async readable(actor: Actor, idText: string): Promise<JobRow> {
    const m = /^(\d+)$/.exec(idText.trim());
    if (m) {
      const row = await getJob(this.db, Number(m[1]));
      if (!row || !(await this.allowed(actor, row, "job.read")))
        throw notFound(`job ${idText} does not exist`);
      return row;
    }
    return (await this.resolve(actor, idText, "job.read"))[0]!;
  }

  /** The account a submission is charged to: the one named (-A), which the user must be a member of, or their first. */
  async submissionAccount(actor: Actor, name: string | undefined): Promise<AccountRow> {
    if (name === undefined) {
      // the user's first account is the default, and membership is given
      const first = (await accountsOfUser(this.db, actor.userId))[0];
      if (!first)
        throw invalidInput(
          `you belong to no account; ask an account owner to add you, or name one with -A`,
        );
      return (await findAccountById(this.db, first.id))!;
    } else {
      const found = await findAccount(this.db, name);
      // an account of another tenant reads as one that does not exist
      if (!found || !seesTenant(actor, found.tenant_id))
        throw notFound(`account ${name} does not exist; your accounts: guang account list`, {
          account: name,
        });
      if (!actor.accounts.has(found.id))
        throw forbidden(`you are not a member of account ${name}; ask its owner to add you`);
      return found;
    }
  }
}
