import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cli,
  startCenter,
  submit,
  TEST_CONFIG,
  waitFor,
  workdir,
  type TestCenter,
} from "../helpers/center.js";
import { CLI } from "../helpers/traces.js";
import { openEvents } from "../helpers/events.js";
import { until, within } from "../helpers/until.js";

/** What an ordinary account holder tried against a center, and what must hold (issue 11). */
let c: TestCenter;
const PW = "Secret-pass-1";
const ok = (method: string, path: string, body?: unknown, token?: string) =>
  c.ok(method, path, body, token);
const login = async (user: string, password = PW) =>
  (await ok("POST", "/api/v1/auth/login", { username: user, password }, null as never))
    .token as string;

beforeAll(async () => {
  c = await startCenter(
    TEST_CONFIG + "auth:\n  maxStreamsPerUser: 3\n  attemptsPerIpPerMinute: 1000\n",
  );
  await ok("POST", "/api/v1/tenants", {
    name: "lab",
    admin: { username: "lab-admin", password: PW },
  });
  await ok("POST", "/api/v1/users", {
    username: "lab-fin",
    tenant: "lab",
    password: PW,
    roles: ["tenant-finance"],
  });
  await ok("POST", "/api/v1/users", { username: "cfo", password: PW, roles: ["center-finance"] });
  await ok("POST", "/api/v1/users", { username: "dave", tenant: "lab", password: PW });
  await ok("POST", "/api/v1/accounts", { name: "lab-proj", tenant: "lab", owner: "dave" });
});
afterAll(async () => {
  await c?.stop();
});

describe("security", () => {
  it("credit and whitelisting are the center's finance's, not the tenant's", async () => {
    const fin = await login("lab-fin");
    for (const body of [{ creditLimit: "1000000" }, { whitelisted: true }]) {
      const r = await c.api("PATCH", "/api/v1/accounts/lab-proj/billing", body, fin);
      expect(r.status).toBe(403);
      expect(r.body.error.message).toMatch(
        /only the center's finance may set an account's creditLimit or whitelisted/,
      );
    }
    expect((await ok("GET", "/api/v1/accounts/lab-proj/billing", undefined, fin)).creditLimit).toBe(
      "0.00",
    );
    expect(
      (await c.api("PATCH", "/api/v1/accounts/lab-proj/billing", { threshold: "1" }, fin)).status,
    ).toBe(200);
    expect(
      (
        await c.api(
          "PATCH",
          "/api/v1/accounts/lab-proj/billing",
          { creditLimit: "50" },
          await login("cfo"),
        )
      ).status,
    ).toBe(200);
  });

  it("a password change ends every other session and token; an admin's reset ends all and asks for a new one", async () => {
    const s1 = await login("dave");
    const s2 = await login("dave");
    const api = (await ok("POST", "/api/v1/tokens", { name: "script" }, s1)).token;
    const s2Stream = await openEvents(c.url, s2);
    expect(s2Stream.status).toBe(200);
    await ok("POST", "/api/v1/auth/password", { current: PW, password: "Secret-pass-2" }, s1);
    expect((await c.api("GET", "/api/v1/auth/whoami", undefined, s1)).status).toBe(200);
    for (const t of [s2, api])
      expect((await c.api("GET", "/api/v1/auth/whoami", undefined, t)).status).toBe(401);
    await within(s2Stream.ended, 10000, "the event stream of the ended session closing");
    const audit = (await ok("GET", "/api/v1/audit?action=auth.password")).records;
    expect(audit.map((r: { actor: string; result: string }) => `${r.actor} ${r.result}`)).toContain(
      "dave ok",
    );

    // the admin sets a password: every session and token ends, and the user must choose their own first
    const s3 = await login("dave", "Secret-pass-2");
    const api2 = (await ok("POST", "/api/v1/tokens", { name: "script2" }, s3)).token;
    await ok("PATCH", "/api/v1/users/dave", { password: "Admin-chosen-1" });
    for (const t of [s1, s3, api2])
      expect((await c.api("GET", "/api/v1/auth/whoami", undefined, t)).status).toBe(401);
    const first = await ok(
      "POST",
      "/api/v1/auth/login",
      { username: "dave", password: "Admin-chosen-1" },
      null as never,
    );
    expect(first.mustChangePassword).toBe(true);
    const refused = await c.api("GET", "/api/v1/jobs", undefined, first.token);
    expect([refused.status, refused.body.error.code]).toEqual([403, "password_change_required"]);
    await ok(
      "POST",
      "/api/v1/auth/password",
      { current: "Admin-chosen-1", password: PW },
      first.token,
    );
    expect((await c.api("GET", "/api/v1/jobs", undefined, first.token)).status).toBe(200);
  });

  it("event streams: at most maxStreamsPerUser each, and a revoked token's stream ends", async () => {
    const t = await login("lab-admin");
    const open = [
      await openEvents(c.url, t),
      await openEvents(c.url, t),
      await openEvents(c.url, t),
    ];
    expect(open.map((s) => s.status)).toEqual([200, 200, 200]);
    expect((await openEvents(c.url, t)).status).toBe(429);
    const tok = await ok("POST", "/api/v1/tokens", { name: "watch" }, t);
    const other = await openEvents(c.url, await login("lab-fin"));
    expect(other.status).toBe(200);
    await ok("DELETE", `/api/v1/tokens/${tok.id}`, undefined, t);
    await ok("DELETE", "/api/v1/auth/session", undefined, t);
    await within(
      Promise.all(open.map((s) => s.ended)),
      10000,
      "the streams of a signed-out session closing",
    );
    other.stop();
  });

  it("API tokens have a longest life", async () => {
    const t = await login("lab-admin");
    const long = await c.api("POST", "/api/v1/tokens", { name: "forever", expiresInDays: 4000 }, t);
    expect(long.status).toBe(400);
    const plain = await ok("POST", "/api/v1/tokens", { name: "plain" }, t);
    expect(Date.parse(plain.expiresAt)).toBeLessThanOrEqual(Date.now() + 365 * 86400000 + 60000);
  });

  it("headers: no caching, no sniffing, no framing, a CSP; a malformed escape is a 400", async () => {
    const r = await fetch(`${c.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "dave", password: PW }),
    });
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("referrer-policy")).toBe("no-referrer");
    expect(r.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    const bad = await c.api("GET", "/api/v1/jobs/%");
    expect([bad.status, bad.body.error.code]).toEqual([400, "invalid_input"]);
  });

  it("scripts as sbatch takes them: CRLF and NUL refused, control characters refused in values, non-UTF-8 refused by the CLI", async () => {
    const crlf = await c.api("POST", "/api/v1/jobs", {
      script: "#!/bin/bash\r\necho hi\r\n",
      workdir: workdir(),
    });
    expect(crlf.status).toBe(400);
    expect(crlf.body.error.message).toMatch(/DOS line breaks.*line 1.*dos2unix/);
    expect(
      (
        await c.api("POST", "/api/v1/jobs", {
          script: "#!/bin/bash\necho \0\n",
          workdir: workdir(),
        })
      ).status,
    ).toBe(400);
    const named = await c.api("POST", "/api/v1/jobs", {
      script: "#!/bin/bash\ntrue\n",
      options: { "job-name": "a\nFAKE 1 COMPLETED" },
      workdir: workdir(),
    });
    expect([named.status, named.body.error.message]).toEqual([
      400,
      'option "job-name": --job-name contains a control character (code 10); use printable characters only',
    ]);
    const dir = workdir();
    writeFileSync(
      join(dir, "gbk.sh"),
      Buffer.concat([
        Buffer.from("#!/bin/bash\necho "),
        Buffer.from([0xc4, 0xe3, 0xba, 0xc3]),
        Buffer.from("\n"),
      ]),
    );
    const r = cli(c, ["submit", "gbk.sh"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /gbk.sh is not UTF-8 text \(first at line 2\); convert it, e\.g\. iconv/,
    );
  });

  it("a job whose script never ran is not charged", async () => {
    const cfo = await login("cfo");
    await ok(
      "POST",
      "/api/v1/prices",
      {
        cluster: "local",
        partition: "gpu",
        effectiveFrom: new Date(Date.now() + 500).toISOString(),
        cpuHour: "0.0001",
        minCharge: "0.5",
      },
      cfo,
    );
    await ok("POST", "/api/v1/tenants/default/recharge", { amount: "10" }, cfo);
    await ok("POST", "/api/v1/accounts/default/transfer", { amount: "10" }, cfo);
    await until("the new gpu price in force", async () => {
      const prices = (await ok("GET", "/api/v1/prices?cluster=local&partition=gpu")).prices as {
        minCharge: string;
      }[];
      return prices.some((p) => p.minCharge === "0.50");
    });
    const dir = workdir();
    const locked = join(dir, "read-only");
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const id = await submit(c, "#!/bin/bash\necho ran\n", {
      args: ["-p", "gpu", "-t", "1", "-o", join(locked, "out.txt")],
      workdir: dir,
    });
    const job = await waitFor(c, id);
    expect(job.state).toBe("FAILED");
    expect(job.reason).toMatch(/cannot open the output file/);
    expect(job.cost).toBe("0.00");
    // and one that ran pays the minimum
    const ran = await waitFor(
      c,
      await submit(c, "#!/bin/bash\ntrue\n", { args: ["-p", "gpu", "-t", "1"], workdir: dir }),
    );
    expect(ran.cost).toBe("0.50");
  });

  it("cancel holds: A and the job waiting on it cancelled together never start the second (50 times), and a job cancelled as it starts ends by SIGTERM", async () => {
    const dir = workdir();
    for (let i = 0; i < 50; i++) {
      const a = await submit(c, "#!/bin/bash\nsleep 30\n", { workdir: dir });
      await waitFor(c, a, ["RUNNING"]);
      const b = await submit(c, "#!/bin/bash\ntrue\n", {
        args: [`--dependency=afterany:${a}`],
        workdir: dir,
      });
      const r = cli(c, ["cancel", String(a), String(b)]);
      expect(r.code, r.stderr).toBe(0);
      const [ja, jb] = [await waitFor(c, a), await waitFor(c, b)];
      expect([ja.state, jb.state, jb.startTime]).toEqual(["CANCELLED", "CANCELLED", null]);
    }
    for (let i = 0; i < 20; i++) {
      const r = await c.api("POST", "/api/v1/jobs", {
        script: "#!/bin/bash\nsleep 30\n",
        workdir: dir,
      });
      await ok("POST", `/api/v1/jobs/${r.body.id}/cancel`);
      const j = await waitFor(c, r.body.id, undefined, 10000);
      expect(j.state).toBe("CANCELLED");
      // never the kill wait's SIGKILL: a cancel reaches the job the moment it has a process
      expect(
        j.signal === null || j.signal === 0 || j.signal === 15,
        `job ${j.id} ended by signal ${j.signal}`,
      ).toBe(true);
    }
  });

  it("one server per home: a second one refuses, naming the first", async () => {
    const second = spawn(process.execPath, [CLI, "serve", "--home", c.home, "--port", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    second.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    const code = await within(
      new Promise<number | null>((r) => second.once("exit", r)),
      20000,
      "the second server exiting",
    );
    expect(code).toBe(1);
    expect(err).toMatch(
      new RegExp(
        `another guang serve \\(pid ${c.proc.pid}, ${c.url.replace(/[.]/g, "\\.")}, since .*\\) uses the home`,
      ),
    );
    // the first still runs jobs
    expect(
      (await waitFor(c, await submit(c, "#!/bin/bash\ntrue\n", { workdir: workdir() }))).state,
    ).toBe("COMPLETED");
  });
});
