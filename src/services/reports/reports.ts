import { invalidInput } from "../../core/errors.js";
import { formatMoney, money } from "../../core/money.js";
import { toCsv } from "../formats/csv.js";
import type { Db } from "../../store/open.js";
import {
  namesById,
  REPORT_DIMENSIONS,
  usageReport,
  type ReportDimension,
} from "../../store/reports.js";
import type { Actor } from "../access/actor.js";
import { reportScope } from "./report-scope.js";

export interface UsageQuery {
  from?: string;
  to?: string;
  groupBy?: string;
  tenant?: string;
  account?: string;
}

export interface UsageLine {
  [dimension: string]: string | number | null;
  jobs: number;
  coreHours: number;
  gpuHours: number;
  /** Mean wait of the jobs that started, in hours. */
  avgWaitHours: number | null;
  cost: string;
  /** CPU time used of the core time held (0–1), where the jobs held any. */
  cpuEfficiency: number | null;
}

export interface UsageReportView {
  from: string;
  to: string;
  groupBy: ReportDimension[];
  currency: string;
  lines: UsageLine[];
}

/** What a report can be grouped by (the API lists them). */
export { REPORT_DIMENSIONS };

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The first instant of this month and of the next, UTC. */
function thisMonth(now = new Date()): [string, string] {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return [from.toISOString(), to.toISOString()];
}

/**
 * Usage over any window (XDMoD's questions): core-hours, GPU-hours, jobs, wait and cost,
 * grouped by tenant, account, user, partition, cluster, QoS, day, week or month; with
 * CPU efficiency (CPU time used of the core time held). Each asker sees what
 * is theirs: the center everything, a tenant's staff their tenant, account managers their
 * accounts, everyone else their own jobs.
 */
export class ReportService {
  constructor(
    private readonly db: Db,
    private readonly currency: string,
  ) {}

  async usage(actor: Actor, q: UsageQuery): Promise<UsageReportView> {
    const [defFrom, defTo] = thisMonth();
    const from = q.from ?? defFrom;
    const to = q.to ?? defTo;
    if (from >= to)
      throw invalidInput(`the window is empty: from (${from}) must come before to (${to})`);
    const groupBy = (q.groupBy ?? "account")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean) as ReportDimension[];
    for (const d of groupBy)
      if (!(REPORT_DIMENSIONS as readonly string[]).includes(d))
        throw invalidInput(`cannot group by ${d}; by: ${REPORT_DIMENSIONS.join(", ")}`);
    if (new Set(groupBy).size !== groupBy.length)
      throw invalidInput("groupBy names a dimension twice");
    const f = await reportScope(this.db, actor, q);
    const rows = await usageReport(this.db, { from, to, groupBy, ...f });
    const names = await this.names(
      groupBy,
      rows.map((r) => r.keys),
    );
    return {
      from,
      to,
      groupBy,
      currency: this.currency,
      lines: rows.map((r) => {
        const line: UsageLine = {
          jobs: r.jobs,
          coreHours: round(r.coreSeconds / 3600),
          gpuHours: round(r.gpuSeconds / 3600),
          avgWaitHours: r.started ? round(r.waitSeconds / r.started / 3600) : null,
          cost: formatMoney(money(r.cost)),
          cpuEfficiency: r.coreSeconds > 0 ? round(r.cpuSeconds / r.coreSeconds) : null,
        };
        groupBy.forEach(
          (d, i) => (line[d] = names.get(`${d}:${r.keys[i]}`) ?? (r.keys[i] as string | null)),
        );
        return line;
      }),
    };
  }

  /** Names of the tenants, accounts and users a report's keys hold as ids. */
  private async names(
    groupBy: ReportDimension[],
    keys: (string | number | null)[][],
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const tables = {
      tenant: ["tenants", "name"],
      account: ["accounts", "name"],
      user: ["users", "username"],
    } as const;
    for (const [i, d] of groupBy.entries()) {
      if (!(d in tables)) continue;
      const ids = [
        ...new Set(keys.map((k) => k[i]).filter((x): x is number => typeof x === "number")),
      ];
      if (ids.length === 0) continue;
      const [table, column] = tables[d as keyof typeof tables];
      for (const [id, name] of await namesById(this.db, table, column, ids))
        out.set(`${d}:${id}`, name);
    }
    return out;
  }
}

/** A report as CSV: its dimensions, then the figures. */
export function usageCsv(r: UsageReportView): string {
  return toCsv(
    [...r.groupBy, "jobs", "coreHours", "gpuHours", "avgWaitHours", "cost", "cpuEfficiency"],
    r.lines,
  );
}
