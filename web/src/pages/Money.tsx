import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Empty, Select, Space, Spin, Table, Typography } from "antd";
import dayjs from "dayjs";
import { lazy, Suspense, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, data } from "../api";
import { when } from "../jobs";
import type { ChartOption } from "../parts/Chart";
import { PageTitle } from "../parts/PageTitle";
import { lastDays, WindowPicker, type Window } from "../parts/WindowPicker";
import { navigate } from "../router";
import { useWhoami } from "../session";

const Chart = lazy(() => import("../parts/Chart"));

type Usage = components["schemas"]["UsageReportView"];
type Transaction = components["schemas"]["TransactionView"];

/** Spending by day, one bar segment per user: what a group's money went on, and who spent it. */
function spendingOption(r: Usage, t: (k: string) => string): ChartOption {
  const days = [...new Set(r.lines.map((l) => String(l.day)))].sort();
  const users = [...new Set(r.lines.map((l) => String(l.user)))].sort();
  return {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 30 },
    xAxis: { type: "category", data: days },
    yAxis: { type: "value", name: `${t("money.spent")} (${r.currency})` },
    series: users.map((u) => ({
      name: u,
      type: "bar",
      stack: "spent",
      data: days.map((d) =>
        r.lines
          .filter((l) => String(l.day) === d && String(l.user) === u)
          .reduce((s, l) => s + Number(l.cost), 0),
      ),
    })),
  };
}

/** The twelve months up to this one, newest first: the statements one may open. */
const MONTHS = Array.from({ length: 12 }, (_, i) => dayjs().subtract(i, "month").format("YYYY-MM"));

/**
 * My money: per account, spending by day and user as a chart, the ledger in words, and the
 * monthly statements (the API's own HTML and CSV). An account's ledger and statements are
 * its owner's and admins'; a member sees what they spent themselves.
 */
export default function Money() {
  const { t, i18n } = useTranslation();
  const who = useWhoami();
  const mine = who.data?.accounts ?? [];
  const [account, setAccount] = useState<string | undefined>(mine[0]?.name);
  const [range, setRange] = useState<Window>(() => lastDays(29));
  const manages = mine.some((a) => a.name === account && a.role !== "member");
  const usage = useQuery({
    queryKey: ["usage", account, manages, range[0].valueOf(), range[1].valueOf()],
    queryFn: () =>
      data(
        api.GET("/api/v1/reports/usage", {
          params: {
            query: {
              from: range[0].toISOString(),
              to: range[1].toISOString(),
              groupBy: "day,user",
              // a member's own spending; the whole account's for those who manage it
              ...(manages ? { account } : {}),
            },
          },
        }),
      ),
  });
  const ledger = useQuery({
    queryKey: ["ledger", account],
    enabled: manages,
    queryFn: () =>
      data(api.GET("/api/v1/ledger", { params: { query: { account: account!, limit: 200 } } })),
  });
  const option = useMemo(() => usage.data && spendingOption(usage.data, t), [usage.data, t]);
  const wallet = `account:${account}`;
  const statement = (month: string, format: "html" | "csv") =>
    `/api/v1/statements?${new URLSearchParams({ account: account!, month, format, lang: i18n.language })}`;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <PageTitle text={t("money.title")} />
      <Space wrap>
        <Select
          aria-label={t("jobs.account")}
          style={{ minWidth: 180 }}
          value={account}
          onChange={setAccount}
          options={mine.map((a) => ({ value: a.name, label: a.name }))}
        />
        <WindowPicker value={range} onChange={setRange} label={t("history.window")} />
      </Space>
      {!mine.length && <Empty description={t("dashboard.noAccounts")} />}
      <Card title={manages ? t("money.byDayUser") : t("money.mineByDay")}>
        {usage.error && <Alert type="error" showIcon title={usage.error.message} />}
        {option && usage.data!.lines.length > 0 && (
          <Suspense fallback={<Spin />}>
            <Chart option={option} label={t("money.chartLabel")} height={300} />
          </Suspense>
        )}
        {usage.data && usage.data.lines.length === 0 && <Empty description={t("money.nothing")} />}
      </Card>
      {account && !manages && <Alert type="info" showIcon title={t("money.forManagers")} />}
      {manages && (
        <Card title={t("money.statements")}>
          <Space wrap>
            {MONTHS.slice(0, 3).map((m) => (
              <Space key={m} data-testid={`statement-${m}`}>
                <Typography.Text strong>{m}</Typography.Text>
                <a href={statement(m, "html")} target="_blank" rel="noreferrer">
                  {t("money.open")}
                </a>
                <a href={statement(m, "csv")} download>
                  {t("money.csv")}
                </a>
              </Space>
            ))}
          </Space>
        </Card>
      )}
      {manages && (
        <Card title={t("money.ledger")}>
          {ledger.error && <Alert type="error" showIcon title={ledger.error.message} />}
          <Table<Transaction>
            size="small"
            rowKey="id"
            loading={ledger.isPending}
            dataSource={ledger.data?.transactions ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: t("money.noLedger") }}
            columns={[
              { title: t("money.when"), render: (_, x) => when(x.at, i18n.language) },
              { title: t("money.what"), render: (_, x) => t(`money.kinds.${x.kind}`) },
              {
                title: t("money.amount"),
                align: "right",
                render: (_, x) =>
                  x.postings.filter((p) => p.wallet === wallet).map((p) => p.amount)[0] ?? "—",
              },
              {
                title: t("jobs.id"),
                render: (_, x) =>
                  x.jobId && (
                    <a
                      href={`/jobs/${x.jobId}`}
                      onClick={(e) => (e.preventDefault(), navigate(`/jobs/${x.jobId}`))}
                    >
                      {x.jobId}
                    </a>
                  ),
              },
              { title: t("money.by"), render: (_, x) => x.actor ?? t("money.center") },
              { title: t("money.why"), render: (_, x) => x.reason ?? "" },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
