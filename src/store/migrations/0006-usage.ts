import { sql, type Kysely, type Migration } from "kysely";
import { type SchemaHelpers } from "./helpers.js";

export function migration(_h: SchemaHelpers): Migration {
  return {
    async up(db: Kysely<any>) {
      // what reports sum, written when a job is settled, so that a report never parses JSON
      await db.schema.alterTable("jobs").addColumn("tenant_id", "integer").execute();
      await db.schema.alterTable("jobs").addColumn("core_seconds", "double precision").execute();
      await db.schema.alterTable("jobs").addColumn("gpu_seconds", "double precision").execute();
      await db.schema.alterTable("jobs").addColumn("wait_seconds", "double precision").execute();
      await sql`update jobs set tenant_id = (select tenant_id from accounts where accounts.id = jobs.account_id)`.execute(
        db,
      );
      // a covering index: a report over a time window reads the index alone
      await db.schema
        .createIndex("jobs_usage")
        .on("jobs")
        .columns([
          "end_time",
          "tenant_id",
          "account_id",
          "user_id",
          "partition",
          "cluster",
          "core_seconds",
          "gpu_seconds",
          "wait_seconds",
          "cost_units",
        ])
        .execute();
    },
  };
}
