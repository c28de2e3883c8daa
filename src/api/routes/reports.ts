import { z } from "zod";
import { usageCsv } from "../../services/reports/reports.js";
import { statementCsv, statementHtml } from "../../services/formats/statement-format.js";
import { route, WROTE } from "../route.js";
import { isoTime, toIso } from "../schemas/time.js";
import { statement, usageReportView } from "../schemas/reports.js";

export const reportRoutes = [
  route({
    method: "GET",
    path: "/api/v1/reports/usage",
    summary:
      "Usage of ended jobs over a window (default: this month): jobs, core-hours, GPU-hours, mean wait, cost, grouped by tenant, account, user, partition, cluster, QoS, day, week or month, with CPU efficiency; format=csv",
    tag: "reports",
    auth: true,
    action: "report.read",
    query: z.strictObject({
      from: isoTime.optional(),
      to: isoTime.optional(),
      groupBy: z.string().optional(),
      tenant: z.string().optional(),
      account: z.string().optional(),
      format: z.enum(["json", "csv"]).optional(),
    }),
    response: usageReportView,
    handler: async ({ center, actor, query, res }) => {
      const report = await center.reports.usage(actor, {
        ...query,
        from: query.from && toIso(query.from),
        to: query.to && toIso(query.to),
      });
      if (query.format !== "csv") return report;
      const body = usageCsv(report);
      res.writeHead(200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="guang-usage.csv"',
        "content-length": Buffer.byteLength(body),
      });
      res.end(body);
      return WROTE;
    },
  }),
  route({
    method: "GET",
    path: "/api/v1/statements",
    summary:
      "A month's statement of a tenant or an account: balances, money in and out, usage by partition, user (and account); JSON, CSV or a printable HTML page (lang=en|zh)",
    tag: "reports",
    auth: true,
    action: "money.read",
    query: z.strictObject({
      tenant: z.string().optional(),
      account: z.string().optional(),
      month: z.string({ error: "month is needed, e.g. month=2026-11" }),
      format: z.enum(["json", "csv", "html"]).optional(),
      lang: z.enum(["en", "zh"]).optional(),
    }),
    response: statement,
    handler: async ({ center, actor, query, res }) => {
      const s = await center.statements.monthly(actor, query);
      if (query.format === undefined || query.format === "json") return s;
      const body = query.format === "csv" ? statementCsv(s) : statementHtml(s, query.lang ?? "en");
      const type = query.format === "csv" ? "text/csv" : "text/html";
      res.writeHead(200, {
        "content-type": `${type}; charset=utf-8`,
        "content-length": Buffer.byteLength(body),
        ...(query.format === "csv"
          ? { "content-disposition": `attachment; filename="statement-${s.name}-${s.month}.csv"` }
          : {}),
      });
      res.end(body);
      return WROTE;
    },
  }),
  route({
    method: "POST",
    path: "/api/v1/statements/send",
    summary:
      "E-mail a month's statement (its HTML page and CSV attached): a tenant's to its admins and finance, an account's to its owners and tenant finance",
    tag: "reports",
    auth: true,
    action: "statement.send",
    body: z.strictObject({
      tenant: z.string().optional(),
      account: z.string().optional(),
      month: z.string({ error: "month is needed, e.g. 2026-11" }),
      lang: z.enum(["en", "zh"]).optional(),
    }),
    response: z.strictObject({ sentTo: z.array(z.string()) }),
    handler: ({ center, actor, body }) => center.statementMail.send(actor, body),
  }),
  route({
    method: "GET",
    path: "/api/v1/screen",
    summary:
      "The center at a glance (its display wall): cores and GPUs in use per cluster, jobs running and waiting, started today, the last 24 hours' use by hour, the institutions that used most in 30 days, today's waits",
    tag: "reports",
    auth: true,
    action: "screen.read",
    response: z.strictObject({
      at: z.string(),
      clusters: z.array(
        z.strictObject({
          name: z.string(),
          cpus: z.number(),
          cpusUsed: z.number(),
          gpus: z.number(),
          gpusUsed: z.number(),
          running: z.number(),
          pending: z.number(),
        }),
      ),
      startedToday: z.number(),
      use24h: z.array(z.strictObject({ hour: z.string(), percent: z.number() })),
      topTenants: z.array(
        z.strictObject({ tenant: z.string(), coreHours: z.number(), gpuHours: z.number() }),
      ),
      waits: z.array(z.strictObject({ under: z.number().nullable(), jobs: z.number() })),
    }),
    handler: ({ center, actor }) => center.screen.figures(actor),
  }),
  route({
    method: "GET",
    path: "/api/v1/reports/efficiency",
    summary:
      "Job efficiency over a window (default: the last 30 days): by account or user, cores held but idle and memory asked but not used, the most wasted first, and the worst jobs; each asker sees what the usage report shows them",
    tag: "reports",
    auth: true,
    action: "report.read",
    query: z.strictObject({
      from: isoTime.optional(),
      to: isoTime.optional(),
      groupBy: z.enum(["account", "user"]).optional(),
      tenant: z.string().optional(),
      account: z.string().optional(),
    }),
    response: z.strictObject({
      from: z.string(),
      to: z.string(),
      groupBy: z.enum(["account", "user"]),
      lines: z.array(
        z.strictObject({
          name: z.string(),
          jobs: z.number(),
          coreHours: z.number(),
          wastedCoreHours: z.number(),
          cpuEfficiency: z.number().nullable(),
          memEfficiency: z.number().nullable(),
        }),
      ),
      worst: z.array(
        z.strictObject({
          jobId: z.string(),
          name: z.string(),
          account: z.string(),
          user: z.string(),
          coreHours: z.number(),
          wastedCoreHours: z.number(),
          cpuEfficiency: z.number().nullable(),
          memEfficiency: z.number().nullable(),
        }),
      ),
    }),
    handler: ({ center, actor, query }) => {
      const to = query.to ? toIso(query.to) : new Date().toISOString();
      const from = query.from
        ? toIso(query.from)
        : new Date(Date.parse(to) - 30 * 86_400_000).toISOString();
      return center.efficiency.report(actor, { ...query, from, to });
    },
  }),
];
