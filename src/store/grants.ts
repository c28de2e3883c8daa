import type { Insertable, Selectable } from "kysely";
import type { Db } from "./open.js";
import type { Database } from "./schema.js";

export type GrantRow = Selectable<Database["grants"]>;

export async function insertGrant(db: Db, row: Insertable<Database["grants"]>): Promise<number> {
  return (await db.insertInto("grants").values(row).returning("id").executeTakeFirstOrThrow()).id;
}

/** An account's grants, the one ending first first. */
export async function grantsOf(db: Db, accountId: number): Promise<GrantRow[]> {
  return db
    .selectFrom("grants")
    .selectAll()
    .where("account_id", "=", accountId)
    .orderBy("ends_at")
    .execute();
}

/** An account's grants in force at `at` (not expired), the one ending first first. */
export async function grantsInForce(
  db: Db,
  accountId: number,
  at: string,
): Promise<Pick<GrantRow, "id" | "resource" | "seconds">[]> {
  return db
    .selectFrom("grants")
    .select(["id", "resource", "seconds"])
    .where("account_id", "=", accountId)
    .where("expired", "=", 0)
    .where("starts_at", "<=", at)
    .where("ends_at", ">", at)
    .orderBy("ends_at")
    .orderBy("id")
    .execute();
}

/** Grants whose period has ended by `now` and that have not been expired yet. */
export async function grantsDue(db: Db, now: string): Promise<GrantRow[]> {
  return db
    .selectFrom("grants")
    .selectAll()
    .where("expired", "=", 0)
    .where("ends_at", "<=", now)
    .execute();
}

export async function markGrantExpired(db: Db, id: number): Promise<void> {
  await db.updateTable("grants").set({ expired: 1 }).where("id", "=", id).execute();
}

export async function isGrantExpired(db: Db, id: number): Promise<boolean> {
  const r = await db
    .selectFrom("grants")
    .select("expired")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return r.expired === 1;
}

/** Grants of these accounts whose period meets [from, to), with the account's name. */
export async function grantsDuring(db: Db, accountIds: number[], from: string, to: string) {
  return db
    .selectFrom("grants")
    .innerJoin("accounts", "accounts.id", "grants.account_id")
    .select([
      "grants.id",
      "accounts.name",
      "grants.resource",
      "grants.seconds",
      "grants.starts_at",
      "grants.ends_at",
      "grants.expired",
    ])
    .where("grants.account_id", "in", accountIds)
    .where("grants.starts_at", "<", to)
    .where("grants.ends_at", ">", from)
    .orderBy("grants.ends_at")
    .execute();
}
