import { type Kysely, type Migration } from "kysely";
import { type SchemaHelpers } from "./helpers.js";

export function migration(_h: SchemaHelpers): Migration {
  return {
    async up(db: Kysely<any>) {
      // the usage explorer groups by QoS and shows CPU efficiency: the covering index holds
      // them too, so that a report over a window still reads the index alone
      await db.schema.dropIndex("jobs_usage").execute();
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
          "qos",
          "core_seconds",
          "gpu_seconds",
          "wait_seconds",
          "cost_units",
          "cpu_seconds",
        ])
        .execute();
    },
  };
}
