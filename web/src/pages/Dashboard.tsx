import {
  Alert,
  Card,
  Col,
  Empty,
  List,
  Progress,
  Row,
  Spin,
  Statistic,
  Table,
  Tag,
  Typography,
} from "antd";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ChartOption } from "../parts/Chart";
import { useJobEvents } from "../events";
import { cores, reasonText, STATE_COLOR, type Cluster, type Job } from "../jobs";
import { useAccounts, useClusters, useJobs, useSpendable } from "../queries";
import { PageTitle } from "../parts/PageTitle";
import { navigate } from "../router";

// ECharts is most of the dashboard's code: it comes after the page's words and numbers show
const Chart = lazy(() => import("../parts/Chart"));

/** One account: what it can spend, grants left, whether it is blocked and why. */
function AccountCard({
  name,
  state,
  blocks,
}: {
  name: string;
  state: string;
  blocks: { reason: string }[];
}) {
  const { t } = useTranslation();
  const s = useSpendable(name);
  const low = s.data && Number(s.data.available) <= 0;
  return (
    <Card
      title={name}
      size="small"
      extra={
        <Tag color={state === "active" ? STATE_COLOR.COMPLETED : STATE_COLOR.FAILED}>
          {t(`account.${state}`)}
        </Tag>
      }
    >
      {s.data && (
        <>
          <Statistic
            title={t("account.available")}
            value={s.data.available}
            suffix={s.data.currency}
          />
          {(["coreHours", "gpuHours"] as const).map(
            (k) =>
              s.data.grantsGiven[k] > 0 && (
                <div key={k}>
                  <Typography.Text>
                    {t(`account.${k}Left`, {
                      left: s.data.grantsLeft[k],
                      given: s.data.grantsGiven[k],
                    })}
                  </Typography.Text>
                  <Progress
                    aria-label={t(`account.${k}Used`)}
                    percent={Math.round(
                      (100 * (s.data.grantsGiven[k] - s.data.grantsLeft[k])) /
                        s.data.grantsGiven[k],
                    )}
                    size="small"
                  />
                </div>
              ),
          )}
          {s.data.blockedForMoney && <Alert type="error" showIcon title={s.data.blockedForMoney} />}
          {!s.data.blockedForMoney && low && (
            <Alert type="warning" showIcon title={t("account.low")} />
          )}
          {!s.data.blockedForMoney && !low && s.data.low && (
            <Alert type="warning" showIcon title={t("account.nearThreshold")} />
          )}
        </>
      )}
      {blocks.map((b) => (
        <Alert key={b.reason} type="error" showIcon title={b.reason} />
      ))}
    </Card>
  );
}

/** Cores in use against cores there, per partition, as bars. */
function loadOption(clusters: Cluster[], t: (k: string) => string): ChartOption {
  const rows = clusters.flatMap((k) =>
    k.partitions.map((p) => {
      const nodes = k.nodes.filter((n) => p.nodes.includes(n.name));
      const sum = (f: (n: (typeof nodes)[number]) => number) => nodes.reduce((s, n) => s + f(n), 0);
      return {
        name: `${k.name}/${p.name}`,
        used: sum((n) => n.allocCpus),
        total: sum((n) => n.cpus),
        gpuUsed: sum((n) => n.allocGpus),
        gpus: sum((n) => n.gpus),
      };
    }),
  );
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 100, right: 20, top: 40, bottom: 20 },
    yAxis: { type: "category", data: rows.map((r) => r.name) },
    xAxis: { type: "value", minInterval: 1 },
    series: [
      { name: t("load.coresUsed"), type: "bar", data: rows.map((r) => r.used) },
      { name: t("load.coresFree"), type: "bar", data: rows.map((r) => r.total - r.used) },
      { name: t("load.gpusUsed"), type: "bar", data: rows.map((r) => r.gpuUsed) },
      { name: t("load.gpusFree"), type: "bar", data: rows.map((r) => r.gpus - r.gpuUsed) },
    ],
  };
}

export default function Dashboard() {
  const { t, i18n } = useTranslation();
  useJobEvents();
  const accounts = useAccounts();
  const clusters = useClusters();
  const jobs = useJobs({ state: "PENDING,RUNNING" });
  const option = useMemo(() => loadOption(clusters.data ?? [], t), [clusters.data, t]);
  return (
    <>
      <PageTitle text={t("dashboard.title")} />
      <Typography.Title level={4}>{t("dashboard.accounts")}</Typography.Title>
      <List
        grid={{ gutter: 16, xs: 1, sm: 2, lg: 3 }}
        loading={accounts.isPending}
        dataSource={accounts.data ?? []}
        locale={{ emptyText: <Empty description={t("dashboard.noAccounts")} /> }}
        renderItem={(a) => (
          <List.Item>
            <AccountCard name={a.name} state={a.state} blocks={a.blocks} />
          </List.Item>
        )}
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t("dashboard.myJobs")}>
            <Table<Job>
              size="small"
              rowKey="id"
              loading={jobs.isPending}
              dataSource={jobs.data?.jobs ?? []}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: t("jobs.none") }}
              onRow={(j) => ({
                onClick: () => navigate(`/jobs/${j.jobId}`),
                style: { cursor: "pointer" },
              })}
              columns={[
                { title: t("jobs.id"), dataIndex: "jobId" },
                { title: t("jobs.name"), dataIndex: "name" },
                {
                  title: t("jobs.state"),
                  dataIndex: "state",
                  render: (s: string) => <Tag color={STATE_COLOR[s]}>{t(`state.${s}`)}</Tag>,
                },
                { title: t("jobs.cores"), render: (_: unknown, j) => cores(j) },
                {
                  title: t("jobs.why"),
                  render: (_: unknown, j) => reasonText(j, clusters.data, t, i18n.language),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t("dashboard.load")}>
            <Suspense fallback={<Spin />}>
              <Chart option={option} label={t("dashboard.loadLabel")} />
            </Suspense>
          </Card>
        </Col>
      </Row>
    </>
  );
}
