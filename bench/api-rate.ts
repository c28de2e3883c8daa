import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { benchAdminToken, benchJobsConfig, REPO, startBenchServer } from "./bench-server.js";

export interface ApiRateFigures {
  /** GET /jobs?limit=50 answered a second, `concurrency` clients on keep-alive connections. */
  listPerSecond: number;
  concurrency: number;
  /** Median wall time of a whole CLI process: the bare Node start, `guang help`, `guang jobs` against the server. */
  nodeMs: number;
  helpMs: number;
  jobsMs: number;
  /** POST /jobs (a held 1-CPU job), one after another: the answer's latency, p50 and p99. */
  submitP50Ms: number;
  submitP99Ms: number;
  /** `guang sim` of a trace with EASY as a whole process (median), or null without the trace. */
  simMs: number | null;
}

const CLI = join(REPO, "dist", "src", "cli", "main.js");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs a whole process `n` times; the median wall time in ms. */
function timed(n: number, args: string[], env: Record<string, string> = {}): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * The API as a script meets it (an authenticated listing, as fast as it answers) and the
 * CLI as a Slurm user meets it (whole processes, against the bare Node start).
 */
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

export async function benchApiRate(
  seconds: number,
  runs: number,
  submits: number,
  simTrace: string | null,
): Promise<ApiRateFigures> {
  const base = process.env.GUANG_BENCH_DIR ?? join(REPO, ".guang");
  mkdirSync(base, { recursive: true });
  const home = mkdtempSync(join(base, "bench-api-"));
  const { proc, url } = await startBenchServer(home, benchJobsConfig());
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  try {
    const token = await benchAdminToken(url, home);
    // a listing worth the name: 50 held jobs
    for (let i = 0; i < 50; i++) {
      const r = await fetch(`${url}/api/v1/jobs`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ script: "#!/bin/bash\ntrue\n", args: ["-H"], workdir: "/tmp" }),
      });
      if (r.status !== 201)
        throw new Error(`submitting a job for the listing: ${r.status} ${await r.text()}`);
    }
    const get = () =>
      new Promise<void>((resolve, reject) => {
        const req = request(
          `${url}/api/v1/jobs?limit=50`,
          { agent, headers: { authorization: `Bearer ${token}` } },
          (res) => {
            res.resume();
            res.on("end", () =>
              res.statusCode === 200
                ? resolve()
                : reject(new Error(`GET /jobs answered ${res.statusCode}`)),
            );
          },
        );
        req.on("error", reject);
        req.end();
      });
    const concurrency = 8;
    const loop = async (ms: number) => {
      let n = 0;
      const until = performance.now() + ms;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() < until) {
            await get();
            n++;
          }
        }),
      );
      return n / (ms / 1000);
    };
    await loop(1000);
    const listPerSecond = await loop(seconds * 1000);
    const env = { GUANG_SERVER: url, GUANG_TOKEN: token };
    const latencies: number[] = [];
    for (let i = 0; i < submits; i++) {
      const t0 = performance.now();
      const r = await fetch(`${url}/api/v1/jobs`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ script: "#!/bin/bash\ntrue\n", args: ["-H"], workdir: "/tmp" }),
      });
      await r.text();
      latencies.push(performance.now() - t0);
      if (r.status !== 201) throw new Error(`submitting: ${r.status}`);
    }
    return {
      submitP50Ms: quantile(latencies, 0.5),
      submitP99Ms: quantile(latencies, 0.99),
      simMs: simTrace ? timed(runs, [CLI, "sim", simTrace, "--policy", "easy"]) : null,
      listPerSecond,
      concurrency,
      nodeMs: timed(runs, ["-e", "0"]),
      helpMs: timed(runs, [CLI, "help"]),
      jobsMs: timed(runs, [CLI, "jobs"], env),
    };
  } finally {
    agent.destroy();
    proc.kill("SIGTERM");
    await new Promise((r) => proc.once("exit", r));
    rmSync(home, { recursive: true, force: true });
    rmSync(`${home}.yaml`, { force: true });
  }
}
