import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open.js";
import { startCenter, TEST_CONFIG, waitFor, workdir, type TestCenter } from "../helpers/center.js";
import { until } from "../helpers/until.js";

const PW = "Tenancy-pass-2026";
let c: TestCenter;
let phys: string;

const ok = (method: string, path: string, body?: unknown, token?: string) =>
  c.ok(method, path, body, token);

async function login(username: string, password = PW): Promise<string> {
  return (await ok("POST", "/api/v1/auth/login", { username, password })).token;
}

/** An account of tenant phys with its own owner and limits; returns the owner's token. */
async function account(
  name: string,
  limits: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Promise<string> {
  await ok("POST", "/api/v1/users", { username: `${name}-own`, tenant: "phys", password: PW });
  await ok("POST", "/api/v1/accounts", {
    name,
    tenant: "phys",
    owner: `${name}-own`,
    limits,
    ...extra,
  });
  return login(`${name}-own`);
}

beforeAll(async () => {
  c = await startCenter(
    TEST_CONFIG + "auth:\n  attemptsPerIpPerMinute: 10000\n  attemptsPerUserPerMinute: 1000\n",
  );
  const made = await ok("POST", "/api/v1/tenants", {
    name: "phys",
    admin: { username: "phys-admin" },
  });
  // no password given: a generated one, shown once
  expect(made.password).toMatch(/.{12,}/);
  phys = await login("phys-admin", made.password);
}, 60000);
afterAll(async () => {
  await c?.stop();
});

/** Start and end times each job appended to a shared log, as overlapping intervals → the most at once. */
function mostAtOnce(log: string): number {
  const events = readFileSync(log, "utf8")
    .trim()
    .split("\n")
    .map((l) => l.split(" "))
    .map(([k, t]) => ({ t: Number(t), d: k === "s" ? 1 : -1 }))
    .sort((a, b) => a.t - b.t || a.d - b.d);
  let now = 0;
  let most = 0;
  for (const e of events) most = Math.max(most, (now += e.d));
  return most;
}

describe("tenancy", () => {
  it("a tenant admin creates users and accounts in the tenant; an owner manages members and their limits", async () => {
    await ok("POST", "/api/v1/users", { username: "ann", password: PW }, phys);
    // a Unix identity is the center's to give, not the tenant's
    expect(
      (
        await c.api(
          "PATCH",
          "/api/v1/users/ann",
          { posix: { name: "ann", uid: 20001, gid: 20001 } },
          phys,
        )
      ).status,
    ).toBe(403);
    await ok("PATCH", "/api/v1/users/ann", {
      posix: { name: "ann", uid: 20001, gid: 20001, home: "/home/ann" },
    });
    await ok("POST", "/api/v1/users", { username: "ben", password: PW }, phys);
    await ok("POST", "/api/v1/accounts", { name: "optics", owner: "ann" }, phys);
    const ann = await login("ann");
    const members = await ok(
      "POST",
      "/api/v1/accounts/optics/members",
      { user: "ben", limits: { maxRunningJobs: 2, maxTimeLimit: "1:00:00" } },
      ann,
    );
    expect(members.members).toEqual([
      { user: "ann", role: "owner", limits: {} },
      { user: "ben", role: "member", limits: { maxRunningJobs: 2, maxTimeLimit: 3600 } },
    ]);
    const me = await ok("GET", "/api/v1/auth/whoami", undefined, await login("ben"));
    expect(me).toMatchObject({
      user: "ben",
      tenant: "phys",
      roles: [],
      accounts: [{ name: "optics", role: "member" }],
    });
    expect((await ok("GET", "/api/v1/users/ann", undefined, phys)).posix).toEqual({
      name: "ann",
      uid: 20001,
      gid: 20001,
      home: "/home/ann",
    });
    // an owner cannot create users; a member cannot add members
    expect(
      (await c.api("POST", "/api/v1/users", { username: "cat", password: PW }, ann)).status,
    ).toBe(403);
    expect(
      (
        await c.api(
          "POST",
          "/api/v1/accounts/optics/members",
          { user: "phys-admin" },
          await login("ben"),
        )
      ).status,
    ).toBe(403);
    // an account admin manages members, but makes no owners or admins
    await ok("PATCH", "/api/v1/accounts/optics/members/ben", { role: "admin" }, ann);
    const benAdmin = await login("ben");
    const owner = await c.api(
      "POST",
      "/api/v1/accounts/optics/members",
      { user: "phys-admin", role: "owner" },
      benAdmin,
    );
    expect([owner.status, owner.body.error.message]).toEqual([
      403,
      "only an owner of the account (or a tenant admin) may make or unmake an owner",
    ]);
    expect(
      (await c.api("POST", "/api/v1/accounts/optics/members", { user: "phys-admin" }, benAdmin))
        .status,
    ).toBe(201);
    expect(
      (await c.api("DELETE", "/api/v1/accounts/optics/members/phys-admin", undefined, benAdmin))
        .status,
    ).toBe(200);
    await ok("PATCH", "/api/v1/accounts/optics/members/ben", { role: "member" }, ann);
  });

  it("refuses bad input with a clear message and writes nothing of it", async () => {
    const cases: [string, string, unknown, number, RegExp][] = [
      [
        "POST",
        "/api/v1/tenants",
        { name: "phys", admin: { username: "zed", password: PW } },
        409,
        /tenant phys already exists/,
      ],
      [
        "POST",
        "/api/v1/tenants",
        { name: "Bad Name", admin: { username: "zed", password: PW } },
        400,
        /tenant name "Bad Name" is not valid/,
      ],
      [
        "POST",
        "/api/v1/tenants",
        { name: "chem", admin: { username: "zed", password: "short" } },
        400,
        /at least 10 characters/,
      ],
      [
        "POST",
        "/api/v1/tenants",
        { name: "chem", admin: { username: "ann", password: PW } },
        409,
        /user ann already exists/,
      ],
      [
        "POST",
        "/api/v1/users",
        { username: "ann", tenant: "phys", password: PW },
        409,
        /user ann already exists/,
      ],
      [
        "POST",
        "/api/v1/users",
        { username: "dan", tenant: "phys", password: PW, roles: ["wizard"] },
        400,
        /role wizard does not exist; roles: center-admin, center-finance, tenant-admin, tenant-finance/,
      ],
      [
        "POST",
        "/api/v1/users",
        { username: "dan", tenant: "phys", password: "dan-password-1" },
        400,
        /must not contain the user name/,
      ],
      [
        "POST",
        "/api/v1/users",
        { username: "dan", tenant: "phys", password: PW, posix: { uid: 20001, gid: 20001 } },
        409,
        /user ann already has uid 20001/,
      ],
      [
        "POST",
        "/api/v1/users",
        { username: "dan", tenant: "phys", password: PW, posix: { uid: 0, gid: 0 } },
        400,
        /posix.uid 0 is below the center's minimum uid 1000/,
      ],
      [
        "POST",
        "/api/v1/accounts",
        { name: "optics", tenant: "phys", owner: "ann" },
        409,
        /account optics already exists/,
      ],
      [
        "POST",
        "/api/v1/accounts",
        { name: "lasers", tenant: "phys", owner: "admin" },
        400,
        /user admin does not exist in tenant phys/,
      ],
      [
        "POST",
        "/api/v1/accounts",
        { name: "lasers", tenant: "phys", owner: "ann", allowed: { partitions: ["fat"] } },
        400,
        /allowed.partitions: fat does not exist; there are: cpu, gpu/,
      ],
      [
        "POST",
        "/api/v1/accounts",
        { name: "lasers", tenant: "phys", owner: "ann", limits: { maxCpus: -1 } },
        400,
        /limits.maxCpus/,
      ],
      [
        "POST",
        "/api/v1/accounts/optics/members",
        { user: "admin" },
        400,
        /user admin does not exist in tenant phys; an account's members are users of its tenant/,
      ],
      ["POST", "/api/v1/accounts/optics/members", { user: "ben" }, 409, /already a member/],
      [
        "POST",
        "/api/v1/accounts/optics/members",
        { user: "phys-admin", role: "boss" },
        400,
        /role boss does not exist; an account member is one of: member, admin, owner/,
      ],
      [
        "DELETE",
        "/api/v1/accounts/optics/members/ann",
        undefined,
        409,
        /last owner of account optics/,
      ],
      [
        "PATCH",
        "/api/v1/accounts/optics/members/ann",
        { role: "member" },
        409,
        /last owner of account optics; make someone else owner first/,
      ],
      ["POST", "/api/v1/accounts/optics/block", { reason: "  " }, 400, /say why/],
      ["POST", "/api/v1/accounts/optics/unblock", undefined, 409, /not blocked/],
      [
        "PATCH",
        "/api/v1/users/admin",
        { roles: [] },
        409,
        /cannot take the center-admin role from yourself/,
      ],
    ];
    // a tenant admin of the center's own tenant cannot touch the center's staff
    await ok("POST", "/api/v1/users", {
      username: "default-boss",
      password: PW,
      roles: ["tenant-admin"],
    });
    const boss = await login("default-boss");
    const takeover = await c.api(
      "PATCH",
      "/api/v1/users/admin",
      { password: "Takeover-pass-1" },
      boss,
    );
    expect([takeover.status, takeover.body.error.message]).toEqual([
      403,
      "user admin is center staff; only a center admin may change them",
    ]);
    const before = JSON.stringify([
      await ok("GET", "/api/v1/tenants"),
      await ok("GET", "/api/v1/users"),
      await ok("GET", "/api/v1/accounts"),
      await ok("GET", "/api/v1/accounts/optics/members"),
    ]);
    for (const [method, path, body, status, message] of cases) {
      const r = await c.api(method, path, body);
      expect(
        [r.status, r.body.error?.message],
        `${method} ${path} ${JSON.stringify(body)}`,
      ).toEqual([status, expect.stringMatching(message)]);
    }
    const after = JSON.stringify([
      await ok("GET", "/api/v1/tenants"),
      await ok("GET", "/api/v1/users"),
      await ok("GET", "/api/v1/accounts"),
      await ok("GET", "/api/v1/accounts/optics/members"),
    ]);
    expect(after).toBe(before);
  });

  it("holds an account's submit limit exactly under 200 concurrent submissions", async () => {
    const owner = await account("burst", { maxSubmitJobs: 50 });
    const dir = workdir();
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        c.api(
          "POST",
          "/api/v1/jobs",
          { script: "#!/bin/bash\ntrue\n", args: ["-H", "-A", "burst"], workdir: dir },
          owner,
        ),
      ),
    );
    const accepted = results.filter((r) => r.status === 201).length;
    expect(accepted).toBe(50);
    const refused = results.filter((r) => r.status !== 201);
    expect(
      refused.every(
        (r) =>
          r.status === 403 &&
          /account burst allows 50 jobs pending or running at once/.test(r.body.error.message),
      ),
    ).toBe(true);
    const listed = await ok("GET", "/api/v1/jobs?account=burst&limit=1000", undefined, owner);
    expect(listed.jobs.length).toBe(50);
  });

  it("keeps running limits under 200 concurrent submissions: never more at once than allowed, the rest wait with Slurm's reason", async () => {
    const owner = await account("runlim", { maxRunningJobs: 4 });
    const dir = workdir();
    const log = join(dir, "log");
    const script = `#!/bin/bash\necho "s $(date +%s%N)" >> ${log}\nsleep 0.1\necho "e $(date +%s%N)" >> ${log}\n`;
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        c.api("POST", "/api/v1/jobs", { script, args: ["-A", "runlim"], workdir: dir }, owner),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const waiting = await ok(
      "GET",
      "/api/v1/jobs?account=runlim&state=PENDING&limit=1000",
      undefined,
      owner,
    );
    expect(waiting.jobs.length).toBeGreaterThan(0);
    expect(waiting.jobs.some((j: { reason: string }) => j.reason === "AssocGrpJobsLimit")).toBe(
      true,
    );
    for (const r of results) await waitFor(c, r.body.id, undefined, 120000);
    expect(mostAtOnce(log)).toBe(4);
  }, 180000);

  it("per-member and resource limits: AssocMaxJobsLimit, AssocGrpCpuLimit, AssocGrpGRES", async () => {
    const dir = workdir();
    const sub = async (account: string, args: string[], token: string) =>
      (
        await ok(
          "POST",
          "/api/v1/jobs",
          { script: "#!/bin/bash\nsleep 30\n", args: ["-A", account, ...args], workdir: dir },
          token,
        )
      ).id as number;
    const reason = async (id: number) => (await ok("GET", `/api/v1/jobs/${id}`)).reason;
    const started: number[] = [];
    const waits = async (id: number, why: string) => {
      let seen: unknown;
      await until(
        `job ${id} waiting with ${why}`,
        async () => (seen = await reason(id)) === why,
        10000,
        () => seen,
      );
    };

    const cpu = await account("cpulim", { maxCpus: 4 });
    started.push(await sub("cpulim", ["-n", "3"], cpu));
    const b = await sub("cpulim", ["-n", "2"], cpu);
    await waits(b, "AssocGrpCpuLimit");

    const gres = await account("gpulim", { maxGpus: 1 });
    started.push(await sub("gpulim", ["--gpus=1", "-p", "gpu"], gres));
    const g2 = await sub("gpulim", ["--gpus=1", "-p", "gpu"], gres);
    await waits(g2, "AssocGrpGRES");

    const owner = await account("memlim");
    await ok("POST", "/api/v1/users", { username: "memlim-m", tenant: "phys", password: PW });
    await ok(
      "POST",
      "/api/v1/accounts/memlim/members",
      { user: "memlim-m", limits: { maxRunningJobs: 1 } },
      owner,
    );
    const m = await login("memlim-m");
    started.push(await sub("memlim", [], m));
    const m2 = await sub("memlim", [], m);
    await waits(m2, "AssocMaxJobsLimit");
    // the owner has no member limit: their job runs
    started.push(await sub("memlim", [], owner));
    for (const id of started) expect((await waitFor(c, id, ["RUNNING"])).state).toBe("RUNNING");

    // raising a limit lets the waiting job start at once
    await ok(
      "PATCH",
      "/api/v1/accounts/memlim/members/memlim-m",
      { limits: { maxRunningJobs: null } },
      owner,
    );
    await waitFor(c, m2, ["RUNNING"]);
    // a job that could never fit the account's limits is refused at once
    const never = await c.api(
      "POST",
      "/api/v1/jobs",
      { script: "#!/bin/bash\ntrue\n", args: ["-A", "cpulim", "-n", "5"], workdir: dir },
      cpu,
    );
    expect([never.status, never.body.error.message]).toEqual([
      403,
      "the job asks for 5 CPUs; account cpulim allows 4 at once, so it could never start",
    ]);
    // a member with jobs under way cannot be removed
    const busy = await c.api(
      "DELETE",
      "/api/v1/accounts/memlim/members/memlim-m",
      undefined,
      owner,
    );
    expect([busy.status, busy.body.error.message]).toEqual([
      409,
      expect.stringMatching(
        /^user memlim-m has 2 job\(s\) pending or running in account memlim; they end or are cancelled first/,
      ),
    ]);
    // the owner cancels a member's job: a manager's action on someone else's job is audited
    expect((await c.api("POST", `/api/v1/jobs/${m2}/cancel`, undefined, owner)).status).toBe(200);
    const rec = (await ok("GET", "/api/v1/audit?action=job.cancel")).records;
    expect(rec[0]).toMatchObject({
      actor: "memlim-own",
      target: `job ${m2}`,
      tenant: "phys",
      details: { owner: "memlim-m", account: "memlim" },
    });
    for (const id of [...started, b, g2]) await c.api("POST", `/api/v1/jobs/${id}/cancel`);
  });

  it("blocks and unblocks an account: new jobs refused with who and why, waiting ones wait as AccountBlocked, running ones go on", async () => {
    const owner = await account("blk");
    const dir = workdir();
    const running = (
      await ok(
        "POST",
        "/api/v1/jobs",
        { script: "#!/bin/bash\nsleep 2\n", args: ["-A", "blk"], workdir: dir },
        owner,
      )
    ).id;
    await waitFor(c, running, ["RUNNING"]);
    const waiting = (
      await ok(
        "POST",
        "/api/v1/jobs",
        { script: "#!/bin/bash\ntrue\n", args: ["-A", "blk", "--begin=now+1"], workdir: dir },
        owner,
      )
    ).id;
    const blocked = await ok(
      "POST",
      "/api/v1/accounts/blk/block",
      { reason: "project ended" },
      phys,
    );
    expect(blocked).toMatchObject({
      state: "blocked",
      blocks: [{ kind: "admin", by: "phys-admin", reason: "project ended" }],
    });
    const refused = await c.api(
      "POST",
      "/api/v1/jobs",
      { script: "#!/bin/bash\ntrue\n", args: ["-A", "blk"], workdir: dir },
      owner,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(
      /account blk is blocked by phys-admin since .*: project ended; ask your tenant admin/,
    );
    let seen: unknown;
    await until(
      "the waiting job of the blocked account waiting with AccountBlocked",
      async () => (seen = (await ok("GET", `/api/v1/jobs/${waiting}`)).reason) === "AccountBlocked",
      10000,
      () => seen,
    );
    expect((await waitFor(c, running)).state).toBe("COMPLETED");
    await ok("POST", "/api/v1/accounts/blk/unblock", undefined, phys);
    expect((await waitFor(c, waiting)).state).toBe("COMPLETED");
  });

  it("an account's allowed partitions and longest time limit are kept at submission", async () => {
    const owner = await account(
      "narrow",
      { maxTimeLimit: "30:00" },
      { allowed: { partitions: ["cpu"] } },
    );
    const dir = workdir();
    const gpu = await c.api(
      "POST",
      "/api/v1/jobs",
      { script: "#!/bin/bash\ntrue\n", args: ["-A", "narrow", "-p", "gpu"], workdir: dir },
      owner,
    );
    expect([gpu.status, gpu.body.error.message]).toEqual([
      403,
      "account narrow may not use partition gpu; it may use: cpu",
    ]);
    const long = await c.api(
      "POST",
      "/api/v1/jobs",
      { script: "#!/bin/bash\ntrue\n", args: ["-A", "narrow", "-t", "2:00:00"], workdir: dir },
      owner,
    );
    expect([long.status, long.body.error.message]).toEqual([
      403,
      "time limit 02:00:00 is longer than account narrow allows (30:00); ask for less with -t",
    ]);
    // without -t, the account's limit shortens the partition's default (unlimited here)
    const id = (
      await ok(
        "POST",
        "/api/v1/jobs",
        { script: "#!/bin/bash\ntrue\n", args: ["-A", "narrow"], workdir: dir },
        owner,
      )
    ).id;
    expect((await ok("GET", `/api/v1/jobs/${id}`)).timeLimit).toBe(1800);
  });

  it("records every change and sign-in in an append-only audit log, per tenant, filterable and as CSV", async () => {
    await c.api("POST", "/api/v1/auth/login", { username: "ben", password: "wrong-guess-1" }, null);
    const mine = await ok("GET", "/api/v1/audit?limit=1000", undefined, phys);
    expect(mine.records.every((r: { tenant: string }) => r.tenant === "phys")).toBe(true);
    const actions = new Set(mine.records.map((r: { action: string }) => r.action));
    for (const a of [
      "user.create",
      "account.create",
      "member.add",
      "account.block",
      "account.unblock",
      "auth.login",
    ])
      expect(actions).toContain(a);
    const failed = mine.records.find(
      (r: { action: string; result: string; actor: string }) =>
        r.action === "auth.login" && r.actor === "ben" && r.result !== "ok",
    );
    expect(failed).toMatchObject({ ip: "127.0.0.1", result: "wrong_password" });
    // refused attempts are recorded with their error code
    expect(
      mine.records.some(
        (r: { action: string; result: string }) =>
          r.action === "member.remove" || r.result === "conflict",
      ),
    ).toBe(true);
    const blocks = await ok("GET", "/api/v1/audit?action=account&result=ok", undefined, phys);
    expect(blocks.records.length).toBeGreaterThan(0);
    expect(
      blocks.records.every(
        (r: { action: string; result: string }) =>
          r.action.startsWith("account.") && r.result === "ok",
      ),
    ).toBe(true);
    const res = await fetch(`${c.url}/api/v1/audit?format=csv&action=account.block`, {
      headers: { authorization: `Bearer ${phys}` },
    });
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe("id,at,tenant,actor,ip,action,target,result,details");
    expect(lines.some((l) => l.includes("account blk") && l.includes("project ended"))).toBe(true);
    // the database itself refuses to change or remove a record
    const store = await openStore({ file: join(c.home, "guang.db") });
    await expect(store.db.updateTable("audit_log").set({ result: "ok" }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(store.db.deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
    await store.close();
  });

  it("browser sessions: an HttpOnly, SameSite cookie, and writes need the CSRF token", async () => {
    const res = await fetch(`${c.url}/api/v1/auth/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "ben", password: PW }),
    });
    expect(res.status).toBe(200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((x) => x.startsWith("guang_session="))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(cookies.find((x) => x.startsWith("guang_csrf="))).not.toMatch(/HttpOnly/);
    const cookie = session.split(";")[0]!;
    const whoami = await fetch(`${c.url}/api/v1/auth/whoami`, { headers: { cookie } });
    expect(((await whoami.json()) as { user: string }).user).toBe("ben");
    const post = (headers: Record<string, string>) =>
      fetch(`${c.url}/api/v1/tokens`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", ...headers },
        body: JSON.stringify({ name: "from-browser" }),
      });
    const forged = await post({});
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("csrf");
    expect((await post({ "x-csrf-token": "x".repeat(43) })).status).toBe(403);
    expect((await post({ "x-csrf-token": csrfToken })).status).toBe(201);
    const out = await fetch(`${c.url}/api/v1/auth/session`, {
      method: "DELETE",
      headers: { cookie, "x-csrf-token": csrfToken },
    });
    expect(out.status).toBe(200);
    expect(
      out.headers
        .getSetCookie()
        .some((x) => x.startsWith("guang_session=;") && x.includes("Max-Age=0")),
    ).toBe(true);
    expect((await fetch(`${c.url}/api/v1/auth/whoami`, { headers: { cookie } })).status).toBe(401);
  });

  it("rate-limits sign-in per address; a forged X-Forwarded-For does not help, a trusted proxy's does count", async () => {
    const attempt = (center: TestCenter, from: string) =>
      fetch(`${center.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": from },
        body: JSON.stringify({ username: "someone", password: "whatever-1" }),
      }).then((r) => r.status);
    // the helper signs in as admin and changes the password (two attempts): three more are allowed
    const direct = await startCenter(TEST_CONFIG + "auth:\n  attemptsPerIpPerMinute: 5\n");
    const proxied = await startCenter(
      TEST_CONFIG + "server:\n  trustProxy: true\nauth:\n  attemptsPerIpPerMinute: 4\n",
    );
    try {
      const codes: number[] = [];
      for (const ip of ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"])
        codes.push(await attempt(direct, ip));
      expect(codes).toEqual([401, 401, 401, 429]);
      await attempt(direct, "10.0.0.5");
      // the flood is recorded once, when it is first refused
      const refusals = (await direct.api("GET", "/api/v1/audit?result=too_many_attempts")).body
        .records;
      expect(refusals.map((r: { actor: string; ip: string }) => [r.actor, r.ip])).toEqual([
        ["someone", "127.0.0.1"],
      ]);
      const behind: number[] = [];
      for (let i = 0; i < 5; i++) behind.push(await attempt(proxied, "6.6.6.6, 10.0.0.9"));
      expect(behind).toEqual([401, 401, 401, 401, 429]);
      expect(await attempt(proxied, "10.0.0.10")).toBe(401);
      const audit = (await proxied.api("GET", "/api/v1/audit?actor=someone&limit=1")).body
        .records[0];
      expect(audit.ip).toBe("10.0.0.10");
    } finally {
      await direct.stop();
      await proxied.stop();
    }
  });
});
