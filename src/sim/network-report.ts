import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatSlurmDuration } from "../core/duration.js";
import type { NetworkRun, NetworkWorkload } from "./network.js";
import { reportPage } from "./report-page.js";
import { barChart, escapeHtml as esc, type Series } from "./svg-chart.js";

const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c"];

/** Writes `DIR/index.html`: the network's policies side by side, in English and Chinese. */
export function writeNetworkReport(
  net: NetworkWorkload,
  runs: NetworkRun[],
  transferSeconds: number,
  dir: string,
): string {
  const rows = runs
    .map(
      (r) =>
        `<tr><td>${esc(r.policy)}</td><td>${r.metrics.jobs}</td><td>${r.moved}</td><td>${r.metrics.avgWait.toFixed(1)} <small>(${formatSlurmDuration(r.metrics.avgWait)})</small></td><td>${r.metrics.avgBoundedSlowdown.toFixed(3)}</td>${r.clusters.map((c) => `<td>${(100 * c.utilization).toFixed(1)}%</td>`).join("")}</tr>`,
    )
    .join("");
  const byPolicy = (pick: (r: NetworkRun) => number[]): Series[] =>
    runs.map((r, k) => ({ name: r.policy, color: COLORS[k % COLORS.length]!, values: pick(r) }));
  const html = reportPage(
    "Guang network simulation · 光 算力网络模拟",
    `<h1>How much waiting does sharing save? · 共享算力能减少多少等待？</h1>
<p class="meta">Clusters 集群: ${net.names.map((n, c) => `<b>${esc(n)}</b> (${net.procs[c]} processors 处理器)`).join(", ")}; ${net.all.count} jobs 作业, each trace's first submission aligned 各记录首个提交对齐.
static: every job stays on its own cluster 作业留在本集群; earliest: the cluster where it is predicted to start first 预测最早开始的集群; earliest-transfer: the same, with ${formatSlurmDuration(transferSeconds)} to move its data 另加数据传输 ${formatSlurmDuration(transferSeconds)}.</p>
<table><thead><tr><th>policy 策略</th><th>jobs 作业</th><th>moved 迁移</th><th>avg wait 平均等待 (s)</th><th>avg bounded slowdown 平均有界减速比</th>${net.names.map((n) => `<th>${esc(n)} utilization 利用率</th>`).join("")}</tr></thead><tbody>${rows}</tbody></table>
${barChart(
  "Average wait by cluster of submission, hours · 按提交集群的平均等待（小时）",
  net.names,
  byPolicy((r) => net.names.map((_n, h) => homeWait(net, r, h) / 3600)),
  (v) => `${+v.toFixed(1)} h`,
)}
${barChart(
  "Utilization by cluster · 各集群利用率",
  net.names,
  byPolicy((r) => r.clusters.map((c) => 100 * c.utilization)),
  (v) => `${+v.toFixed(0)}%`,
)}
<p class="meta">Bounded slowdown = max(1, (wait + run) / max(run, 10 s)). Utilization: the work each cluster ran over the network's whole replay 各集群所运行的工作量占整个回放期间的比例.</p>`,
    860,
  );
  const file = join(dir, "index.html");
  writeFileSync(file, html);
  return file;
}

/** Average wait of the jobs submitted to cluster `h`, wherever they ran. */
function homeWait(net: NetworkWorkload, r: NetworkRun, h: number): number {
  let sum = 0;
  let n = 0;
  for (let j = 0; j < net.all.count; j++)
    if (net.home[j] === h) {
      sum += r.start[j]! - net.all.submit[j]!;
      n++;
    }
  return n > 0 ? sum / n : 0;
}
