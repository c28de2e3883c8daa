import { type Kysely, type Migration } from "kysely";
import { type SchemaHelpers } from "./helpers.js";

export function migration({ big }: SchemaHelpers): Migration {
  return {
    async up(db: Kysely<any>) {
      // a job's id in an outside scheduler (Slurm's): each is recorded once, however often accounting repeats it
      await db.schema.alterTable("jobs").addColumn("external_id", "text").execute();
      await db.schema
        .createIndex("jobs_external")
        .on("jobs")
        .columns(["cluster", "external_id"])
        .unique()
        .execute();
      // "guang": submitted through Guang (charged no more than it held); "foreign": straight to the cluster, imported
      await db.schema
        .alterTable("jobs")
        .addColumn("origin", "text", (c) => c.notNull().defaultTo("guang"))
        .execute();
      // a disabled cluster takes no new jobs; where reading its accounting got to (epoch ms)
      await db.schema.alterTable("clusters").addColumn("disabled_at", "text").execute();
      await db.schema.alterTable("clusters").addColumn("disabled_reason", "text").execute();
      await db.schema.alterTable("clusters").addColumn("accounting_cursor", big).execute();
    },
  };
}
