import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAPPED_TEST_CONFIG, startCenter, waitFor, type TestCenter } from "../helpers/center.js";
import { until } from "../helpers/until.js";

/**
 * Placement with a real Slurm among the candidates: its predicted start is Slurm's own
 * (sbatch --test-only, as the user), weighed against the local cluster's plan.
 */
const root = process.getuid?.() === 0;
const slurmUp =
  root && spawnSync("scontrol", ["ping"], { encoding: "utf8" }).stdout?.includes("UP");
if (!slurmUp) console.log("skipped: placement with Slurm (no Slurm answering, or not root)");

const PW = "Placement-pass-2026";
const UNIX = "guangplace1";
const ACCT = `p${Date.now().toString(36).slice(-6)}`;
let made = false;
let c: TestCenter;
let ann = "";
const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });

function userDir(): string {
  const d = mkdtempSync(join(tmpdir(), "guang-place-"));
  chownSync(d, Number(sh("id", ["-u", UNIX])), Number(sh("id", ["-g", UNIX])));
  chmodSync(d, 0o755);
  return d;
}

describe.skipIf(!slurmUp)("placement with a Slurm cluster", () => {
  beforeAll(async () => {
    if (spawnSync("id", [UNIX]).status !== 0) {
      sh("useradd", ["-m", UNIX]);
      made = true;
    }
    c = await startCenter(`${MAPPED_TEST_CONFIG}
clusters:
  - name: hpc
    backend: slurm
    pollSeconds: 0.5
    accountingSeconds: 1
    syncSeconds: 1
`);
    await c.ok("POST", "/api/v1/users", { username: "ann", password: PW, posix: { name: UNIX } });
    await c.ok("POST", "/api/v1/accounts", { name: ACCT, owner: "ann" });
    await c.ok("POST", "/api/v1/tenants/default/recharge", { amount: "1000" });
    await c.ok("POST", `/api/v1/accounts/${ACCT}/transfer`, { amount: "1000" });
    const from = new Date().toISOString();
    // Slurm is the cheaper: at the same start, a job goes there
    await c.ok("POST", "/api/v1/prices", {
      cluster: "local",
      partition: "cpu",
      effectiveFrom: from,
      cpuHour: "2",
    });
    for (const partition of ["batch", "short"])
      await c.ok("POST", "/api/v1/prices", {
        cluster: "hpc",
        partition,
        effectiveFrom: from,
        cpuHour: "1",
      });
    ann = (await c.ok("POST", "/api/v1/auth/login", { username: "ann", password: PW })).token;
    await until(
      "the account in Slurm",
      () =>
        sh("sacctmgr", [
          "-n",
          "-P",
          "show",
          "assoc",
          "where",
          `account=${ACCT}`,
          "format=User",
        ]).includes(UNIX),
      60_000,
    );
  }, 90_000);
  afterAll(async () => {
    await c?.stop();
    if (made) spawnSync("userdel", ["-r", UNIX]);
  });

  const submit = (args: string[], script = "#!/bin/bash\nsleep 300\n") =>
    c.api("POST", "/api/v1/jobs", { script, args: ["-A", ACCT, ...args], workdir: userDir() }, ann);

  it("asks Slurm when a job would start, and sends it where it starts first", async () => {
    const first = await submit(["-M", "local,hpc", "-n", "2", "-t", "10", "-p", "batch"]);
    // local has no partition batch: only Slurm can take this one
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const one = await c.ok("GET", `/api/v1/jobs/${first.body.id}`, undefined, ann);
    expect(one.cluster).toBe("hpc");
    const hpc = one.placement.considered.find((x: any) => x.cluster === "hpc");
    expect(hpc.startsAt).not.toBeNull();
    expect(one.placement.considered.find((x: any) => x.cluster === "local").refused).toMatch(
      /partition batch does not exist on cluster local/,
    );
    await waitFor(c, first.body.id, ["RUNNING"], 60_000);
    // Slurm's two cores are taken for ten minutes: its own estimate says so, and local wins
    const second = await submit(["-M", "hpc,local", "-n", "2", "-t", "10"]);
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const two = await c.ok("GET", `/api/v1/jobs/${second.body.id}`, undefined, ann);
    expect(two.cluster).toBe("local");
    const later = two.placement.considered.find((x: any) => x.cluster === "hpc");
    expect(Date.parse(later.startsAt) - Date.now()).toBeGreaterThan(5 * 60_000);
    expect(two.placement.why).toMatch(/predicted to start first there \(now; hpc in /);
    for (const id of [first.body.id, second.body.id])
      await c.api("POST", `/api/v1/jobs/${id}/cancel`, undefined, ann);
  }, 120_000);
});
