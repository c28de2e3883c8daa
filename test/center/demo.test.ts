import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, startCenter, type TestCenter } from "../helpers/center.js";
import { until } from "../helpers/until.js";

/**
 * `guang serve --demo`: a living center within seconds — a virtual cluster of a real center's
 * size, institutions with people, accounts and money, and a trace (or a synthetic workload)
 * replayed onto it, charged and reported like any jobs.
 */
const DEMO_PASSWORD = "guang-demo-2026";
let c: TestCenter;

beforeAll(async () => {
  c = await startCenter("", {}, 0, ["--demo"]);
}, 60_000);
afterAll(async () => {
  await c?.stop();
});

describe("the demo center", () => {
  it("replays a workload onto 2,200 virtual nodes, charged to the institutions' accounts", async () => {
    await until(
      "the demo's banner",
      () => /Demo: cluster "demo" \(2,000 CPU nodes/.test(c.output()),
      30_000,
      () => c.output().slice(-400),
    );
    let seen = 0;
    const done = await until(
      "twenty jobs of the demo completed",
      async () => {
        const page = await c.ok("GET", "/api/v1/jobs?cluster=demo&state=COMPLETED&limit=100");
        seen = page.jobs.length;
        return seen >= 20 && page.jobs;
      },
      60_000,
      () => `${seen} completed`,
    );
    const { clusters } = await c.ok("GET", "/api/v1/clusters");
    const demo = clusters.find((k: any) => k.name === "demo");
    expect(demo).toMatchObject({ backend: "virtual" });
    expect(demo.nodes).toHaveLength(2200);
    // the people of the four institutions, each job on an account of theirs, paid for
    const tenants = (await c.ok("GET", "/api/v1/tenants")).tenants.map((t: any) => t.name);
    expect(tenants).toEqual(
      expect.arrayContaining(["hospital", "climate", "genomics", "ai-institute"]),
    );
    const accounts = new Set(done.map((j: any) => j.account));
    for (const a of accounts)
      expect(["med-imaging", "air-quality", "gene-seq", "llm-train"]).toContain(a);
    expect(done.some((j: any) => Number(j.cost) > 0)).toBe(true);
    // a researcher signs in with the demo's password and sees their own work
    const li = await c.ok("POST", "/api/v1/auth/login", {
      username: "li-na",
      password: DEMO_PASSWORD,
    });
    const mine = await c.ok("GET", "/api/v1/jobs?cluster=demo&limit=10", undefined, li.token);
    expect(mine.jobs.every((j: any) => j.user === "li-na")).toBe(true);
  }, 90_000);

  it("refuses a home that holds anything, in words", () => {
    const home = mkdtempSync(join(tmpdir(), "guang-not-empty-"));
    writeFileSync(join(home, "notes.txt"), "mine\n");
    const r = cli(c, ["serve", "--demo", "--home", home, "--port", "0"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/needs an empty home; .* is not empty: leave out --home/);
  });
});
