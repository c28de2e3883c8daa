import { useQuery } from "@tanstack/react-query";
import { Alert, Progress, Segmented, Space, Spin, Table } from "antd";
import { lazy, Suspense, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, data } from "../api";
import type { ChartOption } from "../parts/Chart";
import { PageTitle } from "../parts/PageTitle";
import { lastDays, WindowPicker, type Window } from "../parts/WindowPicker";
import { Panel } from "../parts/Panel";
import { navigate } from "../router";

const Chart = lazy(() => import("../parts/Chart"));

/** An efficiency as a bar: red below a third, amber below two thirds. */
function Efficiency({ value, label }: { value: number | null; label: string }) {
  if (value === null) return <span>—</span>;
  const colour = value < 33 ? "#cf1322" : value < 66 ? "#d48806" : "#237804";
  return (
    <Progress
      aria-label={label}
      percent={value}
      size="small"
      strokeColor={colour}
      format={(p) => `${p}%`}
    />
  );
}

/**
 * Job efficiency for staff (XDMoD's): which accounts or users held cores idle and memory
 * untouched, the most wasted first, as bars and a table, and the worst jobs of the window.
 */
export default function EfficiencyPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<Window>(() => lastDays(29));
  const [by, setBy] = useState<"account" | "user">("account");
  const query = { from: range[0].toISOString(), to: range[1].toISOString(), groupBy: by };
  const report = useQuery({
    queryKey: ["efficiency", query],
    queryFn: () => data(api.GET("/api/v1/reports/efficiency", { params: { query } })),
  });
  const lines = report.data?.lines ?? [];
  const option: ChartOption = useMemo(() => {
    const top = lines.slice(0, 10);
    return {
      animation: false,
      tooltip: { trigger: "axis" },
      grid: { left: 120, right: 20, top: 10, bottom: 30 },
      yAxis: { type: "category", inverse: true, data: top.map((l) => l.name) },
      xAxis: { type: "value" },
      series: [
        {
          type: "bar",
          name: t("efficiency.wasted"),
          data: top.map((l) => l.wastedCoreHours),
          itemStyle: { color: "#cf1322" },
        },
      ],
    };
  }, [lines, t]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <PageTitle text={t("efficiency.title")} />
      <Space wrap>
        <WindowPicker value={range} onChange={setRange} label={t("usage.window")} />
        <Segmented
          aria-label={t("usage.by")}
          value={by}
          onChange={(v) => setBy(v as "account" | "user")}
          options={[
            { value: "account", label: t("usage.dimension.account") },
            { value: "user", label: t("usage.dimension.user") },
          ]}
        />
      </Space>
      {report.error && <Alert type="error" showIcon title={report.error.message} />}
      {report.isPending && <Spin />}
      {lines.length > 0 && (
        <Panel title={t("efficiency.mostWasted")}>
          <Suspense fallback={<Spin />}>
            <Chart
              option={option}
              height={Math.max(160, 36 * Math.min(10, lines.length) + 50)}
              label={t("efficiency.chart")}
            />
          </Suspense>
        </Panel>
      )}
      <Table
        size="small"
        rowKey="name"
        dataSource={lines}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t("usage.none") }}
        columns={[
          { title: t(`usage.dimension.${by}`), dataIndex: "name" },
          { title: t("efficiency.jobs"), dataIndex: "jobs", align: "right" },
          { title: t("efficiency.coreHours"), dataIndex: "coreHours", align: "right" },
          { title: t("efficiency.wasted"), dataIndex: "wastedCoreHours", align: "right" },
          {
            title: t("efficiency.cpu"),
            width: 200,
            render: (_, l) => (
              <Efficiency value={l.cpuEfficiency} label={t("efficiency.cpuOf", { name: l.name })} />
            ),
          },
          {
            title: t("efficiency.mem"),
            width: 200,
            render: (_, l) => (
              <Efficiency value={l.memEfficiency} label={t("efficiency.memOf", { name: l.name })} />
            ),
          },
        ]}
      />
      <Panel title={t("efficiency.worst")}>
        <Table
          size="small"
          rowKey="jobId"
          dataSource={report.data?.worst ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t("usage.none") }}
          columns={[
            {
              title: t("efficiency.job"),
              render: (_, j) => (
                <a
                  href={`/jobs/${j.jobId}`}
                  onClick={(e) => (e.preventDefault(), navigate(`/jobs/${j.jobId}`))}
                >
                  {`${j.jobId} · ${j.name}`}
                </a>
              ),
            },
            { title: t("usage.dimension.account"), dataIndex: "account" },
            { title: t("usage.dimension.user"), dataIndex: "user" },
            { title: t("efficiency.coreHours"), dataIndex: "coreHours", align: "right" },
            { title: t("efficiency.wasted"), dataIndex: "wastedCoreHours", align: "right" },
            {
              title: t("efficiency.cpu"),
              width: 180,
              render: (_, j) => (
                <Efficiency
                  value={j.cpuEfficiency}
                  label={t("efficiency.cpuOf", { name: j.jobId })}
                />
              ),
            },
            {
              title: t("efficiency.mem"),
              width: 180,
              render: (_, j) => (
                <Efficiency
                  value={j.memEfficiency}
                  label={t("efficiency.memOf", { name: j.jobId })}
                />
              ),
            },
          ]}
        />
      </Panel>
    </Space>
  );
}
