import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import {
  benchAdminToken,
  benchJobsConfig,
  giveToBenchJobs,
  REPO,
  startBenchServer,
} from "./bench-server.js";

/**
 * Trivial 1-CPU jobs submitted through the REST API of a real server until all are
 * accounted for (COMPLETED events on the SSE stream), against a raw loop of
 * spawn('bash', ['-c', 'true']) at the same concurrency (one per core), in the same run.
 * Both after a warm-up round of a fifth as many. Goals: ≥ 300 jobs/s and ≥ 1/3 of the raw rate.
 */
export interface LocalJobsFigures {
  jobs: number;
  cores: number;
  seconds: number;
  jobsPerSecond: number;
  submitToRunningP50Ms: number;
  submitToRunningP99Ms: number;
  rawPerSecond: number;
}

// the machine as it is: as many jobs at once as it has cores
const CONFIG = () => `${benchJobsConfig()}scheduler:\n  planDepth: 0\n`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * The raw loop runs in a fresh node process: a fork costs in proportion to the forking
 * process's memory, and this one's has grown with the other benchmarks.
 */
const RAW_LOOP = `
import { spawn } from "node:child_process";
const [n, concurrency] = process.argv.slice(1).map(Number);
const loop = async (count) => {
  const t0 = performance.now();
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      await new Promise((resolve) => spawn("bash", ["-c", "true"], { stdio: "ignore" }).once("exit", resolve));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return count / ((performance.now() - t0) / 1000);
};
await loop(Math.ceil(n / 5));
console.log(await loop(n));
`;

function rawSpawnRate(n: number, concurrency: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      ["--input-type=module", "-e", RAW_LOOP, String(n), String(concurrency)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    p.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    p.once("exit", (code) =>
      code === 0
        ? resolve(Number(out.trim()))
        : reject(new Error(`the raw spawn loop failed (${code})`)),
    );
  });
}

export async function benchLocalJobs(n: number): Promise<LocalJobsFigures> {
  const cores = availableParallelism();
  const raw = await rawSpawnRate(n, cores);
  // Where a center keeps its data and users their work: beside the checkout (./.guang, as
  // `npm start` does), not /tmp, where creating a file costs ~0.7 ms on these VMs (~30× more).
  const base = process.env.GUANG_BENCH_DIR ?? join(REPO, ".guang");
  mkdirSync(base, { recursive: true });
  const home = mkdtempSync(join(base, "bench-home-"));
  const work = mkdtempSync(join(base, "bench-work-"));
  giveToBenchJobs(work);
  const { proc, url } = await startBenchServer(home, CONFIG());
  try {
    const auth = { authorization: `Bearer ${await benchAdminToken(url, home)}` };
    const submitted = new Map<number, number>();
    const runningAt = new Map<number, number>();
    let accounted = 0;
    let failed = 0;
    let target = Infinity;
    let reached: () => void = () => {};
    const events = await fetch(`${url}/api/v1/events`, { headers: auth });
    const reader = events.body!.getReader();
    void (async () => {
      let buf = "";
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) return;
        buf += Buffer.from(value).toString();
        let i: number;
        while ((i = buf.indexOf("\n\n")) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = /^data: (.*)$/m.exec(block);
          if (!data) continue;
          const e = JSON.parse(data[1]!) as { id: number; state: string };
          if (e.state === "RUNNING") runningAt.set(e.id, performance.now());
          else if (e.state === "COMPLETED" || e.state === "FAILED") {
            if (e.state === "FAILED") failed++;
            if (++accounted === target) reached();
          }
        }
      }
    })();
    const body = JSON.stringify({ script: "#!/bin/bash\ntrue\n", workdir: work });
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const post = () =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          `${url}/api/v1/jobs`,
          {
            method: "POST",
            agent,
            headers: {
              ...auth,
              "content-type": "application/json",
              "content-length": Buffer.byteLength(body),
            },
          },
          (res) => {
            let text = "";
            res.on("data", (d: Buffer) => (text += d.toString()));
            res.on("end", () =>
              res.statusCode === 201
                ? resolve((JSON.parse(text) as { id: number }).id)
                : reject(new Error(text)),
            );
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    /** Submits `count` jobs, a few requests in flight as several users' CLIs would have, and waits until all are accounted for. */
    const round = async (count: number) => {
      const done = new Promise<void>((r) => (reached = r));
      target = accounted + count;
      let next = 0;
      const submitter = async () => {
        while (next < count) {
          next++;
          const sent = performance.now();
          submitted.set(await post(), sent);
        }
      };
      await Promise.all(Array.from({ length: 4 }, submitter));
      // a job whose end is never recorded is a bug: say so rather than wait for ever
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<never>((_r, reject) => {
        timer = setTimeout(
          () => reject(new Error(`only ${accounted} of ${target} jobs ended within 120 s`)),
          120_000,
        );
      });
      await Promise.race([done, limit]).finally(() => clearTimeout(timer));
    };
    // a warm-up round first: the figures are of a server whose code the JIT has compiled
    await round(Math.ceil(n / 5));
    submitted.clear();
    const t0 = performance.now();
    await round(n);
    const seconds = (performance.now() - t0) / 1000;
    if (process.env.GUANG_BENCH_CPU) {
      // where the CPU went: the server, its launcher, this client
      const ticks = (pid: number) => {
        const f = readFileSync(`/proc/${pid}/stat`, "latin1").split(") ")[1]!.split(" ");
        return `${Number(f[11]) / 100}u+${Number(f[12]) / 100}s`;
      };
      const kids = (pid: number) =>
        readFileSync(`/proc/${pid}/task/${pid}/children`, "latin1")
          .trim()
          .split(" ")
          .filter(Boolean)
          .map(Number);
      console.log(
        `cpu s: server ${ticks(proc.pid!)}, launcher ${kids(proc.pid!).map(ticks)}, client ${(process.cpuUsage().user + process.cpuUsage().system) / 1e6}`,
      );
    }
    reader.cancel().catch(() => {});
    agent.destroy();
    if (failed > 0) throw new Error(`${failed} of the benchmark's jobs failed`);
    const lat = [...submitted].map(([id, t]) => (runningAt.get(id) ?? t) - t).sort((a, b) => a - b);
    return {
      jobs: n,
      cores,
      seconds,
      jobsPerSecond: n / seconds,
      submitToRunningP50Ms: percentile(lat, 50),
      submitToRunningP99Ms: percentile(lat, 99),
      rawPerSecond: raw,
    };
  } finally {
    proc.kill("SIGTERM");
    await new Promise((r) => proc.once("exit", r));
    rmSync(home, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
    rmSync(`${home}.yaml`, { force: true });
  }
}
