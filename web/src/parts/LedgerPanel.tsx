import { useInfiniteQuery } from "@tanstack/react-query";
import { Alert, Button, Select, Space, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, data } from "../api";
import { when } from "../jobs";
import { navigate } from "../router";

type Transaction = components["schemas"]["TransactionView"];
const PAGE = 50;

/**
 * The ledger for finance staff: filtered by tenant or account, newest first, read further
 * back page by page (the API's `before`); each transaction's postings sum to zero.
 */
export function LedgerPanel({ tenants, accounts }: { tenants: string[]; accounts: string[] }) {
  const { t, i18n } = useTranslation();
  const [tenant, setTenant] = useState<string | undefined>();
  const [account, setAccount] = useState<string | undefined>();
  const ledger = useInfiniteQuery({
    queryKey: ["ledger", "staff", tenant, account],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      data(
        api.GET("/api/v1/ledger", {
          params: {
            query: {
              limit: PAGE,
              ...(tenant ? { tenant } : {}),
              ...(account ? { account } : {}),
              ...(pageParam ? { before: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = ledger.data?.pages.flatMap((p) => p.transactions) ?? [];
  const pick = (xs: string[]) => xs.map((x) => ({ value: x, label: x }));
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Space wrap>
        <Select
          allowClear
          showSearch
          aria-label={t("finance.tenant")}
          placeholder={t("finance.anyTenant")}
          style={{ width: 200 }}
          value={tenant}
          onChange={(v) => (setTenant(v), setAccount(undefined))}
          options={pick(tenants)}
        />
        <Select
          allowClear
          showSearch
          aria-label={t("finance.account")}
          placeholder={t("finance.anyAccount")}
          style={{ width: 200 }}
          value={account}
          onChange={(v) => (setAccount(v), setTenant(undefined))}
          options={pick(accounts)}
        />
      </Space>
      {ledger.error && <Alert type="error" showIcon title={ledger.error.message} />}
      <Table<Transaction>
        size="small"
        rowKey="id"
        loading={ledger.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t("money.noLedger") }}
        columns={[
          { title: t("finance.when"), render: (_, x) => when(x.at, i18n.language) },
          { title: t("finance.what"), render: (_, x) => t(`money.kinds.${x.kind}`) },
          {
            title: t("finance.amounts"),
            render: (_, x) => (
              <Space orientation="vertical" size={0}>
                {x.postings.map((p) => (
                  <span key={p.wallet}>
                    {p.wallet} {p.amount}
                  </span>
                ))}
              </Space>
            ),
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
          { title: t("finance.by"), render: (_, x) => x.actor ?? t("money.center") },
          { title: t("finance.reason"), render: (_, x) => x.reason ?? "" },
        ]}
      />
      {ledger.hasNextPage && (
        <Button loading={ledger.isFetchingNextPage} onClick={() => void ledger.fetchNextPage()}>
          {t("finance.more")}
        </Button>
      )}
    </Space>
  );
}
