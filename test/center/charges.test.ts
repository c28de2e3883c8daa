import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCenter, TEST_CONFIG, waitFor, workdir, type TestCenter } from "../helpers/center.js";
import { until } from "../helpers/until.js";
import { isoWeek } from "../../src/core/iso-week.js";

const PW = "Charges-pass-2026";
let c: TestCenter;
const t: Record<string, string> = {};

const ok = (method: string, path: string, body?: unknown, token?: string) =>
  c.ok(method, path, body, token);

const money = (s: string) => Math.round(Number(s) * 10000);

beforeAll(async () => {
  c = await startCenter(TEST_CONFIG + "billing:\n  grantSweepSeconds: 0.5\n");
  await ok("POST", "/api/v1/users", { username: "cfo", password: PW, roles: ["center-finance"] });
  t.cfo = (await ok("POST", "/api/v1/auth/login", { username: "cfo", password: PW })).token;
  for (const tenant of ["astro", "comet"]) {
    await ok("POST", "/api/v1/tenants", {
      name: tenant,
      admin: { username: `${tenant}-admin`, password: PW },
    });
    await ok("POST", "/api/v1/users", { username: `${tenant}-pi`, tenant, password: PW });
    await ok("POST", "/api/v1/accounts", { name: `${tenant}-acct`, tenant, owner: `${tenant}-pi` });
    await ok("POST", `/api/v1/tenants/${tenant}/recharge`, { amount: "1000" }, t.cfo);
    t[tenant] = (
      await ok("POST", "/api/v1/auth/login", { username: `${tenant}-pi`, password: PW })
    ).token;
  }
  const now = new Date().toISOString();
  // astro: 36 an hour per core = 0.01 a core-second; comet: 1 a core-second
  await ok(
    "POST",
    "/api/v1/prices",
    { cluster: "local", partition: "cpu", tenant: "astro", effectiveFrom: now, cpuHour: "36" },
    t.cfo,
  );
  await ok(
    "POST",
    "/api/v1/prices",
    { cluster: "local", partition: "cpu", tenant: "comet", effectiveFrom: now, cpuHour: "3600" },
    t.cfo,
  );
  await ok("POST", "/api/v1/accounts/astro-acct/transfer", { amount: "10" }, t.cfo);
});
afterAll(async () => {
  await c?.stop();
});

const submit = (
  token: string,
  account: string,
  args: string[],
  script = "#!/bin/bash\nsleep 1\n",
) =>
  c.api(
    "POST",
    "/api/v1/jobs",
    { script, args: ["-A", account, ...args], workdir: workdir() },
    token,
  );

describe("the life of a charge", () => {
  it("holds the worst case at submission, shows the cost so far, and charges the real cost once at the end", async () => {
    const r = await submit(
      t.astro!,
      "astro-acct",
      ["-n", "2", "-t", "1"],
      "#!/bin/bash\nsleep 2\n",
    );
    expect(r.status).toBe(201);
    // 2 cores × 0.01 a second × 60 s
    expect((await ok("GET", `/api/v1/jobs/${r.body.id}`)).hold).toBe("1.20");
    expect(
      (await ok("GET", "/api/v1/accounts/astro-acct/billing", undefined, t.astro)).available,
    ).toBe("8.80");
    const running = await waitFor(c, r.body.id, ["RUNNING"]);
    expect(running.cost).not.toBeNull();
    const done = await waitFor(c, r.body.id);
    const cost = money(done.cost);
    // about 2 s × 2 cores × 0.01
    expect(cost).toBeGreaterThanOrEqual(money("0.02"));
    expect(cost).toBeLessThanOrEqual(money("0.1"));
    const wallets = (await ok("GET", "/api/v1/balances?account=astro-acct", undefined, t.cfo))
      .wallets;
    expect(money(wallets.find((w: { kind: string }) => w.kind === "account").balance)).toBe(
      money("10") - cost,
    );
    expect(money(wallets.find((w: { kind: string }) => w.kind === "account-hold").balance)).toBe(0);
    const ledger = (await ok("GET", "/api/v1/ledger?account=astro-acct", undefined, t.cfo))
      .transactions;
    expect(
      ledger
        .filter((x: { jobId: number | null }) => x.jobId === r.body.id)
        .map((x: { kind: string }) => x.kind),
    ).toEqual(["charge", "hold"]);
    for (const x of ledger)
      expect(x.postings.reduce((s: number, p: { amount: string }) => s + money(p.amount), 0)).toBe(
        0,
      );
    // a refund gives (part of) the charge back, with a reason, never more than was charged
    const noReason = await c.api(
      "POST",
      `/api/v1/jobs/${r.body.id}/refund`,
      { amount: "0.01" },
      t.cfo,
    );
    expect(noReason.status).toBe(400);
    expect(
      await ok(
        "POST",
        `/api/v1/jobs/${r.body.id}/refund`,
        { amount: "0.01", reason: "node was slow" },
        t.cfo,
      ),
    ).toEqual({ job: r.body.id, refunded: "0.01", currency: "CNY" });
    const tooMuch = await c.api(
      "POST",
      `/api/v1/jobs/${r.body.id}/refund`,
      { amount: "5", reason: "again" },
      t.cfo,
    );
    expect([tooMuch.status, tooMuch.body.error.message]).toEqual([
      409,
      expect.stringMatching(
        /was charged \d+\.\d+ CNY and 0.01 CNY of it refunded already; at most \d+\.\d+ CNY can be refunded/,
      ),
    ]);
    const after = (await ok("GET", "/api/v1/balances?account=astro-acct", undefined, t.cfo))
      .wallets;
    expect(money(after.find((w: { kind: string }) => w.kind === "account").balance)).toBe(
      money("10") - cost + money("0.01"),
    );
  });

  it("refuses what the account cannot cover, naming the amount missing; a cancelled waiting job gives its hold back", async () => {
    const big = await submit(t.astro!, "astro-acct", ["-n", "32", "-t", "1:00:00"]);
    expect(big.status).toBe(402);
    expect(big.body.error.message).toMatch(
      /^account astro-acct can spend \d+\.\d+ CNY; this submission needs 1152.00 CNY held .*, \d+\.\d+ CNY more/,
    );
    // no -t: the partition's default hour, held as such (here more than the account has)
    const noLimit = await submit(t.astro!, "astro-acct", ["-n", "1"]);
    expect([noLimit.status, noLimit.body.error.message]).toEqual([
      402,
      expect.stringMatching(/this submission needs 36.00 CNY held/),
    ]);
    const unlimited = await submit(t.astro!, "astro-acct", ["-n", "1", "-t", "UNLIMITED"]);
    expect([unlimited.status, unlimited.body.error.message]).toEqual([
      400,
      expect.stringMatching(
        /time limit UNLIMITED is longer than partition cpu allows \(7-00:00:00\)/,
      ),
    ]);
    const before = (await ok("GET", "/api/v1/accounts/astro-acct/billing", undefined, t.astro))
      .available;
    const later = await submit(t.astro!, "astro-acct", ["-n", "1", "-t", "1", "--begin=now+600"]);
    expect(
      (await ok("GET", "/api/v1/accounts/astro-acct/billing", undefined, t.astro)).available,
    ).not.toBe(before);
    await ok("POST", `/api/v1/jobs/${later.body.id}/cancel`, undefined, t.astro);
    expect((await waitFor(c, later.body.id)).cost).toBe("0.00");
    expect(
      (await ok("GET", "/api/v1/accounts/astro-acct/billing", undefined, t.astro)).available,
    ).toBe(before);
  });

  it("blocks an account whose money falls below its threshold (waiting jobs: AccountBlocked) and unblocks it when money comes", async () => {
    await ok("POST", "/api/v1/accounts/comet-acct/transfer", { amount: "12" }, t.cfo);
    await ok("PATCH", "/api/v1/accounts/comet-acct/billing", { threshold: "10" }, t.cfo);
    // 1 a core-second: holds 10, runs about 3 s, and leaves about 9 (< 10)
    const r = await submit(
      t.comet!,
      "comet-acct",
      ["-n", "1", "-t", "0:10"],
      "#!/bin/bash\nsleep 3\n",
    );
    expect(r.status).toBe(201);
    await waitFor(c, r.body.id);
    const billing = await ok("GET", "/api/v1/accounts/comet-acct/billing", undefined, t.comet);
    expect(billing.blockedForMoney).toMatch(
      /^its money \(\d+\.\d+ CNY\) is below its threshold \(10.00 CNY\)$/,
    );
    expect(
      (await ok("GET", "/api/v1/accounts/comet-acct", undefined, t.comet)).blocks[0],
    ).toMatchObject({ kind: "money", by: null });
    // new jobs are accepted (their hold is covered) and wait
    const waits = await submit(
      t.comet!,
      "comet-acct",
      ["-n", "1", "-t", "0:02"],
      "#!/bin/bash\ntrue\n",
    );
    expect(waits.status).toBe(201);
    let seen: unknown;
    await until(
      "the job of the blocked account waiting with AccountBlocked",
      async () =>
        (seen = (await ok("GET", `/api/v1/jobs/${waits.body.id}`)).reason) === "AccountBlocked",
      10000,
      () => seen,
    );
    // money comes back: unblocked at once, and the job runs
    await ok("POST", "/api/v1/accounts/comet-acct/transfer", { amount: "20" }, t.cfo);
    expect(
      (await ok("GET", "/api/v1/accounts/comet-acct/billing", undefined, t.comet)).blockedForMoney,
    ).toBeNull();
    expect((await waitFor(c, waits.body.id)).state).toBe("COMPLETED");
    // a whitelisted account is never blocked for money
    await ok(
      "PATCH",
      "/api/v1/accounts/comet-acct/billing",
      { threshold: "1000", whitelisted: true },
      t.cfo,
    );
    expect(
      (await ok("GET", "/api/v1/accounts/comet-acct/billing", undefined, t.comet)).blockedForMoney,
    ).toBeNull();
  });
});

describe("usage reports", () => {
  it("sums jobs, core-hours, wait and cost by account and user over a window, each asker seeing what is theirs, and as CSV", async () => {
    const all = await ok(
      "GET",
      "/api/v1/reports/usage?groupBy=tenant,account,user",
      undefined,
      t.cfo,
    );
    const astro = all.lines.find((l: { account: string }) => l.account === "astro-acct");
    expect(astro).toMatchObject({ tenant: "astro", user: "astro-pi" });
    expect(astro.jobs).toBeGreaterThanOrEqual(2);
    expect(astro.coreHours).toBeGreaterThan(0);
    const jobs = (
      await ok("GET", "/api/v1/jobs?account=astro-acct&limit=1000", undefined, t.astro)
    ).jobs.filter((j: { endTime: string | null }) => j.endTime);
    expect(jobs.length).toBe(astro.jobs);
    expect(money(astro.cost)).toBe(
      jobs.reduce((s: number, j: { cost: string }) => s + money(j.cost), 0),
    );
    const mine = await ok("GET", "/api/v1/reports/usage?groupBy=account", undefined, t.astro);
    expect(mine.lines.map((l: { account: string }) => l.account)).toEqual(["astro-acct"]);
    const byDay = await ok("GET", "/api/v1/reports/usage?groupBy=day,partition", undefined, t.cfo);
    expect(byDay.lines[0].day).toBe(new Date().toISOString().slice(0, 10));
    // by week and QoS: the days' sums folded into their ISO week, and how well cores were used
    const byWeek = await ok("GET", "/api/v1/reports/usage?groupBy=week,qos", undefined, t.cfo);
    const total = await ok("GET", "/api/v1/reports/usage?groupBy=", undefined, t.cfo);
    expect(byWeek.lines.map((l: { week: string; qos: string }) => `${l.week} ${l.qos}`)).toEqual([
      `${isoWeek(new Date().toISOString().slice(0, 10))} normal`,
    ]);
    expect(byWeek.lines[0]).toMatchObject({ jobs: total.lines[0].jobs, cost: total.lines[0].cost });
    expect(byWeek.lines[0].cpuEfficiency).toBeGreaterThanOrEqual(0);
    expect(byWeek.lines[0].cpuEfficiency).toBeLessThanOrEqual(1);
    const csv = await fetch(`${c.url}/api/v1/reports/usage?groupBy=account&format=csv`, {
      headers: { authorization: `Bearer ${t.cfo}` },
    });
    expect((await csv.text()).split("\r\n")[0]).toBe(
      "account,jobs,coreHours,gpuHours,avgWaitHours,cost,cpuEfficiency",
    );
    for (const [q, message] of [
      [
        "groupBy=planet",
        /cannot group by planet; by: tenant, account, user, partition, cluster, qos, day, week, month/,
      ],
      ["from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", /the window is empty/],
      ["from=yesterday", /from: must be an ISO 8601 time/],
    ] as const) {
      const r = await c.api("GET", `/api/v1/reports/usage?${q}`, undefined, t.cfo);
      expect([r.status, r.body.error.message]).toEqual([400, expect.stringMatching(message)]);
    }
  });
});

describe("monthly statements", () => {
  it("of an account: opening and closing balances, money in and out by kind, usage; as CSV and as a printable page in Chinese or English", async () => {
    const month = new Date().toISOString().slice(0, 7);
    const s = await ok(
      "GET",
      `/api/v1/statements?account=astro-acct&month=${month}`,
      undefined,
      t.astro,
    );
    expect(s).toMatchObject({
      of: "account",
      name: "astro-acct",
      tenant: "astro",
      month,
      opening: "0.00",
      currency: "CNY",
    });
    const kinds = Object.fromEntries(
      s.movements.map((m: { kind: string; amount: string }) => [m.kind, m.amount]),
    );
    expect(kinds.transfer).toBe("10.00");
    expect(money(kinds.refund)).toBe(money("0.01"));
    // the closing balance is the opening plus every movement
    expect(money(s.closing)).toBe(
      s.movements.reduce(
        (x: number, m: { amount: string }) => x + money(m.amount),
        money(s.opening),
      ),
    );
    expect(s.usageByUser[0]).toMatchObject({ user: "astro-pi" });
    const zh = await fetch(
      `${c.url}/api/v1/statements?account=astro-acct&month=${month}&format=html&lang=zh`,
      { headers: { authorization: `Bearer ${t.astro}` } },
    );
    expect(zh.headers.get("content-type")).toMatch(/text\/html/);
    const page = await zh.text();
    expect(page).toContain("月度账单");
    expect(page).toContain("期末余额");
    expect(page).toContain("@page { size: A4");
    const csv = await (
      await fetch(`${c.url}/api/v1/statements?account=astro-acct&month=${month}&format=csv`, {
        headers: { authorization: `Bearer ${t.astro}` },
      })
    ).text();
    expect(csv.split("\r\n")[0]).toBe("section,item,amount,count,coreHours,gpuHours");
    expect(csv).toContain("balance,closing,");
    for (const [q, status, message] of [
      [`account=astro-acct&month=2026-13`, 400, /month "2026-13" is not a month/],
      [`account=astro-acct`, 400, /month is needed/],
      [`tenant=astro&account=astro-acct&month=${month}`, 400, /of a tenant or of an account/],
      [`account=comet-acct&month=${month}`, 404, /account comet-acct does not exist/],
    ] as const) {
      const r = await c.api("GET", `/api/v1/statements?${q}`, undefined, t.astro);
      expect([r.status, r.body.error.message]).toEqual([status, expect.stringMatching(message)]);
    }
  });
});

const round2 = (x: number) => Math.round(x * 100) / 100;

describe("grants", () => {
  it("are used before money, held like money, and expire at the end of their period", async () => {
    await ok("POST", "/api/v1/tenants", {
      name: "nova",
      admin: { username: "nova-admin", password: PW },
    });
    await ok("POST", "/api/v1/users", { username: "nova-pi", tenant: "nova", password: PW });
    await ok("POST", "/api/v1/accounts", { name: "nova-acct", tenant: "nova", owner: "nova-pi" });
    await ok("POST", "/api/v1/tenants/nova/recharge", { amount: "100" }, t.cfo);
    await ok("POST", "/api/v1/accounts/nova-acct/transfer", { amount: "5" }, t.cfo);
    // 1 a core-second for nova
    await ok(
      "POST",
      "/api/v1/prices",
      {
        cluster: "local",
        partition: "cpu",
        tenant: "nova",
        effectiveFrom: new Date().toISOString(),
        cpuHour: "3600",
      },
      t.cfo,
    );
    const inAnHour = new Date(Date.now() + 3600_000).toISOString();
    const g = await ok(
      "POST",
      "/api/v1/accounts/nova-acct/grants",
      { resource: "cpu", hours: 0.01, endsAt: inAnHour, reason: "NSFC 2026" },
      t.cfo,
    );
    expect(g).toMatchObject({
      resource: "cpu",
      hours: 0.01,
      leftHours: 0.01,
      heldHours: 0,
      expired: false,
      reason: "NSFC 2026",
    });
    const nova = (await ok("POST", "/api/v1/auth/login", { username: "nova-pi", password: PW }))
      .token;
    // 30 core-seconds at worst: all of it from the grant (36), nothing from money
    const a = await submit(nova, "nova-acct", ["-n", "1", "-t", "0:30"]);
    expect(a.status).toBe(201);
    expect((await ok("GET", `/api/v1/jobs/${a.body.id}`)).hold).toBe("0.00");
    expect(
      (await ok("GET", "/api/v1/accounts/nova-acct/grants", undefined, nova)).grants[0],
    ).toMatchObject({ heldHours: round4(30 / 3600), leftHours: round4(6 / 3600) });
    const done = await waitFor(c, a.body.id);
    expect(done.cost).toBe("0.00");
    const left = (await ok("GET", "/api/v1/accounts/nova-acct/grants", undefined, nova)).grants[0];
    expect(left.heldHours).toBe(0);
    // about 1 core-second used of 36
    expect(left.leftHours * 3600).toBeGreaterThan(33);
    expect(left.leftHours * 3600).toBeLessThan(36);
    // what a member's dashboard shows: given and left, for a bar of what is used
    const mine = await ok("GET", "/api/v1/accounts/nova-acct/spendable", undefined, nova);
    expect(mine).toMatchObject({
      grantsGiven: { coreHours: 0.01, gpuHours: 0 },
      grantsLeft: { coreHours: round2(left.leftHours), gpuHours: 0 },
      low: false,
    });
    // 60 core-seconds at worst: the grant's ~35 and 25 of money, which the account does not have
    const big = await submit(nova, "nova-acct", ["-n", "2", "-t", "0:30"]);
    expect(big.status).toBe(402);
    expect(big.body.error.message).toMatch(/after grants/);
    // a grant that ends gives back what is left
    await ok(
      "POST",
      "/api/v1/accounts/nova-acct/grants",
      { resource: "gpu", hours: 2, endsAt: new Date(Date.now() + 1500).toISOString() },
      t.cfo,
    );
    let last: unknown;
    const gpu = await until(
      "the GPU grant expiring after its end",
      async () => {
        const g = (last = (
          await ok("GET", "/api/v1/accounts/nova-acct/grants", undefined, nova)
        ).grants.find((x: { resource: string }) => x.resource === "gpu"));
        return g?.expired && g;
      },
      20000,
      () => last,
    );
    expect(gpu).toMatchObject({ expired: true, leftHours: 0 });
    for (const [body, status, message] of [
      [{ resource: "cpu", hours: 0, endsAt: inAnHour }, 400, /hours/],
      [{ resource: "cpu", hours: 1, endsAt: "2020-01-01T00:00:00Z" }, 400, /has passed/],
      [
        {
          resource: "cpu",
          hours: 1,
          startsAt: inAnHour,
          endsAt: new Date(Date.now() + 60_000).toISOString(),
        },
        400,
        /would end .* before it starts/,
      ],
      [{ resource: "tpu", hours: 1, endsAt: inAnHour }, 400, /resource/],
      [{ resource: "cpu", hours: 1 }, 400, /endsAt is needed/],
    ] as const) {
      const r = await c.api("POST", "/api/v1/accounts/nova-acct/grants", body, t.cfo);
      expect([r.status, r.body.error.message], JSON.stringify(body)).toEqual([
        status,
        expect.stringMatching(message),
      ]);
    }
    expect(
      (
        await c.api(
          "POST",
          "/api/v1/accounts/nova-acct/grants",
          { resource: "cpu", hours: 1, endsAt: inAnHour },
          nova,
        )
      ).status,
    ).toBe(403);
    // the month's statement lists the grants
    const st = await ok(
      "GET",
      `/api/v1/statements?account=nova-acct&month=${new Date().toISOString().slice(0, 7)}`,
      undefined,
      nova,
    );
    expect(
      st.grants.map(
        (x: { resource: string; hours: number; expired: boolean }) =>
          `${x.resource}:${x.hours}:${x.expired}`,
      ),
    ).toEqual(["gpu:2:true", "cpu:0.01:false"]);
  });
});

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
