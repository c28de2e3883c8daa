import { sql, type Kysely } from "kysely";
import type { Dialect } from "../dialect.js";

/** What every migration builds with: the id column of the dialect, its 64-bit integer type. */
export interface SchemaHelpers {
  dialect: Dialect;
  id: <T extends { addColumn: Function }>(t: T) => T;
  big: "integer" | "bigint";
}

/** Makes the database itself refuse updates and deletes of a table (an audit trail, a ledger), not just the absence of an API. */
export async function appendOnly(
  db: Kysely<any>,
  dialect: Dialect,
  table: string,
  message: string,
): Promise<void> {
  if (dialect === "sqlite") {
    for (const op of ["UPDATE", "DELETE"]) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
    )
    .execute(db);
}
