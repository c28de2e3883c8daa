import type { Db } from "./open.js";

/** The share tree as the store has it: tenants, their accounts, the accounts' members. */
export async function shareTree(db: Db) {
  const tenants = await db.selectFrom("tenants").select("id").orderBy("id").execute();
  const accounts = await db
    .selectFrom("accounts")
    .select(["id", "tenant_id"])
    .orderBy("id")
    .execute();
  const members = await db
    .selectFrom("account_members")
    .select(["account_id", "user_id"])
    .orderBy("user_id")
    .execute();
  return { tenants, accounts, members };
}

/** Core-seconds of the jobs that ended since `from` (ISO), with when they ended: the usage fair share decays. */
export async function usageSince(db: Db, from: string) {
  return db
    .selectFrom("jobs")
    .select(["tenant_id", "account_id", "user_id", "core_seconds", "end_time"])
    .where("end_time", ">=", from)
    .where("core_seconds", ">", 0)
    .execute();
}
