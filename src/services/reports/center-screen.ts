import type { JobAlloc } from "../../backends/backend.js";
import type { Db } from "../../store/open.js";
import { countStartedSince, jobsRunningIn, namesById, usageReport } from "../../store/reports.js";
import type { Actor } from "../access/actor.js";
import { authorize } from "../access/permissions.js";
import type { ClusterService } from "../clusters/clusters.js";

const HOUR = 3600_000;
/** Waits as the screen groups them: under a minute, ten minutes, an hour, six hours, more. */
const WAIT_BUCKETS = [60, 600, 3600, 6 * 3600, Infinity];

/**
 * The center at a glance, for its display wall: cores and GPUs in use per cluster, jobs
 * running and waiting, started today, the last 24 hours' use hour by hour, the institutions
 * that used most (30 days), and how long today's jobs waited to start.
 */
export class CenterScreen {
  constructor(
    private readonly db: Db,
    private readonly clusters: ClusterService,
  ) {}

  async figures(actor: Actor, now = new Date()) {
    authorize(actor, "screen.read", { tenantId: actor.tenantId, what: "the center screen" });
    const clusters = (await this.clusters.list(actor)).map((k) => ({
      name: k.name,
      cpus: k.nodes.reduce((s, n) => s + n.cpus, 0),
      cpusUsed: k.nodes.reduce((s, n) => s + n.allocCpus, 0),
      gpus: k.nodes.reduce((s, n) => s + n.gpus, 0),
      gpusUsed: k.nodes.reduce((s, n) => s + n.allocGpus, 0),
      running: k.jobs.running,
      pending: k.jobs.pending,
    }));
    const totalCpus = clusters.reduce((s, k) => s + k.cpus, 0);
    const midnight = new Date(now);
    midnight.setHours(0, 0, 0, 0);
    // the last 24 whole hours and this one, each the share of the cores jobs held in it
    const end = new Date(Math.ceil(now.getTime() / HOUR) * HOUR);
    const start = new Date(end.getTime() - 24 * HOUR);
    const coreMs = new Array<number>(24).fill(0);
    const waits = new Array<number>(WAIT_BUCKETS.length).fill(0);
    const since = new Date(now.getTime() - 24 * HOUR).toISOString();
    for (const j of await jobsRunningIn(this.db, start.toISOString(), end.toISOString())) {
      const cpus = j.alloc ? (JSON.parse(j.alloc) as JobAlloc).cpus : 0;
      const s = Math.max(Date.parse(j.start_time!), start.getTime());
      const e = Math.min(j.end_time ? Date.parse(j.end_time) : now.getTime(), end.getTime());
      for (let h = 0; h < 24; h++) {
        const hs = start.getTime() + h * HOUR;
        const overlap = Math.min(e, hs + HOUR) - Math.max(s, hs);
        if (overlap > 0) coreMs[h]! += overlap * cpus;
      }
      if (j.start_time! >= since) {
        const wait = (Date.parse(j.start_time!) - Date.parse(j.submit_time)) / 1000;
        waits[WAIT_BUCKETS.findIndex((b) => wait < b)]! += 1;
      }
    }
    const month = await usageReport(this.db, {
      from: new Date(now.getTime() - 30 * 24 * HOUR).toISOString(),
      to: now.toISOString(),
      groupBy: ["tenant"],
    });
    const top = month.sort((a, b) => b.coreSeconds - a.coreSeconds).slice(0, 8);
    const names = await namesById(
      this.db,
      "tenants",
      "name",
      top.map((r) => r.keys[0]).filter((x): x is number => typeof x === "number"),
    );
    return {
      at: now.toISOString(),
      clusters,
      startedToday: await countStartedSince(this.db, midnight.toISOString()),
      use24h: coreMs.map((ms, h) => ({
        hour: new Date(start.getTime() + h * HOUR).toISOString(),
        percent: totalCpus ? Math.round((1000 * ms) / (HOUR * totalCpus)) / 10 : 0,
      })),
      topTenants: top.map((r) => ({
        tenant: names.get(Number(r.keys[0])) ?? "—",
        coreHours: Math.round(r.coreSeconds / 360) / 10,
        gpuHours: Math.round(r.gpuSeconds / 360) / 10,
      })),
      waits: WAIT_BUCKETS.map((b, i) => ({
        under: Number.isFinite(b) ? b : null,
        jobs: waits[i]!,
      })),
    };
  }
}
