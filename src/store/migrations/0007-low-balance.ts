import { type Kysely, type Migration } from "kysely";
import { type SchemaHelpers } from "./helpers.js";

export function migration({ big }: SchemaHelpers): Migration {
  return {
    async up(db: Kysely<any>) {
      // below this, the account's owners and its tenant's finance are told once (until it rises again)
      await db.schema
        .alterTable("accounts")
        .addColumn("low_balance", big, (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable("accounts")
        .addColumn("low_warned", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
    },
  };
}
