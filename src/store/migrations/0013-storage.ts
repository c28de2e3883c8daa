import { type Kysely, type Migration } from "kysely";
import { appendOnly, type SchemaHelpers } from "./helpers.js";

export function migration({ id, big, dialect }: SchemaHelpers): Migration {
  return {
    async up(db: Kysely<any>) {
      // what a home (kind user) or a project folder (kind account) held at each scan: the history
      await id(db.schema.createTable("storage_usage"))
        .addColumn("kind", "text", (c: any) => c.notNull())
        .addColumn("subject_id", "integer", (c: any) => c.notNull())
        .addColumn("path", "text", (c: any) => c.notNull())
        .addColumn("bytes", big, (c: any) => c.notNull())
        .addColumn("files", big, (c: any) => c.notNull())
        .addColumn("unreadable", "integer", (c: any) => c.notNull().defaultTo(0))
        .addColumn("taken_at", "text", (c: any) => c.notNull())
        .execute();
      await db.schema
        .createIndex("storage_usage_subject")
        .on("storage_usage")
        .columns(["kind", "subject_id", "taken_at"])
        .execute();
      // a user's or an account's quota, bytes and files, soft and hard (null: none)
      await db.schema
        .createTable("storage_quotas")
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("subject_id", "integer", (c) => c.notNull())
        .addColumn("soft_bytes", big)
        .addColumn("hard_bytes", big)
        .addColumn("soft_files", big)
        .addColumn("hard_files", big)
        // when its people were told it is over the soft quota (once, until it is under again)
        .addColumn("warned_at", "text")
        .addColumn("updated_by", "integer", (c) => c.references("users.id"))
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("storage_quotas_pk", ["kind", "subject_id"])
        .execute();
      // the price of storage per GB-month, versioned as the others: a new row from its time on
      await id(db.schema.createTable("storage_prices"))
        .addColumn("tenant_id", "integer", (c: any) => c.references("tenants.id"))
        .addColumn("gb_month", big, (c: any) => c.notNull())
        .addColumn("effective_from", "text", (c: any) => c.notNull())
        .addColumn("created_by", "integer", (c: any) => c.references("users.id"))
        .addColumn("created_at", "text", (c: any) => c.notNull())
        .execute();
      await appendOnly(
        db,
        dialect,
        "storage_prices",
        "prices are versioned: add a new one instead",
      );
    },
  };
}
