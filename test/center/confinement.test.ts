import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  JOBS_AS_TEST_USER,
  startCenter,
  submit,
  waitFor,
  workdir,
  type TestCenter,
} from "../helpers/center.js";
import { AS_ROOT } from "../helpers/unix-user.js";

/** Jobs confined like Slurm's task/cgroup: the kernel holds a job to its memory and its cores. */
function cgroupMemory(): boolean {
  if (existsSync("/sys/fs/cgroup/memory/memory.limit_in_bytes")) return true;
  try {
    return readFileSync("/sys/fs/cgroup/cgroup.controllers", "utf8").includes("memory");
  } catch {
    return false;
  }
}
const can = AS_ROOT && cgroupMemory();
if (!can)
  console.log(
    `skipped: cgroup confinement (${AS_ROOT ? "no cgroup memory controller here" : "not root"})`,
  );

let c: TestCenter;

describe.runIf(can)("cgroup confinement", () => {
  beforeAll(async () => {
    // the machine as it is: cores are real, so a cpuset can be seen
    c = await startCenter(`
jobs:
${JOBS_AS_TEST_USER}  killWait: 1
  sampleInterval: 0.5
`);
  });
  afterAll(async () => {
    await c?.stop();
  });

  it("says at start that jobs are confined", () => {
    expect(c.output()).toMatch(
      /jobs are confined by cgroup v[12]: memory \(over its request a job is killed at once\)/,
    );
  });

  it("a job over its memory is killed by the kernel at once: OUT_OF_MEMORY, never far over its request", async () => {
    const id = await submit(
      c,
      `#!/bin/bash\n#SBATCH --mem=50M\nperl -e '$x = "a" x (300 * 1024 * 1024); sleep 30'\n`,
      { workdir: workdir() },
    );
    const job = await waitFor(c, id, undefined, 20000);
    expect(job.state).toBe("OUT_OF_MEMORY");
    // the kernel held it to its 50 MiB: it never got near the 300 it asked for
    expect(job.maxRssMiB).toBeGreaterThan(0);
    expect(job.maxRssMiB).toBeLessThanOrEqual(60);
  });

  it.runIf(availableParallelism() > 1)(
    "a job keeps to its cores: it cannot widen its own affinity",
    async () => {
      const dir = workdir();
      const id = await submit(
        c,
        `#!/bin/bash\n#SBATCH -c 1\ntaskset -pc 0-$(( $(nproc --all) - 1 )) $$ >/dev/null 2>&1\ngrep Cpus_allowed_list /proc/self/status\n`,
        { workdir: dir },
      );
      expect((await waitFor(c, id)).state).toBe("COMPLETED");
      const allowed = readFileSync(join(dir, `slurm-${id}.out`), "utf8")
        .trim()
        .split(/\s+/)
        .pop()!;
      expect(allowed).toMatch(/^\d+$/);
    },
  );
});
