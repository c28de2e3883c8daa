import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import Database from "better-sqlite3";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import {
  SMALL_CLUSTER,
  startCenter,
  submit,
  waitFor,
  workdir,
  type TestCenter,
} from "../helpers/center.js";
import { until } from "../helpers/until.js";

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
        // each waits for "go" once it is seen running: none ends before all run, however slow the machine
        `#!/bin/bash\necho $SLURM_JOB_ID >> runs.log\necho start\nwhile [ ! -e go ]; do sleep 0.05; done\nsleep ${sleep}\necho end\nexit ${i % 7}\n`,
        { workdir: dir, options: { output: "r-%j.out" } },
      ),
    );
  }
  for (const id of ids) await waitFor(c, id, ["RUNNING"]);
  const go = Date.now();
  writeFileSync(join(dir, "go"), "");
  await c.stop("SIGKILL");
  // not a wait for a state: time passes with no server, so that some jobs end while it is gone
  await new Promise((r) => setTimeout(r, 1500));
  const back = Date.now();
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
  expect(Date.parse(early.body.endTime)).toBeGreaterThan(go);
  expect(Date.parse(early.body.endTime)).toBeLessThan(back);
  const runs = readFileSync(join(dir, "runs.log"), "utf8")
    .trim()
    .split("\n")
    .map(Number)
    .sort((a, b) => a - b);
  expect(runs).toEqual([...ids].sort((a, b) => a - b));
  const after = await c.api("GET", "/api/v1/jobs?limit=1000");
  expect(after.body.jobs.length).toBe(20);
});

it("a job whose machine restarted under it fails, and its own output says so in Slurm's words", async () => {
  await c?.stop();
  const runDir = mkdtempSync(join(tmpdir(), "guang-run-"));
  c = await startCenter(SMALL_CLUSTER.replace("jobs:\n", `jobs:\n  runDir: ${runDir}\n`));
  const dir = workdir();
  const id = await submit(c, "#!/bin/bash\necho started\nsleep 60\n", { workdir: dir });
  await waitFor(c, id, ["RUNNING"]);
  // the launcher's record: "PID START" on its first line, once the job is launched
  const pid = await until(
    `job ${id}'s run record in ${runDir}`,
    () => {
      try {
        return Number(readFileSync(join(runDir, `${id}.job`), "utf8").split(" ")[0]) || null;
      } catch {
        return null;
      }
    },
    10000,
    () => readdirSync(runDir),
  );
  // its start recorded in the store (not only seen live), as a job running for a while is
  const store = new Database(join(c.home, "guang.db"), { readonly: true });
  await until(
    `job ${id} recorded as RUNNING in the store`,
    () =>
      (store.prepare("select state from jobs where id = ?").get(id) as { state: string }).state ===
      "RUNNING",
    10000,
  );
  store.close();
  await c.stop("SIGKILL");
  // what a reboot does: the job, the launcher that watches it (this server's, its parent) and
  // the run directory (in /dev/shm) are gone; the launcher first, so that it records no end
  const parent = Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
  expect(readFileSync(`/proc/${parent}/cmdline`, "utf8")).toContain("launcher.pl");
  for (const target of [parent, -pid])
    try {
      process.kill(target, "SIGKILL");
    } catch {
      /* already gone */
    }
  for (const f of readdirSync(runDir)) rmSync(join(runDir, f), { recursive: true, force: true });
  await c.restart();
  const job = await waitFor(c, id, undefined, 20000);
  expect([job.state, job.reason]).toEqual(["FAILED", expect.stringMatching(/run record is gone/)]);
  expect(readFileSync(job.stderr, "utf8")).toMatch(
    new RegExp(
      `^started\\nslurmstepd: error: \\*\\*\\* JOB ${id} ON \\S+ CANCELLED AT \\S+ DUE TO NODE FAILURE, SEE SLURMCTLD LOG FOR DETAILS \\*\\*\\*\\n$`,
    ),
  );
  rmSync(runDir, { recursive: true, force: true });
});
