import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCenter, submit, TEST_CONFIG, waitFor, type TestCenter } from "../helpers/center.js";
import { until } from "../helpers/until.js";

/**
 * A virtual cluster: nodes that do not exist, driven by the embedded scheduler on a clock
 * of its own. Its jobs "run" for what their #GUANG lines declare and end as declared, and
 * the center records, charges and reports them as any other job.
 */
const CONFIG = `${TEST_CONFIG}
clusters:
  - name: vc
    backend: virtual
    clock: manual
    nodes:
      - { prefix: cn, count: 4, cpus: 8, memMiB: 32768 }
      - { prefix: gn, count: 2, cpus: 16, memMiB: 65536, gpus: 4, gpuType: h100 }
    partitions:
      - { name: cpu, nodes: [cn], default: true, maxTime: "1-0" }
      - { name: gpu, nodes: [gn] }
  - name: fast
    backend: virtual
    speed: 3600
    nodes:
      - { prefix: n, count: 2, cpus: 4, memMiB: 8192 }
    partitions:
      - { name: batch }
`;

let c: TestCenter;
const script = (lines: string) => `#!/bin/bash\n${lines}\nsrun ./simulate\n`;
const clock = async (at: number) =>
  c.ok("POST", "/api/v1/clusters/vc/clock", { to: new Date(at).toISOString() });

beforeAll(async () => {
  c = await startCenter(CONFIG);
  // one unit a core-hour on the virtual cpu partition: a job's cost is plain to see
  await c.ok("POST", "/api/v1/prices", {
    cluster: "vc",
    partition: "cpu",
    effectiveFrom: new Date().toISOString(),
    cpuHour: "1",
  });
  await c.ok("POST", "/api/v1/tenants/default/recharge", { amount: "100" });
  await c.ok("POST", "/api/v1/accounts/default/transfer", { amount: "100" });
}, 60_000);
afterAll(async () => {
  await c?.stop();
});

describe("a virtual cluster", () => {
  it("runs a job for the time it declares on its clock, and charges it", async () => {
    const t0 = Date.now() + 60_000;
    await clock(t0);
    const id = await submit(c, script("#SBATCH -n 16 -t 1:00:00\n#GUANG --virtual-runtime=20:00"), {
      args: ["-M", "vc"],
    });
    const running = await waitFor(c, id, ["RUNNING"]);
    // 16 tasks of one core: two of the 8-core nodes, started at the clock's instant
    expect(running.startTime).toBe(new Date(t0).toISOString());
    expect(running.submitTime).toBe(new Date(t0).toISOString());
    expect(running.alloc).toMatchObject({ node: "cn[1-2]", cpus: 16 });
    // nothing moves until the clock does
    await clock(t0 + 19 * 60_000);
    expect((await c.ok("GET", `/api/v1/jobs/${id}`)).state).toBe("RUNNING");
    await clock(t0 + 21 * 60_000);
    const done = await c.ok("GET", `/api/v1/jobs/${id}`);
    expect(done).toMatchObject({ state: "COMPLETED", exitCode: 0 });
    expect(Date.parse(done.endTime) - Date.parse(done.startTime)).toBe(20 * 60_000);
    // 16 cores for a third of an hour at 1 a core-hour
    expect(Number(done.cost)).toBeCloseTo(16 / 3, 2);
  });

  it("ends jobs as declared: failed with their exit code, timed out past their limit, cancelled", async () => {
    const t1 = Date.now() + 3_600_000;
    await clock(t1);
    const failed = await submit(
      c,
      script("#SBATCH -t 10\n#GUANG --virtual-runtime=1:00 --virtual-exit=3"),
      { args: ["-M", "vc"] },
    );
    const late = await submit(c, script("#SBATCH -t 5\n#GUANG --virtual-runtime=2:00:00"), {
      args: ["-M", "vc"],
    });
    const gpu = await submit(
      c,
      script("#SBATCH -p gpu --gres=gpu:h100:2 -t 30\n#GUANG --virtual-runtime=10:00"),
      { args: ["-M", "vc"] },
    );
    await waitFor(c, gpu, ["RUNNING"]);
    expect((await c.ok("POST", `/api/v1/jobs/${gpu}/cancel`)).cancelled).toEqual([String(gpu)]);
    await clock(t1 + 6 * 60_000);
    expect(await c.ok("GET", `/api/v1/jobs/${failed}`)).toMatchObject({
      state: "FAILED",
      exitCode: 3,
    });
    const timedOut = await c.ok("GET", `/api/v1/jobs/${late}`);
    expect(timedOut.state).toBe("TIMEOUT");
    expect(Date.parse(timedOut.endTime) - Date.parse(timedOut.startTime)).toBe(5 * 60_000);
    expect((await c.ok("GET", `/api/v1/jobs/${gpu}`)).state).toBe("CANCELLED");
  });

  it("refuses what it cannot do, in words", async () => {
    const bad = await c.api("POST", "/api/v1/jobs", {
      script: script("#GUANG --virtual-runtime=soon"),
      args: ["-M", "vc"],
    });
    expect([bad.status, bad.body.error.message]).toEqual([
      400,
      expect.stringMatching(/line 2: invalid time "soon"/),
    ]);
    const unknown = await c.api("POST", "/api/v1/jobs", {
      script: script("#GUANG --virtual-memory=4G"),
      args: ["-M", "vc"],
    });
    expect(unknown.body.error.message).toMatch(/not a #GUANG option.*--virtual-runtime=TIME/);
    const huge = await c.api("POST", "/api/v1/jobs", {
      script: script("#SBATCH -n 1 -c 64"),
      args: ["-M", "vc"],
    });
    expect([huge.status, huge.body.error.message]).toEqual([
      400,
      expect.stringMatching(
        /can never run.*partition cpu has 4 node\(s\), the largest with 8 cpus/,
      ),
    ]);
    // the clock: forward only, only a manual one, only a center admin
    const back = await c.api("POST", "/api/v1/clusters/vc/clock", {
      to: new Date(Date.now()).toISOString(),
    });
    expect([back.status, back.body.error.message]).toEqual([
      409,
      expect.stringMatching(/moves forward only/),
    ]);
    const local = await c.api("POST", "/api/v1/clusters/local/clock", {
      to: new Date().toISOString(),
    });
    expect([local.status, local.body.error.message]).toEqual([
      409,
      expect.stringMatching(/only a virtual cluster with clock: manual/),
    ]);
    const fast = await c.api("POST", "/api/v1/clusters/fast/clock", {
      to: new Date().toISOString(),
    });
    expect(fast.status).toBe(409);
  });

  it("runs on a sped-up clock: an hour's job is done in about a second", async () => {
    const id = await submit(
      c,
      script("#SBATCH -n 4 -t 2:00:00\n#GUANG --virtual-runtime=1:00:00"),
      { args: ["-M", "fast"] },
    );
    const done = await waitFor(c, id, ["COMPLETED"], 20_000);
    expect(Date.parse(done.endTime) - Date.parse(done.startTime)).toBe(3_600_000);
    const { clusters } = await c.ok("GET", "/api/v1/clusters");
    const vc = clusters.find((k: any) => k.name === "vc");
    expect(vc).toMatchObject({ backend: "virtual" });
    expect(vc.nodes).toHaveLength(6);
    expect(vc.nodes[4]).toMatchObject({ name: "gn1", gpus: 4, gpuType: "h100" });
  });

  it("wakes for a job's begin time on its own clock, with nothing else happening", async () => {
    // twelve hours ahead of the wall clock: the sped-up clock (an hour a second, a few hours
    // ahead already) passes it within seconds
    const id = await submit(
      c,
      script("#SBATCH -n 1 -t 10 --begin=now+12hours\n#GUANG --virtual-runtime=1:00"),
      {
        args: ["-M", "fast"],
      },
    );
    await until(
      "the job waiting for its begin time",
      async () => (await c.ok("GET", `/api/v1/jobs/${id}`)).reason === "BeginTime",
      5_000,
    );
    await waitFor(c, id, ["COMPLETED"], 30_000);
  });
});
