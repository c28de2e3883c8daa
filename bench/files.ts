import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import {
  benchAdminToken,
  benchJobsConfig,
  giveToBenchJobs,
  REPO,
  startBenchServer,
} from "./bench-server.js";

export interface FilesFigures {
  mib: number;
  cpMiBps: number;
  putMiBps: number;
  getMiBps: number;
  /** The server's resident memory before the upload, and the most it grew to during it. */
  rssBeforeMiB: number;
  rssGrowthMiB: number;
}

const CLI = join(REPO, "dist", "src", "cli", "main.js");

/** A whole process to its end: its wall time in seconds, or its stderr as the failure. */
function timed(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn(cmd, args, {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, ...env },
    });
    let err = "";
    p.stderr.on("data", (d: Buffer) => (err += d.toString()));
    p.on("exit", (code) =>
      code === 0
        ? resolve((performance.now() - t0) / 1000)
        : reject(new Error(`${cmd} ${args.join(" ")}: ${err.trim()}`)),
    );
  });
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : 0;
}

/**
 * Upload and download of one large file as a user meets them (`guang files put` and `get` as
 * whole processes, through a real server on loopback), against `cp` of the same file; and the
 * server's memory during the upload (the bar: a 5 GB upload grows it ≤ 50 MB).
 */
export async function benchFiles(mib: number): Promise<FilesFigures> {
  const base = process.env.GUANG_BENCH_DIR ?? join(REPO, ".guang");
  mkdirSync(base, { recursive: true });
  const home = mkdtempSync(join(base, "bench-files-"));
  const work = mkdtempSync(join(base, "bench-fileswork-"));
  const local = mkdtempSync(join(base, "bench-fileslocal-"));
  // as root the files are the benchmark account's; otherwise the server's own, within the
  // folder it serves
  const config =
    process.getuid?.() === 0 ? benchJobsConfig() : `jobs:\n  allowedRoots:\n    - ${work}\n`;
  giveToBenchJobs(work);
  const { proc, url } = await startBenchServer(home, config);
  try {
    const token = await benchAdminToken(url, home);
    const src = join(local, "source.bin");
    const block = randomBytes(8 * 1024 * 1024);
    const fd = openSync(src, "w");
    for (let i = 0; i < mib / 8; i++) writeSync(fd, block);
    closeSync(fd);
    const env = { GUANG_SERVER: url, GUANG_TOKEN: token };
    const cp = await timed("cp", [src, join(local, "copy.bin")]);
    rmSync(join(local, "copy.bin"));
    const pid = proc.pid!;
    const before = rssMiB(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 50);
    const put = await timed(
      process.execPath,
      [CLI, "files", "put", src, join(work, "up.bin")],
      env,
    ).finally(() => clearInterval(sampler));
    rmSync(src);
    const get = await timed(
      process.execPath,
      [CLI, "files", "get", join(work, "up.bin"), join(local, "down.bin")],
      env,
    );
    return {
      mib,
      cpMiBps: mib / cp,
      putMiBps: mib / put,
      getMiBps: mib / get,
      rssBeforeMiB: before,
      rssGrowthMiB: peak - before,
    };
  } finally {
    proc.kill();
    for (const d of [home, work, local]) rmSync(d, { recursive: true, force: true });
  }
}
