import type { Db } from "./open.js";
import { nowIso } from "./open.js";

export interface NewUser {
  tenantId: number;
  username: string;
  passwordHash: string;
  centerAdmin?: boolean;
  unixUser?: string | null;
}

export async function createUser(db: Db, u: NewUser): Promise<number> {
  const r = await db
    .insertInto("users")
    .values({
      tenant_id: u.tenantId,
      username: u.username,
      password_hash: u.passwordHash,
      center_admin: u.centerAdmin ? 1 : 0,
      unix_user: u.unixUser ?? null,
      created_at: nowIso(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function findUserByName(db: Db, username: string) {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

export async function findUserById(db: Db, id: number) {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function setPasswordHash(db: Db, id: number, hash: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: hash }).where("id", "=", id).execute();
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function usernamesById(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "username"]).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r.username]));
}
