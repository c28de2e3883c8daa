import { type Kysely, type Migration } from "kysely";
import { type SchemaHelpers } from "./helpers.js";

export function migration({ id, big }: SchemaHelpers): Migration {
  return {
    async up(db: Kysely<any>) {
      // core-hours or GPU-hours given to an account for a period; their balance lives in the ledger, in resource-seconds
      await id(db.schema.createTable("grants"))
        .addColumn("account_id", "integer", (c: any) => c.notNull().references("accounts.id"))
        .addColumn("resource", "text", (c: any) => c.notNull())
        .addColumn("seconds", big, (c: any) => c.notNull())
        .addColumn("starts_at", "text", (c: any) => c.notNull())
        .addColumn("ends_at", "text", (c: any) => c.notNull())
        .addColumn("reason", "text")
        .addColumn("created_by", "integer", (c: any) => c.references("users.id"))
        .addColumn("created_at", "text", (c: any) => c.notNull())
        .addColumn("expired", "integer", (c: any) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex("grants_account")
        .on("grants")
        .columns(["account_id", "ends_at"])
        .execute();
      // what a job holds of each grant: [{ grant, seconds }]
      await db.schema
        .alterTable("jobs")
        .addColumn("grant_holds", "text", (c) => c.notNull().defaultTo("[]"))
        .execute();
    },
  };
}
