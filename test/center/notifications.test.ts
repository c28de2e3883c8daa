import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { render } from "../../src/services/formats/mail-templates.js";
import { until } from "../helpers/until.js";
import { startSmtp, type Mail } from "../helpers/smtp.js";
import { startCenter, TEST_CONFIG, waitFor, workdir, type TestCenter } from "../helpers/center.js";

const PW = "Notify-pass-2026";
let c: TestCenter;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let inbox: Mail[] = [];

const latin1ToUtf8 = (s: string) => Buffer.from(s, "latin1").toString("utf8");

/** The text of a mail, its transfer encoding (base64 or quoted-printable) undone. */
function body(m: Mail): string {
  const [head, ...rest] = m.data.split("\r\n\r\n");
  const raw = rest.join("\r\n\r\n");
  const cte = /Content-Transfer-Encoding:\s*(\S+)/i.exec(head!)?.[1]?.toLowerCase();
  if (cte === "base64") return Buffer.from(raw.replace(/\s/g, ""), "base64").toString("utf8");
  if (cte === "quoted-printable")
    return latin1ToUtf8(
      raw
        .replace(/=\r\n/g, "")
        .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
    );
  return raw;
}

/** Waits until a mail whose text matches arrives, and returns it. */
function mail(match: RegExp, timeoutMs = 15000): Promise<Mail> {
  return until(
    `a mail matching ${match}`,
    () => inbox.find((x) => match.test(body(x))),
    timeoutMs,
    () => inbox.map((x) => x.data.split("\r\n").find((l) => l.startsWith("Subject:"))),
  );
}

/** Subjects are MIME-encoded (UTF-8): decode them to compare. */
function subject(m: Mail): string {
  const line = m.data
    .split("\r\n\r\n")[0]!
    .replace(/\r\n\s+/g, " ")
    .split("\r\n")
    .find((l) => l.startsWith("Subject:"))!
    .slice(9);
  return line.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s?/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : latin1ToUtf8(
          text
            .replace(/_/g, " ")
            .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
        ),
  );
}

beforeAll(async () => {
  smtp = await startSmtp();
  inbox = smtp.inbox;
  c = await startCenter(`${TEST_CONFIG}billing:\n  grantSweepSeconds: 0.5\n${smtp.config("zh")}`);
}, 60000);
afterAll(async () => {
  await c?.stop();
  await smtp?.stop();
});

describe("e-mail through a real SMTP server", () => {
  it("tells a job's user when it begins and ends, as --mail-type asks", async () => {
    const r = await c.api("POST", "/api/v1/jobs", {
      script: "#!/bin/bash\n#SBATCH -J mailme --mail-type=ALL --mail-user=ann@lab.example\ntrue\n",
      workdir: workdir(),
    });
    expect(r.status).toBe(201);
    await waitFor(c, r.body.id);
    const begin = await mail(new RegExp(`作业 ${r.body.id}（mailme）已于 .*上开始运行`));
    expect(begin.to).toEqual(["ann@lab.example"]);
    const end = await mail(
      new RegExp(`作业 ${r.body.id}（mailme）已于 .* 结束：COMPLETED，退出码 0:0`),
    );
    expect(subject(end)).toBe(`光：作业 ${r.body.id}（mailme）已结束：COMPLETED`);
    // a job that asked for nothing sends nothing
    const quiet = await c.api("POST", "/api/v1/jobs", {
      script: "#!/bin/bash\n#SBATCH -J quiet\ntrue\n",
      workdir: workdir(),
    });
    await waitFor(c, quiet.body.id);
    // a later job's mail has come: any mail of the quiet one (decided at its end) would be here
    const marker = await c.api("POST", "/api/v1/jobs", {
      script: "#!/bin/bash\n#SBATCH -J marker --mail-type=END --mail-user=ann@lab.example\ntrue\n",
      workdir: workdir(),
    });
    await waitFor(c, marker.body.id);
    await mail(new RegExp(`作业 ${marker.body.id}（marker）已于 .* 结束`));
    expect(inbox.some((m) => body(m).includes("quiet"))).toBe(false);
  });

  it("sends the job mails a user chose in their profile for jobs that name none", async () => {
    const bad = await c.api("PATCH", "/api/v1/profile", { email: "not an address" });
    expect([bad.status, bad.body.error.message]).toEqual([400, expect.stringMatching(/email/)]);
    const p = await c.ok("PATCH", "/api/v1/profile", {
      email: "me@lab.example",
      jobMail: ["END", "END"],
    });
    expect(p).toMatchObject({ email: "me@lab.example", jobMail: ["END"] });
    expect(await c.ok("GET", "/api/v1/profile")).toEqual(p);
    const r = await c.ok("POST", "/api/v1/jobs", {
      script: "#!/bin/bash\n#SBATCH -J chosen\ntrue\n",
      workdir: workdir(),
    });
    await waitFor(c, r.id);
    const end = await mail(new RegExp(`作业 ${r.id}（chosen）已于 .* 结束`));
    expect(end.to).toEqual(["me@lab.example"]);
    // an empty choice takes them away again
    await c.ok("PATCH", "/api/v1/profile", { jobMail: [] });
    expect((await c.ok("GET", "/api/v1/profile")).jobMail).toEqual([]);
  });

  it("tells an account's owners and its tenant's finance of low money, a block and the unblock", async () => {
    const ok = (method: string, path: string, body?: unknown, token?: string) =>
      c.ok(method, path, body, token);
    await ok("POST", "/api/v1/users", { username: "cfo", password: PW, roles: ["center-finance"] });
    const cfo = (await ok("POST", "/api/v1/auth/login", { username: "cfo", password: PW })).token;
    await ok("POST", "/api/v1/tenants", {
      name: "geo",
      admin: { username: "geo-admin", password: PW },
    });
    await ok("POST", "/api/v1/users", {
      username: "geo-pi",
      tenant: "geo",
      password: PW,
      email: "pi@geo.example",
    });
    await ok("POST", "/api/v1/users", {
      username: "geo-fin",
      tenant: "geo",
      password: PW,
      email: "fin@geo.example",
      roles: ["tenant-finance"],
    });
    await ok("POST", "/api/v1/accounts", { name: "geo-acct", tenant: "geo", owner: "geo-pi" });
    await ok(
      "POST",
      "/api/v1/prices",
      {
        cluster: "local",
        partition: "cpu",
        tenant: "geo",
        effectiveFrom: new Date().toISOString(),
        cpuHour: "3600",
      },
      cfo,
    );
    await ok("POST", "/api/v1/tenants/geo/recharge", { amount: "100" }, cfo);
    await ok("POST", "/api/v1/accounts/geo-acct/transfer", { amount: "12" }, cfo);
    await ok(
      "PATCH",
      "/api/v1/accounts/geo-acct/billing",
      { threshold: "10", lowBalance: "11" },
      cfo,
    );
    const pi = (await ok("POST", "/api/v1/auth/login", { username: "geo-pi", password: PW })).token;
    const job = await ok(
      "POST",
      "/api/v1/jobs",
      {
        script: "#!/bin/bash\nsleep 2\n",
        args: ["-A", "geo-acct", "-t", "0:10"],
        workdir: workdir(),
      },
      pi,
    );
    await waitFor(c, job.id);
    const blocked = await mail(/账户 geo-acct 可用余额为 .* CNY，低于阈值 10\.00 CNY/);
    expect(blocked.to.sort()).toEqual(["fin@geo.example", "pi@geo.example"]);
    expect(subject(blocked)).toBe("光：账户 geo-acct 已因余额不足被冻结（低于 10.00 CNY）");
    await mail(/账户 geo-acct 可用余额为 .* CNY，已低于提醒额度 11\.00 CNY/);
    await ok("POST", "/api/v1/accounts/geo-acct/transfer", { amount: "20" }, cfo);
    const unblocked = await mail(/账户 geo-acct 可用余额为 .* CNY，已高于阈值 10\.00 CNY/);
    expect(subject(unblocked)).toBe("光：账户 geo-acct 已解冻");
    // a grant that ends unused: its people are told what expired
    await ok(
      "POST",
      "/api/v1/accounts/geo-acct/grants",
      { resource: "gpu", hours: 3, endsAt: new Date(Date.now() + 1000).toISOString() },
      cfo,
    );
    const expired = await mail(/账户 geo-acct 的GPU 卡时配额已于 .* 到期，剩余 3 小时未使用/);
    expect(expired.to.sort()).toEqual(["fin@geo.example", "pi@geo.example"]);
  });

  it("has every message in English too", () => {
    const r = render("blocked", "en", { account: "a", available: "1.00 CNY", level: "2.00 CNY" });
    expect(r.subject).toBe("Guang account a is blocked: its money is below 2.00 CNY");
    expect(r.text).not.toMatch(/\{\w+\}/);
  });
});
