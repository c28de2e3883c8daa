import type { Db } from "./open.js";
import { nowIso } from "./open.js";

export async function getClusterRow(db: Db, name: string) {
  return db.selectFrom("clusters").selectAll().where("name", "=", name).executeTakeFirst();
}

export async function saveCluster(
  db: Db,
  name: string,
  backend: string,
  config: unknown,
): Promise<void> {
  const now = nowIso();
  const text = JSON.stringify(config);
  const existing = await getClusterRow(db, name);
  if (existing)
    await db
      .updateTable("clusters")
      .set({ backend, config: text, updated_at: now })
      .where("name", "=", name)
      .execute();
  else
    await db
      .insertInto("clusters")
      .values({ name, backend, config: text, created_at: now, updated_at: now })
      .execute();
}

export async function listClusterRows(db: Db) {
  return db.selectFrom("clusters").selectAll().orderBy("name").execute();
}

export async function setClusterDisabled(
  db: Db,
  name: string,
  reason: string | null,
): Promise<void> {
  await db
    .updateTable("clusters")
    .set({
      disabled_at: reason === null ? null : nowIso(),
      disabled_reason: reason,
      updated_at: nowIso(),
    })
    .where("name", "=", name)
    .execute();
}

export async function accountingCursor(db: Db, name: string): Promise<number | null> {
  const r = await db
    .selectFrom("clusters")
    .select("accounting_cursor")
    .where("name", "=", name)
    .executeTakeFirst();
  return r?.accounting_cursor === null || r?.accounting_cursor === undefined
    ? null
    : Number(r.accounting_cursor);
}

export async function saveAccountingCursor(db: Db, name: string, ms: number): Promise<void> {
  await db
    .updateTable("clusters")
    .set({ accounting_cursor: ms })
    .where("name", "=", name)
    .execute();
}
