import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
import { REPO } from "../helpers/traces.js";

const CLI = join(REPO, "dist", "src", "cli", "main.js");

/** The terminal as a Slurm user meets it: squeue's habits, reading output, why a job ended. */
let c: TestCenter;

beforeAll(async () => {
  c = await startCenter(SMALL_CLUSTER);
});
afterAll(async () => {
  await c?.stop();
});

describe("the terminal", () => {
  it("guang output prints a job's output and error output, and -f follows it until the job ends", async () => {
    const dir = workdir();
    const id = await submit(
      c,
      "#!/bin/bash\nfor i in 1 2 3 4 5; do echo line $i; sleep 0.2; done\necho oops >&2\n",
      // errors apart (by default they go to the same file, as in Slurm)
      { workdir: dir, args: ["-e", "err-%j.txt"] },
    );
    await waitFor(c, id, ["RUNNING"]);
    const followed = cli(c, ["output", String(id), "-f"]);
    expect([followed.code, followed.stderr]).toEqual([0, ""]);
    expect(followed.stdout).toBe("line 1\nline 2\nline 3\nline 4\nline 5\n");
    expect((await waitFor(c, id)).state).toBe("COMPLETED");
    expect(cli(c, ["output", String(id)]).stdout).toBe(followed.stdout);
    expect(cli(c, ["output", String(id), "--err"]).stdout).toBe("oops\n");
    const none = cli(c, ["output", "999999"]);
    expect([none.code, none.stderr]).toEqual([
      1,
      expect.stringMatching(/job 999999 does not exist/),
    ]);
  });

  it("defaults that do not surprise: an hour for a job without -t, a week at most, and at most 2 GiB a core", async () => {
    const id = await submit(c, "#!/bin/bash\ntrue\n", { workdir: workdir() });
    const job = await waitFor(c, id);
    expect([job.timeLimit, job.alloc.memMiB]).toEqual([3600, 2048]);
    const long = await c.api("POST", "/api/v1/jobs", {
      script: "#!/bin/bash\ntrue\n",
      args: ["-t", "8-00:00:00"],
      workdir: workdir(),
    });
    expect([long.status, long.body.error.message]).toEqual([
      400,
      expect.stringMatching(
        /longer than partition cpu allows \(7-00:00:00\); ask for less with -t/,
      ),
    ]);
    expect(cli(c, ["clusters"]).stdout).toMatch(
      /cpu\*\s+up\s+7-00:00:00\s+1\s+\w+\s+\d+\/\d+\/0\/4\s/,
    );
    expect(cli(c, ["clusters"]).stdout).toMatch(/^jobs: \d+ running, \d+ waiting$/m);
  });

  it("the first admin holds both center roles, so can recharge the first tenant at once", async () => {
    const who = (await c.ok("GET", "/api/v1/auth/whoami")) as { roles: string[] };
    expect(who.roles.sort()).toEqual(["center-admin", "center-finance"]);
    const r = cli(c, ["money", "recharge", "default", "100", "--reason", "first money"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("guang clusters -R lists what is out and why, as sinfo -R; -h drops the header", () => {
    expect(cli(c, ["clusters", "-R"]).stdout).toBe("REASON  USER  TIMESTAMP  NODELIST\n");
    const off = cli(c, ["admin", "cluster", "disable", "local", "--reason", "cooling repair"]);
    expect([off.code, off.stderr]).toEqual([0, ""]);
    try {
      const r = cli(c, ["clusters", "-R", "-h"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        /^cluster disabled: cooling repair\s+-\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\s+\S+\n$/,
      );
      const plain = cli(c, ["clusters", "-h"]).stdout;
      expect(plain).toMatch(
        /^CLUSTER: local \(local\)\n {2}disabled: cooling repair\ncpu\*\s+down/,
      );
    } finally {
      cli(c, ["admin", "cluster", "enable", "local"]);
    }
  });

  it("a first start that cannot listen has said the admin's password already", async () => {
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, "127.0.0.1", r));
    const port = (busy.address() as AddressInfo).port;
    const home = mkdtempSync(join(tmpdir(), "guang-busy-"));
    try {
      const r = spawnSync(
        process.execPath,
        [CLI, "serve", "--home", home, "--port", String(port)],
        {
          encoding: "utf8",
          timeout: 30000,
        },
      );
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/cannot listen on 127\.0\.0\.1:\d+: .*choose another --port/);
      const password = readFileSync(join(home, "initial-admin-password"), "utf8").trim();
      expect(r.stdout).toContain(`created the center admin "admin" with password ${password}`);
      expect(r.stdout).toContain("holds center-admin and center-finance");
    } finally {
      busy.close();
      rmSync(home, { recursive: true, force: true });
    }
  });

  it("guang run runs a command as a job, its output on the terminal, and exits with its code, like srun", async () => {
    const dir = workdir();
    const r = cli(
      c,
      ["run", "-n", "1", "sh", "-c", 'echo "$0 $((6 * 7))"; echo to err >&2; exit 3', "it's"],
      {
        cwd: dir,
      },
    );
    expect([r.code, r.stdout, r.stderr]).toEqual([
      3,
      "it's 42\nto err\n",
      expect.stringMatching(/^guang run: job \d+ FAILED, exit code 3\n$/),
    ]);
    expect(r.stdout).toBe("it's 42\nto err\n");
    expect(r.stderr).toMatch(/^guang run: job \d+ FAILED, exit code 3\n$/);
    const ok = cli(c, ["run", "true"], { cwd: dir });
    expect([ok.code, ok.stdout, ok.stderr]).toEqual([0, "", ""]);
    expect(cli(c, ["run", "-t", "0:01", "sleep", "30"], { cwd: dir }).stderr).toMatch(
      /job \d+ TIMEOUT \(TimeLimit\)/,
    );
    expect(cli(c, ["run", "--hodl", "true"]).code).toBe(2);
  });

  it("guang submit --wrap makes the script of one command, as sbatch does", async () => {
    const dir = workdir();
    const r = cli(c, ["submit", "--parsable", "--wrap", "echo wrapped $((6 * 7))"], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const job = await waitFor(c, Number(r.stdout));
    expect([job.state, job.name]).toEqual(["COMPLETED", "wrap"]);
    expect(cli(c, ["output", r.stdout.trim()]).stdout).toBe("wrapped 42\n");
    expect(cli(c, ["submit", "--wrap"]).code).toBe(2);
  });

  it("a job Guang ends says why in its own error output, in Slurm's words, and show gives the reason", async () => {
    const dir = workdir();
    const late = await submit(c, "#!/bin/bash\nsleep 30\n", { workdir: dir, args: ["-t", "0:01"] });
    const ended = await waitFor(c, late, undefined, 30000);
    expect([ended.state, ended.reason]).toEqual(["TIMEOUT", "TimeLimit"]);
    expect(cli(c, ["output", String(late), "--err"]).stdout).toMatch(
      new RegExp(
        `^slurmstepd: error: \\*\\*\\* JOB ${late} ON \\S+ CANCELLED AT \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d DUE TO TIME LIMIT \\*\\*\\*\\n$`,
      ),
    );
    expect(cli(c, ["show", String(late)]).stdout).toMatch(/JobState=TIMEOUT Reason=TimeLimit/);
    const cancelled = await submit(c, "#!/bin/bash\nsleep 30\n", { workdir: dir });
    await waitFor(c, cancelled, ["RUNNING"]);
    expect(cli(c, ["cancel", String(cancelled)]).code).toBe(0);
    await waitFor(c, cancelled);
    expect(cli(c, ["output", String(cancelled), "--err"]).stdout).toMatch(
      new RegExp(
        `^slurmstepd: error: \\*\\*\\* JOB ${cancelled} ON \\S+ CANCELLED AT \\S+ \\*\\*\\*\\n$`,
      ),
    );
  });

  it("runs a Slurm user's workflow script unchanged through the shims: an array by sbatch, squeue -h -j to wait, sacct -P", async () => {
    const dir = workdir();
    const bin = mkdtempSync(join(tmpdir(), "guang-shims-"));
    const installed = cli(c, ["shims", "install", bin]);
    expect([installed.code, installed.stderr]).toEqual([0, ""]);
    const script = join(bin, "workflow.sh");
    writeFileSync(
      script,
      [
        "set -e",
        "jid=$(sbatch --parsable --array=1-3 --wrap 'echo task $SLURM_ARRAY_TASK_ID')",
        'while [ -n "$(squeue -h -j $jid)" ]; do sleep 0.2; done',
        "sacct -P -n -X -j $jid --format=JobID,State,ExitCode",
        "scontrol show job ${jid}_2 | grep -o 'JobState=[A-Z]*'",
        "scancel -u admin -t PD",
        "",
      ].join("\n"),
    );
    const r = spawnSync("timeout", ["60", "sh", script], {
      cwd: dir,
      encoding: "utf8",
      env: {
        ...process.env,
        PATH: `${bin}:${process.env.PATH}`,
        GUANG_SERVER: c.url,
        GUANG_TOKEN: c.token,
      },
    });
    expect([r.status, r.stderr]).toEqual([0, ""]);
    const lines = r.stdout.trim().split("\n");
    const id = lines[0]!.split("_")[0];
    expect(lines).toEqual([
      `${id}_1|COMPLETED|0:0`,
      `${id}_2|COMPLETED|0:0`,
      `${id}_3|COMPLETED|0:0`,
      "JobState=COMPLETED",
    ]);
    expect(cli(c, ["output", `${id}_3`]).stdout).toBe("task 3\n");
  });

  it("scancel's ways: a task list N_[1-2], and every waiting job of a name", async () => {
    const dir = workdir();
    const blocker = await submit(c, "#!/bin/bash\nsleep 30\n", { workdir: dir, args: ["-n", "4"] });
    await waitFor(c, blocker, ["RUNNING"]);
    const arr = await c.ok("POST", "/api/v1/jobs", {
      script: "#!/bin/bash\ntrue\n",
      args: ["--array=1-3", "-J", "sweep"],
      workdir: dir,
    });
    expect(cli(c, ["cancel", `${arr.id}_[1-2]`]).code).toBe(0);
    const states = async () =>
      (await c.ok("GET", `/api/v1/jobs?id=${arr.id}&limit=10`)).jobs
        .sort((a: { id: number }, b: { id: number }) => a.id - b.id)
        .map((j: { state: string }) => j.state);
    expect(await states()).toEqual(["CANCELLED", "CANCELLED", "PENDING"]);
    expect(cli(c, ["cancel", "-n", "sweep", "-t", "PD"]).code).toBe(0);
    expect(await states()).toEqual(["CANCELLED", "CANCELLED", "CANCELLED"]);
    expect(cli(c, ["cancel"]).code).toBe(2);
    await c.ok("POST", `/api/v1/jobs/${blocker}/cancel`);
  });

  it("show is scontrol's: every task of an array, the dependency's clauses, an administrator's hold", async () => {
    const dir = workdir();
    const arr = await c.ok("POST", "/api/v1/jobs", {
      script: "#!/bin/bash\ntrue\n",
      args: ["--array=1-2", "-H"],
      workdir: dir,
    });
    const shown = cli(c, ["show", String(arr.id)]).stdout;
    expect([...shown.matchAll(/ArrayTaskId=(\d+)/g)].map((m) => m[1])).toEqual(["1", "2"]);
    const dep = await submit(c, "#!/bin/bash\ntrue\n", {
      workdir: dir,
      args: ["-H", "--dependency", `afterok:${arr.id}_1:${arr.id}_2,afterany:${arr.id}`],
    });
    expect(cli(c, ["show", String(dep)]).stdout).toContain(
      `Dependency=afterok:${arr.id}_1:${arr.id}_2,afterany:${arr.id}`,
    );
    // waits for its begin time, so that it is there to hold
    const own = await submit(c, "#!/bin/bash\ntrue\n", { workdir: dir, args: ["--begin=now+600"] });
    expect(cli(c, ["hold", String(own)]).code).toBe(0);
    expect(cli(c, ["show", String(own)]).stdout).toMatch(/JobState=PENDING Reason=JobHeldAdmin/);
    for (const id of [arr.id, dep, own]) await c.api("POST", `/api/v1/jobs/${id}/cancel`);
  });

  it("guang jobs takes squeue's flags: -t PD,R, -h, -o with % fields, -u, --me, -l, --start", async () => {
    const dir = workdir();
    const running = await submit(c, "#!/bin/bash\nsleep 30\n", {
      workdir: dir,
      args: ["-n", "4", "-J", "big"],
    });
    await waitFor(c, running, ["RUNNING"]);
    const waiting = await submit(c, "#!/bin/bash\ntrue\n", {
      workdir: dir,
      args: ["-n", "4", "-J", "next", "-t", "5"],
    });
    let seen: unknown;
    await until(
      "the second job waiting for resources",
      async () => (seen = (await c.ok("GET", `/api/v1/jobs/${waiting}`)).reason) === "Resources",
      10000,
      () => seen,
    );
    const plain = cli(c, ["jobs", "-h", "-t", "PD,R", "-o", "%i|%t|%j|%u|%r"]);
    expect([plain.code, plain.stderr]).toEqual([0, ""]);
    expect(plain.stdout.split("\n").filter(Boolean)).toEqual([
      `${running}|R|big|admin|None`,
      `${waiting}|PD|next|admin|Resources`,
    ]);
    expect(cli(c, ["jobs", "-t", "pd", "-h", "-o", "%i"]).stdout).toBe(`${waiting}\n`);
    expect(cli(c, ["jobs", "--me", "-h", "-o", "%u"]).stdout).toBe("admin\nadmin\n");
    expect(cli(c, ["jobs", "-u", "nobody-here", "-h"]).code).toBe(2);
    // lists, as squeue takes them
    expect(cli(c, ["jobs", "-h", "-o", "%i", "-j", `${waiting},${running}`]).stdout).toBe(
      `${running}\n${waiting}\n`,
    );
    expect(
      cli(c, ["jobs", "-h", "-o", "%i", "-p", "cpu,cpu", "-A", "default,default"]).stdout,
    ).toBe(`${running}\n${waiting}\n`);
    expect(cli(c, ["jobs", "-h", "-p", "cpu,nowhere"]).code).toBe(2);
    expect(cli(c, ["jobs", "-l"]).stdout).toMatch(
      /^\s*JOBID\s+PARTITION\s+NAME\s+USER\s+STATE\s+TIME\s+TIME_LIMI/,
    );
    const start = cli(c, ["jobs", "--start", "-t", "PD"]).stdout.split("\n");
    expect(start[0]).toMatch(/START_TIME/);
    expect(start[1]).toMatch(
      new RegExp(`^\\s*${waiting}\\s+cpu\\s+next\\s+admin\\s+PD\\s+\\d{4}-\\d\\d-\\d\\dT`),
    );
    const bad = cli(c, ["jobs", "-o", "%i %Y"]);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      expect.stringMatching(/--format: %Y is not a field/),
    ]);
    await c.ok("POST", `/api/v1/jobs/${running}/cancel`);
    await c.ok("POST", `/api/v1/jobs/${waiting}/cancel`);
  });
});
