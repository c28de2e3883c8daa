import { type Kysely, type Migration } from "kysely";
import { type SchemaHelpers } from "./helpers.js";

export function migration({ big }: SchemaHelpers): Migration {
  return {
    async up(db: Kysely<any>) {
      // an account is blocked for money when what it has (balance + credit) falls below its threshold
      await db.schema
        .alterTable("accounts")
        .addColumn("threshold", big, (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable("accounts")
        .addColumn("credit_limit", big, (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable("accounts")
        .addColumn("whitelisted", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      // what was held at submission, and what the job cost in the end (null until it is charged)
      await db.schema
        .alterTable("jobs")
        .addColumn("hold_units", big, (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable("jobs").addColumn("cost_units", big).execute();
    },
  };
}
