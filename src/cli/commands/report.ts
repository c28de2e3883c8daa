import { parseArgs } from "node:util";
import type { UsageReportView } from "../../client/api-types.js";
import { ApiClient } from "../client.js";
import { printResult, table } from "../format.js";

export const REPORT_HELP = `usage: guang report [--from TIME] [--to TIME] [--by account,user,...] [--tenant T | --account A] [--csv] [--json]

Usage of ended jobs over a window (default: this month), as XDMoD answers it: jobs,
core-hours, GPU-hours, mean wait and cost, grouped by tenant, account, user, partition,
cluster, day or month (default: account). You see what is yours: your jobs, the accounts
you manage, your tenant (its staff), or everything (the center).
`;

export async function reportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      json: { type: "boolean" },
      csv: { type: "boolean" },
      from: { type: "string" },
      to: { type: "string" },
      by: { type: "string" },
      tenant: { type: "string" },
      account: { type: "string" },
    },
  });
  const q = new URLSearchParams();
  for (const [k, v] of [
    ["from", values.from],
    ["to", values.to],
    ["groupBy", values.by],
    ["tenant", values.tenant],
    ["account", values.account],
  ] as const)
    if (v) q.set(k, v);
  const client = ApiClient.fromEnvironment();
  if (values.csv) {
    q.set("format", "csv");
    process.stdout.write((await client.text(`/api/v1/reports/usage?${q}`)).text);
    return 0;
  }
  const r = await client.request<UsageReportView>("GET", `/api/v1/reports/usage?${q}`);
  return printResult(values.json, r, () =>
    table(
      [
        ...r.groupBy.map((d) => d.toUpperCase()),
        "JOBS",
        "CORE-HOURS",
        "GPU-HOURS",
        "WAIT(H)",
        `COST(${r.currency})`,
      ],
      r.lines.map((l) => [
        ...r.groupBy.map((d) => String(l[d] ?? "-")),
        String(l.jobs),
        l.coreHours.toFixed(2),
        l.gpuHours.toFixed(2),
        l.avgWaitHours === null ? "-" : l.avgWaitHours.toFixed(2),
        l.cost,
      ]),
    ),
  );
}
