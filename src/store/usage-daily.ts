import type { Db } from "./open.js";

/**
 * Adds a job just charged to its day's usage row (tenant, account, user, cluster, partition,
 * QoS), in the charge's transaction: the rows reports over whole days sum instead of jobs.
 */
export async function addToDailyUsage(db: Db, jobId: number): Promise<void> {
  const j = await db
    .selectFrom("jobs")
    .select([
      "end_time",
      "tenant_id",
      "account_id",
      "user_id",
      "cluster",
      "partition",
      "qos",
      "core_seconds",
      "gpu_seconds",
      "wait_seconds",
      "cost_units",
      "cpu_seconds",
    ])
    .where("id", "=", jobId)
    .executeTakeFirst();
  if (!j?.end_time || j.tenant_id === null || j.cost_units === null) return;
  const add = {
    jobs: 1,
    core_seconds: Number(j.core_seconds ?? 0),
    gpu_seconds: Number(j.gpu_seconds ?? 0),
    wait_seconds: Number(j.wait_seconds ?? 0),
    started: j.wait_seconds === null ? 0 : 1,
    cost_units: Number(j.cost_units),
    cpu_seconds: Number(j.cpu_seconds ?? 0),
  };
  await db
    .insertInto("usage_daily")
    .values({
      day: j.end_time.slice(0, 10),
      tenant_id: j.tenant_id,
      account_id: j.account_id,
      user_id: j.user_id,
      cluster: j.cluster,
      partition: j.partition,
      qos: j.qos,
      ...add,
    })
    .onConflict((oc) =>
      oc
        .columns(["day", "tenant_id", "account_id", "user_id", "cluster", "partition", "qos"])
        .doUpdateSet((eb) => ({
          jobs: eb("usage_daily.jobs", "+", add.jobs),
          core_seconds: eb("usage_daily.core_seconds", "+", add.core_seconds),
          gpu_seconds: eb("usage_daily.gpu_seconds", "+", add.gpu_seconds),
          wait_seconds: eb("usage_daily.wait_seconds", "+", add.wait_seconds),
          started: eb("usage_daily.started", "+", add.started),
          cost_units: eb("usage_daily.cost_units", "+", add.cost_units),
          cpu_seconds: eb("usage_daily.cpu_seconds", "+", add.cpu_seconds),
        })),
    )
    .execute();
}
