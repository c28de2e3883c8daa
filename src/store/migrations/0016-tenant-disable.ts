import { type Kysely, type Migration } from "kysely";
import type { SchemaHelpers } from "./helpers.js";

export function migration(_h: SchemaHelpers): Migration {
  return {
    async up(db: Kysely<any>) {
      // a tenant the center disabled (its contract ended): who, when, why; null while active
      await db.schema.alterTable("tenants").addColumn("disabled_at", "text").execute();
      await db.schema
        .alterTable("tenants")
        .addColumn("disabled_by", "integer", (c) => c.references("users.id"))
        .execute();
      await db.schema.alterTable("tenants").addColumn("disabled_reason", "text").execute();
    },
  };
}
