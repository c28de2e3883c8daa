import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { join } from "node:path";
import {
  benchAdminToken,
  benchJobsConfig,
  giveToBenchJobs,
  REPO,
  startBenchServer,
} from "./bench-server.js";

export interface OutputReadersFigures {
  outputMiB: number;
  readers: number;
  /** GET /jobs latency with nobody reading outputs, and while the readers page through the output. */
  quietP50Ms: number;
  quietP95Ms: number;
  busyP50Ms: number;
  busyP95Ms: number;
  /** What the readers got through, MiB/s all together. */
  readMiBps: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** One GET with its own connection pool; the body read to the end. */
function get(
  agent: Agent,
  url: string,
  token: string,
): Promise<{
  status: number;
  bytes: number;
  headers: Record<string, string | string[] | undefined>;
}> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let bytes = 0;
      res.on("data", (d: Buffer) => (bytes += d.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

/**
 * Four people read a large job output page by page while another lists jobs: the listing must
 * stay quick (the issue's figure: GET /jobs p95 ≤ 50 ms meanwhile). Measured as clients meet
 * it, over HTTP against a real server.
 */
export async function benchOutputReaders(
  outputMiB: number,
  probes: number,
): Promise<OutputReadersFigures> {
  const base = process.env.GUANG_BENCH_DIR ?? join(REPO, ".guang");
  mkdirSync(base, { recursive: true });
  const home = mkdtempSync(join(base, "bench-out-"));
  const work = mkdtempSync(join(base, "bench-outwork-"));
  giveToBenchJobs(work);
  const { proc, url } = await startBenchServer(home, benchJobsConfig());
  const agents: Agent[] = [];
  try {
    const token = await benchAdminToken(url, home);
    const body = JSON.stringify({
      script: `#!/bin/bash\nhead -c ${outputMiB * 1048576} /dev/zero | tr '\\0' 'x'\n`,
      workdir: work,
    });
    const id = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${url}/api/v1/jobs`,
        {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        },
        (res) => {
          let t = "";
          res.on("data", (d: Buffer) => (t += d.toString()));
          res.on("end", () =>
            res.statusCode === 201
              ? resolve((JSON.parse(t) as { id: number }).id)
              : reject(new Error(t)),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    });
    const lister = new Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(lister);
    for (let until = Date.now() + 120_000; ;) {
      const job = (await (
        await fetch(`${url}/api/v1/jobs/${id}`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { state: string; reason: string | null; exitCode: number | null };
      if (job.state === "COMPLETED") break;
      if (!["PENDING", "RUNNING"].includes(job.state))
        throw new Error(
          `the output job ended ${job.state} (${job.reason ?? `exit ${job.exitCode}`})`,
        );
      if (Date.now() > until) throw new Error("the output job did not end within 120 s");
      await new Promise((r) => setTimeout(r, 200));
    }
    const probe = async (n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const r = await get(lister, `${url}/api/v1/jobs?limit=100`, token);
        if (r.status !== 200) throw new Error(`GET /jobs answered ${r.status}`);
        times.push(performance.now() - t0);
        await new Promise((r2) => setTimeout(r2, 5));
      }
      return times.sort((a, b) => a - b);
    };
    await probe(20);
    const quiet = await probe(probes);
    let reading = true;
    let bytes = 0;
    const t0 = performance.now();
    const reader = async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      agents.push(agent);
      let offset = 0;
      while (reading) {
        const r = await get(agent, `${url}/api/v1/jobs/${id}/output?offset=${offset}`, token);
        if (r.status !== 200) throw new Error(`reading the output answered ${r.status}`);
        bytes += r.bytes;
        offset = r.bytes === 0 ? 0 : offset + r.bytes;
      }
    };
    const readers = Array.from({ length: 4 }, reader);
    const busy = await probe(probes);
    reading = false;
    await Promise.all(readers);
    const seconds = (performance.now() - t0) / 1000;
    return {
      outputMiB,
      readers: 4,
      quietP50Ms: percentile(quiet, 50),
      quietP95Ms: percentile(quiet, 95),
      busyP50Ms: percentile(busy, 50),
      busyP95Ms: percentile(busy, 95),
      readMiBps: bytes / 1048576 / seconds,
    };
  } finally {
    for (const a of agents) a.destroy();
    proc.kill("SIGTERM");
    await new Promise((r) => proc.once("exit", r));
    rmSync(home, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
    rmSync(`${home}.yaml`, { force: true });
  }
}
