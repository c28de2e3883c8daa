import { afterAll, expect, it } from "vitest";
import {
  freshPostgresUrl,
  startCenter,
  submit,
  waitFor,
  workdir,
  type TestCenter,
} from "../helpers/center.js";

let c: TestCenter | null = null;
afterAll(async () => {
  await c?.stop();
});

const url = await freshPostgresUrl();
if (!url) console.log("skipped: the center on PostgreSQL (set GUANG_TEST_DATABASE_URL)");

it.skipIf(!url)("runs a center on PostgreSQL: jobs, dependencies, and a restart", async () => {
  c = await startCenter(undefined, { GUANG_DATABASE_URL: url! });
  expect(c.output()).toMatch(/store postgres:\/\//);
  const dir = workdir();
  const a = await submit(c, "#!/bin/bash\nsleep 0.5; exit 4\n", { workdir: dir });
  const b = await submit(c, "#!/bin/bash\ntrue\n", {
    workdir: dir,
    options: { dependency: `afternotok:${a}`, array: "0-2" },
  });
  expect((await waitFor(c, a)).exitCode).toBe(4);
  for (const t of [0, 1, 2]) expect((await waitFor(c, `${b}_${t}`)).state).toBe("COMPLETED");
  await c.stop();
  await c.restart();
  expect(c.output()).not.toContain("First start");
  const list = await c.api("GET", "/api/v1/jobs?limit=100");
  expect(list.body.jobs.length).toBe(4);
});

it.skipIf(!url)(
  "on PostgreSQL too: tenancy, the audit log's append-only rule, and a submit limit under 200 concurrent submissions",
  async () => {
    c ??= await startCenter(undefined, { GUANG_DATABASE_URL: url! });
    const PW = "Postgres-pass-2026";
    expect(
      (
        await c.api("POST", "/api/v1/tenants", {
          name: "geo",
          admin: { username: "geo-admin", password: PW },
        })
      ).status,
    ).toBe(201);
    expect(
      (await c.api("POST", "/api/v1/users", { username: "geo-pi", tenant: "geo", password: PW }))
        .status,
    ).toBe(201);
    expect(
      (
        await c.api("POST", "/api/v1/accounts", {
          name: "quake",
          tenant: "geo",
          owner: "geo-pi",
          limits: { maxSubmitJobs: 25 },
        })
      ).status,
    ).toBe(201);
    const token = (
      await c.api("POST", "/api/v1/auth/login", { username: "geo-pi", password: PW }, null)
    ).body.token;
    const dir = workdir();
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        c!.api(
          "POST",
          "/api/v1/jobs",
          { script: "#!/bin/bash\ntrue\n", args: ["-H", "-A", "quake"], workdir: dir },
          token,
        ),
      ),
    );
    expect(results.filter((r) => r.status === 201).length).toBe(25);
    expect(results.filter((r) => r.status === 403).length).toBe(175);
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url! });
    await client.connect();
    await expect(client.query("delete from audit_log")).rejects.toThrow(/append-only/);
    await client.end();
  },
);

it.skipIf(!url)("on PostgreSQL: concurrent transfers never take a tenant below zero", async () => {
  c ??= await startCenter(undefined, { GUANG_DATABASE_URL: url! });
  const PW = "Postgres-pass-2026";
  await c.api("POST", "/api/v1/tenants", {
    name: "ocean",
    admin: { username: "ocean-admin", password: PW },
  });
  await c.api("POST", "/api/v1/users", { username: "ocean-pi", tenant: "ocean", password: PW });
  await c.api("POST", "/api/v1/users", {
    username: "ocean-cfo",
    password: PW,
    roles: ["center-finance"],
  });
  await c.api("POST", "/api/v1/accounts", { name: "tides", tenant: "ocean", owner: "ocean-pi" });
  const cfo = (
    await c.api("POST", "/api/v1/auth/login", { username: "ocean-cfo", password: PW }, null)
  ).body.token;
  expect(
    (await c.api("POST", "/api/v1/tenants/ocean/recharge", { amount: "100" }, cfo)).status,
  ).toBe(200);
  const results = await Promise.all(
    Array.from({ length: 25 }, () =>
      c!.api("POST", "/api/v1/accounts/tides/transfer", { amount: "10" }, cfo),
    ),
  );
  expect(results.filter((r) => r.status === 200).length).toBe(10);
  expect(results.filter((r) => r.status === 409).length).toBe(15);
  const w = (await c.api("GET", "/api/v1/balances?tenant=ocean", undefined, cfo)).body.wallets;
  expect(w.map((x: { kind: string; balance: string }) => `${x.kind}:${x.balance}`)).toEqual([
    "tenant:0.00",
    "account:100.00",
  ]);
});

it.skipIf(!url)(
  "on PostgreSQL: an application approved makes its account and grant; usage by week and QoS",
  async () => {
    c ??= await startCenter(undefined, { GUANG_DATABASE_URL: url! });
    const endsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const a = await c.ok("POST", "/api/v1/applications", {
      kind: "account",
      name: "pg-study",
      title: "A study on PostgreSQL",
      purpose: "check the store",
      field: "other",
      pi: "Dr. Pg",
      coreHours: 3,
      endsAt,
    });
    const done = await c.ok("POST", `/api/v1/applications/${a.id}/decision`, {
      decision: "approve",
    });
    expect(done.state).toBe("approved");
    expect((await c.ok("GET", "/api/v1/accounts/pg-study/grants")).grants[0]).toMatchObject({
      hours: 3,
    });
    const byWeek = await c.ok("GET", "/api/v1/reports/usage?groupBy=week,qos");
    expect(byWeek.lines.length).toBeGreaterThan(0);
    expect(byWeek.lines[0].week).toMatch(/^\d{4}-W\d{2}$/);
  },
);
