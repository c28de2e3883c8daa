import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, startCenter, type TestCenter } from "../helpers/center.js";

let c: TestCenter;
beforeAll(async () => {
  c = await startCenter();
});
afterAll(async () => {
  await c?.stop();
});

const PW = "Cli-tenancy-pass-1\n";

describe("guang admin and guang account", () => {
  it("creates a tenant, a user with a POSIX identity, an account with limits, and manages members", async () => {
    const t = cli(
      c,
      ["admin", "tenant", "create", "bio", "--admin", "bio-boss", "--password-stdin"],
      { input: PW },
    );
    expect([t.code, t.stdout]).toEqual([0, "Created tenant bio with tenant admin bio-boss\n"]);
    const gen = cli(c, ["admin", "user", "create", "lab2", "--tenant", "bio"]);
    expect(gen.stdout).toMatch(
      /^Created user lab2 in tenant bio\nInitial password of lab2 \(shown once\): \S{12,}\n$/,
    );
    expect(
      cli(
        c,
        [
          "admin",
          "user",
          "create",
          "lab1",
          "--tenant",
          "bio",
          "--unix-name",
          "lab1",
          "--uid",
          "40001",
          "--gid",
          "40001",
          "--home",
          "/home/lab1",
          "--password-stdin",
        ],
        { input: PW },
      ).code,
    ).toBe(0);
    const shown = cli(c, ["admin", "user", "show", "lab1"]);
    expect(shown.stdout).toContain("Posix: name=lab1 uid=40001 gid=40001 home=/home/lab1");
    const acct = cli(c, [
      "admin",
      "account",
      "create",
      "genome",
      "--tenant",
      "bio",
      "--owner",
      "bio-boss",
      "--max-cpus",
      "8",
      "--max-time",
      "1-00:00:00",
      "--partitions",
      "cpu",
    ]);
    expect(acct.code).toBe(0);
    expect(acct.stdout).toContain("Limits: maxCpus=8 maxTimeLimit=1-00:00:00");
    expect(acct.stdout).toContain("Allowed: partitions=cpu");
    const tenants = JSON.parse(cli(c, ["admin", "tenant", "list", "--json"]).stdout);
    expect(tenants.tenants.find((x: { name: string }) => x.name === "bio")).toMatchObject({
      users: 3,
      accounts: 1,
    });

    // the owner manages members with their own token
    const token = (
      await c.api("POST", "/api/v1/auth/login", { username: "bio-boss", password: PW.trim() }, null)
    ).body.token;
    const as = { env: { GUANG_TOKEN: token } };
    expect(
      cli(c, ["account", "members", "add", "genome", "lab1", "--max-running-jobs", "2"], as).code,
    ).toBe(0);
    const members = cli(c, ["account", "members", "genome"], as);
    expect(members.stdout.split("\n")[0]).toMatch(/^USER\s+ROLE\s+LIMITS$/);
    expect(members.stdout).toMatch(/lab1\s+member\s+maxRunningJobs=2/);
    expect(
      cli(
        c,
        [
          "account",
          "members",
          "set",
          "genome",
          "lab1",
          "--max-running-jobs",
          "none",
          "--role",
          "admin",
        ],
        as,
      ).stdout,
    ).toMatch(/lab1\s+admin\s+-/);
    const last = cli(c, ["account", "members", "remove", "genome", "bio-boss"], as);
    expect([last.code, last.stderr]).toEqual([
      1,
      "guang: error: user bio-boss is the last owner of account genome; an account keeps at least one owner\n",
    ]);
    expect(
      JSON.parse(cli(c, ["account", "list", "--json"], as).stdout).accounts.map(
        (a: { name: string }) => a.name,
      ),
    ).toEqual(["genome"]);

    const blocked = cli(c, ["admin", "account", "block", "genome", "--reason", "annual review"]);
    expect(blocked.stdout).toMatch(
      /State=blocked[\s\S]*Blocked \(admin\) by admin at .*: annual review/,
    );
    expect(cli(c, ["admin", "account", "unblock", "genome"]).stdout).toContain("State=active");
    const csv = cli(c, ["admin", "audit", "--tenant", "bio", "--csv"]);
    expect(csv.stdout.split("\r\n")[0]).toBe("id,at,tenant,actor,ip,action,target,result,details");
    expect(csv.stdout).toContain("account.block");
    const audit = cli(c, ["admin", "audit", "--tenant", "bio", "--action", "member"]);
    expect(audit.stdout.split("\n")[0]).toMatch(
      /^TIME\s+TENANT\s+ACTOR\s+FROM\s+ACTION\s+TARGET\s+RESULT$/,
    );
    expect(audit.stdout).toMatch(
      /bio-boss\s+127\.0\.0\.1\s+member\.remove\s+account genome user bio-boss\s+conflict/,
    );
  });

  it("disables a tenant with a reason and enables it again, as scontrol shows things", () => {
    const off = cli(c, ["admin", "tenant", "disable", "bio", "--reason", "Contract ended"]);
    expect([off.code, off.stdout]).toEqual([
      0,
      expect.stringMatching(
        /^Tenant=bio Users=\d+ Accounts=\d+ Created=\S+ State=DISABLED By=admin Since=\S+ Reason="Contract ended"\n$/,
      ),
    ]);
    const json = JSON.parse(cli(c, ["admin", "tenant", "show", "bio", "--json"]).stdout);
    expect(json.disabled).toMatchObject({ by: "admin", reason: "Contract ended" });
    const on = cli(c, ["admin", "tenant", "enable", "bio"]);
    expect([on.code, on.stdout]).toEqual([0, expect.stringMatching(/ State=ACTIVE\n$/)]);
  });

  it("says what is wrong: exit 2 for usage and for values the server finds wrong, 1 for its refusals", () => {
    const cases: [string[], number, RegExp][] = [
      [["admin", "tenant", "create", "chem"], 2, /name its first admin with --admin USER/],
      [
        ["admin", "nosuch"],
        2,
        /unknown subcommand "nosuch"; there are: tenant, user, account, cluster, audit/,
      ],
      [["admin", "user", "create", "x1", "--role", "wizard"], 2, /role wizard does not exist/],
      [
        ["admin", "account", "create", "acct2", "--owner", "nobody-such"],
        2,
        /user nobody-such does not exist in tenant default/,
      ],
      [
        ["admin", "account", "set", "genome", "--max-cpus", "many"],
        2,
        /--max-cpus many: give a whole number, or "none"/,
      ],
      [["admin", "account", "block", "genome"], 2, /say why with --reason/],
      [["admin", "tenant", "disable", "bio"], 2, /say why with --reason TEXT/],
      [["admin", "tenant", "enable", "bio"], 1, /tenant bio is not disabled/],
      [["account", "members", "add", "genome"], 2, /usage: guang account members add ACCOUNT USER/],
      [["admin", "cluster", "disable", "local"], 2, /say why with --reason/],
      [
        ["admin", "cluster", "disable", "mars", "--reason", "x"],
        1,
        /cluster mars does not exist; clusters: local/,
      ],
    ];
    for (const [args, code, message] of cases) {
      const r = cli(c, args);
      expect([r.code, r.stderr], args.join(" ")).toEqual([code, expect.stringMatching(message)]);
    }
  });
});
