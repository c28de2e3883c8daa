import { toCsv } from "./csv.js";
import type { UsageLine } from "../reports/reports.js";
import type { Statement } from "../money/statements.js";

const LABELS = {
  en: {
    title: "Monthly statement",
    tenant: "Tenant",
    account: "Account",
    partition: "Partition",
    user: "User",
    period: "Period",
    opening: "Opening balance",
    closing: "Closing balance",
    movements: "Money in and out",
    kind: "Kind",
    amount: "Amount",
    count: "Transactions",
    byPartition: "Usage by partition",
    byUser: "Usage by user",
    byAccount: "Usage by account",
    jobs: "Jobs",
    coreHours: "Core-hours",
    gpuHours: "GPU-hours",
    wait: "Mean wait (h)",
    cost: "Cost",
    none: "None",
    grants: "Grants",
    resource: "Resource",
    hours: "Hours given",
    left: "Hours left",
    until: "Until",
    kinds: {
      recharge: "Recharge",
      transfer: "Transfer",
      charge: "Job charges",
      release: "Holds released",
      hold: "Holds",
      refund: "Refunds",
      adjustment: "Adjustments",
      storage: "Storage",
    } as Record<string, string>,
  },
  zh: {
    title: "月度账单",
    tenant: "租户",
    account: "账户",
    partition: "分区",
    user: "用户",
    period: "账期",
    opening: "期初余额",
    closing: "期末余额",
    movements: "收支明细",
    kind: "类型",
    amount: "金额",
    count: "笔数",
    byPartition: "按分区用量",
    byUser: "按用户用量",
    byAccount: "按账户用量",
    jobs: "作业数",
    coreHours: "核时",
    gpuHours: "卡时",
    wait: "平均等待（小时）",
    cost: "费用",
    none: "无",
    grants: "机时配额",
    resource: "资源",
    hours: "配额（小时）",
    left: "剩余（小时）",
    until: "截止",
    kinds: {
      recharge: "充值",
      transfer: "划拨",
      charge: "作业扣费",
      release: "释放预扣",
      hold: "预扣",
      refund: "退款",
      adjustment: "调账",
      storage: "存储费用",
    } as Record<string, string>,
  },
};

export type Lang = keyof typeof LABELS;

function esc(s: unknown): string {
  return String(s ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

function usageTable(
  lines: UsageLine[],
  key: string,
  head: string,
  l: (typeof LABELS)[Lang],
  currency: string,
): string {
  if (lines.length === 0) return `<p class="none">${esc(l.none)}</p>`;
  const rows = lines.map(
    (x) =>
      `<tr><td>${esc(x[key])}</td><td>${x.jobs}</td><td>${x.coreHours.toFixed(2)}</td><td>${x.gpuHours.toFixed(2)}</td><td>${x.avgWaitHours === null ? "-" : x.avgWaitHours.toFixed(2)}</td><td>${esc(x.cost)} ${esc(currency)}</td></tr>`,
  );
  return `<table><thead><tr><th>${esc(head)}</th><th>${esc(l.jobs)}</th><th>${esc(l.coreHours)}</th><th>${esc(l.gpuHours)}</th><th>${esc(l.wait)}</th><th>${esc(l.cost)}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** A statement as a page that prints well (A4, one column), in English or Chinese. */
export function statementHtml(s: Statement, lang: Lang): string {
  const l = LABELS[lang];
  const movements = s.movements.length
    ? `<table><thead><tr><th>${esc(l.kind)}</th><th>${esc(l.amount)}</th><th>${esc(l.count)}</th></tr></thead><tbody>${s.movements.map((m) => `<tr><td>${esc(l.kinds[m.kind] ?? m.kind)}</td><td>${esc(m.amount)} ${esc(s.currency)}</td><td>${m.count}</td></tr>`).join("")}</tbody></table>`
    : `<p class="none">${esc(l.none)}</p>`;
  return `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><title>${esc(l.title)} ${esc(s.name)} ${esc(s.month)}</title>
<style>
@page { size: A4; margin: 18mm; }
body { font-family: "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #111; max-width: 180mm; margin: auto; }
h1 { font-size: 20pt; margin-bottom: 2mm; } h2 { font-size: 13pt; margin-top: 8mm; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; } th, td { text-align: right; padding: 1.5mm 2mm; border-bottom: 1px solid #ddd; }
th:first-child, td:first-child { text-align: left; } .none { color: #666; } dl { display: grid; grid-template-columns: 45mm auto; }
tr { break-inside: avoid; }
</style></head><body>
<h1>${esc(l.title)}</h1>
<dl><dt>${esc(s.of === "tenant" ? l.tenant : l.account)}</dt><dd>${esc(s.name)}${s.of === "account" ? ` (${esc(l.tenant)} ${esc(s.tenant)})` : ""}</dd>
<dt>${esc(l.period)}</dt><dd>${esc(s.month)} (${esc(s.from)} – ${esc(s.to)})</dd>
<dt>${esc(l.opening)}</dt><dd>${esc(s.opening)} ${esc(s.currency)}</dd>
<dt>${esc(l.closing)}</dt><dd>${esc(s.closing)} ${esc(s.currency)}</dd></dl>
<h2>${esc(l.movements)}</h2>${movements}
${s.of === "tenant" ? `<h2>${esc(l.byAccount)}</h2>${usageTable(s.usageByAccount, "account", l.account, l, s.currency)}` : ""}
<h2>${esc(l.grants)}</h2>${
    s.grants.length
      ? `<table><thead><tr><th>${esc(l.account)}</th><th>${esc(l.resource)}</th><th>${esc(l.hours)}</th><th>${esc(l.left)}</th><th>${esc(l.until)}</th></tr></thead><tbody>${s.grants.map((g) => `<tr><td>${esc(g.account)}</td><td>${esc(g.resource.toUpperCase())}</td><td>${g.hours}</td><td>${g.leftHours}</td><td>${esc(g.endsAt)}</td></tr>`).join("")}</tbody></table>`
      : `<p class="none">${esc(l.none)}</p>`
  }
<h2>${esc(l.byPartition)}</h2>${usageTable(s.usageByPartition, "partition", l.partition, l, s.currency)}
<h2>${esc(l.byUser)}</h2>${usageTable(s.usageByUser, "user", l.user, l, s.currency)}
</body></html>
`;
}

/** A statement as CSV: one line per figure, for spreadsheets. */
export function statementCsv(s: Statement): string {
  const rows: Record<string, unknown>[] = [
    { section: "balance", item: "opening", amount: s.opening },
    ...s.movements.map((m) => ({
      section: "movement",
      item: m.kind,
      amount: m.amount,
      count: m.count,
    })),
    { section: "balance", item: "closing", amount: s.closing },
    ...(
      [
        ["account", s.usageByAccount],
        ["partition", s.usageByPartition],
        ["user", s.usageByUser],
      ] as const
    ).flatMap(([key, lines]) =>
      lines.map((x) => ({
        section: `usage by ${key}`,
        item: x[key],
        count: x.jobs,
        coreHours: x.coreHours,
        gpuHours: x.gpuHours,
        amount: x.cost,
      })),
    ),
    // a grant: its hours left in its resource's column, and what it was in the item
    ...s.grants.map((g) => ({
      section: "grant left",
      item: `${g.account}: ${g.hours} ${g.resource} hours until ${g.endsAt}`,
      [g.resource === "cpu" ? "coreHours" : "gpuHours"]: g.leftHours,
    })),
  ];
  return toCsv(
    ["section", "item", "amount", "count", "coreHours", "gpuHours"],
    rows.map((r) => ({ ...r, currency: s.currency })),
  );
}
