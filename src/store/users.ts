import { sql } from "kysely";
import type { Selectable, Updateable } from "kysely";
import type { Db } from "./open.js";
import { nowIso } from "./open.js";
import type { UserTable } from "./schema.js";

export type UserRow = Selectable<UserTable>;

export interface NewUser {
  tenantId: number;
  username: string;
  /** "!" for users who sign in elsewhere. */
  passwordHash: string;
  roles?: string[];
  unixUser?: string | null;
  uid?: number | null;
  gid?: number | null;
  homeDir?: string | null;
  email?: string | null;
  source?: "local" | "ldap" | "oidc";
  externalId?: string | null;
}

export async function createUser(db: Db, u: NewUser): Promise<number> {
  const r = await db
    .insertInto("users")
    .values({
      tenant_id: u.tenantId,
      username: u.username,
      password_hash: u.passwordHash,
      roles: JSON.stringify(u.roles ?? []),
      unix_user: u.unixUser ?? null,
      uid: u.uid ?? null,
      gid: u.gid ?? null,
      home_dir: u.homeDir ?? null,
      email: u.email ?? null,
      source: u.source ?? "local",
      external_id: u.externalId ?? null,
      created_at: nowIso(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function findUserByName(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findUserByExternalId(
  db: Db,
  externalId: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom("users")
    .selectAll()
    .where("external_id", "=", externalId)
    .executeTakeFirst();
}

/** Who already holds this uid or Unix name (they belong to one user). */
export async function findPosixHolder(
  db: Db,
  uid: number | null,
  unixUser: string | null,
  exceptId = 0,
): Promise<UserRow | undefined> {
  if (uid === null && unixUser === null) return undefined;
  return db
    .selectFrom("users")
    .selectAll()
    .where("id", "!=", exceptId)
    .where((eb) =>
      eb.or([
        ...(uid !== null ? [eb("uid", "=", uid)] : []),
        ...(unixUser !== null ? [eb("unix_user", "=", unixUser)] : []),
      ]),
    )
    .executeTakeFirst();
}

export async function listUsers(db: Db, tenantId?: number): Promise<UserRow[]> {
  let q = db.selectFrom("users").selectAll().orderBy("id");
  if (tenantId !== undefined) q = q.where("tenant_id", "=", tenantId);
  return q.execute();
}

/** A page of users (of a tenant, or all), those whose name or e-mail holds `q`; and how many match. */
export async function searchUsers(
  db: Db,
  f: { tenantId?: number; q?: string; offset: number; limit: number },
): Promise<{ rows: UserRow[]; total: number }> {
  let q = db.selectFrom("users");
  if (f.tenantId !== undefined) q = q.where("tenant_id", "=", f.tenantId);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb("username", "like", sql<string>`${like} escape '\\'`),
        eb("email", "like", sql<string>`${like} escape '\\'`),
      ]),
    );
  }
  const total = Number(
    (await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n,
  );
  const rows = await q.selectAll().orderBy("username").offset(f.offset).limit(f.limit).execute();
  return { rows, total };
}

export async function updateUser(db: Db, id: number, patch: Updateable<UserTable>): Promise<void> {
  await db.updateTable("users").set(patch).where("id", "=", id).execute();
}

export async function setPasswordHash(db: Db, id: number, hash: string): Promise<void> {
  await updateUser(db, id, { password_hash: hash });
}

export async function countUsers(db: Db): Promise<number> {
  const r = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The highest uid Guang has given in [min, max], or null. */
export async function highestGivenUid(db: Db, min: number, max: number): Promise<number | null> {
  const r = await db
    .selectFrom("unix_uids")
    .select((eb) => eb.fn.max<number>("uid").as("m"))
    .where("uid", ">=", min)
    .where("uid", "<=", max)
    .executeTakeFirst();
  return r?.m ?? null;
}

export async function recordGivenUid(
  db: Db,
  uid: number,
  unixUser: string,
  userId: number,
): Promise<void> {
  await db
    .insertInto("unix_uids")
    .values({ uid, unix_user: unixUser, user_id: userId, created_at: nowIso() })
    .execute();
}

/** A user's e-mail address, or null. */
export async function userEmail(db: Db, userId: number): Promise<string | null> {
  return (
    (await db.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirst())
      ?.email ?? null
  );
}

/** The job mails a user gets for jobs that name none (--mail-type): BEGIN, END, FAIL. */
export async function userJobMail(db: Db, userId: number): Promise<string[]> {
  const row = await db
    .selectFrom("users")
    .select("job_mail")
    .where("id", "=", userId)
    .executeTakeFirst();
  return row?.job_mail ? (JSON.parse(row.job_mail) as string[]) : [];
}

/** The e-mail addresses of a tenant's users who hold one of these roles (its admins, its finance). */
export async function tenantStaffEmails(
  db: Db,
  tenantId: number,
  roles: readonly string[],
): Promise<string[]> {
  const staff = await db
    .selectFrom("users")
    .select(["email", "roles"])
    .where("tenant_id", "=", tenantId)
    .where("disabled_at", "is", null)
    .execute();
  return staff
    .filter((u) => (JSON.parse(u.roles) as string[]).some((r) => roles.includes(r)))
    .map((u) => u.email)
    .filter((e): e is string => !!e);
}
