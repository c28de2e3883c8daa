import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCenter, TEST_CONFIG, type TestCenter } from "../helpers/center.js";

/**
 * Disabling a tenant (an institution whose contract ended): its accounts take no new jobs
 * and say why, its people still sign in and read what is theirs, an account made meanwhile
 * is disabled too; enabling it lifts all of that. Only the center's admin does it.
 */
const PW = "Disable-pass-2026";
let c: TestCenter;
const held = (token: string) =>
  c.api(
    "POST",
    "/api/v1/jobs",
    { script: "#!/bin/bash\ntrue\n", args: ["-H", "-A", "ocean-lab"], workdir: "/tmp" },
    token,
  );

beforeAll(async () => {
  c = await startCenter(TEST_CONFIG);
  await c.ok("POST", "/api/v1/tenants", {
    name: "ocean",
    admin: { username: "ocean-admin", password: PW },
  });
  await c.ok("POST", "/api/v1/users", { username: "ocean-pi", tenant: "ocean", password: PW });
  await c.ok("POST", "/api/v1/accounts", { name: "ocean-lab", tenant: "ocean", owner: "ocean-pi" });
}, 60_000);
afterAll(async () => {
  await c?.stop();
});

describe("disabling a tenant", () => {
  it("stops its accounts' new jobs with the reason, and enabling it lets them run again", async () => {
    const pi = (
      await c.ok("POST", "/api/v1/auth/login", { username: "ocean-pi", password: PW }, null)
    ).token;
    const admin = (
      await c.ok("POST", "/api/v1/auth/login", { username: "ocean-admin", password: PW }, null)
    ).token;
    expect((await held(pi)).status).toBe(201);
    // only the center's admin; a reason is needed
    const own = await c.api("POST", "/api/v1/tenants/ocean/disable", { reason: "x" }, admin);
    expect(own.status).toBe(403);
    const why = await c.api("POST", "/api/v1/tenants/ocean/disable", { reason: " " });
    expect([why.status, why.body.error.message]).toEqual([400, expect.stringMatching(/say why/)]);
    const off = await c.ok("POST", "/api/v1/tenants/ocean/disable", {
      reason: "Contract ended on 30 November",
    });
    expect(off.disabled).toMatchObject({ by: "admin", reason: "Contract ended on 30 November" });
    const refused = await held(pi);
    expect([refused.status, refused.body.error.message]).toEqual([
      403,
      expect.stringMatching(
        /tenant ocean is disabled by admin since .*: Contract ended on 30 November/,
      ),
    ]);
    expect((await c.ok("GET", "/api/v1/accounts/ocean-lab")).blocks).toEqual([
      expect.objectContaining({
        kind: "tenant",
        by: "admin",
        reason: "Contract ended on 30 November",
      }),
    ]);
    // its people still sign in and read their things; an account made meanwhile is off too
    expect((await c.api("GET", "/api/v1/jobs", undefined, pi)).status).toBe(200);
    await c.ok(
      "POST",
      "/api/v1/accounts",
      { name: "ocean-new", tenant: "ocean", owner: "ocean-pi" },
      admin,
    );
    expect((await c.ok("GET", "/api/v1/accounts/ocean-new")).state).toBe("blocked");
    const twice = await c.api("POST", "/api/v1/tenants/ocean/disable", { reason: "again" });
    expect([twice.status, twice.body.error.message]).toEqual([
      409,
      expect.stringMatching(/already disabled/),
    ]);
    const on = await c.ok("POST", "/api/v1/tenants/ocean/enable", {});
    expect(on.disabled).toBeNull();
    expect((await c.ok("GET", "/api/v1/accounts/ocean-lab")).state).toBe("active");
    expect((await c.ok("GET", "/api/v1/accounts/ocean-new")).state).toBe("active");
    expect((await held(pi)).status).toBe(201);
    const audit = (await c.ok("GET", "/api/v1/audit?action=tenant.disable")).records;
    expect(audit.map((r: { result: string }) => r.result)).toContain("ok");
  });
});
