import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCenter, type TestCenter } from "../helpers/center.js";

const PW = "Money-pass-2026";
let c: TestCenter;
const t: Record<string, string> = {};

const ok = (method: string, path: string, body?: unknown, token?: string) =>
  c.ok(method, path, body, token);

beforeAll(async () => {
  c = await startCenter();
  await ok("POST", "/api/v1/tenants", {
    name: "chem",
    admin: { username: "chem-admin", password: PW },
  });
  await ok("POST", "/api/v1/users", { username: "cfo", password: PW, roles: ["center-finance"] });
  await ok("POST", "/api/v1/users", {
    username: "chem-fin",
    tenant: "chem",
    password: PW,
    roles: ["tenant-finance"],
  });
  await ok("POST", "/api/v1/users", { username: "chem-pi", tenant: "chem", password: PW });
  await ok("POST", "/api/v1/accounts", { name: "catalysis", tenant: "chem", owner: "chem-pi" });
  for (const u of ["cfo", "chem-fin", "chem-pi"])
    t[u] = (await ok("POST", "/api/v1/auth/login", { username: u, password: PW })).token;
});
afterAll(async () => {
  await c?.stop();
});

describe("money: recharges, transfers, adjustments", () => {
  it("the center's finance recharges a tenant; the tenant's finance moves money to an account; the owner sees it", async () => {
    expect(
      await ok(
        "POST",
        "/api/v1/tenants/chem/recharge",
        { amount: "10000", currency: "CNY", reason: "contract 2026-17" },
        t.cfo,
      ),
    ).toEqual({
      kind: "tenant",
      tenant: "chem",
      account: null,
      balance: "10000.00",
      currency: "CNY",
    });
    expect(
      (await ok("POST", "/api/v1/accounts/catalysis/transfer", { amount: "2500.5" }, t["chem-fin"]))
        .balance,
    ).toBe("2500.50");
    const seen = await ok("GET", "/api/v1/balances", undefined, t["chem-pi"]);
    expect(seen.wallets).toEqual([
      {
        kind: "account",
        tenant: "chem",
        account: "catalysis",
        balance: "2500.50",
        currency: "CNY",
      },
    ]);
    const tenant = await ok("GET", "/api/v1/balances", undefined, t["chem-fin"]);
    expect(
      tenant.wallets.map((w: { kind: string; balance: string }) => `${w.kind}:${w.balance}`),
    ).toEqual(["tenant:7499.50", "account:2500.50"]);
    const ledger = await ok("GET", "/api/v1/ledger?tenant=chem", undefined, t["chem-fin"]);
    expect(ledger.transactions.map((x: { kind: string }) => x.kind)).toEqual([
      "transfer",
      "recharge",
    ]);
    for (const x of ledger.transactions)
      expect(x.postings.reduce((s: number, p: { amount: string }) => s + Number(p.amount), 0)).toBe(
        0,
      );
    expect(ledger.transactions[1]).toMatchObject({ actor: "cfo", reason: "contract 2026-17" });
    const audit = await ok("GET", "/api/v1/audit?action=money", undefined, t.cfo);
    expect(audit.records.map((r: { action: string }) => r.action)).toEqual([
      "money.transfer",
      "money.recharge",
    ]);
  });

  it("refuses bad amounts and moves with a clear message, and writes nothing", async () => {
    const before = JSON.stringify(await ok("GET", "/api/v1/ledger?limit=1000", undefined, t.cfo));
    const cases: [string, string, unknown, string, number, RegExp][] = [
      [
        "POST",
        "/api/v1/tenants/chem/recharge",
        { amount: "-5" },
        "cfo",
        400,
        /amount -5 must be greater than zero/,
      ],
      [
        "POST",
        "/api/v1/tenants/chem/recharge",
        { amount: "0" },
        "cfo",
        400,
        /must be greater than zero/,
      ],
      [
        "POST",
        "/api/v1/tenants/chem/recharge",
        { amount: "12.345678" },
        "cfo",
        400,
        /is not an amount of money: write digits with at most four decimals/,
      ],
      [
        "POST",
        "/api/v1/tenants/chem/recharge",
        { amount: "10", currency: "USD" },
        "cfo",
        400,
        /currency USD is not this center's: it keeps accounts in CNY/,
      ],
      ["POST", "/api/v1/tenants/chem/recharge", { amount: 10 }, "cfo", 400, /amount/],
      [
        "POST",
        "/api/v1/tenants/default/recharge",
        { amount: "10" },
        "chem-fin",
        404,
        /tenant default does not exist/,
      ],
      [
        "POST",
        "/api/v1/tenants/chem/recharge",
        { amount: "10" },
        "chem-fin",
        403,
        /you may not recharge a tenant's wallet \(money.recharge\) on tenant chem; that needs the role center-finance/,
      ],
      [
        "POST",
        "/api/v1/tenants/nowhere/recharge",
        { amount: "10" },
        "cfo",
        404,
        /tenant nowhere does not exist/,
      ],
      [
        "POST",
        "/api/v1/accounts/catalysis/transfer",
        { amount: "9000" },
        "chem-fin",
        409,
        /tenant chem has 7499.50 CNY; moving 9000.00 CNY to account catalysis needs 1500.50 CNY more/,
      ],
      [
        "POST",
        "/api/v1/accounts/default/transfer",
        { amount: "1" },
        "chem-fin",
        404,
        /account default does not exist/,
      ],
      [
        "POST",
        "/api/v1/ledger/adjustments",
        { account: "catalysis", amount: "-1" },
        "cfo",
        400,
        /reason/,
      ],
      [
        "POST",
        "/api/v1/ledger/adjustments",
        { account: "catalysis", amount: "-3000", reason: "typo" },
        "cfo",
        409,
        /account catalysis has 2500.50 CNY; taking 3000.00 CNY would leave it below zero/,
      ],
      [
        "POST",
        "/api/v1/ledger/adjustments",
        { tenant: "chem", account: "catalysis", amount: "1", reason: "x" },
        "cfo",
        400,
        /adjust either a tenant or an account/,
      ],
    ];
    for (const [method, path, body, who, status, message] of cases) {
      const r = await c.api(method, path, body, t[who]);
      expect([r.status, r.body.error?.message], `${path} ${JSON.stringify(body)}`).toEqual([
        status,
        expect.stringMatching(message),
      ]);
    }
    expect(JSON.stringify(await ok("GET", "/api/v1/ledger?limit=1000", undefined, t.cfo))).toBe(
      before,
    );
    // a correction with a reason goes through, both ways
    expect(
      (
        await ok(
          "POST",
          "/api/v1/ledger/adjustments",
          { account: "catalysis", amount: "-0.5", reason: "rounding" },
          t.cfo,
        )
      ).balance,
    ).toBe("2500.00");
  });
});

describe("guang money", () => {
  it("recharges, transfers and shows balances and the ledger, with --json", async () => {
    const { cli } = await import("../helpers/center.js");
    const as = (who: string) => ({ env: { GUANG_TOKEN: t[who]! } });
    expect(
      cli(c, ["money", "recharge", "chem", "100", "--reason", "top-up"], as("cfo")).stdout,
    ).toBe("Tenant chem now has 7599.50 CNY\n");
    expect(cli(c, ["money", "transfer", "catalysis", "99.5"], as("chem-fin")).stdout).toBe(
      "Account catalysis now has 2599.50 CNY\n",
    );
    const bal = cli(c, ["money", "balance"], as("chem-fin")).stdout.split("\n");
    expect(bal[0]).toMatch(/^WALLET\s+TENANT\s+ACCOUNT\s+BALANCE\s+CURRENCY$/);
    expect(bal[1]).toMatch(/^tenant\s+chem\s+-\s+7500.00\s+CNY$/);
    const ledger = JSON.parse(
      cli(c, ["money", "ledger", "--account", "catalysis", "--json"], as("chem-pi")).stdout,
    );
    expect(ledger.transactions[0].postings).toEqual([
      { wallet: "tenant:chem", amount: "-99.50" },
      { wallet: "account:catalysis", amount: "99.50" },
    ]);
    const no = cli(c, ["money", "adjust", "--account", "catalysis", "5"], as("cfo"));
    expect([no.code, no.stderr]).toEqual([
      2,
      "guang: guang money adjust: say why with --reason TEXT (it is kept in the ledger)\n",
    ]);
    const refused = cli(c, ["money", "recharge", "chem", "5"], as("chem-fin"));
    expect(refused.code).toBe(1);
  });

  it("sets and lists prices, gives grants, prints statements and usage reports", async () => {
    const { cli } = await import("../helpers/center.js");
    const as = (who: string) => ({ env: { GUANG_TOKEN: t[who]! } });
    const set = cli(
      c,
      [
        "money",
        "price",
        "cpu",
        "--cpu-hour",
        "0.05",
        "--gpu-hour",
        "a100=8",
        "--from",
        "now",
        "--tenant",
        "chem",
      ],
      as("cfo"),
    );
    expect([set.code, set.stdout]).toEqual([
      0,
      expect.stringMatching(/^Price of local\/cpu for chem from .*: 0.05 CNY a core-hour\n$/),
    ]);
    const prices = cli(c, ["money", "prices"], as("chem-pi")).stdout.split("\n");
    expect(prices[0]).toMatch(/^CLUSTER\s+PARTITION\s+QOS\s+TENANT\s+FROM\s+CPU\/H/);
    expect(prices.some((l) => /local\s+cpu\s+\*\s+chem\s+\S+\s+0.05/.test(l))).toBe(true);
    const bad = cli(
      c,
      ["money", "price", "cpu", "--cpu-hour", "0.05", "--gpu-hour", "a100:8", "--from", "now"],
      as("cfo"),
    );
    expect([bad.code, bad.stderr]).toEqual([
      2,
      expect.stringMatching(/--gpu-hour a100:8: write TYPE=PRICE/),
    ]);
    const until = new Date(Date.now() + 86400_000).toISOString();
    expect(
      cli(
        c,
        ["money", "grant", "catalysis", "--cpu-hours", "100", "--until", until, "--reason", "NSFC"],
        as("cfo"),
      ).code,
    ).toBe(0);
    expect(cli(c, ["money", "grants", "catalysis"], as("chem-pi")).stdout).toMatch(
      /catalysis\s+cpu\s+100\s+100\s+0\s+\S+\s+\S+\s+active/,
    );
    const month = new Date().toISOString().slice(0, 7);
    expect(
      cli(c, ["money", "statement", "--account", "catalysis", "--month", month], as("chem-pi"))
        .stdout,
    ).toMatch(
      /^Statement of account catalysis for \d{4}-\d{2} \(CNY\)\n {3}Opening 0.00 {3}Closing /,
    );
    expect(
      cli(
        c,
        ["money", "statement", "--tenant", "chem", "--month", month, "--html", "--lang", "zh"],
        as("chem-fin"),
      ).stdout,
    ).toContain("月度账单");
    const report = cli(c, ["report", "--by", "account"], as("chem-fin"));
    expect([report.code, report.stdout.split("\n")[0]]).toEqual([
      0,
      expect.stringMatching(/^ACCOUNT\s+JOBS\s+CORE-HOURS\s+GPU-HOURS\s+WAIT\(H\)\s+COST\(CNY\)$/),
    ]);
    expect(cli(c, ["report", "--csv"], as("chem-fin")).stdout.split("\r\n")[0]).toBe(
      "account,jobs,coreHours,gpuHours,avgWaitHours,cost,cpuEfficiency",
    );
  });
});

describe("prices", () => {
  const soon = (s: number) => new Date(Date.now() + s * 1000).toISOString();

  it("are versioned by effective time, with tenant overrides and discounts; history never changes", async () => {
    const now = new Date().toISOString();
    const general = await ok(
      "POST",
      "/api/v1/prices",
      {
        cluster: "local",
        partition: "gpu",
        effectiveFrom: now,
        cpuHour: "0.05",
        memGiBHour: "0.01",
        gpuHour: { a100: "8" },
        minCharge: "0.01",
      },
      t.cfo,
    );
    expect(general).toMatchObject({
      cluster: "local",
      partition: "gpu",
      qos: "*",
      tenant: null,
      cpuHour: "0.05",
      gpuHour: { a100: "8.00" },
      mode: "sum",
      currency: "CNY",
    });
    const later = soon(2);
    await ok(
      "POST",
      "/api/v1/prices",
      {
        cluster: "local",
        partition: "gpu",
        effectiveFrom: later,
        cpuHour: "0.06",
        gpuHour: { a100: "9" },
        mode: "max",
      },
      t.cfo,
    );
    await ok(
      "POST",
      "/api/v1/prices",
      {
        cluster: "local",
        partition: "gpu",
        tenant: "chem",
        effectiveFrom: now,
        cpuHour: "0.04",
        gpuHour: { a100: "7" },
      },
      t.cfo,
    );
    // what each sees now: the general price; chem also its own
    const forPi = (await ok("GET", "/api/v1/prices?partition=gpu", undefined, t["chem-pi"])).prices;
    expect(
      forPi
        .map((p: { tenant: string | null; cpuHour: string }) => `${p.tenant ?? "all"}:${p.cpuHour}`)
        .sort(),
    ).toEqual(["all:0.05", "chem:0.04"]);
    const atLater = (
      await ok(
        "GET",
        `/api/v1/prices?partition=gpu&at=${encodeURIComponent(soon(5))}`,
        undefined,
        t.cfo,
      )
    ).prices;
    expect(atLater.find((p: { tenant: string | null }) => p.tenant === null)).toMatchObject({
      cpuHour: "0.06",
      mode: "max",
    });
    // three set here, and the free price a new center starts with
    const history = (await ok("GET", "/api/v1/prices?history=true&partition=gpu", undefined, t.cfo))
      .prices;
    expect(history.map((p: { cpuHour: string }) => p.cpuHour)).toEqual([
      "0.00",
      "0.05",
      "0.04",
      "0.06",
    ]);
    expect(
      await ok(
        "POST",
        "/api/v1/tenants/chem/discount",
        { percent: 12.5, effectiveFrom: now },
        t.cfo,
      ),
    ).toMatchObject({ tenant: "chem", percent: 12.5 });
  });

  it("refuses a price without an effective time, in the past, or for what does not exist", async () => {
    const base = { cluster: "local", partition: "cpu", cpuHour: "0.05" };
    const cases: [unknown, number, RegExp][] = [
      [base, 400, /effectiveFrom is needed: from when the price holds/],
      [
        { ...base, effectiveFrom: "tomorrow" },
        400,
        /--from \(effectiveFrom\) "tomorrow" is not a time/,
      ],
      [
        { ...base, effectiveFrom: "2020-01-01T00:00:00Z" },
        400,
        /is in the past: prices are versioned/,
      ],
      [
        { ...base, partition: "fat", effectiveFrom: soon(1) },
        400,
        /partition fat does not exist in cluster local; its partitions: cpu/,
      ],
      [{ ...base, cluster: "big", effectiveFrom: soon(1) }, 400, /cluster big does not exist/],
      [
        { ...base, cpuHour: "-1", effectiveFrom: soon(1) },
        400,
        /--cpu-hour \(cpuHour\) -1 must not be negative/,
      ],
      [
        { ...base, gpuHour: { a100: "lots" }, effectiveFrom: soon(1) },
        400,
        /--gpu-hour a100=X \(gpuHour.a100\) "lots" is not an amount of money/,
      ],
      [{ ...base, qos: "gold", effectiveFrom: soon(1) }, 400, /QoS gold does not exist/],
      [
        { ...base, tenant: "nowhere", effectiveFrom: soon(1) },
        404,
        /tenant nowhere does not exist/,
      ],
    ];
    const before = (await ok("GET", "/api/v1/prices?history=true", undefined, t.cfo)).prices.length;
    for (const [body, status, message] of cases) {
      const r = await c.api("POST", "/api/v1/prices", body, t.cfo);
      expect([r.status, r.body.error?.message], JSON.stringify(body)).toEqual([
        status,
        expect.stringMatching(message),
      ]);
    }
    expect((await ok("GET", "/api/v1/prices?history=true", undefined, t.cfo)).prices.length).toBe(
      before,
    );
    const d = await c.api(
      "POST",
      "/api/v1/tenants/chem/discount",
      { percent: 150, effectiveFrom: soon(1) },
      t.cfo,
    );
    expect(d.status).toBe(400);
  });
});
