import { z } from "zod";
import { usageCsv } from "../../services/reports.js";
import { route, WROTE } from "../route.js";
import { isoTime, toIso } from "../schemas/time.js";

export const reportRoutes = [
  route({
    method: "GET",
    path: "/api/v1/reports/usage",
    summary: "Usage of ended jobs over a window (default: this month): jobs, core-hours, GPU-hours, mean wait, cost, grouped by tenant, account, user, partition, cluster, day or month; format=csv",
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
    handler: async ({ center, actor, query, res }) => {
      const report = await center.reports.usage(actor!, { ...query, from: query.from && toIso(query.from), to: query.to && toIso(query.to) });
      if (query.format !== "csv") return report;
      const body = usageCsv(report);
      res.writeHead(200, { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="guang-usage.csv"', "content-length": Buffer.byteLength(body) });
      res.end(body);
      return WROTE;
    },
  }),
];
