import { Alert, Col, Empty, Progress, Row, Space, Spin, Statistic, Tag, Typography } from "antd";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ChartOption } from "../parts/Chart";
import { useJobEvents } from "../events";
import { cores, reasonText, STATE_COLOR, type Cluster } from "../jobs";
import {
  DASHBOARD_JOBS,
  useAccounts,
  useClusters,
  useJobs,
  useSpendable,
  useStorage,
} from "../queries";
import { bytesText } from "../bytes";
import { PageTitle } from "../parts/PageTitle";
import { Panel } from "../parts/Panel";
import { StoragePanel } from "../parts/StoragePanel";
import { navigate } from "../router";

/** The jobs the dashboard lists; the jobs page has them all. */
const MOST_JOBS = 10;

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
  // its project folder's storage, beside its money
  const stored = useStorage().data?.find((x) => x.kind === "account" && x.name === name);
  const limit = stored?.quota?.hardBytes ?? stored?.quota?.softBytes ?? null;
  const low = s.data && Number(s.data.available) <= 0;
  return (
    <Panel
      level={3}
      title={name}
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
      {stored && stored.bytes !== null && (
        <Typography.Paragraph
          type={stored.over ? "danger" : "secondary"}
          style={{ margin: "4px 0 0" }}
        >
          {limit === null
            ? t("storage.inAccount", { used: bytesText(stored.bytes) })
            : t("storage.inAccountOf", { used: bytesText(stored.bytes), limit: bytesText(limit) })}
        </Typography.Paragraph>
      )}
      {blocks.map((b) => (
        <Alert key={b.reason} type="error" showIcon title={b.reason} />
      ))}
    </Panel>
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
  const jobs = useJobs(DASHBOARD_JOBS);
  const option = useMemo(() => loadOption(clusters.data ?? [], t), [clusters.data, t]);
  const shown = (jobs.data?.jobs ?? []).slice(0, MOST_JOBS);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <PageTitle text={t("dashboard.title")} />
      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
        {t("dashboard.accounts")}
      </Typography.Title>
      {accounts.isPending && <Spin />}
      {accounts.data?.length === 0 && <Empty description={t("dashboard.noAccounts")} />}
      <Row gutter={[16, 16]}>
        {(accounts.data ?? []).map((a) => (
          <Col key={a.name} xs={24} sm={12} lg={8}>
            <AccountCard name={a.name} state={a.state} blocks={a.blocks} />
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Panel title={t("dashboard.myJobs")}>
            {/* plain lines rather than a table: the dashboard is the first page, and stays light */}
            {jobs.isPending && <Spin />}
            {jobs.data?.jobs.length === 0 && <Empty description={t("jobs.none")} />}
            <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {shown.map((j) => (
                <li
                  key={j.id}
                  style={{
                    display: "flex",
                    gap: 12,
                    padding: "8px 0",
                    borderBottom: "1px solid #f0f0f0",
                  }}
                >
                  <Tag color={STATE_COLOR[j.state]}>{t(`state.${j.state}`)}</Tag>
                  <span style={{ flex: 1 }}>
                    <a
                      href={`/jobs/${j.jobId}`}
                      onClick={(e) => (e.preventDefault(), navigate(`/jobs/${j.jobId}`))}
                    >
                      {`${j.jobId} · ${j.name}`}
                    </a>
                    <Typography.Text type="secondary" style={{ display: "block" }}>
                      {`${t("jobs.cores")}: ${cores(j)}`}
                      {j.state === "PENDING" &&
                        ` · ${reasonText(j, clusters.data, t, i18n.language)}`}
                    </Typography.Text>
                  </span>
                </li>
              ))}
            </ul>
            {(jobs.data?.jobs.length ?? 0) > MOST_JOBS && (
              <a href="/jobs" onClick={(e) => (e.preventDefault(), navigate("/jobs"))}>
                {t("dashboard.allJobs", { count: jobs.data!.jobs.length })}
              </a>
            )}
          </Panel>
        </Col>
        <Col xs={24} xl={10}>
          <Panel title={t("dashboard.load")}>
            <Suspense fallback={<Spin />}>
              <Chart option={option} label={t("dashboard.loadLabel")} />
            </Suspense>
          </Panel>
        </Col>
      </Row>
      <StoragePanel />
    </Space>
  );
}
