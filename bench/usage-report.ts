import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Actor } from "../src/services/access/actor.js";
import { ReportService } from "../src/services/reports/reports.js";
import { openStore } from "../src/store/open.js";
import { writeJobHistory } from "./job-history.js";

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
    const t0 = Date.now();
    writeJobHistory(file, n, Date.parse("2026-01-01T00:00:00Z"), 365);
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
