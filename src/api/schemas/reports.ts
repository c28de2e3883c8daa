import { z } from "zod";
import { REPORT_DIMENSIONS } from "../../services/reports/reports.js";

// Answers of the reports, statements and audit routes.

/** One entry of the audit log. */
export const auditView = z
  .strictObject({
    id: z.number(),
    at: z.string(),
    tenant: z.string().nullable(),
    actor: z.string(),
    ip: z.string(),
    action: z.string(),
    target: z.string(),
    result: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AuditView" });

const usageLine = z
  .looseObject({
    jobs: z.number(),
    coreHours: z.number(),
    gpuHours: z.number(),
    avgWaitHours: z.number().nullable(),
    cost: z.string(),
    cpuEfficiency: z.number().nullable(),
  })
  .meta({ id: "UsageLine" });

/** Usage grouped by the dimensions asked for. */
export const usageReportView = z
  .strictObject({
    from: z.string(),
    to: z.string(),
    groupBy: z.array(z.enum(REPORT_DIMENSIONS)),
    currency: z.string(),
    lines: z.array(usageLine),
  })
  .meta({ id: "UsageReportView" });

/** A month's statement of a tenant or an account. */
export const statement = z
  .strictObject({
    of: z.string(),
    name: z.string(),
    tenant: z.string(),
    month: z.string(),
    from: z.string(),
    to: z.string(),
    currency: z.string(),
    opening: z.string(),
    closing: z.string(),
    movements: z.array(
      z.strictObject({
        kind: z.string(),
        amount: z.string(),
        count: z.number(),
      }),
    ),
    usageByPartition: z.array(usageLine),
    usageByUser: z.array(usageLine),
    usageByAccount: z.array(usageLine),
    grants: z.array(
      z.strictObject({
        account: z.string(),
        resource: z.string(),
        hours: z.number(),
        leftHours: z.number(),
        startsAt: z.string(),
        endsAt: z.string(),
        expired: z.boolean(),
      }),
    ),
  })
  .meta({ id: "Statement" });
