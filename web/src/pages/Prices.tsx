import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Space, Switch, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, data } from "../api";
import { when } from "../jobs";
import { PageTitle } from "../parts/PageTitle";
import { Panel } from "../parts/Panel";
import { PriceForm } from "../parts/PriceForm";
import { useWhoami } from "../session";

type Price = components["schemas"]["PriceView"];

/**
 * Prices: the versions in force (or all, past ones too), per cluster, partition, QoS and
 * tenant; storage per GB-month; and for the center's finance a new version from a time on.
 */
export default function Prices() {
  const { t, i18n } = useTranslation();
  const who = useWhoami();
  const queries = useQueryClient();
  const [history, setHistory] = useState(false);
  const prices = useQuery({
    queryKey: ["prices", history],
    queryFn: async () =>
      (
        await data(
          api.GET("/api/v1/prices", { params: { query: history ? { history: "true" } : {} } }),
        )
      ).prices,
  });
  const storage = useQuery({
    queryKey: ["storage-prices"],
    queryFn: () => data(api.GET("/api/v1/storage/prices")),
  });
  const manage =
    who.data?.roles.some((r) => r === "center-admin" || r === "center-finance") ?? false;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <PageTitle text={t("prices.title")} />
      {prices.error && <Alert type="error" showIcon title={prices.error.message} />}
      <Panel
        title={t("prices.jobs")}
        extra={
          <label>
            {t("prices.history")}{" "}
            <Switch checked={history} onChange={setHistory} aria-label={t("prices.history")} />
          </label>
        }
      >
        <Table<Price>
          size="small"
          rowKey="id"
          loading={prices.isPending}
          dataSource={prices.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: true }}
          columns={[
            { title: t("prices.cluster"), dataIndex: "cluster" },
            { title: t("prices.partition"), dataIndex: "partition" },
            {
              title: t("prices.qos"),
              render: (_, p) => (p.qos === "*" ? t("prices.allQos") : p.qos),
            },
            { title: t("prices.tenant"), render: (_, p) => p.tenant ?? t("prices.allTenants") },
            { title: t("prices.from"), render: (_, p) => when(p.effectiveFrom, i18n.language) },
            { title: t("prices.cpuHour"), dataIndex: "cpuHour", align: "right" },
            { title: t("prices.memGiBHour"), dataIndex: "memGiBHour", align: "right" },
            {
              title: t("prices.gpuHour"),
              render: (_, p) =>
                Object.entries(p.gpuHour)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(", ") || "—",
            },
            { title: t("prices.mode"), render: (_, p) => t(`prices.${p.mode}`) },
            { title: t("prices.minCharge"), dataIndex: "minCharge", align: "right" },
            { title: t("prices.currency"), dataIndex: "currency" },
          ]}
        />
      </Panel>
      <Panel title={t("prices.storage")}>
        <Table
          size="small"
          rowKey="id"
          loading={storage.isPending}
          dataSource={storage.data ?? []}
          pagination={false}
          locale={{ emptyText: t("prices.noStorage") }}
          columns={[
            { title: t("prices.tenant"), render: (_, p) => p.tenant ?? t("prices.allTenants") },
            { title: t("prices.from"), render: (_, p) => when(p.effectiveFrom, i18n.language) },
            { title: t("prices.gbMonth"), render: (_, p) => `${p.gbMonth} ${p.currency}` },
          ]}
        />
      </Panel>
      {manage && (
        <PriceForm
          currency={prices.data?.[0]?.currency ?? ""}
          onSet={() => void queries.invalidateQueries({ queryKey: ["prices"] })}
        />
      )}
    </Space>
  );
}
