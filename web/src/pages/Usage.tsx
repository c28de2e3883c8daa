import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Segmented, Select, Space, Spin, Table } from "antd";
import { lazy, Suspense, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, data } from "../api";
import type { ChartHandle, ChartOption } from "../parts/Chart";
import { PageTitle } from "../parts/PageTitle";
import { lastDays, WindowPicker, type Window } from "../parts/WindowPicker";

// the chart is this page's point: its code is asked for as the page opens, beside the report
const loadChart = () => import("../parts/Chart");
const Chart = lazy(loadChart);
void loadChart();

type Line = components["schemas"]["UsageLine"];
type Dimension = "tenant" | "account" | "user" | "partition" | "cluster" | "qos";
type Metric = "coreHours" | "gpuHours" | "jobs" | "avgWaitHours" | "cost" | "cpuEfficiency";
type Over = "day" | "week" | "month" | "none";
type Kind = "line" | "bar" | "pie";
const DIMENSIONS: Dimension[] = ["account", "user", "tenant", "cluster", "partition", "qos"];
const METRICS: Metric[] = [
  "coreHours",
  "gpuHours",
  "jobs",
  "avgWaitHours",
  "cost",
  "cpuEfficiency",
];

const nameOf = (l: Line, d: Dimension) => String(l[d] ?? "—");

/**
 * A metric over some lines: sums add up; a mean wait is weighted by jobs and CPU efficiency
 * (shown in percent) by core-hours, as the report computed each line's.
 */
function total(lines: Line[], m: Metric): number {
  const weight = m === "avgWaitHours" ? "jobs" : m === "cpuEfficiency" ? "coreHours" : null;
  if (!weight) return lines.reduce((s, l) => s + Number(l[m] ?? 0), 0);
  const held = lines.filter((l) => l[m] !== null);
  const w = held.reduce((s, l) => s + Number(l[weight]), 0);
  const mean = w ? held.reduce((s, l) => s + Number(l[m]) * Number(l[weight]), 0) / w : 0;
  return m === "cpuEfficiency" ? Math.round(mean * 1000) / 10 : mean;
}

/** How many groups a chart draws on their own; the rest are drawn together (XDMoD's "top 10"). */
const TOP = 10;

/** Lines by a key, in one pass. */
function grouped(lines: Line[], key: (l: Line) => string): Map<string, Line[]> {
  const out = new Map<string, Line[]>();
  for (const l of lines) {
    const k = key(l);
    const list = out.get(k);
    if (list) list.push(l);
    else out.set(k, [l]);
  }
  return out;
}

/**
 * The report as a chart: over time (a line or bars per group), or each group's share (a
 * pie); the ten largest groups by the metric each on its own, the others as one.
 */
function chartOption(
  lines: Line[],
  by: Dimension,
  over: Over,
  metric: Metric,
  kind: Kind,
  label: string,
  others: string,
): ChartOption {
  const ranked = [...grouped(lines, (l) => nameOf(l, by))]
    .map(([name, ls]) => ({ name, ls, value: total(ls, metric) }))
    .sort((a, b) => b.value - a.value);
  const shown = ranked.slice(0, TOP);
  if (ranked.length > TOP) {
    const ls = ranked.slice(TOP).flatMap((x) => x.ls);
    shown.push({ name: others, ls, value: total(ls, metric) });
  }
  if (kind === "pie" || over === "none") {
    const totals = shown.map(({ name, value }) => ({ name, value }));
    if (kind === "pie")
      return {
        tooltip: { trigger: "item" },
        legend: { top: 0 },
        series: [{ name: label, type: "pie", radius: "60%", data: totals }],
      };
    return {
      tooltip: { trigger: "axis" },
      grid: { left: 60, right: 20, top: 20, bottom: 40 },
      xAxis: { type: "category", data: totals.map((x) => x.name) },
      yAxis: { type: "value" },
      series: [{ name: label, type: kind, data: totals.map((x) => x.value) }],
    };
  }
  const times = [...new Set(lines.map((l) => String(l[over])))].sort();
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 40 },
    xAxis: { type: "category", data: times },
    yAxis: { type: "value" },
    series: shown.map(({ name, ls }) => {
      const at = grouped(ls, (l) => String(l[over]));
      return {
        name,
        type: kind,
        ...(kind === "bar" ? { stack: "all" } : {}),
        data: times.map((tm) => total(at.get(tm) ?? [], metric)),
      };
    }),
  };
}

/**
 * The usage explorer (XDMoD's questions, in the portal): core-hours, GPU-hours, jobs, mean
 * wait, cost and CPU efficiency over a window, grouped by account, user, tenant, cluster,
 * partition or QoS, by day, week or month; as a line, bars or a pie, the data as CSV and the chart as PNG. Each person sees
 * what the API lets them: the center all, a tenant's staff their tenant, others their own.
 */
export default function Usage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<Window>(() => lastDays(29));
  const [by, setBy] = useState<Dimension>("account");
  const [over, setOver] = useState<Over>("day");
  const [metric, setMetric] = useState<Metric>("coreHours");
  const [kind, setKind] = useState<Kind>("line");
  const chart = useRef<ChartHandle | null>(null);
  const query = {
    from: range[0].toISOString(),
    to: range[1].toISOString(),
    groupBy: over === "none" ? by : `${by},${over}`,
  };
  const report = useQuery({
    queryKey: ["usage", query],
    queryFn: () => data(api.GET("/api/v1/reports/usage", { params: { query } })),
  });
  const lines = useMemo(() => report.data?.lines ?? [], [report.data]);
  const label = t(`usage.metric.${metric}`);
  const option = useMemo(
    () => chartOption(lines, by, over, metric, kind, label, t("usage.others")),
    [lines, by, over, metric, kind, label, t],
  );
  const savePng = async () => {
    const blob = await chart.current!.png();
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `guang-usage-${metric}.png`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <PageTitle text={t("usage.title")} />
      <Space wrap>
        <WindowPicker value={range} onChange={setRange} label={t("usage.window")} />
        <Select
          aria-label={t("usage.by")}
          style={{ minWidth: 150 }}
          value={by}
          onChange={setBy}
          options={DIMENSIONS.map((d) => ({ value: d, label: t(`usage.dimension.${d}`) }))}
        />
        <Select
          aria-label={t("usage.over")}
          style={{ minWidth: 130 }}
          value={over}
          onChange={setOver}
          options={(["day", "week", "month", "none"] as const).map((o) => ({
            value: o,
            label: t(`usage.time.${o}`),
          }))}
        />
        <Select
          aria-label={t("usage.what")}
          style={{ minWidth: 170 }}
          value={metric}
          onChange={setMetric}
          options={METRICS.map((m) => ({ value: m, label: t(`usage.metric.${m}`) }))}
        />
        <Segmented
          aria-label={t("usage.kind")}
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          options={(["line", "bar", "pie"] as const).map((k) => ({
            value: k,
            label: t(`usage.chart.${k}`),
          }))}
        />
      </Space>
      {report.error && <Alert type="error" showIcon title={report.error.message} />}
      {report.isPending ? (
        <Spin />
      ) : (
        <Suspense fallback={<Spin />}>
          <Chart
            option={option}
            height={360}
            label={t("usage.chartOf", { what: label })}
            handle={chart}
          />
        </Suspense>
      )}
      <Space>
        <Button onClick={() => void savePng()} disabled={!lines.length}>
          {t("usage.png")}
        </Button>
        <a
          href={`/api/v1/reports/usage?${new URLSearchParams({ ...query, format: "csv" })}`}
          download
          data-testid="usage-csv"
        >
          {t("usage.csv")}
        </a>
      </Space>
      <Table<Line>
        size="small"
        rowKey={(l) => `${nameOf(l, by)}|${over === "none" ? "" : String(l[over])}`}
        dataSource={lines}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t("usage.none") }}
        columns={[
          { title: t(`usage.dimension.${by}`), render: (_, l) => nameOf(l, by) },
          ...(over === "none"
            ? []
            : [
                {
                  title: t(`usage.time.${over}`),
                  render: (_: unknown, l: Line) => String(l[over]),
                },
              ]),
          ...METRICS.map((m) => ({
            title:
              m === "cost"
                ? `${t("usage.metric.cost")} (${report.data?.currency ?? ""})`
                : t(`usage.metric.${m}`),
            align: "right" as const,
            render: (_: unknown, l: Line) =>
              l[m] === null ? "—" : m === "cpuEfficiency" ? `${total([l], m)}%` : String(l[m]),
          })),
        ]}
      />
    </Space>
  );
}
