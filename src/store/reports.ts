import { sql, type RawBuilder } from "kysely";
import type { Db } from "./open.js";

export const REPORT_DIMENSIONS = [
  "tenant",
  "account",
  "user",
  "partition",
  "cluster",
  "qos",
  "day",
  "week",
  "month",
] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

const COLUMN: Record<ReportDimension, RawBuilder<unknown>> = {
  tenant: sql`tenant_id`,
  account: sql`account_id`,
  user: sql`user_id`,
  partition: sql`partition`,
  cluster: sql`cluster`,
  qos: sql`qos`,
  day: sql`substr(end_time, 1, 10)`,
  // by day here, folded into ISO weeks by the report (the same in both SQL dialects)
  week: sql`substr(end_time, 1, 10)`,
  month: sql`substr(end_time, 1, 7)`,
};

export interface UsageFilter {
  /** Jobs that ended in [from, to) (ISO). */
  from: string;
  to: string;
  groupBy: ReportDimension[];
  tenantId?: number;
  accountIds?: number[];
  userId?: number;
}

export interface UsageRow {
  keys: (string | number | null)[];
  jobs: number;
  coreSeconds: number;
  gpuSeconds: number;
  /** Sum of the waits of the jobs that started, and how many did. */
  waitSeconds: number;
  started: number;
  cost: number;
  /** CPU time the jobs used (of their core-seconds held): for CPU efficiency. */
  cpuSeconds: number;
}

/** Sums of ended jobs over a time window, grouped; reads the covering index `jobs_usage` alone. */
export async function usageReport(db: Db, f: UsageFilter): Promise<UsageRow[]> {
  const dims = f.groupBy.map((d, i) => sql`${COLUMN[d]} as ${sql.ref(`k${i}`)}`);
  const where = [sql`end_time >= ${f.from}`, sql`end_time < ${f.to}`];
  if (f.tenantId !== undefined) where.push(sql`tenant_id = ${f.tenantId}`);
  if (f.accountIds !== undefined)
    where.push(f.accountIds.length ? sql`account_id in (${sql.join(f.accountIds)})` : sql`1 = 0`);
  if (f.userId !== undefined) where.push(sql`user_id = ${f.userId}`);
  const group = f.groupBy.length
    ? sql`group by ${sql.join(f.groupBy.map((_d, i) => sql.ref(`k${i}`)))} order by ${sql.join(f.groupBy.map((_d, i) => sql.ref(`k${i}`)))}`
    : sql``;
  const q = sql<Record<string, unknown>>`
    select ${sql.join([...dims, sql`count(*) as jobs`, sql`coalesce(sum(core_seconds), 0) as core_s`, sql`coalesce(sum(gpu_seconds), 0) as gpu_s`, sql`coalesce(sum(wait_seconds), 0) as wait_s`, sql`count(wait_seconds) as started`, sql`coalesce(sum(cost_units), 0) as cost`, sql`coalesce(sum(cpu_seconds), 0) as cpu_s`])}
    from jobs
    where ${sql.join(where, sql` and `)}
    ${group}`;
  const { rows } = await q.execute(db);
  return rows.map((r) => ({
    keys: f.groupBy.map((_d, i) => r[`k${i}`] as string | number | null),
    jobs: Number(r.jobs),
    coreSeconds: Number(r.core_s),
    gpuSeconds: Number(r.gpu_s),
    waitSeconds: Number(r.wait_s),
    started: Number(r.started),
    cost: Number(r.cost),
    cpuSeconds: Number(r.cpu_s),
  }));
}

/** The names of tenants, accounts or users by id (for the lines of a report). */
export async function namesById(
  db: Db,
  table: "tenants" | "accounts" | "users",
  column: "name" | "username",
  ids: number[],
): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom(table)
    .select(["id", column] as never)
    .where("id", "in", ids)
    .execute();
  return new Map(
    (rows as unknown as Record<string, unknown>[]).map((r) => [Number(r.id), String(r[column])]),
  );
}

/** Jobs that ran at some time in [from, to): when each was submitted, started, ended, on what. */
export async function jobsRunningIn(db: Db, from: string, to: string) {
  return db
    .selectFrom("jobs")
    .select(["submit_time", "start_time", "end_time", "alloc"])
    .where("start_time", "is not", null)
    .where("start_time", "<", to)
    .where((eb) => eb.or([eb("end_time", "is", null), eb("end_time", ">=", from)]))
    .execute();
}

/** Jobs that started since a time. */
export async function countStartedSince(db: Db, since: string): Promise<number> {
  const r = await db
    .selectFrom("jobs")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("start_time", ">=", since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Ended jobs of a window (and a report's scope), with what they held and what they used. */
export async function endedJobsUse(
  db: Db,
  f: { from: string; to: string; tenantId?: number; accountIds?: number[]; userId?: number },
) {
  let q = db
    .selectFrom("jobs")
    .innerJoin("accounts", "accounts.id", "jobs.account_id")
    .innerJoin("users", "users.id", "jobs.user_id")
    .select([
      "jobs.id",
      "jobs.array_job_id",
      "jobs.array_task_id",
      "jobs.name",
      "accounts.name as account",
      "users.username as user",
      "jobs.core_seconds",
      "jobs.cpu_seconds",
      "jobs.max_rss_mib",
      "jobs.alloc",
    ])
    .where("jobs.end_time", ">=", f.from)
    .where("jobs.end_time", "<", f.to)
    .where("jobs.core_seconds", ">", 0);
  if (f.tenantId !== undefined) q = q.where("jobs.tenant_id", "=", f.tenantId);
  if (f.accountIds !== undefined) {
    if (f.accountIds.length === 0) return [];
    q = q.where("jobs.account_id", "in", f.accountIds);
  }
  if (f.userId !== undefined) q = q.where("jobs.user_id", "=", f.userId);
  return q.execute();
}
