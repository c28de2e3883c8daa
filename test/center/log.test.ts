import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startCenter,
  submit,
  TEST_CONFIG,
  waitFor,
  workdir,
  type TestCenter,
} from "../helpers/center.js";
import { until } from "../helpers/until.js";

/** The server's log: one JSON line per request and per job life event, never a secret. */
let c: TestCenter;

beforeAll(async () => {
  // a Slurm cluster that cannot be reached: its errors are background work's
  c = await startCenter(`${TEST_CONFIG}
clusters:
  - name: nowhere
    backend: slurm
    bin: /nonexistent/slurm/bin
    pollSeconds: 0.5
`);
});
afterAll(async () => {
  await c?.stop();
});

type Line = Record<string, unknown>;
const lines = (): Line[] =>
  c
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Line);

describe("the server's log", () => {
  it("writes one JSON line per request (method, route, status, ms, user) and per job event, and no token", async () => {
    const id = await submit(c, "#!/bin/bash\nexit 3\n", { workdir: workdir() });
    expect((await waitFor(c, id)).state).toBe("FAILED");
    expect((await c.api("GET", "/api/v1/jobs?state=NOSUCH")).status).toBe(400);
    expect((await c.api("GET", "/api/v1/jobs", undefined, "guang_not-a-token")).status).toBe(401);
    // lines are buffered: a server writes them all when it stops
    await c.stop();
    const want = (what: string, f: (l: Line) => boolean) =>
      until(
        what,
        () => lines().find(f),
        10000,
        () => c.output().slice(-2000),
      );
    expect(
      await want(
        "the submission's request line",
        (l) => l.msg === "request" && l.method === "POST" && l.route === "/api/v1/jobs",
      ),
    ).toMatchObject({ route: "/api/v1/jobs", status: 201, user: "admin", ms: expect.any(Number) });
    expect(
      await want("the refused query's line", (l) => l.msg === "request" && l.status === 400),
    ).toMatchObject({ route: "/api/v1/jobs", code: "invalid_input", user: "admin" });
    expect(
      await want("the unknown token's line", (l) => l.msg === "request" && l.status === 401),
    ).toMatchObject({ route: "/api/v1/jobs", code: "unauthorized" });
    const job = lines().filter((l) => l.msg === "job" && l.job === String(id));
    expect(job.map((l) => l.state)).toEqual(["PENDING", "RUNNING", "FAILED"]);
    expect(job[2]).toMatchObject({ exitCode: 3, user: "admin" });
    // background work's errors are lines of the same log, with their level (pino's 50: error)
    expect(
      await want(
        "the unreachable Slurm cluster's error",
        (l) => l.cluster === "nowhere" && typeof l.msg === "string",
      ),
    ).toMatchObject({ level: 50, msg: expect.stringMatching(/nowhere/) });
    // never a secret: neither the admin's token, nor the one tried, nor a query string
    expect(c.output()).not.toContain(c.token);
    expect(c.output()).not.toContain("not-a-token");
    expect(c.output()).not.toContain("NOSUCH");
  });
});
