import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/open.js";
import { discountAt, insertDiscount, insertPrice, priceAt } from "../../src/store/prices.js";
import { createTenant } from "../../src/store/tenants.js";

let s: Store;
let a: number;
let b: number;
beforeAll(async () => {
  s = await openStore({ file: join(mkdtempSync(join(tmpdir(), "guang-prices-")), "guang.db") });
  a = await createTenant(s.db, "a");
  b = await createTenant(s.db, "b");
  const p = (
    effective: string,
    rates: string,
    over: { qos?: string; tenant_id?: number | null } = {},
  ) =>
    insertPrice(s.db, {
      cluster: "c",
      partition: "p",
      qos: over.qos ?? "*",
      tenant_id: over.tenant_id ?? null,
      rates,
      effective_from: effective,
      created_by: null,
      created_at: effective,
    });
  await p("2026-01-01T00:00:00.000Z", "general-jan");
  await p("2026-03-01T00:00:00.000Z", "general-mar");
  await p("2026-02-01T00:00:00.000Z", "a-feb", { tenant_id: a });
  await p("2026-04-01T00:00:00.000Z", "gold-apr", { qos: "gold" });
  await insertDiscount(s.db, {
    tenant_id: a,
    percent: 10,
    effective_from: "2026-02-15T00:00:00.000Z",
    created_by: null,
    created_at: "x",
  });
});
afterAll(async () => {
  await s?.close();
});

const at = (when: string, tenantId: number, qos = "normal") =>
  priceAt(s.db, { cluster: "c", partition: "p", qos, tenantId, at: when }).then(
    (r) => r?.rates ?? null,
  );

describe("the price in force for a job", () => {
  it("is the latest version at its start time, a tenant's own before the general one, an exact QoS before any", async () => {
    expect(await at("2025-12-31T00:00:00.000Z", b)).toBeNull();
    expect(await at("2026-01-15T00:00:00.000Z", b)).toBe("general-jan");
    expect(await at("2026-03-15T00:00:00.000Z", b)).toBe("general-mar");
    expect(await at("2026-01-15T00:00:00.000Z", a)).toBe("general-jan");
    expect(await at("2026-03-15T00:00:00.000Z", a)).toBe("a-feb");
    expect(await at("2026-04-15T00:00:00.000Z", b, "gold")).toBe("gold-apr");
    expect(await at("2026-04-15T00:00:00.000Z", b, "normal")).toBe("general-mar");
    expect(await discountAt(s.db, a, "2026-02-01T00:00:00.000Z")).toBe(0);
    expect(await discountAt(s.db, a, "2026-03-01T00:00:00.000Z")).toBe(10);
  });

  it("never changes: the store refuses to edit or remove a price", async () => {
    await expect(s.db.updateTable("prices").set({ rates: "x" }).execute()).rejects.toThrow(
      /versioned/,
    );
    await expect(s.db.deleteFrom("tenant_discounts").execute()).rejects.toThrow(/versioned/);
  });
});
