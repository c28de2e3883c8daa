import type { Insertable, Selectable } from "kysely";
import type { Db } from "./open.js";
import type { StoragePriceTable, StorageQuotaTable, StorageUsageTable } from "./schema.js";

export type StorageKind = "user" | "account";
export type UsageRow = Selectable<StorageUsageTable>;
export type QuotaRow = Selectable<StorageQuotaTable>;
export type StoragePriceRow = Selectable<StoragePriceTable>;

export async function recordUsage(db: Db, row: Insertable<StorageUsageTable>): Promise<void> {
  await db.insertInto("storage_usage").values(row).execute();
}

/** Each subject's latest scan taken at or before `at` (default: the latest of all). */
export async function latestUsage(
  db: Db,
  kind: StorageKind,
  ids: number[],
  at = "9999",
): Promise<Map<number, UsageRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("storage_usage")
    .selectAll()
    .where("kind", "=", kind)
    .where("subject_id", "in", ids)
    .where("taken_at", "<=", at)
    .where("taken_at", "=", (eb) =>
      eb
        .selectFrom("storage_usage as u2")
        .select((e) => e.fn.max("u2.taken_at").as("m"))
        .whereRef("u2.kind", "=", "storage_usage.kind")
        .whereRef("u2.subject_id", "=", "storage_usage.subject_id")
        .where("u2.taken_at", "<=", at),
    )
    .execute();
  return new Map(
    rows.map((r) => [r.subject_id, { ...r, bytes: Number(r.bytes), files: Number(r.files) }]),
  );
}

/** A subject's scans since a time, oldest first. */
export async function usageHistory(db: Db, kind: StorageKind, id: number, since: string) {
  const rows = await db
    .selectFrom("storage_usage")
    .select(["bytes", "files", "taken_at"])
    .where("kind", "=", kind)
    .where("subject_id", "=", id)
    .where("taken_at", ">=", since)
    .orderBy("taken_at")
    .execute();
  return rows.map((r) => ({ bytes: Number(r.bytes), files: Number(r.files), takenAt: r.taken_at }));
}

export async function quotasOf(
  db: Db,
  kind: StorageKind,
  ids: number[],
): Promise<Map<number, QuotaRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("storage_quotas")
    .selectAll()
    .where("kind", "=", kind)
    .where("subject_id", "in", ids)
    .execute();
  return new Map(
    rows.map((r) => [
      r.subject_id,
      {
        ...r,
        soft_bytes: r.soft_bytes === null ? null : Number(r.soft_bytes),
        hard_bytes: r.hard_bytes === null ? null : Number(r.hard_bytes),
        soft_files: r.soft_files === null ? null : Number(r.soft_files),
        hard_files: r.hard_files === null ? null : Number(r.hard_files),
      },
    ]),
  );
}

export async function putQuota(db: Db, row: Insertable<StorageQuotaTable>): Promise<void> {
  const { kind: _k, subject_id: _s, ...rest } = row;
  await db
    .insertInto("storage_quotas")
    .values(row)
    .onConflict((oc) => oc.columns(["kind", "subject_id"]).doUpdateSet(rest))
    .execute();
}

export async function setWarned(
  db: Db,
  kind: StorageKind,
  id: number,
  at: string | null,
): Promise<void> {
  await db
    .updateTable("storage_quotas")
    .set({ warned_at: at })
    .where("kind", "=", kind)
    .where("subject_id", "=", id)
    .execute();
}

export async function insertStoragePrice(
  db: Db,
  row: Insertable<StoragePriceTable>,
): Promise<number> {
  return (
    await db.insertInto("storage_prices").values(row).returning("id").executeTakeFirstOrThrow()
  ).id;
}

export async function listStoragePrices(
  db: Db,
  tenantIds: number[] | null,
): Promise<(StoragePriceRow & { tenant: string | null })[]> {
  let q = db
    .selectFrom("storage_prices")
    .leftJoin("tenants", "tenants.id", "storage_prices.tenant_id")
    .selectAll("storage_prices")
    .select("tenants.name as tenant");
  if (tenantIds)
    q = q.where((eb) =>
      eb.or([
        eb("storage_prices.tenant_id", "is", null),
        ...(tenantIds.length ? [eb("storage_prices.tenant_id", "in", tenantIds)] : []),
      ]),
    );
  const rows = await q
    .orderBy("storage_prices.effective_from", "desc")
    .orderBy("storage_prices.id", "desc")
    .execute();
  return rows.map((r) => ({ ...r, gb_month: Number(r.gb_month) }));
}

/** The storage price in force at `at` for a tenant: its own before the general one, then the latest. */
export async function storagePriceAt(
  db: Db,
  tenantId: number,
  at: string,
): Promise<StoragePriceRow | undefined> {
  const rows = await listStoragePrices(db, [tenantId]);
  return rows
    .filter((r) => r.effective_from <= at)
    .sort((a, b) => Number(a.tenant_id === null) - Number(b.tenant_id === null))[0];
}
