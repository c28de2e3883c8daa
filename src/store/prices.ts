import type { Insertable, Selectable } from "kysely";
import { scaleRates, type Rates } from "../core/pricing.js";
import { priceFactorOf } from "./qos.js";
import type { Db } from "./open.js";
import type { PriceTable, TenantDiscountTable } from "./schema.js";

export type PriceRow = Selectable<PriceTable>;

export async function insertPrice(db: Db, row: Insertable<PriceTable>): Promise<number> {
  return (await db.insertInto("prices").values(row).returning("id").executeTakeFirstOrThrow()).id;
}

export async function insertDiscount(db: Db, row: Insertable<TenantDiscountTable>): Promise<void> {
  await db.insertInto("tenant_discounts").values(row).execute();
}

/**
 * The price in force at `at` for a job: the tenant's own price before the general one, an
 * exact QoS before "*", then the latest effective time.
 */
export async function priceAt(
  db: Db,
  f: { cluster: string; partition: string; qos: string; tenantId: number; at: string },
): Promise<PriceRow | undefined> {
  const rows = await db
    .selectFrom("prices")
    .selectAll()
    .where("cluster", "=", f.cluster)
    .where("partition", "=", f.partition)
    .where("qos", "in", [f.qos, "*"])
    .where((eb) => eb.or([eb("tenant_id", "is", null), eb("tenant_id", "=", f.tenantId)]))
    .where("effective_from", "<=", f.at)
    .execute();
  const rank = (r: PriceRow) => [r.tenant_id === null ? 1 : 0, r.qos === "*" ? 1 : 0];
  rows.sort((a, b) => {
    const [ta, qa] = rank(a);
    const [tb, qb] = rank(b);
    return (
      ta! - tb! ||
      qa! - qb! ||
      (a.effective_from < b.effective_from
        ? 1
        : a.effective_from > b.effective_from
          ? -1
          : b.id - a.id)
    );
  });
  return rows[0];
}

export async function discountAt(db: Db, tenantId: number, at: string): Promise<number> {
  const r = await db
    .selectFrom("tenant_discounts")
    .select("percent")
    .where("tenant_id", "=", tenantId)
    .where("effective_from", "<=", at)
    .orderBy("effective_from", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return r?.percent ?? 0;
}

/** All prices (history included), for the general public or also one tenant's own; oldest first. */
export async function listPrices(
  db: Db,
  f: { tenantIds?: number[] | "all"; cluster?: string; partition?: string },
) {
  let q = db
    .selectFrom("prices")
    .leftJoin("tenants", "tenants.id", "prices.tenant_id")
    .selectAll("prices")
    .select("tenants.name as tenant")
    .orderBy("prices.effective_from")
    .orderBy("prices.id");
  if (f.cluster !== undefined) q = q.where("prices.cluster", "=", f.cluster);
  if (f.partition !== undefined) q = q.where("prices.partition", "=", f.partition);
  if (f.tenantIds !== "all") {
    const ids = f.tenantIds ?? [];
    q = q.where((eb) =>
      eb.or([
        eb("prices.tenant_id", "is", null),
        ...(ids.length ? [eb("prices.tenant_id", "in", ids)] : []),
      ]),
    );
  }
  return q.execute();
}

/** The rates in force for a job (parsed, under its QoS's price factor) and the tenant's discount then; null: no price. */
export async function ratesAt(
  db: Db,
  f: { cluster: string; partition: string; qos: string; tenantId: number; at: string },
): Promise<{ rates: Rates; discount: number } | null> {
  const p = await priceAt(db, f);
  if (!p) return null;
  return {
    rates: scaleRates(JSON.parse(p.rates) as Rates, await priceFactorOf(db, f.qos)),
    discount: await discountAt(db, f.tenantId, f.at),
  };
}

export async function priceById(db: Db, id: number): Promise<PriceRow> {
  return db.selectFrom("prices").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}
