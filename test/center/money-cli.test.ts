import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cli,
  SMALL_CLUSTER,
  startCenter,
  submit,
  waitFor,
  workdir,
  type TestCenter,
} from "../helpers/center.js";

/** The CLI for what finance and every user do through the API: billing settings, refunds, discounts, tokens. */
let c: TestCenter;
let cfo: { env: Record<string, string> };
let tenantAdmin: { env: Record<string, string> };

beforeAll(async () => {
  c = await startCenter(SMALL_CLUSTER);
  await c.ok("POST", "/api/v1/users", {
    username: "cfo",
    password: "Secret-pass-1",
    roles: ["center-finance"],
  });
  const token = (
    await c.ok("POST", "/api/v1/auth/login", { username: "cfo", password: "Secret-pass-1" }, null)
  ).token;
  cfo = { env: { GUANG_TOKEN: token } };
  // the first admin holds center finance too: a tenant admin shows the refusal
  await c.ok("POST", "/api/v1/users", {
    username: "tadmin",
    password: "Secret-pass-1",
    roles: ["tenant-admin"],
  });
  const tadmin = (
    await c.ok(
      "POST",
      "/api/v1/auth/login",
      { username: "tadmin", password: "Secret-pass-1" },
      null,
    )
  ).token;
  tenantAdmin = { env: { GUANG_TOKEN: tadmin } };
});
afterAll(async () => {
  await c?.stop();
});

describe("guang money and guang tokens", () => {
  it("setting a price that is not free names the accounts it stops (nothing to spend)", async () => {
    const free = cli(c, ["money", "price", "cpu", "--cpu-hour", "0", "--from", "now"], cfo);
    expect([free.code, free.stderr]).toEqual([0, ""]);
    const args = [
      "money",
      "price",
      "cpu",
      "--cpu-hour",
      "36",
      "--min-charge",
      "0.01",
      "--tenant",
      "default",
      "--from",
      "now",
    ];
    // not at a terminal, and not confirmed: nothing is set, and the accounts are named
    const asked = cli(c, args, cfo);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toMatch(
      /^guang money price: nothing set: 1 account\(s\) have nothing to spend, so this price would refuse their jobs on local\/cpu: default\. Give them money .*; or set it anyway with --yes\n$/,
    );
    const prices = JSON.parse(cli(c, ["money", "prices", "--json"], cfo).stdout) as {
      prices: { tenant: string | null }[];
    };
    expect(prices.prices.filter((p) => p.tenant === "default")).toEqual([]);
    const priced = cli(c, [...args, "--yes"], cfo);
    expect(priced.code).toBe(0);
    expect(priced.stderr).toMatch(
      /^guang: warning: 1 account\(s\) have nothing to spend, so their jobs on this partition are refused from \S+: default\n$/,
    );
  });

  it("shows and sets an account's money settings; refunds a job; gives a tenant a discount", async () => {
    const shown = cli(c, ["money", "billing", "default"], cfo);
    expect([shown.code, shown.stderr]).toEqual([0, ""]);
    expect(shown.stdout).toMatch(/^Account=default Available=0\.00 CNY\n\s+Threshold=0\.00/);
    const set = cli(
      c,
      ["money", "billing", "default", "--threshold", "5", "--credit", "100", "--whitelist"],
      cfo,
    );
    expect([set.code, set.stderr]).toEqual([0, ""]);
    expect(set.stdout).toMatch(/Available=100\.00 CNY/);
    expect(set.stdout).toMatch(
      /Threshold=5\.00 LowBalance=0\.00 CreditLimit=100\.00 Whitelisted=yes/,
    );
    // only the center's finance gives credit
    const refused = cli(c, ["money", "billing", "default", "--credit", "1"], tenantAdmin);
    expect([refused.code, refused.stderr]).toEqual([
      1,
      expect.stringMatching(
        /you may not change an account's money settings \(credit and whitelist need center finance\) \(money.settings\) on account default; that needs one of the roles center-finance, tenant-finance/,
      ),
    ]);

    await c.ok("POST", "/api/v1/tenants/default/recharge", { amount: "50" }, cfo.env.GUANG_TOKEN);
    await c.ok("POST", "/api/v1/accounts/default/transfer", { amount: "50" }, cfo.env.GUANG_TOKEN);
    await c.ok(
      "POST",
      "/api/v1/prices",
      {
        cluster: "local",
        partition: "cpu",
        effectiveFrom: new Date().toISOString(),
        cpuHour: "36",
        minCharge: "0.01",
      },
      cfo.env.GUANG_TOKEN,
    );
    const id = await submit(c, "#!/bin/bash\ntrue\n", { workdir: workdir(), args: ["-t", "1:00"] });
    expect((await waitFor(c, id)).cost).toBe("0.01");
    const refund = cli(c, ["money", "refund", String(id), "0.01", "--reason", "node fault"], cfo);
    expect([refund.code, refund.stdout]).toEqual([0, `Refunded 0.01 CNY for job ${id}\n`]);
    expect(cli(c, ["money", "refund", String(id), "0.01", "--reason", "again"], cfo).code).toBe(1);
    expect(cli(c, ["money", "refund", String(id), "0.01"], cfo).code).toBe(2);
    // the cost where a Slurm user looks: sacct's default lines, scontrol's; the ledger names the job
    const history = cli(c, ["history", "-j", String(id)]).stdout.split("\n");
    expect(history[0]).toMatch(
      /^JobID\s+JobName\s+Partition\s+Account\s+AllocCPUS\s+State\s+ExitCode\s+Cost$/,
    );
    expect(history[1]).toMatch(new RegExp(`^${id}\\s+.*COMPLETED\\s+0:0\\s+0\\.01$`));
    expect(cli(c, ["show", String(id)]).stdout).toMatch(/\n {3}Cost=0\.01\n/);
    const ledger = cli(c, ["money", "ledger", "--account", "default"], cfo).stdout.split("\n");
    expect(ledger[0]).toMatch(/^ID\s+TIME\s+KIND\s+JOBID\s+BY\s+POSTINGS\s+REASON$/);
    // times as Slurm prints them: local, to the second, no zone
    expect(ledger.find((l) => / refund /.test(l))).toMatch(
      new RegExp(`^\\d+\\s+\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\s+refund\\s+${id}\\s`),
    );
    expect(
      cli(c, ["history", "-j", String(id), "-P", "-n", "--format", "JobID,ReqMem", "--units", "K"])
        .stdout,
    ).toMatch(new RegExp(`^${id}\\|2097152K\\n$`));
    expect(cli(c, ["history", "--units", "X"]).code).toBe(2);

    // a member sees what the account can spend and its grants left, not the ledger
    await c.ok("POST", "/api/v1/users", { username: "member1", password: "Secret-pass-1" });
    await c.ok("POST", "/api/v1/accounts/default/members", { user: "member1" });
    const member = {
      env: {
        GUANG_TOKEN: (
          await c.ok(
            "POST",
            "/api/v1/auth/login",
            { username: "member1", password: "Secret-pass-1" },
            null,
          )
        ).token,
      },
    };
    expect(cli(c, ["account", "show", "default"], member).stdout).toMatch(
      /\n {3}Spendable: 150\.00 CNY; grants left: 0 core-hours, 0 GPU-hours$/m,
    );
    expect(cli(c, ["money", "balance", "--account", "default"], member).code).toBe(1);
    const discount = cli(c, ["money", "discount", "default", "10", "--from", "now"], cfo);
    expect([discount.code, discount.stdout]).toEqual([
      0,
      expect.stringMatching(/^Tenant default: 10% off from \d{4}-/),
    ]);
    expect(cli(c, ["money", "discount", "default", "110", "--from", "now"], cfo).code).toBe(2);
  });

  it("makes, lists and revokes API tokens, showing a secret only once", async () => {
    const made = cli(c, ["tokens", "create", "ci-runner", "--days", "30"]);
    expect([made.code, made.stderr]).toEqual([0, ""]);
    const secret = /\n(guang_\S+)\n$/.exec(made.stdout)?.[1];
    expect(secret).toBeDefined();
    const id = /^Token (\d+) "ci-runner"/.exec(made.stdout)![1]!;
    // the new token works, and is not shown again
    expect(cli(c, ["jobs"], { env: { GUANG_TOKEN: secret! } }).code).toBe(0);
    const listed = cli(c, ["tokens", "list"]);
    expect(listed.stdout).toMatch(new RegExp(`^${id}\\s+ci-runner\\s+api\\s`, "m"));
    expect(listed.stdout).not.toContain(secret!);
    expect(cli(c, ["tokens", "revoke", id]).stdout).toBe(`Revoked token ${id}\n`);
    expect(cli(c, ["jobs"], { env: { GUANG_TOKEN: secret! } }).code).toBe(1);
    expect(cli(c, ["tokens", "create", "x", "--days", "soon"]).code).toBe(2);
  });
});
