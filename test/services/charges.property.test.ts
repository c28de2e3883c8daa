import fc from "fast-check";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isGuangError } from "../../src/core/errors.js";
import type { Actor } from "../../src/services/access/actor.js";
import { Billing } from "../../src/services/money/billing.js";
import { GrantService } from "../../src/services/money/grants.js";
import { LedgerService } from "../../src/services/money/ledger.js";
import { post } from "../../src/services/money/postings.js";
import { walletOf } from "../../src/store/ledger.js";
import { createAccount, findAccountById } from "../../src/store/accounts.js";
import { saveCluster } from "../../src/store/clusters.js";
import { insertJob, updateJob } from "../../src/store/jobs.js";
import { openStore, type Store } from "../../src/store/open.js";
import { insertPrice } from "../../src/store/prices.js";
import { createTenant } from "../../src/store/tenants.js";
import { createUser } from "../../src/store/users.js";

/**
 * Random interleavings of submissions, starts, ends, cancels, recharges, price changes,
 * repeated end reports and crashes (the store closed and opened again, unsettled jobs
 * settled), on the real store and services, on a virtual clock.
 */
type Op =
  | { op: "recharge"; amount: number }
  | { op: "transfer"; amount: number }
  | { op: "price"; cpuHour: number; minCharge: number }
  | { op: "submit"; cpus: number; limit: number }
  | { op: "start"; pick: number }
  | { op: "end"; pick: number; seconds: number; repeat: boolean }
  | { op: "cancel"; pick: number }
  | { op: "crash" }
  | { op: "grant"; seconds: number; lasts: number }
  | { op: "expire" };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant("recharge" as const),
      amount: fc.integer({ min: 1, max: 5_000_000 }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      op: fc.constant("transfer" as const),
      amount: fc.integer({ min: 1, max: 3_000_000 }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      op: fc.constant("price" as const),
      cpuHour: fc.integer({ min: 0, max: 500_000 }),
      minCharge: fc.integer({ min: 0, max: 1000 }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      op: fc.constant("submit" as const),
      cpus: fc.integer({ min: 1, max: 16 }),
      limit: fc.integer({ min: 1, max: 7200 }),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ op: fc.constant("start" as const), pick: fc.nat() }), weight: 4 },
  {
    arbitrary: fc.record({
      op: fc.constant("end" as const),
      pick: fc.nat(),
      seconds: fc.integer({ min: 0, max: 9000 }),
      repeat: fc.boolean(),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ op: fc.constant("cancel" as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.constant({ op: "crash" as const }), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant("grant" as const),
      seconds: fc.integer({ min: 1, max: 200_000 }),
      lasts: fc.integer({ min: 1, max: 20_000 }),
    }),
    weight: 1,
  },
  { arbitrary: fc.constant({ op: "expire" as const }), weight: 1 },
);

/** Money in, a price, then anything: so that runs reach charges. */
const PREAMBLE: Op[] = [
  { op: "recharge", amount: 10_000_000 },
  { op: "transfer", amount: 2_000_000 },
  { op: "price", cpuHour: 100_000, minCharge: 100 },
];

const fmt = (units: number) => (units / 10000).toFixed(4);

async function check(store: Store, creditLimit: number): Promise<void> {
  const db = store.db;
  const sums = await db
    .selectFrom("ledger_postings")
    .select(["transaction_id", (eb) => eb.fn.sum<number>("amount").as("s")])
    .groupBy("transaction_id")
    .execute();
  expect(sums.filter((r) => Number(r.s) !== 0)).toEqual([]);
  for (const w of await db.selectFrom("wallets").selectAll().execute()) {
    const s = await db
      .selectFrom("ledger_postings")
      .select((eb) => eb.fn.sum<number>("amount").as("s"))
      .where("wallet_id", "=", w.id)
      .executeTakeFirstOrThrow();
    expect(Number(w.balance)).toBe(Number(s.s ?? 0));
    if (w.kind === "account") expect(Number(w.balance)).toBeGreaterThanOrEqual(-creditLimit);
    if (
      w.kind === "tenant" ||
      w.kind === "account-hold" ||
      w.kind === "grant" ||
      w.kind === "grant-hold"
    )
      expect(Number(w.balance)).toBeGreaterThanOrEqual(0);
    if (w.kind === "account-hold") {
      const active = await db
        .selectFrom("jobs")
        .select((eb) => eb.fn.sum<number>("hold_units").as("s"))
        .where("state", "in", ["PENDING", "RUNNING"])
        .executeTakeFirstOrThrow();
      expect(Number(w.balance)).toBe(Number(active.s ?? 0));
    }
  }
  // what grants hold is what waiting and running jobs say they hold of them
  const grantHeld = await db
    .selectFrom("wallets")
    .select((eb) => eb.fn.sum<number>("balance").as("s"))
    .where("kind", "=", "grant-hold")
    .executeTakeFirstOrThrow();
  const active = await db
    .selectFrom("jobs")
    .select("grant_holds")
    .where("state", "in", ["PENDING", "RUNNING"])
    .execute();
  expect(Number(grantHeld.s ?? 0)).toBe(
    active.reduce(
      (x, j) =>
        x + (JSON.parse(j.grant_holds) as { seconds: number }[]).reduce((y, h) => y + h.seconds, 0),
      0,
    ),
  );
  // each ended job settled exactly once; a job never settled twice
  const keys = await db
    .selectFrom("ledger_transactions")
    .select(["idempotency_key", (eb) => eb.fn.countAll<number>().as("n")])
    .where("idempotency_key", "like", "settle:%")
    .groupBy("idempotency_key")
    .execute();
  expect(keys.filter((k) => Number(k.n) > 1)).toEqual([]);
  const unsettled = await db
    .selectFrom("jobs")
    .select("id")
    .where("state", "not in", ["PENDING", "RUNNING"])
    .where("cost_units", "is", null)
    .execute();
  expect(unsettled).toEqual([]);
  const overcharged = await db
    .selectFrom("jobs")
    .select("id")
    .whereRef("cost_units", ">", "hold_units")
    .execute();
  expect(overcharged).toEqual([]);
}

describe("charges under random interleavings and crashes", () => {
  const seen = { charges: 0, refusals: 0, crashes: 0 };
  it("every transaction sums to zero, balances equal their postings, each job is charged exactly once, no account goes below its credit limit", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 5, maxLength: 40 }),
        fc.constantFrom(0, 50_000),
        async (ops, creditLimit) => {
          const file = join(mkdtempSync(join(tmpdir(), "guang-charges-")), "guang.db");
          let store = await openStore({ file });
          const billing = new Billing("CNY");
          const tenant = await createTenant(store.db, "t");
          const accountId = await createAccount(store.db, tenant, "a");
          await store.db
            .updateTable("accounts")
            .set({ credit_limit: creditLimit })
            .where("id", "=", accountId)
            .execute();
          const cf = await createUser(store.db, {
            tenantId: tenant,
            username: "cf",
            passwordHash: "!",
            roles: ["center-finance"],
          });
          const actor: Actor = {
            userId: cf,
            username: "cf",
            tenantId: tenant,
            roles: ["center-finance"],
            accounts: new Map(),
            posix: null,
            ip: "127.0.0.1",
          };
          await saveCluster(store.db, "c", "local", {} as never);
          let clock = Date.parse("2026-11-25T00:00:00Z");
          const iso = () => new Date(clock).toISOString();
          const ledger = () =>
            new LedgerService(store.db, {
              dialect: "sqlite",
              currency: "CNY",
              billing,
              moneyChanged: async () => {},
            });
          await insertPrice(store.db, {
            cluster: "c",
            partition: "p",
            qos: "*",
            tenant_id: null,
            rates: JSON.stringify({
              cpuHour: 0,
              memGiBHour: 0,
              gpuHour: {},
              mode: "sum",
              minCharge: 0,
            }),
            effective_from: iso(),
            created_by: null,
            created_at: iso(),
          });
          const pending: number[] = [];
          const running: number[] = [];
          try {
            for (const o of [...PREAMBLE, ...ops]) {
              clock += 1000;
              const take = (list: number[], pick: number) =>
                list.length ? list.splice(pick % list.length, 1)[0]! : undefined;
              try {
                if (o.op === "recharge")
                  await ledger().recharge(actor, "t", { amount: fmt(o.amount) });
                else if (o.op === "transfer")
                  await ledger().transfer(actor, "a", { amount: fmt(o.amount) });
                else if (o.op === "price") {
                  await insertPrice(store.db, {
                    cluster: "c",
                    partition: "p",
                    qos: "*",
                    tenant_id: null,
                    rates: JSON.stringify({
                      cpuHour: o.cpuHour,
                      memGiBHour: 0,
                      gpuHour: {},
                      mode: "sum",
                      minCharge: o.minCharge,
                    }),
                    effective_from: iso(),
                    created_by: null,
                    created_at: iso(),
                  });
                } else if (o.op === "submit") {
                  const id = await store.db.transaction().execute(async (trx) => {
                    const account = (await findAccountById(trx, accountId))!;
                    const [plan] = await billing.planHolds(trx, account, {
                      cluster: "c",
                      partition: "p",
                      qos: "normal",
                      timeLimit: o.limit,
                      need: { cpu: o.cpus, mem: 0, gpu: 0, gpuType: null, node: 1 },
                      jobs: 1,
                      at: iso(),
                    });
                    const hold = plan!.money;
                    const jobId = await insertJob(trx, {
                      cluster: "c",
                      partition: "p",
                      account_id: accountId,
                      user_id: cf,
                      name: "j",
                      qos: "normal",
                      state: "PENDING",
                      script: "",
                      options: "{}",
                      time_limit: o.limit,
                      workdir: "/",
                      stdout_path: "",
                      stderr_path: "",
                      environment: "{}",
                      submit_time: iso(),
                      hold_units: hold,
                      grant_holds: JSON.stringify(plan!.grants),
                      array_throttle: 0,
                    });
                    await billing.hold(trx, account, jobId, plan!);
                    return jobId;
                  });
                  pending.push(id);
                } else if (o.op === "start") {
                  const id = take(pending, o.pick);
                  if (id !== undefined) {
                    await updateJob(store.db, id, {
                      state: "RUNNING",
                      start_time: iso(),
                      alloc: JSON.stringify({
                        node: "n",
                        cpus: 1 + (id % 16),
                        memMiB: 0,
                        gpus: 0,
                        gpuType: null,
                        cores: [],
                        gpuIndices: [],
                      }),
                    });
                    running.push(id);
                  }
                } else if (o.op === "end" || o.op === "cancel") {
                  const id = o.op === "end" ? take(running, o.pick) : take(pending, o.pick);
                  if (id !== undefined) {
                    if (o.op === "end") clock += o.seconds * 1000;
                    const end = async () =>
                      store.db.transaction().execute(async (trx) => {
                        await updateJob(trx, id, {
                          state: o.op === "end" ? "COMPLETED" : "CANCELLED",
                          end_time: iso(),
                        });
                        await billing.settle(trx, id);
                      });
                    await end();
                    // a report repeated (after a restart, say) changes nothing
                    if (o.op === "end" && o.repeat) await end();
                  }
                } else if (o.op === "grant") {
                  await store.db.transaction().execute(async (trx) => {
                    const { id } = await trx
                      .insertInto("grants")
                      .values({
                        account_id: accountId,
                        resource: "cpu",
                        seconds: o.seconds,
                        starts_at: iso(),
                        ends_at: new Date(clock + o.lasts * 1000).toISOString(),
                        reason: null,
                        created_by: null,
                        created_at: iso(),
                      })
                      .returning("id")
                      .executeTakeFirstOrThrow();
                    const issued = await walletOf(trx, {
                      kind: "grant-issued",
                      tenantId: null,
                      accountId: null,
                    });
                    const g = await walletOf(trx, {
                      kind: "grant",
                      tenantId: null,
                      accountId: null,
                      grantId: id,
                    });
                    await post(trx, {
                      kind: "grant",
                      actorId: null,
                      reason: null,
                      postings: [
                        { walletId: issued.id, amount: -o.seconds },
                        { walletId: g.id, amount: o.seconds },
                      ],
                    });
                  });
                } else if (o.op === "expire") {
                  clock += 5000 * 1000;
                  await new GrantService(store.db).expire(iso());
                } else {
                  await store.close();
                  store = await openStore({ file });
                  await billing.settleAll(store.db);
                }
              } catch (e) {
                // refusals (not enough money, ...) are part of the game; anything else is a bug
                if (!isGuangError(e) || e.status >= 500) throw e;
                seen.refusals++;
              }
              if (o.op === "crash") seen.crashes++;
              await check(store, creditLimit);
            }
          } finally {
            seen.charges += Number(
              (
                await store.db
                  .selectFrom("ledger_transactions")
                  .select((eb) => eb.fn.countAll<number>().as("n"))
                  .where("kind", "=", "charge")
                  .executeTakeFirstOrThrow()
              ).n,
            );
            await store.close();
          }
        },
      ),
      { numRuns: 40 },
    );
    // the runs did charge, refuse and crash (how many charges is the draw's: 8 to 40 were seen)
    expect(seen.charges).toBeGreaterThan(0);
    expect(seen.refusals).toBeGreaterThan(0);
    expect(seen.crashes).toBeGreaterThan(0);
  }, 300000);
});
