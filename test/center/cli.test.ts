import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, startCenter, waitFor, workdir, type TestCenter } from "../helpers/center.js";

let c: TestCenter;
let dir: string;
beforeAll(async () => {
  c = await startCenter();
  dir = workdir();
  writeFileSync(
    join(dir, "job.sh"),
    '#!/bin/bash\n#SBATCH -J clijob -t 5\necho "in $PWD as $SLURM_JOB_NAME with $CLI_VAR"\n',
  );
  writeFileSync(join(dir, "slow.sh"), "#!/bin/bash\nsleep 30\n");
});
afterAll(async () => {
  await c?.stop();
});

describe("the guang CLI", () => {
  it("logs in and keeps the token in the user's config dir (mode 600)", () => {
    const cfg = mkdtempSync(join(tmpdir(), "guang-cfg-"));
    const pw = join(cfg, "pw");
    writeFileSync(pw, readFileSync(join(c.home, "initial-admin-password")));
    const env = { XDG_CONFIG_HOME: cfg, GUANG_SERVER: "", GUANG_TOKEN: "" };
    const r = cli(c, ["login", "--server", c.url, "--user", "admin", "--password-file", pw], {
      env,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const file = join(cfg, "guang", "config.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8")).token).toMatch(/^guang_/);
    const jobs = cli(c, ["jobs"], { env });
    expect(jobs.code).toBe(0);
    expect(jobs.stdout).toMatch(
      /^\s*JOBID\s+PARTITION\s+NAME\s+USER\s+ST\s+TIME\s+NODES\s+NODELIST\(REASON\)/,
    );
    writeFileSync(pw, "wrong\n");
    const bad = cli(c, ["login", "--server", c.url, "--user", "admin", "--password-file", pw], {
      env,
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/wrong username or password/);
  });

  it("submits like sbatch, and flags override #SBATCH lines", async () => {
    const r = cli(c, ["submit", "-J", "renamed", "job.sh"], {
      cwd: dir,
      env: { CLI_VAR: "exported" },
    });
    expect(r.code).toBe(0);
    const id = Number(/^Submitted batch job (\d+)\n$/.exec(r.stdout)![1]);
    const job = await waitFor(c, id);
    expect(job.state).toBe("COMPLETED");
    expect(job.timeLimit).toBe(300);
    expect(readFileSync(join(dir, `slurm-${id}.out`), "utf8")).toBe(
      `in ${dir} as renamed with exported\n`,
    );
    const p = cli(c, ["submit", "--parsable", "--export=NONE", "job.sh"], {
      cwd: dir,
      env: { CLI_VAR: "exported" },
    });
    expect(p.stdout).toMatch(/^\d+\n$/);
    await waitFor(c, Number(p.stdout));
    expect(readFileSync(join(dir, `slurm-${Number(p.stdout)}.out`), "utf8")).toBe(
      `in ${dir} as clijob with \n`,
    );
  });

  it("passes arguments after the script to it, as sbatch does", async () => {
    writeFileSync(join(dir, "args.sh"), '#!/bin/bash\nprintf "[%s]" "$@"\n');
    const id = Number(
      cli(c, ["submit", "--parsable", "-o", "args-%j.out", "args.sh", "one", "two words", "%3"], {
        cwd: dir,
      }).stdout,
    );
    expect((await waitFor(c, id)).state).toBe("COMPLETED");
    expect(readFileSync(join(dir, `args-${id}.out`), "utf8")).toBe("[one][two words][%3]");
  });

  it("lists, shows, cancels and reports history", async () => {
    const id = Number(cli(c, ["submit", "--parsable", "slow.sh"], { cwd: dir }).stdout);
    await waitFor(c, id, ["RUNNING"]);
    const q = cli(c, ["jobs"]);
    expect(q.stdout).toMatch(new RegExp(`^\\s*${id}\\s+cpu\\s+slow.sh\\s+admin\\s+R\\s`, "m"));
    const js = JSON.parse(cli(c, ["jobs", "--json"]).stdout);
    expect(js.jobs.map((j: { id: number }) => j.id)).toContain(id);
    const show = cli(c, ["show", String(id)]);
    expect(show.stdout).toContain(`JobId=${id} JobName=slow.sh`);
    expect(show.stdout).toContain("JobState=RUNNING");
    expect(cli(c, ["cancel", String(id)]).code).toBe(0);
    expect((await waitFor(c, id)).state).toBe("CANCELLED");
    const h = cli(c, ["history", "--format", "JobID,JobName%10,State,ExitCode"]);
    expect(h.code).toBe(0);
    expect(h.stdout.split("\n")[0]).toMatch(/^JobID\s+JobName\s+State\s+ExitCode$/);
    expect(h.stdout).toMatch(new RegExp(`^${id}\\s+slow.sh\\s+CANCELLED\\s+0:15$`, "m"));
    const hj = JSON.parse(
      cli(c, ["history", "-S", "now-1hour", "-j", String(id), "--json"]).stdout,
    );
    expect(hj.jobs.map((j: { state: string }) => j.state)).toEqual(["CANCELLED"]);
    const future = JSON.parse(cli(c, ["history", "-S", "now+1hour", "--json"]).stdout);
    expect(future.jobs).toEqual([]);
  });

  it("exits 2 for bad usage and 1 when the server refuses", () => {
    const unknown = cli(c, ["submit", "--colour=red", "job.sh"], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option --colour/);
    const missing = cli(c, ["submit", "nope.sh"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the script nope.sh/);
    const refused = cli(c, ["submit", "-p", "fat", "job.sh"], { cwd: dir });
    // a value the server finds wrong is bad input, as a bad flag is
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/partition fat does not exist/);
    expect(cli(c, ["cancel", "999999"]).code).toBe(1);
    expect(cli(c, ["history", "--format", "Colour"]).code).toBe(2);
    const down = cli(c, ["jobs"], { env: { GUANG_SERVER: "http://127.0.0.1:9" } });
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/cannot reach the server/);
  });
});
