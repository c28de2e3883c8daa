import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import {
  BENCH_UNIX_USER,
  benchAdminToken,
  benchJobsConfig,
  REPO,
  startBenchServer,
} from "./bench-server.js";

/**
 * Submissions to a real Slurm through Guang's REST API (checks, hold, sbatch as the user,
 * the job written) against plain `sbatch` in a loop, one at a time, in the same run. The
 * jobs are held (-H) and cancelled afterwards: what is measured is submission, not Slurm's
 * scheduling. The peer is sbatch itself: Guang cannot submit faster than it, and what it
 * adds is its own cost. Null when there is no Slurm (or not as root).
 */
export interface SlurmSubmitFigures {
  jobs: number;
  guangPerSecond: number;
  sbatchPerSecond: number;
}

/**
 * The sbatch loop runs in a fresh node process: a fork costs in proportion to the forking
 * process's memory, and this one's has grown with the other benchmarks.
 */
const RAW_LOOP = `
import { spawnSync } from "node:child_process";
const n = Number(process.argv[1]);
const ids = [];
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  const r = spawnSync("sbatch", ["--parsable", "-A", "root", "-H", "-t", "1", "--wrap", "true"], { encoding: "utf8", cwd: "/tmp" });
  if (r.status !== 0) { console.error("sbatch: " + r.stderr); process.exit(1); }
  ids.push(r.stdout.trim());
}
console.log(JSON.stringify({ perSecond: n / ((performance.now() - t0) / 1000), ids }));
`;

function rawSbatch(n: number): { perSecond: number; ids: string[] } {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", RAW_LOOP, String(n)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (r.status !== 0) throw new Error(`the plain sbatch loop failed (${r.status})`);
  return JSON.parse(r.stdout) as { perSecond: number; ids: string[] };
}

export async function benchSlurmSubmit(n: number): Promise<SlurmSubmitFigures | null> {
  if (
    process.getuid?.() !== 0 ||
    !spawnSync("scontrol", ["ping"], { encoding: "utf8" }).stdout?.includes("UP")
  )
    return null;
  const base = join(REPO, ".guang");
  mkdirSync(base, { recursive: true });
  const home = mkdtempSync(join(base, "bench-slurm-"));
  const { proc, url } = await startBenchServer(
    home,
    `${benchJobsConfig()}clusters:\n  - name: hpc\n    backend: slurm\n`,
  );
  const call = async (method: string, path: string, token: string | null, body?: unknown) => {
    const r = await fetch(url + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        "content-type": "application/json",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const out = (await r.json()) as any;
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(out)}`);
    return out;
  };
  // the jobs to cancel at the end, whatever happens: Guang's (by Slurm's id, asked of Guang then) and plain sbatch's
  const guangIds: number[] = [];
  const ids: string[] = [];
  let token = "";
  try {
    token = await benchAdminToken(url, home);
    // the admin's jobs run as the benchmark's unprivileged account, in the center's default account (put into Slurm by Guang)
    await call("PATCH", "/api/v1/users/admin", token, { posix: { name: BENCH_UNIX_USER } });
    const now = new Date(Date.now() + 1000).toISOString();
    for (const p of ["batch", "short"])
      await call("POST", "/api/v1/prices", token, {
        cluster: "hpc",
        partition: p,
        effectiveFrom: now,
        cpuHour: "0",
      });
    await new Promise((r) => setTimeout(r, 1500));
    const body = {
      script: "#!/bin/bash\ntrue\n",
      args: ["-M", "hpc", "-H", "-t", "1"],
      workdir: "/tmp",
    };
    // a warm-up: the first submission puts the user into Slurm
    for (let i = 0; i < 3; i++) guangIds.push((await call("POST", "/api/v1/jobs", token, body)).id);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) guangIds.push((await call("POST", "/api/v1/jobs", token, body)).id);
    const guangPerSecond = n / ((performance.now() - t0) / 1000);
    // plain sbatch as root in Slurm's own root account (where Slurm always has root, whatever Guang does to its accounts)
    const raw = rawSbatch(n);
    ids.push(...raw.ids);
    return { jobs: n, guangPerSecond, sbatchPerSecond: raw.perSecond };
  } finally {
    for (const id of guangIds)
      ids.push(
        await call("GET", `/api/v1/jobs/${id}`, token).then(
          (j) => j.clusterJobId as string,
          () => "",
        ),
      );
    if (ids.some((x) => x))
      spawnSync(
        "scancel",
        ids.filter((x) => x),
      );
    proc.kill("SIGTERM");
    await new Promise((r) => proc.once("exit", r));
    rmSync(home, { recursive: true, force: true });
  }
}
