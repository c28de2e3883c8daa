import { sql, type Kysely, type Migration } from "kysely";
import type { SchemaHelpers } from "./helpers.js";

export function migration({ big }: SchemaHelpers): Migration {
  return {
    async up(db: Kysely<any>) {
      // each day's usage summed per tenant, account, user, cluster, partition and QoS, added to
      // as each job is charged: a report over whole days reads these rows, not every job
      await db.schema
        .createTable("usage_daily")
        .addColumn("day", "text", (c) => c.notNull())
        .addColumn("tenant_id", "integer", (c) => c.notNull())
        .addColumn("account_id", "integer", (c) => c.notNull())
        .addColumn("user_id", "integer", (c) => c.notNull())
        .addColumn("cluster", "text", (c) => c.notNull())
        .addColumn("partition", "text", (c) => c.notNull())
        .addColumn("qos", "text", (c) => c.notNull())
        .addColumn("jobs", big, (c) => c.notNull())
        .addColumn("core_seconds", "double precision", (c) => c.notNull())
        .addColumn("gpu_seconds", "double precision", (c) => c.notNull())
        .addColumn("wait_seconds", "double precision", (c) => c.notNull())
        .addColumn("started", big, (c) => c.notNull())
        .addColumn("cost_units", big, (c) => c.notNull())
        .addColumn("cpu_seconds", "double precision", (c) => c.notNull())
        .addPrimaryKeyConstraint("usage_daily_pk", [
          "day",
          "tenant_id",
          "account_id",
          "user_id",
          "cluster",
          "partition",
          "qos",
        ])
        .execute();
      // the jobs charged so far
      await sql`
        insert into usage_daily
        select substr(end_time, 1, 10), tenant_id, account_id, user_id, cluster, partition, qos,
               count(*), coalesce(sum(core_seconds), 0), coalesce(sum(gpu_seconds), 0),
               coalesce(sum(wait_seconds), 0), count(wait_seconds), coalesce(sum(cost_units), 0),
               coalesce(sum(cpu_seconds), 0)
        from jobs
        where cost_units is not null and end_time is not null and tenant_id is not null
        group by substr(end_time, 1, 10), tenant_id, account_id, user_id, cluster, partition, qos`.execute(
        db,
      );
    },
  };
}
