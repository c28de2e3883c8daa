import type { Db } from "./open.js";
import { nowIso } from "./open.js";

export async function createTenant(db: Db, name: string): Promise<number> {
  const r = await db
    .insertInto("tenants")
    .values({ name, created_at: nowIso() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function findTenant(db: Db, name: string) {
  return db.selectFrom("tenants").selectAll().where("name", "=", name).executeTakeFirst();
}

export async function findTenantById(db: Db, id: number) {
  return db.selectFrom("tenants").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Tenants with how many users and accounts each has; all of them, or one. */
export async function listTenants(db: Db, onlyId?: number) {
  let q = db
    .selectFrom("tenants")
    .select((eb) => [
      "tenants.id",
      "tenants.name",
      "tenants.created_at",
      "tenants.disabled_at",
      "tenants.disabled_reason",
      eb
        .selectFrom("users as by")
        .whereRef("by.id", "=", "tenants.disabled_by")
        .select("by.username")
        .as("disabled_by"),
      eb
        .selectFrom("users")
        .whereRef("users.tenant_id", "=", "tenants.id")
        .select(eb.fn.countAll<number>().as("n"))
        .as("users"),
      eb
        .selectFrom("accounts")
        .whereRef("accounts.tenant_id", "=", "tenants.id")
        .select(eb.fn.countAll<number>().as("n"))
        .as("accounts"),
    ])
    .orderBy("tenants.id");
  if (onlyId !== undefined) q = q.where("tenants.id", "=", onlyId);
  return q.execute();
}

/** Disables a tenant (who, why, now) or, with null, enables it again. */
export async function setTenantDisabled(
  db: Db,
  id: number,
  off: { by: number | null; reason: string } | null,
): Promise<void> {
  await db
    .updateTable("tenants")
    .set(
      off
        ? { disabled_at: nowIso(), disabled_by: off.by, disabled_reason: off.reason }
        : { disabled_at: null, disabled_by: null, disabled_reason: null },
    )
    .where("id", "=", id)
    .execute();
}
