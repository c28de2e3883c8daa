import type { JobAlloc } from "../../backends/backend.js";
import { invalidInput } from "../../core/errors.js";
import type { Db } from "../../store/open.js";
import { endedJobsUse } from "../../store/reports.js";
import type { Actor } from "../access/actor.js";
import { reportScope } from "./report-scope.js";

const WORST = 50;
const hours = (s: number) => Math.round(s / 0.36) / 10_000;
const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

interface Sums {
  jobs: number;
  coreSeconds: number;
  usedSeconds: number;
  /** Memory efficiency weighted by core-seconds: its sum, and the weight it was measured over. */
  memWeighted: number;
  memWeight: number;
}

/**
 * Job efficiency for the center's and a tenant's staff (XDMoD's): who asked for more than
 * they used — cores held but idle (CPU time against cores × time) and memory asked but not
 * touched (peak RSS against the allocation) — by account or user, the most wasted first, and
 * the worst jobs of the window. GPUs' own use is not sampled yet.
 */
export class EfficiencyReport {
  constructor(private readonly db: Db) {}

  async report(
    actor: Actor,
    q: { from: string; to: string; groupBy?: string; tenant?: string; account?: string },
  ) {
    if (q.from >= q.to)
      throw invalidInput(`the window is empty: from (${q.from}) must come before to (${q.to})`);
    const by = (q.groupBy ?? "account") as "account" | "user";
    if (by !== "account" && by !== "user")
      throw invalidInput(`cannot group by ${q.groupBy}; by: account, user`);
    const jobs = await endedJobsUse(this.db, {
      from: q.from,
      to: q.to,
      ...(await reportScope(this.db, actor, q)),
    });
    const groups = new Map<string, Sums>();
    const each = jobs.map((j) => {
      const alloc = j.alloc ? (JSON.parse(j.alloc) as JobAlloc) : null;
      const core = Number(j.core_seconds);
      const used = Math.min(core, Number(j.cpu_seconds ?? 0));
      const mem =
        alloc?.memMiB && j.max_rss_mib !== null ? Math.min(1, j.max_rss_mib / alloc.memMiB) : null;
      const key = by === "account" ? j.account : j.user;
      const g = groups.get(key) ?? {
        jobs: 0,
        coreSeconds: 0,
        usedSeconds: 0,
        memWeighted: 0,
        memWeight: 0,
      };
      g.jobs += 1;
      g.coreSeconds += core;
      g.usedSeconds += used;
      if (mem !== null) {
        g.memWeighted += mem * core;
        g.memWeight += core;
      }
      groups.set(key, g);
      return {
        jobId: j.array_job_id !== null ? `${j.array_job_id}_${j.array_task_id}` : String(j.id),
        name: j.name,
        account: j.account,
        user: j.user,
        coreHours: hours(core),
        wastedCoreHours: hours(core - used),
        cpuEfficiency: pct(used / core),
        memEfficiency: pct(mem),
      };
    });
    return {
      from: q.from,
      to: q.to,
      groupBy: by,
      lines: [...groups.entries()]
        .map(([name, g]) => ({
          name,
          jobs: g.jobs,
          coreHours: hours(g.coreSeconds),
          wastedCoreHours: hours(g.coreSeconds - g.usedSeconds),
          cpuEfficiency: pct(g.usedSeconds / g.coreSeconds),
          memEfficiency: pct(g.memWeight ? g.memWeighted / g.memWeight : null),
        }))
        .sort((a, b) => b.wastedCoreHours - a.wastedCoreHours),
      worst: each.sort((a, b) => b.wastedCoreHours - a.wastedCoreHours).slice(0, WORST),
    };
  }
}
