import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { openStore } from "../../src/store/open.js";
import { startCenter, waitFor, workdir, type TestCenter } from "../helpers/center.js";

let c: TestCenter;
afterAll(async () => {
  await c?.stop();
});

const PW = "Crash-pass-2026";
const units = (s: string) => Math.round(Number(s) * 10000);

it("kill -9 in the middle of a run with charges: after the restart every job is charged exactly once and the ledger balances", async () => {
  c = await startCenter();
  const ok = async (method: string, path: string, body?: unknown, token?: string) => {
    const r = await c.api(method, path, body, token);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  await ok("POST", "/api/v1/users", { username: "cfo", password: PW, roles: ["center-finance"] });
  const cfo = (await ok("POST", "/api/v1/auth/login", { username: "cfo", password: PW })).token;
  await ok("POST", "/api/v1/prices", { cluster: "local", partition: "cpu", effectiveFrom: new Date().toISOString(), cpuHour: "360", minCharge: "0.01" }, cfo);
  await ok("POST", "/api/v1/tenants/default/recharge", { amount: "1000" }, cfo);
  await ok("POST", "/api/v1/accounts/default/transfer", { amount: "1000" }, cfo);
  const dir = workdir();
  const ids: number[] = [];
  for (let i = 0; i < 60; i++) ids.push((await ok("POST", "/api/v1/jobs", { script: `#!/bin/bash\nsleep 0.${2 + (i % 7)}\n`, args: ["-t", "1"], workdir: dir })).id);
  await new Promise((r) => setTimeout(r, 700));
  await c.stop("SIGKILL");
  await c.restart();
  for (const id of ids) await waitFor(c, id, undefined, 60000);
  const jobs = await Promise.all(ids.map((id) => ok("GET", `/api/v1/jobs/${id}`)));
  expect(jobs.filter((j) => j.state !== "COMPLETED").map((j) => `${j.id} ${j.state} ${j.reason}`)).toEqual([]);
  const costs = jobs.reduce((s, j) => s + units(j.cost), 0);
  expect(jobs.filter((j) => !(units(j.cost) >= units("0.01") && units(j.cost) <= units(j.hold))).map((j) => `${j.id} ${j.cost} ${j.hold} ${j.elapsed}`)).toEqual([]);
  const wallets = (await ok("GET", "/api/v1/balances", undefined, cfo)).wallets as { kind: string; balance: string }[];
  const of = (kind: string) => units(wallets.find((w) => w.kind === kind)!.balance);
  expect(of("account-hold")).toBe(0);
  expect(of("account")).toBe(units("1000") - costs);
  expect(of("center-revenue")).toBe(costs);
  // in the store: one hold and one charge per job, each transaction balanced
  const store = await openStore({ file: join(c.home, "guang.db") });
  try {
    const perJob = await store.db.selectFrom("ledger_transactions").select(["job_id", "kind"]).where("job_id", "is not", null).execute();
    for (const id of ids) expect(perJob.filter((t) => t.job_id === id).map((t) => t.kind).sort()).toEqual(["charge", "hold"]);
    const sums = await store.db.selectFrom("ledger_postings").select(["transaction_id", (eb) => eb.fn.sum<number>("amount").as("s")]).groupBy("transaction_id").execute();
    expect(sums.every((r) => Number(r.s) === 0)).toBe(true);
  } finally {
    await store.close();
  }
}, 120000);
