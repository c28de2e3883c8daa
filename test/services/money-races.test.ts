import { describe, expect, it } from "vitest";
import { isGuangError } from "../../src/core/errors.js";
import type { Actor } from "../../src/services/access/actor.js";
import { Billing } from "../../src/services/money/billing.js";
import { LedgerService } from "../../src/services/money/ledger.js";
import { createAccount } from "../../src/store/accounts.js";
import { saveCluster } from "../../src/store/clusters.js";
import { insertJob, updateJob } from "../../src/store/jobs.js";
import { bothStores } from "../helpers/stores.js";
import { createTenant } from "../../src/store/tenants.js";
import { createUser } from "../../src/store/users.js";

/**
 * Money under concurrency, on both stores: SQLite serializes writers, PostgreSQL does not,
 * so every use case that reads money before it moves it must lock what it read.
 */
const stores = bothStores("money races");

for (const { name, skip, open } of stores) {
  describe.skipIf(skip)(`money races on ${name}`, () => {
    it("concurrent refunds, transfers, recharges and adjustments: no refund beyond its charge, no tenant below zero, every balance the sum of its postings", async () => {
      const store = await open();
      const db = store.db;
      const t = await createTenant(db, "t");
      const a = await createAccount(db, t, "a");
      const cf = await createUser(db, {
        tenantId: t,
        username: "cf",
        passwordHash: "!",
        roles: ["center-finance"],
      });
      const tf = await createUser(db, {
        tenantId: t,
        username: "tf",
        passwordHash: "!",
        roles: ["tenant-finance"],
      });
      const finance: Actor = {
        userId: cf,
        username: "cf",
        tenantId: t,
        roles: ["center-finance"],
        accounts: new Map(),
        posix: null,
        ip: "127.0.0.1",
      };
      const tenantFinance: Actor = {
        userId: tf,
        username: "tf",
        tenantId: t,
        roles: ["tenant-finance"],
        accounts: new Map(),
        posix: null,
        ip: "127.0.0.1",
      };
      const ledger = new LedgerService(db, {
        dialect: store.dialect,
        currency: "CNY",
        billing: new Billing("CNY"),
        moneyChanged: async () => {},
      });
      await saveCluster(db, "local", "local", {} as never);
      const now = new Date().toISOString();
      const job = await insertJob(db, {
        cluster: "local",
        partition: "cpu",
        account_id: a,
        user_id: tf,
        name: "j",
        qos: "normal",
        state: "COMPLETED",
        script: "",
        options: "{}",
        time_limit: 60,
        workdir: "/",
        stdout_path: "",
        stderr_path: "",
        environment: "{}",
        submit_time: now,
        hold_units: 312,
        grant_holds: "[]",
        array_throttle: 0,
      });
      await updateJob(db, job, { cost_units: 312, end_time: now });
      await ledger.recharge(finance, "t", { amount: "10" });

      const refused = (e: unknown) => {
        if (!isGuangError(e) || e.status >= 500) throw e;
        return "refused";
      };
      const work: Promise<unknown>[] = [];
      for (let i = 0; i < 50; i++)
        work.push(
          ledger.refund(finance, job, { amount: "0.0312", reason: `race ${i}` }).catch(refused),
        );
      // 30 transfers of 1.00 from a tenant wallet of 10.00 (and 5 recharges of 1.00 meanwhile): at most 15 can pass
      for (let i = 0; i < 30; i++)
        work.push(ledger.transfer(tenantFinance, "a", { amount: "1" }).catch(refused));
      for (let i = 0; i < 5; i++)
        work.push(ledger.recharge(finance, "t", { amount: "1" }).catch(refused));
      for (let i = 0; i < 10; i++)
        work.push(
          ledger
            .adjust(
              finance,
              { account: "a" },
              { amount: i % 2 ? "0.5" : "-0.5", reason: `fix ${i}` },
            )
            .catch(refused),
        );
      await Promise.all(work);

      const refunds = await db
        .selectFrom("ledger_transactions")
        .select("id")
        .where("kind", "=", "refund")
        .execute();
      expect(refunds.length, "one refund of 0.0312 fits in a charge of 0.0312").toBe(1);
      const transfers = await db
        .selectFrom("ledger_transactions")
        .select("id")
        .where("kind", "=", "transfer")
        .execute();
      expect(transfers.length).toBeLessThanOrEqual(15);
      const tenantWallet = await db
        .selectFrom("wallets")
        .select("balance")
        .where("kind", "=", "tenant")
        .executeTakeFirstOrThrow();
      expect(Number(tenantWallet.balance)).toBe((15 - transfers.length) * 10_000);
      const wallets = await db.selectFrom("wallets").selectAll().execute();
      for (const w of wallets) {
        const sum = await db
          .selectFrom("ledger_postings")
          .select((eb) => eb.fn.sum<string>("amount").as("s"))
          .where("wallet_id", "=", w.id)
          .executeTakeFirstOrThrow();
        expect(Number(w.balance), `wallet ${w.id} (${w.kind}) is the sum of its postings`).toBe(
          Number(sum.s ?? 0),
        );
        if (w.kind === "tenant") expect(Number(w.balance)).toBeGreaterThanOrEqual(0);
      }
    });
  });
}
