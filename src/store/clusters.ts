import type { Db } from "./open.js";
import { nowIso } from "./open.js";

export async function getClusterRow(db: Db, name: string) {
  return db.selectFrom("clusters").selectAll().where("name", "=", name).executeTakeFirst();
}

export async function saveCluster(db: Db, name: string, backend: string, config: unknown): Promise<void> {
  const now = nowIso();
  const text = JSON.stringify(config);
  const existing = await getClusterRow(db, name);
  if (existing) await db.updateTable("clusters").set({ backend, config: text, updated_at: now }).where("name", "=", name).execute();
  else await db.insertInto("clusters").values({ name, backend, config: text, created_at: now, updated_at: now }).execute();
}
