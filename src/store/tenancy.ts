import type { Db } from "./open.js";
import { nowIso } from "./open.js";
import type { AccountMemberTable } from "./schema.js";

export async function createTenant(db: Db, name: string): Promise<number> {
  const r = await db.insertInto("tenants").values({ name, created_at: nowIso() }).returning("id").executeTakeFirstOrThrow();
  return r.id;
}

export async function createAccount(db: Db, tenantId: number, name: string): Promise<number> {
  const r = await db.insertInto("accounts").values({ tenant_id: tenantId, name, created_at: nowIso() }).returning("id").executeTakeFirstOrThrow();
  return r.id;
}

export async function addMember(db: Db, accountId: number, userId: number, role: AccountMemberTable["role"]): Promise<void> {
  await db.insertInto("account_members").values({ account_id: accountId, user_id: userId, role }).execute();
}

export async function findAccount(db: Db, name: string) {
  return db.selectFrom("accounts").selectAll().where("name", "=", name).executeTakeFirst();
}

export async function accountNameById(db: Db, id: number): Promise<string | undefined> {
  return (await db.selectFrom("accounts").select("name").where("id", "=", id).executeTakeFirst())?.name;
}

/** The accounts a user belongs to, oldest first (the first is the default for submissions). */
export async function accountsOfUser(db: Db, userId: number) {
  return db
    .selectFrom("account_members")
    .innerJoin("accounts", "accounts.id", "account_members.account_id")
    .select(["accounts.id", "accounts.name", "account_members.role"])
    .where("account_members.user_id", "=", userId)
    .orderBy("accounts.id")
    .execute();
}

export async function isMember(db: Db, accountId: number, userId: number): Promise<boolean> {
  const r = await db.selectFrom("account_members").select("role").where("account_id", "=", accountId).where("user_id", "=", userId).executeTakeFirst();
  return r !== undefined;
}
