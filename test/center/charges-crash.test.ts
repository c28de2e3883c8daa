import { writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { openStore } from "../../src/store/open.js";
import { startCenter, TEST_CONFIG, waitFor, workdir, type TestCenter } from "../helpers/center.js";

let c: TestCenter;
afterAll(async () => {
  await c?.stop();
});

const PW = "Crash-pass-2026";
const units = (s: string) => Math.round(Number(s) * 10000);

it("kill -9 in the middle of a 1,000-job run with charges: after the restart, the same ledger as a run without the crash", async () => {
  c = await startCenter();
  const ok = (method: string, path: string, body?: unknown, token?: string) =>
    c.ok(method, path, body, token);
  await ok("POST", "/api/v1/users", { username: "cfo", password: PW, roles: ["center-finance"] });
  const cfo = (await ok("POST", "/api/v1/auth/login", { username: "cfo", password: PW })).token;
  // every job costs the minimum charge (its run is worth far less): the ledger of a run is known in advance, crash or not
  await ok(
    "POST",
    "/api/v1/prices",
    {
      cluster: "local",
      partition: "cpu",
      effectiveFrom: new Date().toISOString(),
      cpuHour: "0.0001",
      minCharge: "0.01",
    },
    cfo,
  );
  await ok("POST", "/api/v1/tenants/default/recharge", { amount: "1000" }, cfo);
  await ok("POST", "/api/v1/accounts/default/transfer", { amount: "1000" }, cfo);
  const dir = workdir();
  const ids: number[] = [];
  const array = await ok("POST", "/api/v1/jobs", {
    script: "#!/bin/bash\nsleep 0.$((SLURM_ARRAY_TASK_ID % 5))\n",
    args: ["-t", "1", "--array=0-999"],
    workdir: dir,
  });
  ids.push(...array.jobIds.map((_x: string, i: number) => array.id + i));
  // the worst case held: 1,000 × (1 core × 60 s at 0.0001 an hour, or the minimum 0.01)
  expect(
    units((await ok("GET", "/api/v1/accounts/default/billing", undefined, cfo)).available),
  ).toBe(units("1000") - 1000 * units("0.01"));
  // not a wait for a state: the burst runs a while, so that the kill finds it part-charged
  await new Promise((r) => setTimeout(r, 1500));
  await c.stop("SIGKILL");
  await c.restart();
  await waitFor(c, ids[ids.length - 1]!, undefined, 120000);
  for (const id of ids) await waitFor(c, id, undefined, 60000);
  const jobs = (await ok("GET", `/api/v1/jobs?id=${array.id}&limit=1000`)).jobs as {
    id: number;
    state: string;
    reason: string;
    cost: string;
    hold: string;
    elapsed: number;
  }[];
  expect(jobs.length).toBe(1000);
  expect(
    jobs.filter((j) => j.state !== "COMPLETED").map((j) => `${j.id} ${j.state} ${j.reason}`),
  ).toEqual([]);
  const costs = jobs.reduce((s, j) => s + units(j.cost), 0);
  expect(
    jobs.filter((j) => j.cost !== "0.01").map((j) => `${j.id} ${j.cost} ${j.hold} ${j.elapsed}`),
  ).toEqual([]);
  const wallets = (await ok("GET", "/api/v1/balances", undefined, cfo)).wallets as {
    kind: string;
    balance: string;
  }[];
  const of = (kind: string) => units(wallets.find((w) => w.kind === kind)!.balance);
  expect(of("account-hold")).toBe(0);
  expect(costs).toBe(1000 * units("0.01"));
  expect(of("account")).toBe(units("990"));
  expect(of("center-revenue")).toBe(units("10"));
  // in the store: one hold and one charge per job, each transaction balanced
  const store = await openStore({ file: join(c.home, "guang.db") });
  try {
    const perJob = await store.db
      .selectFrom("ledger_transactions")
      .select(["job_id", "kind"])
      .where("job_id", "is not", null)
      .execute();
    const kinds = new Map<number, string[]>();
    for (const t of perJob) kinds.set(t.job_id!, [...(kinds.get(t.job_id!) ?? []), t.kind]);
    expect(ids.filter((id) => (kinds.get(id) ?? []).sort().join() !== "charge,hold")).toEqual([]);
    const sums = await store.db
      .selectFrom("ledger_postings")
      .select(["transaction_id", (eb) => eb.fn.sum<number>("amount").as("s")])
      .groupBy("transaction_id")
      .execute();
    expect(sums.every((r) => Number(r.s) === 0)).toBe(true);
  } finally {
    await store.close();
  }
}, 240000);

it("a partition added later has no price until the center's finance sets one: its jobs are refused saying so", async () => {
  const d = await startCenter(`${TEST_CONFIG}  partitions:\n    - { name: cpu, default: true }\n`);
  try {
    await d.stop();
    writeFileSync(
      join(d.home, "..", `${basename(d.home)}.yaml`),
      `${TEST_CONFIG}  partitions:\n    - { name: cpu, default: true }\n    - { name: fat }\n`,
    );
    await d.restart();
    const r = await d.api("POST", "/api/v1/jobs", {
      script: "#!/bin/bash\ntrue\n",
      args: ["-p", "fat"],
      workdir: workdir(),
    });
    expect([r.status, r.body.error.message]).toEqual([
      409,
      "partition fat of cluster local has no price yet, so no job can run there; the center's finance sets one (POST /api/v1/prices)",
    ]);
    expect(
      (await d.api("POST", "/api/v1/jobs", { script: "#!/bin/bash\ntrue\n", workdir: workdir() }))
        .status,
    ).toBe(201);
  } finally {
    await d.stop();
  }
});
