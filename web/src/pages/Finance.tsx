import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Result, Space, Table, Tabs } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, ApiError, data } from "../api";
import { GrantsPanel } from "../parts/GrantsPanel";
import { LedgerPanel } from "../parts/LedgerPanel";
import { BillingDialog, MoneyDialog, type MoneyAction } from "../parts/MoneyDialogs";
import { PageTitle } from "../parts/PageTitle";
import { StatementsPanel } from "../parts/StatementsPanel";
import { useAccounts, useTenants } from "../queries";
import { useWhoami } from "../session";

type Wallet = components["schemas"]["WalletView"];

/**
 * Money for the center's and an institution's finance staff: balances with recharge,
 * transfer, adjust, refund and each account's threshold and credit; the ledger with
 * filters; grants; statements. Each button is shown to the role that may use it, and the
 * API judges every one.
 */
export default function Finance() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const who = useWhoami();
  const [action, setAction] = useState<MoneyAction | null>(null);
  const [billing, setBilling] = useState<string | null>(null);
  const roles = who.data?.roles ?? [];
  const center = roles.includes("center-finance");
  const finance = center || roles.includes("tenant-finance");
  const wallets = useQuery({
    queryKey: ["balances", "staff"],
    queryFn: async () =>
      (await data(api.GET("/api/v1/balances", { params: { query: {} } }))).wallets,
  });
  const tenantList = useTenants();
  const accountList = useAccounts();
  if (who.data && !roles.length)
    return (
      <>
        <PageTitle text={t("finance.title")} />
        <Result status="403" title={t("finance.notAllowed")} subTitle={t("finance.forStaff")} />
      </>
    );
  if (wallets.error instanceof ApiError && wallets.error.status === 403)
    return (
      <>
        <PageTitle text={t("finance.title")} />
        <Result status="403" title={t("finance.notAllowed")} subTitle={wallets.error.message} />
      </>
    );
  // a wallet is made by its first movement: tenants and accounts without one have nothing yet
  const held = wallets.data ?? [];
  const currency = held[0]?.currency ?? "";
  const zero = (w: Omit<Wallet, "balance" | "currency">): Wallet =>
    held.find((x) => x.kind === w.kind && x.tenant === w.tenant && x.account === w.account) ?? {
      ...w,
      balance: "0.00",
      currency,
    };
  // every tenant and account the staff reach, with what their wallets hold
  const list = [
    ...(tenantList.data ?? []).map((x) => zero({ kind: "tenant", tenant: x.name, account: null })),
    ...(accountList.data ?? []).map((a) =>
      zero({ kind: "account", tenant: a.tenant, account: a.name }),
    ),
  ];
  const tenants = list.filter((w) => w.kind === "tenant").map((w) => w.tenant!);
  const accounts = list.filter((w) => w.kind === "account").map((w) => w.account!);
  const done = (words?: string) => {
    setAction(null);
    setBilling(null);
    if (!words) return;
    void message.success(words);
    void queries.invalidateQueries({ queryKey: ["balances"] });
    void queries.invalidateQueries({ queryKey: ["ledger"] });
  };
  const button = (label: string, onClick: () => void) => (
    <Button size="small" onClick={onClick}>
      {label}
    </Button>
  );
  const balances = (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {center && (
        <Button type="primary" onClick={() => setAction({ kind: "refund" })}>
          {t("finance.refund")}
        </Button>
      )}
      {wallets.error && <Alert type="error" showIcon title={wallets.error.message} />}
      <Table<Wallet>
        size="small"
        rowKey={(w) => `${w.kind}:${w.tenant}:${w.account}`}
        loading={wallets.isPending || tenantList.isPending || accountList.isPending}
        dataSource={list}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: t("finance.owner"), render: (_, w) => w.account ?? w.tenant },
          { title: t("finance.kind"), render: (_, w) => t(`finance.${w.kind}`) },
          { title: t("accounts.tenant"), render: (_, w) => w.tenant },
          {
            title: t("finance.balance"),
            align: "right",
            render: (_, w) => `${w.balance} ${w.currency}`,
          },
          {
            title: t("files.actions"),
            render: (_, w) => (
              <Space wrap>
                {w.kind === "tenant" &&
                  center &&
                  button(t("finance.recharge"), () =>
                    setAction({ kind: "recharge", tenant: w.tenant! }),
                  )}
                {w.kind === "account" &&
                  finance &&
                  button(t("finance.transfer"), () =>
                    setAction({ kind: "transfer", account: w.account! }),
                  )}
                {w.kind === "account" &&
                  finance &&
                  button(t("finance.settings"), () => setBilling(w.account!))}
                {center &&
                  button(t("finance.adjust"), () =>
                    setAction(
                      w.kind === "tenant"
                        ? { kind: "adjust", tenant: w.tenant! }
                        : { kind: "adjust", account: w.account! },
                    ),
                  )}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <PageTitle text={t("finance.title")} />
      <Tabs
        items={[
          { key: "balances", label: t("finance.balances"), children: balances },
          {
            key: "ledger",
            label: t("finance.ledger"),
            children: <LedgerPanel tenants={tenants} accounts={accounts} />,
          },
          {
            key: "grants",
            label: t("finance.grants"),
            children: wallets.data && <GrantsPanel accounts={accounts} give={center} />,
          },
          {
            key: "statements",
            label: t("finance.statements"),
            children: wallets.data && <StatementsPanel tenants={tenants} accounts={accounts} />,
          },
        ]}
      />
      {action && <MoneyDialog action={action} onClose={done} />}
      {billing && <BillingDialog account={billing} onClose={done} />}
    </Space>
  );
}
