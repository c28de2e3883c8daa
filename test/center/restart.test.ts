import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { startCenter, submit, waitFor, workdir, type TestCenter } from "../helpers/center.js";

let c: TestCenter;
afterAll(async () => {
  await c?.stop();
});

it("loses nothing when the server is killed -9 while 20 jobs run", async () => {
  c = await startCenter();
  const dir = workdir();
  const ids: number[] = [];
  for (let i = 0; i < 20; i++) {
    // half end while the server is down, half after it is back
    const sleep = i % 2 === 0 ? 1 : 3;
    ids.push(
      await submit(
        c,
        `#!/bin/bash\necho $SLURM_JOB_ID >> runs.log\necho start\nsleep ${sleep}\necho end\nexit ${i % 7}\n`,
        { workdir: dir, options: { output: "r-%j.out" } },
      ),
    );
  }
  for (const id of ids) await waitFor(c, id, ["RUNNING"]);
  await c.stop("SIGKILL");
  // not a wait for a state: time passes with no server, so that some jobs end while it is gone
  await new Promise((r) => setTimeout(r, 1500));
  await c.restart();
  const list = await c.api("GET", "/api/v1/jobs?limit=1000");
  expect(list.body.jobs.length).toBe(20);
  for (const [i, id] of ids.entries()) {
    const job = await waitFor(c, id, undefined, 20000);
    expect(job.exitCode).toBe(i % 7);
    expect(job.state).toBe(i % 7 === 0 ? "COMPLETED" : "FAILED");
    expect(job.endTime).not.toBeNull();
    // ran exactly once
    expect(readFileSync(join(dir, `r-${id}.out`), "utf8")).toBe("start\nend\n");
  }
  // the ones that ended while the server was down keep their real end time, not the restart's
  const early = await c.api("GET", `/api/v1/jobs/${ids[0]}`);
  expect(early.body.elapsed).toBeLessThan(3);
  const runs = readFileSync(join(dir, "runs.log"), "utf8")
    .trim()
    .split("\n")
    .map(Number)
    .sort((a, b) => a - b);
  expect(runs).toEqual([...ids].sort((a, b) => a - b));
  const after = await c.api("GET", "/api/v1/jobs?limit=1000");
  expect(after.body.jobs.length).toBe(20);
});
