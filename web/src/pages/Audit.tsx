import { useInfiniteQuery } from "@tanstack/react-query";
import { Alert, Button, Input, Result, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, ApiError, data } from "../api";
import { STATE_COLOR, when } from "../jobs";
import { PageTitle } from "../parts/PageTitle";
import { lastDays, WindowPicker, type Window } from "../parts/WindowPicker";

type AuditRecord = components["schemas"]["AuditView"];
const PAGE = 100;

/**
 * The audit log for the center's and a tenant's staff: who did what to which object, when,
 * from where, and how it ended; filtered, paged newest first, its detail per entry, CSV. What
 * one may read is the API's to say: a tenant admin gets their tenant's, others a refusal.
 */
export default function Audit() {
  const { t, i18n } = useTranslation();
  const [range, setRange] = useState<Window>(() => lastDays(7));
  const [actor, setActor] = useState("");
  const [action, setAction] = useState("");
  const [tenant, setTenant] = useState("");
  const [result, setResult] = useState<string>();
  const filter = {
    from: range[0].toISOString(),
    to: range[1].toISOString(),
    ...(actor ? { actor } : {}),
    ...(action ? { action } : {}),
    ...(tenant ? { tenant } : {}),
    ...(result ? { result } : {}),
  };
  const log = useInfiniteQuery({
    queryKey: ["audit", filter],
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      data(
        api.GET("/api/v1/audit", {
          params: {
            query: { ...filter, limit: PAGE, ...(pageParam ? { before: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const records = log.data?.pages.flatMap((p) => p.records) ?? [];
  const refused = log.error instanceof ApiError && [403, 404].includes(log.error.status);
  if (refused)
    return (
      <>
        <PageTitle text={t("audit.title")} />
        <Result status="403" title={t("audit.notAllowed")} subTitle={log.error!.message} />
      </>
    );
  const csv = `/api/v1/audit?${new URLSearchParams({ ...filter, format: "csv" })}`;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <PageTitle text={t("audit.title")} />
      <Space wrap>
        <WindowPicker value={range} onChange={setRange} label={t("audit.window")} />
        <Input.Search
          aria-label={t("audit.actor")}
          placeholder={t("audit.actor")}
          allowClear
          onSearch={setActor}
          style={{ width: 180 }}
        />
        <Input.Search
          aria-label={t("audit.action")}
          placeholder={t("audit.actionHint")}
          allowClear
          onSearch={setAction}
          style={{ width: 220 }}
        />
        <Input.Search
          aria-label={t("audit.tenant")}
          placeholder={t("audit.tenant")}
          allowClear
          onSearch={setTenant}
          style={{ width: 160 }}
        />
        <Select
          allowClear
          aria-label={t("audit.result")}
          placeholder={t("audit.result")}
          style={{ minWidth: 160 }}
          value={result}
          onChange={setResult}
          options={[
            { value: "ok", label: t("audit.ok") },
            { value: "forbidden", label: "forbidden" },
            { value: "not_found", label: "not_found" },
            { value: "invalid_input", label: "invalid_input" },
          ]}
        />
        <a href={csv} download data-testid="audit-csv">
          {t("audit.csv")}
        </a>
      </Space>
      {log.error && <Alert type="error" showIcon title={log.error.message} />}
      <Table<AuditRecord>
        size="small"
        rowKey="id"
        loading={log.isPending}
        dataSource={records}
        pagination={false}
        locale={{ emptyText: t("audit.none") }}
        expandable={{
          expandedRowRender: (r) => (
            <dl style={{ margin: 0 }}>
              <dt>{t("audit.ip")}</dt>
              <dd>{r.ip}</dd>
              <dt>{t("audit.details")}</dt>
              <dd>
                <pre style={{ margin: 0, whiteSpace: "pre-wrap" }}>
                  {JSON.stringify(r.details, null, 2)}
                </pre>
              </dd>
            </dl>
          ),
        }}
        columns={[
          { title: t("audit.at"), render: (_, r) => when(r.at, i18n.language) },
          { title: t("audit.tenant"), render: (_, r) => r.tenant ?? "—" },
          { title: t("audit.actor"), dataIndex: "actor" },
          { title: t("audit.action"), dataIndex: "action" },
          { title: t("audit.target"), dataIndex: "target" },
          {
            title: t("audit.result"),
            render: (_, r) => (
              <Tag color={r.result === "ok" ? STATE_COLOR.COMPLETED : STATE_COLOR.FAILED}>
                {r.result === "ok" ? t("audit.ok") : r.result}
              </Tag>
            ),
          },
        ]}
      />
      {log.hasNextPage && (
        <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
          {t("audit.more")}
        </Button>
      )}
    </Space>
  );
}
