import type { Selectable } from "kysely";
import type { AccountMemberTable, AccountBlockTable, AccountTable } from "./schema.js";
import type { Db } from "./open.js";
import { nowIso } from "./open.js";
import { tenantStaffEmails } from "./users.js";

export type AccountRow = Selectable<AccountTable>;

export async function createAccount(
  db: Db,
  tenantId: number,
  name: string,
  limits = "{}",
  allowed = "{}",
): Promise<number> {
  const r = await db
    .insertInto("accounts")
    .values({ tenant_id: tenantId, name, created_at: nowIso(), limits, allowed })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function findAccount(db: Db, name: string) {
  return db.selectFrom("accounts").selectAll().where("name", "=", name).executeTakeFirst();
}

export async function findAccountById(db: Db, id: number) {
  return db.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Accounts of a tenant, or of all tenants; or the ones with these ids. */
export async function listAccounts(db: Db, f: { tenantId?: number; ids?: number[] }) {
  let q = db
    .selectFrom("accounts")
    .innerJoin("tenants", "tenants.id", "accounts.tenant_id")
    .selectAll("accounts")
    .select("tenants.name as tenant")
    .orderBy("accounts.id");
  if (f.tenantId !== undefined) q = q.where("accounts.tenant_id", "=", f.tenantId);
  if (f.ids !== undefined) {
    if (f.ids.length === 0) return [];
    q = q.where("accounts.id", "in", f.ids);
  }
  return q.execute();
}

export async function updateAccount(
  db: Db,
  id: number,
  patch: { limits?: string; allowed?: string },
): Promise<void> {
  await db.updateTable("accounts").set(patch).where("id", "=", id).execute();
}

/** An account's money settings (minor units; whitelisted 0 or 1). */
export async function setAccountBilling(
  db: Db,
  id: number,
  set: { threshold?: number; credit_limit?: number; whitelisted?: number; low_balance?: number },
): Promise<void> {
  await db.updateTable("accounts").set(set).where("id", "=", id).execute();
}

/**
 * Serializes submissions to one account across processes (PostgreSQL), so that counting
 * its jobs and adding one cannot interleave. SQLite has one writer at a time already.
 */
export async function lockAccount(
  db: Db,
  id: number,
  dialect: "sqlite" | "postgres",
): Promise<void> {
  if (dialect === "postgres")
    await db.selectFrom("accounts").select("id").where("id", "=", id).forUpdate().execute();
}

export async function blocksOf(db: Db, accountIds: number[]) {
  if (accountIds.length === 0) return [];
  return db
    .selectFrom("account_blocks")
    .leftJoin("users", "users.id", "account_blocks.by_user_id")
    .selectAll("account_blocks")
    .select("users.username as by")
    .where("account_id", "in", accountIds)
    .execute();
}

export async function allBlocks(db: Db) {
  return db.selectFrom("account_blocks").select(["account_id", "kind"]).execute();
}

/** Sets a block of one kind (replacing an earlier one of that kind); false when it was already set. */
export async function setBlock(
  db: Db,
  accountId: number,
  kind: AccountBlockTable["kind"],
  byUserId: number | null,
  reason: string,
): Promise<boolean> {
  const had = await db
    .deleteFrom("account_blocks")
    .where("account_id", "=", accountId)
    .where("kind", "=", kind)
    .executeTakeFirst();
  await db
    .insertInto("account_blocks")
    .values({ account_id: accountId, kind, by_user_id: byUserId, reason, at: nowIso() })
    .execute();
  return Number(had.numDeletedRows) === 0;
}

/** Lifts a block; false when there was none of that kind. */
export async function clearBlock(
  db: Db,
  accountId: number,
  kind: AccountBlockTable["kind"],
): Promise<boolean> {
  const r = await db
    .deleteFrom("account_blocks")
    .where("account_id", "=", accountId)
    .where("kind", "=", kind)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function addMember(
  db: Db,
  accountId: number,
  userId: number,
  role: AccountMemberTable["role"],
  limits = "{}",
): Promise<void> {
  await db
    .insertInto("account_members")
    .values({ account_id: accountId, user_id: userId, role, limits })
    .execute();
}

export async function updateMember(
  db: Db,
  accountId: number,
  userId: number,
  patch: { role?: AccountMemberTable["role"]; limits?: string },
): Promise<void> {
  await db
    .updateTable("account_members")
    .set(patch)
    .where("account_id", "=", accountId)
    .where("user_id", "=", userId)
    .execute();
}

export async function removeMember(db: Db, accountId: number, userId: number): Promise<void> {
  await db
    .deleteFrom("account_members")
    .where("account_id", "=", accountId)
    .where("user_id", "=", userId)
    .execute();
}

export async function findMember(db: Db, accountId: number, userId: number) {
  return db
    .selectFrom("account_members")
    .selectAll()
    .where("account_id", "=", accountId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

export async function membersOf(db: Db, accountId: number) {
  return db
    .selectFrom("account_members")
    .innerJoin("users", "users.id", "account_members.user_id")
    .select(["users.id", "users.username", "account_members.role", "account_members.limits"])
    .where("account_members.account_id", "=", accountId)
    .orderBy("users.username")
    .execute();
}

export async function countOwners(db: Db, accountId: number): Promise<number> {
  const r = await db
    .selectFrom("account_members")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("account_id", "=", accountId)
    .where("role", "=", "owner")
    .executeTakeFirstOrThrow();
  return Number(r.n);
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
  return (await findMember(db, accountId, userId)) !== undefined;
}

/** Jobs pending or running in an account: all of them, and one user's. */
export async function countActiveJobs(
  db: Db,
  accountId: number,
  userId: number,
): Promise<{ account: number; user: number }> {
  const rows = await db
    .selectFrom("jobs")
    .select(["user_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("account_id", "=", accountId)
    .where("state", "in", ["PENDING", "RUNNING"])
    .groupBy("user_id")
    .execute();
  let account = 0;
  let user = 0;
  for (const r of rows) {
    account += Number(r.n);
    if (r.user_id === userId) user = Number(r.n);
  }
  return { account, user };
}

/** An account's name, and the e-mail addresses of its owners and of its tenant's finance. */
export async function accountMoneyContacts(
  db: Db,
  accountId: number,
): Promise<{ name: string; emails: string[] } | null> {
  const account = await db
    .selectFrom("accounts")
    .select(["name", "tenant_id"])
    .where("id", "=", accountId)
    .executeTakeFirst();
  if (!account) return null;
  const owners = await db
    .selectFrom("account_members")
    .innerJoin("users", "users.id", "account_members.user_id")
    .select("users.email")
    .where("account_members.account_id", "=", accountId)
    .where("account_members.role", "=", "owner")
    .execute();
  const finance = await tenantStaffEmails(db, account.tenant_id, ["tenant-finance"]);
  return {
    name: account.name,
    emails: [...owners.map((u) => u.email).filter((x): x is string => !!x), ...finance],
  };
}

/** Whether an account's people have been warned that its money is low (once until it recovers). */
export async function setLowWarned(db: Db, accountId: number, warned: boolean): Promise<void> {
  await db
    .updateTable("accounts")
    .set({ low_warned: warned ? 1 : 0 })
    .where("id", "=", accountId)
    .execute();
}

/** Every account with its tenant's name, limits and what it may use (for the scheduler's rules). */
export async function accountsWithTenants(db: Db) {
  return db
    .selectFrom("accounts")
    .innerJoin("tenants", "tenants.id", "accounts.tenant_id")
    .select([
      "accounts.id",
      "accounts.name",
      "tenants.name as tenant",
      "accounts.limits",
      "accounts.allowed",
    ])
    .execute();
}

/** Every membership with its user's Unix name and whether the user is disabled. */
export async function membersWithUsers(db: Db) {
  return db
    .selectFrom("account_members")
    .innerJoin("users", "users.id", "account_members.user_id")
    .select([
      "account_members.account_id",
      "account_members.user_id",
      "account_members.limits",
      "users.unix_user",
      "users.disabled_at",
    ])
    .execute();
}

/**
 * Accounts (of one tenant, or all) with nothing to spend — balance and credit at or below
 * zero — that are not whitelisted: those a price stops. Their names, sorted.
 */
export async function accountsWithoutMoney(db: Db, tenantId: number | null): Promise<string[]> {
  let q = db
    .selectFrom("accounts")
    .leftJoin("wallets", (j) =>
      j.onRef("wallets.account_id", "=", "accounts.id").on("wallets.kind", "=", "account"),
    )
    .select(["accounts.name", "accounts.credit_limit", "wallets.balance"])
    .where("accounts.whitelisted", "=", 0);
  if (tenantId !== null) q = q.where("accounts.tenant_id", "=", tenantId);
  const rows = await q.execute();
  return rows
    .filter((r) => Number(r.balance ?? 0) + Number(r.credit_limit) <= 0)
    .map((r) => r.name)
    .sort();
}
