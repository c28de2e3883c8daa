import { type Kysely, type Migration } from "kysely";
import { appendOnly, type SchemaHelpers } from "./helpers.js";

export function migration({ id, dialect }: SchemaHelpers): Migration {
  return {
    async up(db: Kysely<any>) {
      // versioned: a new price is a new row from its effective time on; what jobs were priced by stays
      await id(db.schema.createTable("prices"))
        .addColumn("cluster", "text", (c: any) => c.notNull())
        .addColumn("partition", "text", (c: any) => c.notNull())
        .addColumn("qos", "text", (c: any) => c.notNull())
        .addColumn("tenant_id", "integer", (c: any) => c.references("tenants.id"))
        .addColumn("rates", "text", (c: any) => c.notNull())
        .addColumn("effective_from", "text", (c: any) => c.notNull())
        .addColumn("created_by", "integer", (c: any) => c.references("users.id"))
        .addColumn("created_at", "text", (c: any) => c.notNull())
        .execute();
      await db.schema
        .createIndex("prices_lookup")
        .on("prices")
        .columns(["cluster", "partition", "effective_from"])
        .execute();
      await id(db.schema.createTable("tenant_discounts"))
        .addColumn("tenant_id", "integer", (c: any) => c.notNull().references("tenants.id"))
        .addColumn("percent", "double precision", (c: any) => c.notNull())
        .addColumn("effective_from", "text", (c: any) => c.notNull())
        .addColumn("created_by", "integer", (c: any) => c.references("users.id"))
        .addColumn("created_at", "text", (c: any) => c.notNull())
        .execute();
      for (const table of ["prices", "tenant_discounts"])
        await appendOnly(db, dialect, table, "prices are versioned: add a new one instead");
    },
  };
}
