import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import {
  JOBS_AS_TEST_USER,
  startCenter,
  waitFor,
  workdir,
  type TestCenter,
} from "../helpers/center.js";

let c: TestCenter;
let dir: string;
beforeAll(async () => {
  c = await startCenter(`
jobs:
${JOBS_AS_TEST_USER}  allowedRoots: [/tmp]
  maxScriptBytes: 4096
cluster:
  cpus: 4
  memMiB: 8192
  partitions:
    - { name: short, default: true, maxTime: "0:10:00" }
    - { name: long }
`);
  dir = workdir();
});
afterAll(async () => {
  await c?.stop();
});

async function count(): Promise<number> {
  return (await c.api("GET", "/api/v1/jobs?limit=1000")).body.jobs.length;
}

describe("bad input gets a clear 4xx and changes nothing", () => {
  const cases: [string, unknown, number, RegExp][] = [
    ["bad JSON", "{not json", 400, /not valid JSON/],
    ["a wrong type", { script: 42 }, 400, /script: .*expected string/i],
    ["an unknown field", { script: "#!/bin/bash\n", colour: "red" }, 400, /unknown field.*colour/],
    ["no interpreter line", { script: "echo hi\n" }, 400, /first line must start with #!/],
    [
      "an unknown directive",
      { script: "#!/bin/bash\n#SBATCH --tim=5\ntrue\n" },
      400,
      /script line 2: unknown option --tim/,
    ],
    [
      "a malformed directive",
      { script: "#!/bin/bash\n#SBATCH -J x\n#SBATCH --time=ten\ntrue\n" },
      400,
      /script line 3: invalid time "ten"/,
    ],
    [
      "a bad array",
      { script: "#!/bin/bash\n#SBATCH --array=5-1\ntrue\n" },
      400,
      /--array "5-1".*ends before it starts/,
    ],
    [
      "a bad dependency",
      { script: "#!/bin/bash\ntrue\n", options: { dependency: "afterok:999999" } },
      400,
      /job 999999, which does not exist/,
    ],
    [
      "an unknown partition",
      { script: "#!/bin/bash\n#SBATCH -p gpu\ntrue\n" },
      400,
      /partition gpu does not exist on cluster local; its partitions: short, long/,
    ],
    [
      "an unknown cluster",
      { script: "#!/bin/bash\n#SBATCH -M mars\ntrue\n" },
      400,
      /cluster mars does not exist; clusters: local/,
    ],
    [
      "clusters to choose from that do not exist",
      { script: "#!/bin/bash\n#SBATCH --clusters=a,b\ntrue\n" },
      400,
      /cluster a does not exist; clusters: local/,
    ],
    [
      "an unknown account",
      { script: "#!/bin/bash\n#SBATCH -A physics\ntrue\n" },
      404,
      /account physics does not exist/,
    ],
    [
      "a time over the partition's limit",
      { script: "#!/bin/bash\n#SBATCH -t 1:00:00\ntrue\n" },
      400,
      /longer than partition short allows \(10:00\)/,
    ],
    [
      "more than the machine has",
      { script: "#!/bin/bash\n#SBATCH -n 8\ntrue\n" },
      400,
      /can never run.*8 cpus/,
    ],
    [
      "an oversize script",
      { script: `#!/bin/bash\n${"#".repeat(5000)}\n` },
      413,
      /at most a script may have is 4096 bytes|most a script may have/,
    ],
    [
      "output outside the allowed roots",
      { script: "#!/bin/bash\n#SBATCH -o /var/tmp/x.out\ntrue\n" },
      400,
      /outside the directories jobs may use \(\/tmp\)/,
    ],
    [
      "a working directory that does not exist",
      { script: "#!/bin/bash\ntrue\n", workdir: "/tmp/does/not/exist" },
      400,
      /does not exist or is not a directory/,
    ],
  ];
  for (const [what, body, status, message] of cases) {
    it(what, async () => {
      const before = await count();
      const b = typeof body === "string" ? body : { workdir: dir, ...(body as object) };
      const r = await c.api("POST", "/api/v1/jobs", b);
      expect(r.status).toBe(status);
      expect(r.body.error.message).toMatch(message);
      expect(typeof r.body.error.code).toBe("string");
      expect(await count()).toBe(before);
    });
  }

  it("keeps jobs away from Guang's own data directory", async () => {
    const r = await c.api("POST", "/api/v1/jobs", {
      script: "#!/bin/bash\ntrue\n",
      workdir: dir,
      options: { output: `${c.home}/guang.db` },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/inside Guang's data directory/);
  });

  it("a job does not follow a symlink planted where its output goes", async () => {
    const target = join(c.home, "planted");
    symlinkSync(target, join(dir, "evil.out"));
    const r = await c.api("POST", "/api/v1/jobs", {
      script: "#!/bin/bash\necho overwritten\n",
      workdir: dir,
      options: { output: "evil.out" },
    });
    expect(r.status).toBe(201);
    const job = await waitFor(c, r.body.id);
    expect(job.state).toBe("FAILED");
    expect(job.reason).toMatch(/cannot open the output file .*evil.out/);
    expect(existsSync(target)).toBe(false);
  });

  it("an array is stored whole or not at all", async () => {
    const before = await count();
    const r = await c.api("POST", "/api/v1/jobs", {
      script: "#!/bin/bash\n#SBATCH --array=0-3 -o /tmp/%a/nowhere/x.out\ntrue\n",
      workdir: dir,
    });
    expect(r.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it("wants a token, and a valid one", async () => {
    expect((await c.api("GET", "/api/v1/jobs", undefined, null)).status).toBe(401);
    const bad = await c.api("GET", "/api/v1/jobs", undefined, "guang_nope");
    expect(bad.status).toBe(401);
    expect(bad.body.error.message).toMatch(/unknown, revoked or expired/);
    expect(
      (await c.api("POST", "/api/v1/auth/login", { username: "admin", password: "wrong" }, null))
        .status,
    ).toBe(401);
  });

  it("answers unknown endpoints, methods and query parameters with 4xx", async () => {
    expect((await c.api("GET", "/api/v1/nothing")).status).toBe(404);
    expect((await c.api("DELETE", "/api/v1/jobs")).status).toBe(405);
    const q = await c.api("GET", "/api/v1/jobs?limit=0");
    expect(q.status).toBe(400);
    expect(q.body.error.message).toMatch(/limit/);
    expect((await c.api("GET", "/api/v1/jobs?state=DONE")).status).toBe(400);
    expect((await c.api("GET", "/api/v1/jobs/abc")).status).toBe(400);
    expect((await c.api("GET", "/api/v1/jobs/99999")).status).toBe(404);
  });
});
