import { sql, type Kysely, type Migration } from "kysely";
import { type SchemaHelpers } from "./helpers.js";

export function migration(_h: SchemaHelpers): Migration {
  return {
    async up(db: Kysely<any>) {
      // QoS as data (Slurm's sacctmgr qos): a priority, limits and a price factor each
      await db.schema
        .createTable("qos")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("description", "text")
        .addColumn("priority", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("max_jobs_per_user", "integer")
        .addColumn("max_cpus_per_user", "integer")
        .addColumn("max_gpus_per_user", "integer")
        .addColumn("max_cpus_per_job", "integer")
        .addColumn("max_gpus_per_job", "integer")
        .addColumn("max_wall", "integer")
        // price × this factor, as a decimal string (exact)
        .addColumn("price_factor", "text", (c) => c.notNull().defaultTo("1"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      const now = new Date().toISOString();
      await sql`INSERT INTO qos (name, description, priority, price_factor, created_at, updated_at)
        VALUES ('normal', 'the default service class', 0, '1', ${now}, ${now})`.execute(db);
    },
  };
}
