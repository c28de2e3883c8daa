import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatSlurmDuration } from "../core/duration.js";
import type { PriorityRun } from "./multifactor.js";
import { reportPage } from "./report-page.js";
import { barChart, escapeHtml as esc, type Series } from "./svg-chart.js";

const COLORS = ["#6b7280", "#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c"];

/** Writes `DIR/index.html`: the priority settings side by side, by account, in English and Chinese. */
export function writePriorityReport(runs: PriorityRun[], dir: string): string {
  const top = runs[0]!.accounts.slice(0, 12);
  const series: Series[] = runs.map((r, k) => ({
    name: r.setting.name,
    color: COLORS[k % COLORS.length]!,
    values: top.map((a) => (r.accounts.find((x) => x.account === a.account)?.avgWait ?? 0) / 3600),
  }));
  const rows = runs
    .map(
      (r) =>
        `<tr><td>${esc(r.setting.name)}</td><td>${r.metrics.avgWait.toFixed(1)} <small>(${formatSlurmDuration(r.metrics.avgWait)})</small></td><td>${r.metrics.avgBoundedSlowdown.toFixed(3)}</td><td>${r.evenness.toFixed(3)}</td></tr>`,
    )
    .join("");
  const html = reportPage(
    "Guang priority simulation · 光 优先级模拟",
    `<h1>Priority settings on your workload · 优先级设置在本中心负载上的效果</h1>
<p class="meta">fifo: submission order 按提交顺序; the others: the live scheduler's multifactor priority (age, job size, Fair Tree fair share) 实际调度器的多因素优先级（等待时长、作业规模、Fair Tree 公平分享）. Evenness 均衡度: Jain's index of the accounts' mean bounded slowdowns, 1 when every account is slowed alike 各账户平均有界减速比的 Jain 指数，1 表示各账户所受延迟相同.</p>
<table><thead><tr><th>setting 设置</th><th>avg wait 平均等待 (s)</th><th>avg bounded slowdown 平均有界减速比</th><th>evenness 均衡度</th></tr></thead><tbody>${rows}</tbody></table>
${barChart(
  "Average wait of the accounts that used most, hours · 用量最大账户的平均等待（小时）",
  top.map((a) => `${a.account} ${(100 * a.useShare).toFixed(0)}%`),
  series,
  (v) => `${+v.toFixed(1)} h`,
)}`,
    860,
  );
  const file = join(dir, "index.html");
  writeFileSync(file, html);
  return file;
}
