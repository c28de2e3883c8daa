import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cli,
  SMALL_CLUSTER,
  startCenter,
  waitFor,
  workdir,
  type TestCenter,
} from "../helpers/center.js";
import { REPO } from "../helpers/traces.js";

/** salloc's and sbatch --test-only's habits: an allocation that holds while a command runs; a submission checked and not made. */
const CLI = join(REPO, "dist", "src", "cli", "main.js");
let c: TestCenter;

beforeAll(async () => {
  c = await startCenter(SMALL_CLUSTER);
});
afterAll(async () => {
  await c?.stop();
});

const allJobs = async () =>
  ((await c.ok("GET", "/api/v1/jobs?limit=1000")) as { jobs: { id: number }[] }).jobs;

describe("guang alloc, like salloc", () => {
  it("runs the command while the allocation holds, with SLURM_JOB_ID, and gives it back when the command ends", async () => {
    const r = cli(
      c,
      [
        "alloc",
        "-n",
        "2",
        "sh",
        "-c",
        `echo "$SLURM_JOB_ID"; "${process.execPath}" "${CLI}" jobs -h -o "%i %T %C" -j "$SLURM_JOB_ID"; exit 4`,
      ],
      { cwd: workdir() },
    );
    const [id, line] = r.stdout.trim().split("\n");
    expect(r.code, r.stderr).toBe(4);
    expect(line).toBe(`${id} RUNNING 2`);
    expect(r.stderr).toBe(
      `guang alloc: Pending job allocation ${id}\nguang alloc: Granted job allocation ${id}\nguang alloc: Relinquishing job allocation ${id}\n`,
    );
    expect((await waitFor(c, id!)).state).toBe("CANCELLED");
  });

  it("stops the command when the allocation ends first (its time limit), and refuses a wrong flag", () => {
    const r = cli(c, ["alloc", "-t", "0:01", "sleep", "30"], { cwd: workdir() });
    expect(r.stderr).toMatch(/Job allocation \d+ has been revoked: TIMEOUT \(TimeLimit\)\n/);
    expect(r.code).toBe(143);
    const bad = cli(c, ["alloc", "--hodl", "true"]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/--hodl/)]);
  });
});

describe("guang submit --test-only, like sbatch --test-only", () => {
  it("checks a submission, money included, and says what it would hold; nothing is submitted", async () => {
    const before = (await allJobs()).length;
    const dir = workdir();
    const free = cli(c, ["submit", "--test-only", "-n", "2", "-t", "10:00", "--wrap", "true"], {
      cwd: dir,
    });
    expect([free.code, free.stdout]).toEqual([0, ""]);
    expect(free.stderr).toBe(
      "guang submit: --test-only: the job would be accepted (nothing submitted): 2 processors in partition cpu of cluster local, account default, QoS normal, time limit 10:00; it would hold 0.00 CNY\n",
    );
    // a price, and no money: refused as the submission would be
    await c.ok("POST", "/api/v1/prices", {
      cluster: "local",
      partition: "cpu",
      tenant: "default",
      effectiveFrom: new Date().toISOString(),
      cpuHour: "36",
    });
    const poor = cli(c, ["submit", "--test-only", "-n", "2", "-t", "10:00", "--wrap", "true"], {
      cwd: dir,
    });
    expect(poor.code).toBe(1);
    expect(poor.stderr).toMatch(/account default/);
    await c.ok("POST", "/api/v1/tenants/default/recharge", { amount: "100" });
    await c.ok("POST", "/api/v1/accounts/default/transfer", { amount: "100" });
    const paid = cli(
      c,
      ["submit", "--test-only", "--json", "-n", "2", "-t", "10:00", "-a", "1-3", "--wrap", "true"],
      { cwd: dir },
    );
    expect(paid.code, paid.stderr).toBe(0);
    expect(JSON.parse(paid.stdout)).toMatchObject({
      jobs: 3,
      cpus: 2,
      hold: "36.00",
      currency: "CNY",
    });
    const bad = cli(c, ["submit", "--test-only", "-t", "forever", "--wrap", "true"], { cwd: dir });
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/forever/)]);
    expect((await allJobs()).length).toBe(before);
  });
});

describe("the dry run an editor uses (the portal)", () => {
  const check = (script: string) =>
    c.api("POST", "/api/v1/jobs/check", { script, workdir: workdir() });

  it("ties a refusal to the #SBATCH line that causes it", async () => {
    const unknown = await check("#!/bin/bash\n#SBATCH -n 1\n#SBATCH --tiem=10\ntrue\n");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toMatchObject({ line: 3 });
    expect(unknown.body.error.message).toMatch(/--tiem/);
    const badValue = await check("#!/bin/bash\n#SBATCH -t forever\ntrue\n");
    expect(badValue.body.error.details).toMatchObject({ line: 2, option: "--time" });
    const partition = await check("#!/bin/bash\n#SBATCH -J x\n#SBATCH -p nowhere\ntrue\n");
    expect([partition.status, partition.body.error.details]).toEqual([
      400,
      expect.objectContaining({ line: 3, option: "--partition" }),
    ]);
    const account = await check("#!/bin/bash\n#SBATCH -A nobody-s\ntrue\n");
    expect([account.status, account.body.error.details]).toEqual([
      404,
      expect.objectContaining({ line: 2, option: "--account" }),
    ]);
    const never = await check("#!/bin/bash\n#SBATCH -n 1\n#SBATCH -c 4096\ntrue\n");
    expect(never.body.error.message).toMatch(/can never run/);
    expect(never.body.error.details).toMatchObject({ line: 3, option: "--cpus-per-task" });
  });

  it("gives a job's script back as it was submitted, to read or resubmit", async () => {
    const script = "#!/bin/bash\n#SBATCH -J again -t 1:00\necho <b>hi</b>\n";
    const job = await c.ok("POST", "/api/v1/jobs", { script, workdir: workdir(), args: ["-H"] });
    const r = await fetch(`${c.url}/api/v1/jobs/${job.id}/script`, {
      headers: { authorization: `Bearer ${c.token}` },
    });
    expect([r.status, r.headers.get("content-type"), await r.text()]).toEqual([
      200,
      "text/plain; charset=utf-8",
      script,
    ]);
    await c.ok("POST", `/api/v1/jobs/${job.id}/cancel`);
  });
});
