import { money } from "../../src/core/money.js";
import fc from "fast-check";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMoney, parseMoney } from "../../src/core/money.js";
import type { Actor } from "../../src/services/access/actor.js";
import { Billing } from "../../src/services/money/billing.js";
import { LedgerService } from "../../src/services/money/ledger.js";
import { createAccount } from "../../src/store/accounts.js";
import { openStore, type Store } from "../../src/store/open.js";
import { createTenant } from "../../src/store/tenants.js";
import { createUser } from "../../src/store/users.js";

let store: Store;
let ledger: LedgerService;
let finance: Actor;
let tenantFinance: Actor;

beforeAll(async () => {
  store = await openStore({ file: join(mkdtempSync(join(tmpdir(), "guang-ledger-")), "guang.db") });
  const db = store.db;
  const t1 = await createTenant(db, "t1");
  const t2 = await createTenant(db, "t2");
  await createAccount(db, t1, "a1");
  await createAccount(db, t1, "a2");
  await createAccount(db, t2, "b1");
  const cf = await createUser(db, {
    tenantId: t1,
    username: "cf",
    passwordHash: "!",
    roles: ["center-finance"],
  });
  const tf = await createUser(db, {
    tenantId: t1,
    username: "tf",
    passwordHash: "!",
    roles: ["tenant-finance"],
  });
  finance = {
    userId: cf,
    username: "cf",
    tenantId: t1,
    roles: ["center-finance"],
    accounts: new Map(),
    posix: null,
    ip: "127.0.0.1",
  };
  tenantFinance = {
    userId: tf,
    username: "tf",
    tenantId: t1,
    roles: ["tenant-finance"],
    accounts: new Map(),
    posix: null,
    ip: "127.0.0.1",
  };
  ledger = new LedgerService(db, {
    dialect: "sqlite",
    currency: "CNY",
    billing: new Billing("CNY"),
    moneyChanged: async () => {},
  });
});
afterAll(async () => {
  await store?.close();
});

describe("money", () => {
  it("parses and writes amounts exactly, and refuses what is not one", () => {
    expect(parseMoney("1200.5")).toBe(12_005_000);
    expect(parseMoney("0.0001")).toBe(1);
    expect(parseMoney("-3")).toBe(-30_000);
    expect(formatMoney(money(12_005_000))).toBe("1200.50");
    expect(formatMoney(money(1))).toBe("0.0001");
    expect(formatMoney(money(-30_000))).toBe("-3.00");
    for (const bad of ["1e3", "1,000", "0.00001", "abc", "", "1.", ".5"])
      expect(() => parseMoney(bad)).toThrow(/is not an amount of money/);
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 14), max: 10 ** 14 }),
        (n) => parseMoney(formatMoney(money(n))) === n,
      ),
    );
  });
});

type Op =
  | { op: "recharge"; tenant: "t1" | "t2"; units: number }
  | { op: "transfer"; account: "a1" | "a2" | "b1"; units: number; by: "cf" | "tf" }
  | { op: "adjust"; target: { tenant?: string; account?: string }; units: number };

const units = fc.oneof(fc.integer({ min: -50_000, max: 2_000_000 }), fc.constantFrom(0, 1, -1));
const ops: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant("recharge" as const),
    tenant: fc.constantFrom("t1" as const, "t2" as const),
    units,
  }),
  fc.record({
    op: fc.constant("transfer" as const),
    account: fc.constantFrom("a1" as const, "a2" as const, "b1" as const),
    units,
    by: fc.constantFrom("cf" as const, "tf" as const),
  }),
  fc.record({
    op: fc.constant("adjust" as const),
    target: fc.constantFrom(
      { tenant: "t1" },
      { tenant: "t2" },
      { account: "a1" },
      { account: "b1" },
    ),
    units,
  }),
);

const TENANT_OF: Record<string, string> = { a1: "t1", a2: "t1", b1: "t2" };

describe("the ledger under random recharges, transfers and adjustments", () => {
  it("balances every transaction, keeps balances equal to their postings, matches a model, and never goes below zero", async () => {
    // what the balances should be: refused operations change nothing
    const model = new Map<string, number>();
    const bal = (k: string) => model.get(k) ?? 0;
    await fc.assert(
      fc.asyncProperty(fc.array(ops, { minLength: 1, maxLength: 25 }), async (list) => {
        for (const o of list) {
          const amount = formatMoney(money(o.units));
          let expected: "ok" | "refused";
          let apply: () => void;
          if (o.op === "recharge") {
            expected = o.units > 0 ? "ok" : "refused";
            apply = () => model.set(o.tenant, bal(o.tenant) + o.units);
          } else if (o.op === "transfer") {
            const t = TENANT_OF[o.account]!;
            // a tenant's finance reaches its own tenant only
            const reaches = o.by === "cf" || t === "t1";
            expected = reaches && o.units > 0 && bal(t) >= o.units ? "ok" : "refused";
            apply = () => {
              model.set(t, bal(t) - o.units);
              model.set(o.account, bal(o.account) + o.units);
            };
          } else {
            const k = o.target.tenant ?? o.target.account!;
            expected = o.units !== 0 && bal(k) + o.units >= 0 ? "ok" : "refused";
            apply = () => model.set(k, bal(k) + o.units);
          }
          let got: "ok" | "refused" = "ok";
          try {
            if (o.op === "recharge") await ledger.recharge(finance, o.tenant, { amount });
            else if (o.op === "transfer")
              await ledger.transfer(o.by === "cf" ? finance : tenantFinance, o.account, { amount });
            else await ledger.adjust(finance, o.target, { amount, reason: "property test" });
          } catch (e) {
            expect((e as { status?: number }).status, String(e)).toBeGreaterThanOrEqual(400);
            expect((e as { status?: number }).status, String(e)).toBeLessThan(500);
            got = "refused";
          }
          expect(got, JSON.stringify(o)).toBe(expected);
          if (got === "ok") apply();
        }
        const db = store.db;
        const unbalanced = await db
          .selectFrom("ledger_postings")
          .select(["transaction_id", (eb) => eb.fn.sum<number>("amount").as("s")])
          .groupBy("transaction_id")
          .execute();
        expect(unbalanced.filter((r) => Number(r.s) !== 0)).toEqual([]);
        const wallets = await db
          .selectFrom("wallets")
          .leftJoin("tenants", "tenants.id", "wallets.tenant_id")
          .leftJoin("accounts", "accounts.id", "wallets.account_id")
          .select([
            "wallets.id",
            "wallets.kind",
            "wallets.balance",
            "tenants.name as tenant",
            "accounts.name as account",
          ])
          .execute();
        for (const w of wallets) {
          const sum = await db
            .selectFrom("ledger_postings")
            .select((eb) => eb.fn.sum<number>("amount").as("s"))
            .where("wallet_id", "=", w.id)
            .executeTakeFirstOrThrow();
          expect(Number(w.balance)).toBe(Number(sum.s ?? 0));
          if (w.kind === "tenant") expect(Number(w.balance)).toBe(bal(w.tenant!));
          if (w.kind === "account") expect(Number(w.balance)).toBe(bal(w.account!));
          if (w.kind === "tenant" || w.kind === "account")
            expect(Number(w.balance)).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 40 },
    );
    // the history cannot be rewritten
    await expect(
      store.db.updateTable("ledger_postings").set({ amount: 0 }).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(store.db.deleteFrom("ledger_transactions").execute()).rejects.toThrow(
      /append-only/,
    );
  }, 120000);
});
