import type { Insertable, Selectable, Updateable } from "kysely";
import type { Db } from "./open.js";
import type { ApplicationTable } from "./schema.js";

export type ApplicationRow = Selectable<ApplicationTable> & {
  applicant: string;
  tenant: string;
  decider: string | null;
};

/** Applications with the names of their applicant, tenant and decider (one query for a list). */
function withNames(db: Db) {
  return db
    .selectFrom("applications")
    .innerJoin("users", "users.id", "applications.applicant_id")
    .innerJoin("tenants", "tenants.id", "applications.tenant_id")
    .leftJoin("users as decider", "decider.id", "applications.decided_by")
    .selectAll("applications")
    .select([
      "users.username as applicant",
      "tenants.name as tenant",
      "decider.username as decider",
    ]);
}

export async function insertApplication(db: Db, a: Insertable<ApplicationTable>): Promise<number> {
  const r = await db.insertInto("applications").values(a).returning("id").executeTakeFirstOrThrow();
  return r.id;
}

export async function findApplication(db: Db, id: number): Promise<ApplicationRow | undefined> {
  return withNames(db).where("applications.id", "=", id).executeTakeFirst();
}

/** Applications newest first: of one tenant, of one applicant, or (neither) all; in a state. */
export async function listApplications(
  db: Db,
  f: { tenantId?: number; applicantId?: number; state?: string },
): Promise<ApplicationRow[]> {
  let q = withNames(db);
  if (f.tenantId !== undefined) q = q.where("applications.tenant_id", "=", f.tenantId);
  if (f.applicantId !== undefined) q = q.where("applications.applicant_id", "=", f.applicantId);
  if (f.state !== undefined) q = q.where("applications.state", "=", f.state as never);
  return q.orderBy("applications.id", "desc").limit(1000).execute();
}

/** Whether a new account's name is already asked for by an application still open. */
export async function openApplicationFor(
  db: Db,
  account: string,
  exceptId: number,
): Promise<boolean> {
  const r = await db
    .selectFrom("applications")
    .select("id")
    .where("kind", "=", "account")
    .where("account", "=", account)
    .where("state", "in", ["pending", "changes"])
    .where("id", "!=", exceptId)
    .executeTakeFirst();
  return !!r;
}

export async function updateApplication(
  db: Db,
  id: number,
  patch: Updateable<ApplicationTable>,
): Promise<void> {
  await db.updateTable("applications").set(patch).where("id", "=", id).execute();
}
