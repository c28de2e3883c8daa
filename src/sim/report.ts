import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatSlurmDuration } from "../core/duration.js";
import type { Simulation } from "./simulate.js";
import { reportPage } from "./report-page.js";
import { barChart, escapeHtml as esc, lineChart, type Series } from "./svg-chart.js";
import { computeTimeline } from "./timeline.js";

const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c"];

/** Wait-time classes an operator talks about, with their upper bounds in seconds. */
const WAIT_CLASSES: [string, number][] = [
  ["0", 0],
  ["≤1m", 60],
  ["≤10m", 600],
  ["≤1h", 3600],
  ["≤4h", 4 * 3600],
  ["≤12h", 12 * 3600],
  ["≤1d", 86400],
  ["≤3d", 3 * 86400],
  [">3d", Infinity],
];

function waitHistogram(sim: Simulation, start: Float64Array): number[] {
  const w = sim.workload;
  const counts = new Array(WAIT_CLASSES.length).fill(0);
  for (let j = 0; j < w.count; j++) {
    const wait = start[j] - w.submit[j];
    const k = WAIT_CLASSES.findIndex(([, max]) => wait <= max);
    counts[k]++;
  }
  return counts.map((c) => (100 * c) / Math.max(1, w.count));
}

/** Writes `DIR/index.html` (DIR exists): the figures and charts of a simulation, in English and Chinese. */
export function writeReport(sim: Simulation, dir: string): string {
  const w = sim.workload;
  const timelines = sim.runs.map((r) => computeTimeline(w, r.start, 300));
  const step = timelines[0]?.step ?? 0;
  const day = (i: number) => `${((i * step) / 86400).toFixed(0)}d`;
  const series = (pick: (k: number) => ArrayLike<number>): Series[] =>
    sim.runs.map((r, k) => ({ name: r.policy, color: COLORS[k % COLORS.length], values: pick(k) }));
  const rows = sim.runs
    .map(
      (r) =>
        `<tr><td>${esc(r.policy)}</td><td>${r.metrics.jobs}</td><td>${r.metrics.avgWait.toFixed(1)} <small>(${formatSlurmDuration(r.metrics.avgWait)})</small></td><td>${r.metrics.p50Wait}</td><td>${r.metrics.p95Wait}</td><td>${r.metrics.avgBoundedSlowdown.toFixed(4)}</td><td>${(100 * r.metrics.utilization).toFixed(2)}%</td><td>${(r.metrics.makespan / 86400).toFixed(1)} d</td><td>${r.wallSeconds.toFixed(3)} s</td></tr>`,
    )
    .join("");
  const html = reportPage(
    `Guang simulation · 光 调度模拟 — ${sim.file}`,
    `<h1>Scheduling simulation · 调度模拟</h1>
<p class="meta">Trace 作业记录: <b>${esc(sim.file)}</b> — ${sim.traceJobs} jobs in the file, ${w.count} replayed
(dropped 剔除: ${sim.dropped.noRuntime} runtime ≤ 0, ${sim.dropped.noEstimate} without requested time, ${sim.dropped.tooLarge} larger than the machine, ${sim.dropped.noProcs} without processors, ${sim.dropped.negativeSubmit} with negative submit time).
Machine 机器: <b>${w.procs}</b> processors (${esc(sim.procsSource)}).</p>
<table><thead><tr><th>policy 策略</th><th>jobs 作业</th><th>avg wait 平均等待 (s)</th><th>p50 wait</th><th>p95 wait</th><th>avg bounded slowdown 平均有界减速比</th><th>utilization 利用率</th><th>makespan 完工时间</th><th>sim time 模拟耗时</th></tr></thead><tbody>${rows}</tbody></table>
${lineChart(
  "Utilization over time · 利用率随时间变化",
  series((k) => timelines[k].utilization),
  day,
  1,
  (v) => `${Math.round(v * 100)}%`,
)}
${lineChart(
  "Waiting jobs over time · 排队作业数随时间变化",
  series((k) => timelines[k].queue),
  day,
)}
${barChart(
  "Wait time distribution, % of jobs · 等待时间分布（作业占比 %）",
  WAIT_CLASSES.map(([c]) => c),
  series((k) => waitHistogram(sim, sim.runs[k].start)),
  (v) => `${+v.toFixed(1)}%`,
)}
<p class="meta">Time axis: days since the first submission 自首个作业提交起的天数. Bounded slowdown = max(1, (wait + run) / max(run, 10 s)).</p>`,
  );
  const file = join(dir, "index.html");
  writeFileSync(file, html);
  return file;
}
