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

/** QoS as data: priority, limits at submission and while scheduling, price factor. */
let c: TestCenter;

beforeAll(async () => {
  c = await startCenter(SMALL_CLUSTER);
});
afterAll(async () => {
  await c?.stop();
});

describe("QoS", () => {
  it("center admins define QoS; everyone sees them; a submission outside a QoS's limits is refused, saying which", async () => {
    expect((await c.ok("GET", "/api/v1/qos")).qos.map((q: { name: string }) => q.name)).toEqual([
      "normal",
    ]);
    const set = cli(c, [
      "qos",
      "set",
      "high",
      "--priority",
      "100",
      "--max-wall",
      "1:00:00",
      "--max-cpus-per-job",
      "2",
      "--price-factor",
      "2",
    ]);
    expect([set.code, set.stderr]).toEqual([0, ""]);
    expect(set.stdout).toMatch(/^NAME\s+PRIORITY\s+MAXWALL.*\nhigh\s+100\s+01:00:00\s+/);
    const listed = cli(c, ["qos"]);
    expect(
      listed.stdout
        .split("\n")
        .slice(1, 3)
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual(["high", "normal"]);
    // a member may not define one
    await c.ok("POST", "/api/v1/users", { username: "qosuser", password: "Secret-pass-1" });
    const token = (
      await c.ok(
        "POST",
        "/api/v1/auth/login",
        { username: "qosuser", password: "Secret-pass-1" },
        null,
      )
    ).token;
    expect((await c.api("PUT", "/api/v1/qos/mine", { priority: 5 }, token)).status).toBe(403);
    expect((await c.api("PUT", "/api/v1/qos/x", { priceFactor: "-1" })).body.error.message).toMatch(
      /priceFactor -1 must be a decimal above 0/,
    );

    const dir = workdir();
    const refused = async (args: string[]) => {
      const r = await c.api("POST", "/api/v1/jobs", {
        script: "#!/bin/bash\ntrue\n",
        args,
        workdir: dir,
      });
      return [r.status, r.body.error?.message];
    };
    expect(await refused(["-q", "nosuch"])).toEqual([
      400,
      expect.stringMatching(/QoS nosuch does not exist; QoS: high, normal/),
    ]);
    expect(await refused(["-q", "high", "-t", "2:00:00"])).toEqual([
      400,
      expect.stringMatching(/QoS high allows at most 01:00:00 \(MaxWall\)/),
    ]);
    expect(await refused(["-q", "high", "-n", "3"])).toEqual([
      400,
      expect.stringMatching(
        /QoS high allows at most 2 cpus a job \(MaxTRESPerJob\); the job asks for 3/,
      ),
    ]);
    // with no time limit, the QoS's longest is the job's
    const capped = await submit(c, "#!/bin/bash\ntrue\n", { args: ["-q", "high"], workdir: dir });
    expect((await waitFor(c, capped)).timeLimit).toBe(3600);
  });

  it("a high-priority QoS job goes first on a full cluster; a QoS's cpus per user hold the rest back", async () => {
    await c.ok("PUT", "/api/v1/qos/urgent", { priority: 1000 });
    await c.ok("PUT", "/api/v1/qos/small", { maxCpusPerUser: 1 });
    const dir = workdir();
    const blocker = await submit(c, "#!/bin/bash\nsleep 2\n", { args: ["-n", "4"], workdir: dir });
    await waitFor(c, blocker, ["RUNNING"]);
    // submitted first, but of the default QoS
    const plain = await submit(c, "#!/bin/bash\ntrue\n", { args: ["-n", "4"], workdir: dir });
    const first = await submit(c, "#!/bin/bash\ntrue\n", {
      args: ["-n", "4", "-q", "urgent"],
      workdir: dir,
    });
    const [jp, ju] = [await waitFor(c, plain), await waitFor(c, first)];
    expect([jp.state, ju.state]).toEqual(["COMPLETED", "COMPLETED"]);
    expect(Date.parse(ju.startTime)).toBeLessThan(Date.parse(jp.startTime));

    const a = await submit(c, "#!/bin/bash\nsleep 30\n", { args: ["-q", "small"], workdir: dir });
    const b = await submit(c, "#!/bin/bash\nsleep 30\n", { args: ["-q", "small"], workdir: dir });
    await waitFor(c, a, ["RUNNING"]);
    let seen: unknown;
    await until(
      "the second job of QoS small waiting for its user's cpus",
      async () => {
        const j = (seen = await c.ok("GET", `/api/v1/jobs/${b}`)) as {
          state: string;
          reason: string;
        };
        return j.state === "PENDING" && j.reason === "QOSMaxCpuPerUserLimit";
      },
      10000,
      () => seen,
    );
    await c.ok("POST", `/api/v1/jobs/${a}/cancel`);
    expect((await waitFor(c, b, ["RUNNING"])).state).toBe("RUNNING");
    await c.ok("POST", `/api/v1/jobs/${b}/cancel`);
  });

  it("a QoS's price factor multiplies what a job holds and pays", async () => {
    await c.ok("POST", "/api/v1/users", {
      username: "cfo",
      password: "Secret-pass-1",
      roles: ["center-finance"],
    });
    const cfo = (
      await c.ok("POST", "/api/v1/auth/login", { username: "cfo", password: "Secret-pass-1" }, null)
    ).token;
    await c.ok("POST", "/api/v1/tenants/default/recharge", { amount: "1000" }, cfo);
    await c.ok("POST", "/api/v1/accounts/default/transfer", { amount: "1000" }, cfo);
    await c.ok(
      "POST",
      "/api/v1/prices",
      {
        cluster: "local",
        partition: "cpu",
        effectiveFrom: new Date().toISOString(),
        cpuHour: "3.6",
        memGiBHour: "0",
        gpuHour: {},
        minCharge: "0",
      },
      cfo,
    );
    await c.ok("PUT", "/api/v1/qos/double", { priceFactor: "2" });
    const dir = workdir();
    const hold = async (qos: string) => {
      const id = await submit(c, "#!/bin/bash\ntrue\n", {
        args: ["-q", qos, "-t", "10:00", "-n", "1", "--mem", "100M"],
        workdir: dir,
      });
      return (await waitFor(c, id)).hold as string;
    };
    const [normal, double] = [await hold("normal"), await hold("double")];
    // 1 core × 600 s × 0.001 a core-second
    expect(normal).toBe("0.60");
    expect(double).toBe("1.20");
  });
});
