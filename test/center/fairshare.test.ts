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
import { until } from "../helpers/until.js";

/** Fair share for real: the live scheduler ranks waiting jobs by Fair Tree over usage from the store. */
let c: TestCenter;
const PW = "Secret-pass-1";

beforeAll(async () => {
  c = await startCenter(SMALL_CLUSTER + "scheduler:\n  fairShareRefreshSeconds: 0.2\n");
});
afterAll(async () => {
  await c?.stop();
});

describe("fair share", () => {
  it("a heavy user's new job waits behind a light user's on a full cluster; sshare-like factors in the API", async () => {
    const tokens: Record<string, string> = {};
    for (const u of ["heavy", "light"]) {
      await c.ok("POST", "/api/v1/users", { username: u, password: PW });
      await c.ok("POST", "/api/v1/accounts/default/members", { user: u });
      tokens[u] = (
        await c.ok("POST", "/api/v1/auth/login", { username: u, password: PW }, null)
      ).token;
    }
    const dir = workdir();
    const as = (u: string, args: string[], script: string) =>
      c
        .ok("POST", "/api/v1/jobs", { script, args, workdir: dir }, tokens[u])
        .then((r) => r.id as number);
    // heavy uses the whole cluster for a while; light uses nothing
    expect((await waitFor(c, await as("heavy", ["-n", "4"], "#!/bin/bash\nsleep 1\n"))).state).toBe(
      "COMPLETED",
    );
    let last: unknown;
    const share = await until(
      "heavy's factor falling below light's",
      async () => {
        const v = (last = await c.ok("GET", "/api/v1/accounts/default/fairshare")) as {
          users: { user: string; factor: number; usageCoreHours: number }[];
        };
        const f = (u: string) => v.users.find((x) => x.user === u)!.factor;
        return f("heavy") < f("light") && v;
      },
      20000,
      () => last,
    );
    expect(share.users.find((u) => u.user === "heavy")?.usageCoreHours).toBeGreaterThan(0);
    // the same, as sshare prints it
    const sshare = cli(c, ["account", "share", "default"]);
    expect([sshare.code, sshare.stderr]).toEqual([0, ""]);
    expect(sshare.stdout).toMatch(/^ACCOUNT\s+USER\s+USAGE\(CORE-H\)\s+FAIRSHARE\n/);
    expect(sshare.stdout).toMatch(/\ndefault\s+heavy\s+\d+\.\d{2}\s+0\.\d{6}\n/);
    // a full cluster; heavy asks first, light after
    const blocker = await submit(c, "#!/bin/bash\nsleep 2\n", { args: ["-n", "4"], workdir: dir });
    await waitFor(c, blocker, ["RUNNING"]);
    const h = await as("heavy", ["-n", "4"], "#!/bin/bash\ntrue\n");
    const l = await as("light", ["-n", "4"], "#!/bin/bash\ntrue\n");
    const [jh, jl] = [await waitFor(c, h), await waitFor(c, l)];
    expect([jh.state, jl.state]).toEqual(["COMPLETED", "COMPLETED"]);
    expect(Date.parse(jl.startTime)).toBeLessThan(Date.parse(jh.startTime));
  });
});
