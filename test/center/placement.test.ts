import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, startCenter, TEST_CONFIG, waitFor, type TestCenter } from "../helpers/center.js";
import { until } from "../helpers/until.js";

/**
 * Placement across clusters (-M a,b and -M any): a job goes where it is predicted to start
 * first, ties broken by price; only clusters that could ever run it and that the account may
 * use count; the choice and each cluster weighed stay with the job.
 */
const CONFIG = `${TEST_CONFIG}
scheduler:
  moveWhenSoonerBy: "5:00"
  moveCheckSeconds: 0.3
clusters:
  - name: east
    backend: virtual
    clock: manual
    nodes:
      - { prefix: e, count: 4, cpus: 8, memMiB: 32768 }
    partitions:
      - { name: batch }
  - name: west
    backend: virtual
    clock: manual
    nodes:
      - { prefix: w, count: 4, cpus: 8, memMiB: 32768 }
      - { prefix: wg, count: 1, cpus: 8, memMiB: 32768, gpus: 2, gpuType: h100 }
    partitions:
      - { name: batch }
`;
let c: TestCenter;
let blockerId = 0;
const job = (lines: string) => `#!/bin/bash\n${lines}\n#GUANG --virtual-runtime=1:00:00\n`;
const submit = async (lines: string, clusters: string) =>
  c.api("POST", "/api/v1/jobs", { script: job(lines), args: ["-M", clusters] });

beforeAll(async () => {
  c = await startCenter(CONFIG);
  const from = new Date().toISOString();
  // east is the cheaper of the two
  for (const [cluster, cpuHour] of [
    ["east", "1"],
    ["west", "2"],
  ])
    await c.ok("POST", "/api/v1/prices", {
      cluster,
      partition: "batch",
      effectiveFrom: from,
      cpuHour,
    });
  // the clusters' clocks to where the prices are in force
  for (const cluster of ["east", "west"])
    await c.ok("POST", `/api/v1/clusters/${cluster}/clock`, {
      to: new Date(Date.now() + 60_000).toISOString(),
    });
  await c.ok("POST", "/api/v1/tenants/default/recharge", { amount: "1000" });
  await c.ok("POST", "/api/v1/accounts/default/transfer", { amount: "1000" });
}, 60_000);
afterAll(async () => {
  await c?.stop();
});

describe("placement across clusters", () => {
  it("sends a job where it starts first, and breaks a tie by price", async () => {
    // east half full for an hour
    const blocker = await submit("#SBATCH -n 16 -t 2:00:00", "east");
    expect(blocker.status).toBe(201);
    await waitFor(c, blocker.body.id, ["RUNNING"]);
    blockerId = blocker.body.id;
    // 24 cores: on east when the blocker's limit is up (its two hours: the plan knows limits, not runtimes), now on west
    const wide = await submit("#SBATCH -n 24 -t 2:00:00", "east,west");
    expect(wide.status, JSON.stringify(wide.body)).toBe(201);
    const w = await c.ok("GET", `/api/v1/jobs/${wide.body.id}`);
    expect(w.cluster).toBe("west");
    expect(w.placement).toMatchObject({ asked: ["east", "west"], chosen: "west" });
    expect(w.placement.why).toMatch(/predicted to start first there \(now; east in 02:00:00\)/);
    const east = w.placement.considered.find((x: any) => x.cluster === "east");
    expect(Date.parse(east.startsAt) - Date.parse(w.startTime ?? w.submitTime)).toBeGreaterThan(
      3_500_000,
    );
    // 8 cores start now on both: the cheaper one
    const small = await submit("#SBATCH -n 8 -t 1:00:00", "west,east");
    const s = await c.ok("GET", `/api/v1/jobs/${small.body.id}`);
    expect(s.cluster).toBe("east");
    expect(s.placement.why).toMatch(/cheaper \(8.00 an hour against 16.00\)/);
    // guang show says where and why
    const shown = cli(c, ["show", String(small.body.id)]);
    expect(shown.stdout).toMatch(
      /Placement=east \(asked -M west,east\): as early as west, and cheaper/,
    );
    expect(shown.stdout).toMatch(/ west: starts .*, 16.00 an hour in batch/);
  });

  it("-M any: only clusters that could ever run it", async () => {
    const r = await submit("#SBATCH -n 1 --gres=gpu:h100:1 -t 10", "any");
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const j = await c.ok("GET", `/api/v1/jobs/${r.body.id}`);
    expect(j.cluster).toBe("west");
    const refused = Object.fromEntries(
      j.placement.considered.map((x: any) => [x.cluster, x.refused]),
    );
    expect(refused.east).toMatch(/could never run there/);
    expect(refused.local).toMatch(/could never run there/);
    expect(j.placement.why).toMatch(/the only cluster/);
    // a dry run says where it would go, and writes nothing
    const dry = cli(c, [
      "submit",
      "--test-only",
      "--json",
      "-M",
      "any",
      "-n",
      "2",
      "-t",
      "5",
      "--wrap",
      "true",
    ]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout).placement.considered.map((x: any) => x.cluster)).toEqual(
      expect.arrayContaining(["local", "east", "west"]),
    );
  });

  it("refuses in words when no cluster can take it, or one does not exist", async () => {
    const none = await submit("#SBATCH -n 1 --gres=gpu:h100:1 -t 10", "east,local");
    expect([none.status, none.body.error.message]).toEqual([
      400,
      expect.stringMatching(
        /no cluster of east, local can take this job: east: the job could never run there: .*; local: /,
      ),
    ]);
    const unknown = await submit("#SBATCH -n 1", "east,nowhere");
    expect(unknown.body.error.message).toMatch(
      /cluster nowhere does not exist; clusters: local, east, west/,
    );
    const mixed = await submit("#SBATCH -n 1", "any,east");
    expect(mixed.body.error.message).toMatch(/"any" alone or a list of clusters/);
  });

  it("moves a waiting job where it would now start much sooner, and says so", async () => {
    // both clusters are busy: west has its 16 cores in ten minutes (the GPU job's limit), east in an hour
    const r = await submit("#SBATCH -n 16 -t 1:00:00", "east,west");
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const first = await c.ok("GET", `/api/v1/jobs/${r.body.id}`);
    expect([first.cluster, first.state]).toEqual(["west", "PENDING"]);
    // east's blocker ends: the waiting job would start there now, ten minutes sooner
    await c.ok("POST", `/api/v1/jobs/${blockerId}/cancel`);
    const moved = await until(
      "the job moved to east and started",
      async () => {
        const j = await c.ok("GET", `/api/v1/jobs/${r.body.id}`);
        return j.cluster === "east" && j.state === "RUNNING" && j;
      },
      20_000,
    );
    expect(moved.placement.moved).toEqual([
      expect.objectContaining({
        from: "west",
        to: "east",
        why: expect.stringMatching(/start now there, in 10:00 on west/),
      }),
    ]);
    const shown = cli(c, ["show", String(r.body.id)]);
    expect(shown.stdout).toMatch(/Placement=east/);
    expect(shown.stdout).toMatch(/Moved=west->east at .*: it would start now there/);
  });
});
