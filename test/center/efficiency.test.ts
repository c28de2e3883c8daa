import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SMALL_CLUSTER,
  startCenter,
  waitFor,
  workdir,
  type TestCenter,
} from "../helpers/center.js";

/**
 * Job efficiency: a job that holds two cores and sleeps wastes them; one that keeps its core
 * busy does not. The report puts the waster first, by account and among the worst jobs, and
 * a member sees only their own jobs in it.
 */
let c: TestCenter;
let idle = 0;
let busy = 0;

describe("the job efficiency report", () => {
  beforeAll(async () => {
    c = await startCenter(SMALL_CLUSTER);
    await c.ok("POST", "/api/v1/accounts", { name: "lazy", owner: "admin" });
    await c.ok("POST", "/api/v1/users", { username: "ann", password: "Researcher-pass-2026" });
    await c.ok("POST", "/api/v1/accounts/default/members", { user: "ann" });
    idle = (
      await c.ok("POST", "/api/v1/jobs", {
        script: "#!/bin/bash\n#SBATCH -A lazy -c 2 --mem=1G\nsleep 3\n",
        workdir: workdir(),
      })
    ).id as number;
    busy = (
      await c.ok("POST", "/api/v1/jobs", {
        script: "#!/bin/bash\n#SBATCH -c 1 --mem=1G\ntimeout 3 sh -c 'while :; do :; done'\ntrue\n",
        workdir: workdir(),
      })
    ).id as number;
    for (const id of [idle, busy]) expect((await waitFor(c, id)).state).toBe("COMPLETED");
  }, 60_000);
  afterAll(async () => {
    await c?.stop();
  });

  it("puts the account and the job that held cores idle first, with their efficiency", async () => {
    const r = (await c.api("GET", "/api/v1/reports/efficiency?groupBy=account")).body;
    expect(r.lines.map((l: { name: string }) => l.name)).toEqual(["lazy", "default"]);
    const [lazy, def] = r.lines;
    expect(lazy.cpuEfficiency).toBeLessThan(20);
    expect(def.cpuEfficiency).toBeGreaterThan(60);
    expect(lazy.wastedCoreHours).toBeGreaterThan(def.wastedCoreHours);
    expect(r.worst[0]).toMatchObject({ jobId: String(idle), account: "lazy", user: "admin" });
    expect(r.worst[0].memEfficiency).toBeLessThan(50);
    const bad = await c.api("GET", "/api/v1/reports/efficiency?groupBy=qos");
    expect(bad.status).toBe(400);
  });

  it("shows a member only their own jobs", async () => {
    const ann = (
      await c.ok(
        "POST",
        "/api/v1/auth/login",
        { username: "ann", password: "Researcher-pass-2026" },
        null,
      )
    ).token;
    const r = (await c.api("GET", "/api/v1/reports/efficiency", undefined, ann)).body;
    expect([r.lines, r.worst]).toEqual([[], []]);
  });
});
