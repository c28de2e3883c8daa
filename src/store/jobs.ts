import type { Insertable, Selectable, Updateable } from "kysely";
import type { Db } from "./open.js";
import { addToDailyUsage } from "./usage-daily.js";
import type { JobTable } from "./schema.js";

export type JobRow = Selectable<JobTable>;
export type NewJobRow = Insertable<JobTable>;
export type JobPatch = Updateable<JobTable>;

const ACTIVE_STATES = ["PENDING", "RUNNING"] as const;

export async function insertJob(db: Db, row: NewJobRow): Promise<number> {
  const r = await db.insertInto("jobs").values(row).returning("id").executeTakeFirstOrThrow();
  return r.id;
}

export async function updateJob(db: Db, id: number, patch: JobPatch): Promise<void> {
  await db.updateTable("jobs").set(patch).where("id", "=", id).execute();
}

export async function getJob(db: Db, id: number): Promise<JobRow | undefined> {
  return db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function getArrayTask(
  db: Db,
  arrayJobId: number,
  taskId: number,
): Promise<JobRow | undefined> {
  return db
    .selectFrom("jobs")
    .selectAll()
    .where("array_job_id", "=", arrayJobId)
    .where("array_task_id", "=", taskId)
    .executeTakeFirst();
}

/** All tasks of an array (by its array job id), or the one job of that id. */
export async function jobsOfArray(db: Db, id: number): Promise<JobRow[]> {
  return db
    .selectFrom("jobs")
    .selectAll()
    .where((eb) => eb.or([eb("id", "=", id), eb("array_job_id", "=", id)]))
    .orderBy("id")
    .execute();
}

export async function activeJobs(db: Db, cluster: string): Promise<JobRow[]> {
  return db
    .selectFrom("jobs")
    .selectAll()
    .where("cluster", "=", cluster)
    .where("state", "in", [...ACTIVE_STATES])
    .orderBy("id")
    .execute();
}

/** Waiting jobs that chose their cluster from several (re-placement looks at them again). */
export async function placedWaitingJobs(db: Db): Promise<JobRow[]> {
  return db
    .selectFrom("jobs")
    .selectAll()
    .where("state", "=", "PENDING")
    .where("placement", "is not", null)
    .where("array_job_id", "is", null)
    .orderBy("id")
    .execute();
}

/** States of the jobs that dependencies name: ids of jobs and of arrays. */
export async function dependencyRows(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("jobs")
    .select(["id", "array_job_id", "array_task_id", "state", "exit_code", "cluster", "external_id"])
    .where((eb) => eb.or([eb("id", "in", ids), eb("array_job_id", "in", ids)]))
    .execute();
}

export interface JobFilter {
  userId?: number;
  states?: string[];
  accountIds?: number[];
  clusters?: string[];
  partitions?: string[];
  ids?: number[];
  /** Jobs that were submitted, ran or ended within [from, to) (ISO). */
  from?: string;
  to?: string;
  limit: number;
  /** Keyset paging: jobs with id below this one (newest first). */
  beforeId?: number;
  order: "asc" | "desc";
}

export async function listJobs(db: Db, f: JobFilter): Promise<JobRow[]> {
  let q = db.selectFrom("jobs").selectAll();
  if (f.userId !== undefined) q = q.where("user_id", "=", f.userId);
  if (f.states?.length) q = q.where("state", "in", f.states);
  if (f.accountIds?.length) q = q.where("account_id", "in", f.accountIds);
  if (f.clusters?.length) q = q.where("cluster", "in", f.clusters);
  if (f.partitions?.length) q = q.where("partition", "in", f.partitions);
  if (f.ids?.length) {
    const ids = f.ids;
    q = q.where((eb) => eb.or([eb("id", "in", ids), eb("array_job_id", "in", ids)]));
  }
  // A job belongs to a window when it was alive in it: submitted before its end, and not ended before its start.
  if (f.to !== undefined) q = q.where("submit_time", "<", f.to);
  if (f.from !== undefined) {
    const from = f.from;
    q = q.where((eb) => eb.or([eb("end_time", "is", null), eb("end_time", ">=", from)]));
  }
  if (f.beforeId !== undefined) q = q.where("id", f.order === "desc" ? "<" : ">", f.beforeId);
  return q.orderBy("id", f.order).limit(f.limit).execute();
}

/** Locks a job's row until the transaction ends (PostgreSQL; SQLite serializes writers): for what reads its charge before moving money. */
export async function lockJob(db: Db, id: number, dialect: "sqlite" | "postgres"): Promise<void> {
  if (dialect === "postgres")
    await db.selectFrom("jobs").select("id").where("id", "=", id).forUpdate().execute();
}

/** What a job cost (money units), or null before it is charged. */
export async function jobCostUnits(db: Db, id: number): Promise<number | null> {
  const row = await db
    .selectFrom("jobs")
    .select("cost_units")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.cost_units === null || row?.cost_units === undefined ? null : Number(row.cost_units);
}

/** What charging an ended job needs of its row. */
export async function chargeRowOf(db: Db, jobId: number) {
  return db
    .selectFrom("jobs")
    .select([
      "id",
      "account_id",
      "cluster",
      "partition",
      "qos",
      "hold_units",
      "grant_holds",
      "cost_units",
      "submit_time",
      "start_time",
      "end_time",
      "alloc",
      "origin",
      "peer_charge_units",
      "peer_margin",
    ])
    .where("id", "=", jobId)
    .executeTakeFirstOrThrow();
}

/** Writes a job's charge and its usage figures (in the transaction that charges it). */
export async function recordCharge(
  db: Db,
  jobId: number,
  set: {
    cost_units: number;
    tenant_id: number;
    core_seconds: number;
    gpu_seconds: number;
    wait_seconds: number | null;
  },
): Promise<void> {
  await db.updateTable("jobs").set(set).where("id", "=", jobId).execute();
  await addToDailyUsage(db, jobId);
}

/** Jobs that ended but were never charged (a crash in between, or from before billing). */
export async function unchargedEndedJobs(db: Db): Promise<{ id: number }[]> {
  return db
    .selectFrom("jobs")
    .select("id")
    .where("cost_units", "is", null)
    .where("state", "not in", ["PENDING", "RUNNING"])
    .orderBy("id")
    .execute();
}

/** The job a cluster knows by its own id (Slurm's), if Guang has recorded it. */
export async function jobByExternalId(
  db: Db,
  cluster: string,
  externalId: string,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom("jobs")
    .select("id")
    .where("cluster", "=", cluster)
    .where("external_id", "=", externalId)
    .executeTakeFirst();
}
