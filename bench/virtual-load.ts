import { readFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { benchAdminToken, REPO, startBenchServer } from "./bench-server.js";

export interface VirtualLoadFigures {
  nodes: number;
  jobs: number;
  /** Submissions through POST /jobs answered a second, `concurrency` clients at once. */
  submitsPerSecond: number;
  concurrency: number;
  submitP50Ms: number;
  submitP99Ms: number;
  running: number;
  waiting: number;
  /** The embedded scheduler's passes, as GET /clusters reports them: the last 100, the queue nearly full. */
  passes: number;
  passP50Ms: number;
  passP99Ms: number;
  /** The server's resident memory at the end. */
  rssMiB: number;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/**
 * A center under load as its users make it: a virtual cluster of `nodes` nodes of 64 cores,
 * `jobs` whole-node jobs of ten hours submitted through the REST API by `concurrency` clients
 * on keep-alive connections; the first `nodes` start, the rest wait. Then how long the
 * scheduler's last 100 passes took, the queue nearly full (its own figures, GET /clusters),
 * and the server's memory.
 */
export async function benchVirtualLoad(
  nodes: number,
  jobs: number,
  concurrency = 8,
): Promise<VirtualLoadFigures> {
  const base = process.env.GUANG_BENCH_DIR ?? join(REPO, ".guang");
  mkdirSync(base, { recursive: true });
  const home = mkdtempSync(join(base, "bench-virtual-"));
  const { proc, url } = await startBenchServer(
    home,
    `server:\n  logLevel: warn\nclusters:\n  - name: big\n    backend: virtual\n    nodes:\n      - { prefix: n, count: ${nodes}, cpus: 64, memMiB: 262144 }\n    partitions:\n      - { name: batch, maxTime: 1-0 }\n`,
  );
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    const token = await benchAdminToken(url, home);
    const body = JSON.stringify({
      script:
        "#!/bin/bash\n#SBATCH -N 1 -n 64 -t 12:00:00\n#GUANG --virtual-runtime=10:00:00\nsrun ./model\n",
      args: ["-M", "big"],
    });
    const post = () =>
      new Promise<number>((resolve, reject) => {
        const t0 = performance.now();
        const req = request(
          `${url}/api/v1/jobs`,
          {
            method: "POST",
            agent,
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          },
          (res) => {
            let text = "";
            res.on("data", (d: Buffer) => (text += d.toString()));
            res.on("end", () =>
              res.statusCode === 201
                ? resolve(performance.now() - t0)
                : reject(new Error(`POST /jobs: ${res.statusCode} ${text}`)),
            );
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    const latencies: number[] = [];
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < jobs) {
          next++;
          latencies.push(await post());
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const get = async () => {
      const r = await fetch(`${url}/api/v1/clusters`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await r.json()) as any).clusters.find((c: any) => c.name === "big");
    };
    // the recent passes (the last 100) were made with the queue nearly as long as at the end
    const big = await get();
    const status = readFileSync(`/proc/${proc.pid}/status`, "utf8");
    const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return {
      nodes,
      jobs,
      submitsPerSecond: jobs / seconds,
      concurrency,
      submitP50Ms: quantile(latencies, 0.5),
      submitP99Ms: quantile(latencies, 0.99),
      running: big.jobs.running,
      waiting: big.jobs.pending,
      passes: big.status.passes?.count ?? 0,
      passP50Ms: big.status.passes?.p50Ms ?? NaN,
      passP99Ms: big.status.passes?.p99Ms ?? NaN,
      rssMiB: rssKiB / 1024,
    };
  } finally {
    agent.destroy();
    proc.kill("SIGTERM");
  }
}
