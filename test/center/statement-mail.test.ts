import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCenter, TEST_CONFIG, type TestCenter } from "../helpers/center.js";
import { startSmtp } from "../helpers/smtp.js";
import { until } from "../helpers/until.js";

/**
 * A month's statement sent by e-mail through a real SMTP server: a tenant's to its admins
 * and finance, an account's to its owners and the tenant's finance, the page and the table
 * attached; refused in words where nobody could read it or nobody may send it.
 */
const PW = "Statement-pass-2026";
let c: TestCenter;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const month = new Date().toISOString().slice(0, 7);

beforeAll(async () => {
  smtp = await startSmtp();
  c = await startCenter(TEST_CONFIG + smtp.config("en"));
  await c.ok("POST", "/api/v1/tenants", {
    name: "geo",
    admin: { username: "geo-admin", password: PW, email: "admin@geo.example" },
  });
  await c.ok("POST", "/api/v1/users", {
    username: "geo-fin",
    tenant: "geo",
    password: PW,
    roles: ["tenant-finance"],
    email: "fin@geo.example",
  });
  await c.ok("POST", "/api/v1/users", {
    username: "geo-pi",
    tenant: "geo",
    password: PW,
    email: "pi@geo.example",
  });
  // a tenant whose people have no e-mail address
  await c.ok("POST", "/api/v1/tenants", {
    name: "calm",
    admin: { username: "calm-admin", password: PW },
  });
  await c.ok("POST", "/api/v1/accounts", { name: "quake", tenant: "geo", owner: "geo-pi" });
  await c.ok("POST", "/api/v1/accounts", { name: "silent", tenant: "calm", owner: "calm-admin" });
  await c.ok("POST", "/api/v1/tenants/geo/recharge", { amount: "500" });
}, 60_000);
afterAll(async () => {
  await c?.stop();
  await smtp?.stop();
});

describe("statements by e-mail", () => {
  it("sends a tenant's and an account's statement to the people who pay, with the page and table attached", async () => {
    const fin = (
      await c.ok("POST", "/api/v1/auth/login", { username: "geo-fin", password: PW }, null)
    ).token;
    const tenant = await c.api(
      "POST",
      "/api/v1/statements/send",
      { tenant: "geo", month, lang: "en" },
      fin,
    );
    expect(tenant.status).toBe(200);
    expect(tenant.body.sentTo.sort()).toEqual(["admin@geo.example", "fin@geo.example"]);
    const account = await c.api(
      "POST",
      "/api/v1/statements/send",
      { account: "quake", month },
      fin,
    );
    expect(account.body.sentTo.sort()).toEqual(["fin@geo.example", "pi@geo.example"]);
    const mail = await until(
      "the account's statement in pi's mailbox",
      () => smtp.inbox.find((m) => m.to.includes("pi@geo.example")),
      10_000,
      () => smtp.inbox.map((m) => m.to),
    );
    expect(mail.data).toContain(`filename=statement-quake-${month}.html`);
    expect(mail.data).toContain(`filename=statement-quake-${month}.csv`);
    const geo = await until("the tenant's statement", () =>
      smtp.inbox.find((m) => m.to.includes("admin@geo.example")),
    );
    expect(geo.data).toContain(`statement-geo-${month}.html`);
    // an account whose people have no address: said, not silently dropped
    const silent = await c.api("POST", "/api/v1/statements/send", { account: "silent", month });
    expect([silent.status, silent.body.error.message]).toEqual([
      409,
      expect.stringMatching(/nobody to send the statement of account silent to/),
    ]);
    const pi = (
      await c.ok("POST", "/api/v1/auth/login", { username: "geo-pi", password: PW }, null)
    ).token;
    const owner = await c.api("POST", "/api/v1/statements/send", { account: "quake", month }, pi);
    expect([owner.status, owner.body.error.message]).toEqual([
      403,
      expect.stringMatching(/send statements by e-mail/),
    ]);
    const bad = await c.api(
      "POST",
      "/api/v1/statements/send",
      { account: "quake", month: "2026-13" },
      fin,
    );
    expect([bad.status, bad.body.error.message]).toEqual([
      400,
      expect.stringMatching(/is not a month/),
    ]);
    const audit = (await c.ok("GET", "/api/v1/audit?action=statement.send")).records;
    expect(audit.filter((r: { result: string }) => r.result === "ok")).toHaveLength(2);
  });
});
