import BetterSqlite3 from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Actor } from "../src/services/access/actor.js";
import { ReportService } from "../src/services/reports/reports.js";
import { openStore } from "../src/store/open.js";

export interface UsageReportFigures {
  jobs: number;
  monthJobs: number;
  accounts: number;
  msMedian: number;
  insertSeconds: number;
}

/**
 * A month's usage report by account with `n` jobs stored (a year of history), on the
 * embedded SQLite store, through the same service the API calls.
 */
export async function benchUsageReport(n: number, repeat: number): Promise<UsageReportFigures> {
  const dir = mkdtempSync(join(tmpdir(), "guang-bench-report-"));
  const file = join(dir, "guang.db");
  try {
    const store = await openStore({ file });
    await store.close();
    // bulk history goes in through one prepared statement in one transaction: the fastest honest way to make a year of jobs
    const raw = new BetterSqlite3(file);
    raw.pragma("journal_mode = WAL");
    const tenants = 20;
    const accounts = 200;
    const users = 2000;
    const t0 = Date.now();
    raw.transaction(() => {
      raw
        .prepare(
          "insert into clusters (name, backend, config, created_at, updated_at) values ('local', 'local', '{}', '', '')",
        )
        .run();
      const ti = raw.prepare("insert into tenants (name, created_at) values (?, '')");
      for (let i = 0; i < tenants; i++) ti.run(`t${i}`);
      const ai = raw.prepare(
        "insert into accounts (tenant_id, name, created_at) values (?, ?, '')",
      );
      for (let i = 0; i < accounts; i++) ai.run((i % tenants) + 1, `a${i}`);
      const ui = raw.prepare(
        "insert into users (tenant_id, username, password_hash, created_at) values (?, ?, '!', '')",
      );
      for (let i = 0; i < users; i++) ui.run((i % tenants) + 1, `u${i}`);
      const ji = raw.prepare(
        `insert into jobs (cluster, partition, account_id, user_id, tenant_id, name, qos, state, script, options, time_limit, workdir, stdout_path, stderr_path, environment,
           submit_time, start_time, end_time, array_throttle, hold_units, cost_units, core_seconds, gpu_seconds, wait_seconds)
         values ('local', ?, ?, ?, ?, 'j', 'normal', 'COMPLETED', '', '{}', 3600, '/', '', '', '{}', ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
      );
      const year = Date.parse("2026-01-01T00:00:00Z");
      // mulberry32: a small, well-spread generator, so that every run writes the same history
      let seed = 42;
      const rnd = () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
        return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
      };
      for (let i = 0; i < n; i++) {
        const account = Math.floor(rnd() * accounts);
        const user = account * 10 + Math.floor(rnd() * 10);
        const end = year + Math.floor(rnd() * 365 * 86400_000);
        const run = Math.floor(rnd() * 36000);
        const wait = Math.floor(rnd() * 7200);
        const cpus = 1 + Math.floor(rnd() * 64);
        const gpus = rnd() < 0.2 ? 1 + Math.floor(rnd() * 8) : 0;
        const cost = Math.floor(cpus * run * 0.14);
        ji.run(
          gpus ? "gpu" : "cpu",
          account + 1,
          user + 1,
          (account % tenants) + 1,
          new Date(end - (run + wait) * 1000).toISOString(),
          new Date(end - run * 1000).toISOString(),
          new Date(end).toISOString(),
          cost,
          cost,
          cpus * run,
          gpus * run,
          wait,
        );
      }
    })();
    raw.close();
    const insertSeconds = (Date.now() - t0) / 1000;
    const s = await openStore({ file });
    try {
      const reports = new ReportService(s.db, "CNY");
      const actor: Actor = {
        userId: 1,
        username: "bench",
        tenantId: 1,
        roles: ["center-finance"],
        accounts: new Map(),
        posix: null,
        ip: "127.0.0.1",
      };
      const times: number[] = [];
      let monthJobs = 0;
      let lines = 0;
      for (let i = 0; i < repeat + 1; i++) {
        const start = process.hrtime.bigint();
        const r = await reports.usage(actor, {
          from: "2026-06-01T00:00:00.000Z",
          to: "2026-07-01T00:00:00.000Z",
          groupBy: "account",
        });
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        // the first run warms the page cache and the statement cache
        if (i > 0) times.push(ms);
        monthJobs = r.lines.reduce((x, l) => x + l.jobs, 0);
        lines = r.lines.length;
      }
      times.sort((a, b) => a - b);
      return {
        jobs: n,
        monthJobs,
        accounts: lines,
        msMedian: times[Math.floor(times.length / 2)]!,
        insertSeconds,
      };
    } finally {
      await s.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
