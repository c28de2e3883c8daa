import { sql, type RawBuilder } from "kysely";
import { isoWeek } from "../core/iso-week.js";
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
  // by day in SQL, folded into ISO weeks as the rows are merged (the same in both dialects)
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

/** The same dimensions on the daily rows (where a week and a month are read from the day). */
const DAILY_COLUMN: Record<ReportDimension, RawBuilder<unknown>> = {
  ...COLUMN,
  day: sql`day`,
  week: sql`day`,
  month: sql`substr(day, 1, 7)`,
};

const DAY_MS = 86_400_000;

/**
 * Sums of ended jobs over a time window, grouped. The whole (UTC) days inside the window are
 * read from the daily rows written as each job is charged; the part days at its ends from
 * the jobs themselves (through the covering index `jobs_usage`).
 */
export async function usageReport(db: Db, f: UsageFilter): Promise<UsageRow[]> {
  const from = Date.parse(f.from);
  const to = Date.parse(f.to);
  const firstDay = Math.ceil(from / DAY_MS) * DAY_MS;
  const endDay = Math.floor(to / DAY_MS) * DAY_MS;
  if (!(firstDay < endDay)) return merged(f, await jobsUsage(db, f));
  const iso = (ms: number) => new Date(ms).toISOString();
  const parts = await Promise.all([
    from < firstDay ? jobsUsage(db, { ...f, to: iso(firstDay) }) : [],
    dailyUsage(db, f, iso(firstDay).slice(0, 10), iso(endDay).slice(0, 10)),
    endDay < to ? jobsUsage(db, { ...f, from: iso(endDay) }) : [],
  ]);
  return merged(f, parts.flat());
}

/**
 * Rows of the same keys summed into one (a day's week taking the day's place), in the keys'
 * order (as SQL's group by and order by): the parts of a window, and days into weeks.
 */
function merged(f: UsageFilter, rows: UsageRow[]): UsageRow[] {
  const w = f.groupBy.indexOf("week");
  const out = new Map<string, UsageRow>();
  for (const r of rows) {
    const keys = r.keys.map((k, i) => (i === w && typeof k === "string" ? isoWeek(k) : k));
    const id = JSON.stringify(keys);
    const had = out.get(id);
    if (!had) out.set(id, { ...r, keys });
    else for (const k of FIGURES) had[k] += r[k];
  }
  const order = (a: string | number | null, b: string | number | null) =>
    a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;
  return [...out.values()].sort((a, b) => {
    for (let i = 0; i < a.keys.length; i++) {
      const c = order(a.keys[i]!, b.keys[i]!);
      if (c) return c;
    }
    return 0;
  });
}

const FIGURES = [
  "jobs",
  "coreSeconds",
  "gpuSeconds",
  "waitSeconds",
  "started",
  "cost",
  "cpuSeconds",
] as const;

/** The filter of a report's scope, on the jobs or on the daily rows (the same columns). */
function scope(f: UsageFilter): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (f.tenantId !== undefined) where.push(sql`tenant_id = ${f.tenantId}`);
  if (f.accountIds !== undefined)
    where.push(f.accountIds.length ? sql`account_id in (${sql.join(f.accountIds)})` : sql`1 = 0`);
  if (f.userId !== undefined) where.push(sql`user_id = ${f.userId}`);
  return where;
}

function grouping(f: UsageFilter, columns: Record<ReportDimension, RawBuilder<unknown>>) {
  const dims = f.groupBy.map((d, i) => sql`${columns[d]} as ${sql.ref(`k${i}`)}`);
  const keys = sql.join(f.groupBy.map((_d, i) => sql.ref(`k${i}`)));
  return { dims, group: f.groupBy.length ? sql`group by ${keys}` : sql`` };
}

function rowsOf(f: UsageFilter, rows: Record<string, unknown>[]): UsageRow[] {
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

/** Sums of the jobs that ended in the window; reads the covering index `jobs_usage` alone. */
async function jobsUsage(db: Db, f: UsageFilter): Promise<UsageRow[]> {
  const { dims, group } = grouping(f, COLUMN);
  const where = [sql`end_time >= ${f.from}`, sql`end_time < ${f.to}`, ...scope(f)];
  const q = sql<Record<string, unknown>>`
    select ${sql.join([...dims, sql`count(*) as jobs`, sql`coalesce(sum(core_seconds), 0) as core_s`, sql`coalesce(sum(gpu_seconds), 0) as gpu_s`, sql`coalesce(sum(wait_seconds), 0) as wait_s`, sql`count(wait_seconds) as started`, sql`coalesce(sum(cost_units), 0) as cost`, sql`coalesce(sum(cpu_seconds), 0) as cpu_s`])}
    from jobs
    where ${sql.join(where, sql` and `)}
    ${group}`;
  return rowsOf(f, (await q.execute(db)).rows);
}

/** Sums of the daily rows of the days [fromDay, toDay). */
async function dailyUsage(
  db: Db,
  f: UsageFilter,
  fromDay: string,
  toDay: string,
): Promise<UsageRow[]> {
  const { dims, group } = grouping(f, DAILY_COLUMN);
  const where = [sql`day >= ${fromDay}`, sql`day < ${toDay}`, ...scope(f)];
  const q = sql<Record<string, unknown>>`
    select ${sql.join([...dims, sql`coalesce(sum(jobs), 0) as jobs`, sql`coalesce(sum(core_seconds), 0) as core_s`, sql`coalesce(sum(gpu_seconds), 0) as gpu_s`, sql`coalesce(sum(wait_seconds), 0) as wait_s`, sql`coalesce(sum(started), 0) as started`, sql`coalesce(sum(cost_units), 0) as cost`, sql`coalesce(sum(cpu_seconds), 0) as cpu_s`])}
    from usage_daily
    where ${sql.join(where, sql` and `)}
    ${group}`;
  return rowsOf(f, (await q.execute(db)).rows);
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
