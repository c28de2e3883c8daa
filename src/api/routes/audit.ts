import { z } from "zod";
import { auditCsv } from "../../services/access/audit.js";
import { route, WROTE } from "../route.js";
import { isoTime, toIso } from "../schemas/time.js";
import { auditView } from "../schemas/reports.js";

export const auditRoutes = [
  route({
    method: "GET",
    path: "/api/v1/audit",
    summary:
      "The audit log, newest first: your tenant's (tenant admin) or all (center); filter, page with `before`, or format=csv",
    tag: "audit",
    auth: true,
    action: "audit.read",
    query: z.strictObject({
      tenant: z.string().optional(),
      actor: z.string().optional(),
      action: z.string().optional(),
      result: z.string().optional(),
      from: isoTime.optional(),
      to: isoTime.optional(),
      before: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(100000).optional(),
      format: z.enum(["json", "csv"]).optional(),
    }),
    response: z.strictObject({
      records: z.array(auditView),
      next: z.number().nullable(),
    }),
    handler: async ({ center, actor, query, res }) => {
      const page = await center.audit.list(actor, {
        ...query,
        from: query.from && toIso(query.from),
        to: query.to && toIso(query.to),
        limit: query.limit ?? (query.format === "csv" ? 100000 : 100),
      });
      if (query.format !== "csv") return page;
      const body = auditCsv(page.records);
      res.writeHead(200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="guang-audit.csv"',
        "content-length": Buffer.byteLength(body),
      });
      res.end(body);
      return WROTE;
    },
  }),
];
