import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, data } from "../api";
import { when } from "../jobs";
import { useClusters, useQos } from "../queries";
import { LimitsForm, type LimitsBody } from "./LimitsForm";
import { ReasonDialog } from "./ReasonDialog";

type Account = components["schemas"]["AccountView"];
type Allowed = components["schemas"]["AccountAllowed"];

/** Names to choose from: the center's clusters, their partitions, and the QoS defined. */
function useChoices() {
  const clusters = useClusters();
  const qos = useQos();
  const names = (xs: string[]) => [...new Set(xs)].sort().map((n) => ({ value: n, label: n }));
  return {
    clusters: names((clusters.data ?? []).map((c) => c.name)),
    partitions: names((clusters.data ?? []).flatMap((c) => c.partitions.map((p) => p.name))),
    qos: names((qos.data ?? []).map((q) => q.name)),
  };
}

/**
 * An account's limits and what it may use, and its blocks (who, when, why) with block and
 * unblock: for the center's and its tenant's admins (the API refuses anyone else in words).
 */
export function AccountSettings({ account, admin }: { account: Account; admin: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const choices = useChoices();
  const [blocking, setBlocking] = useState(false);
  const [busy, setBusy] = useState(false);
  const path = { params: { path: { name: account.name } } };
  const refresh = () => queries.invalidateQueries({ queryKey: ["accounts"] });
  const update = async (body: { limits?: LimitsBody; allowed?: Allowed }) => {
    setBusy(true);
    try {
      await data(api.PATCH("/api/v1/accounts/{name}", { ...path, body }));
      void message.success(t("accounts.saved", { name: account.name }));
      await refresh();
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const unblock = async () => {
    try {
      await data(api.POST("/api/v1/accounts/{name}/unblock", path));
      void message.success(t("accounts.unblockedNow", { name: account.name }));
    } catch (e) {
      void message.error((e as Error).message);
    }
    await refresh();
  };
  const admins = account.blocks.filter((b) => b.kind === "admin");
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <section aria-label={t("accounts.blocks")}>
        <Typography.Title level={5}>{t("accounts.blocks")}</Typography.Title>
        {account.blocks.length === 0 && <Typography.Text>{t("accounts.active")}</Typography.Text>}
        {account.blocks.map((b) => (
          <Alert
            key={`${b.kind}${b.at}`}
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            title={t("accounts.blockBy", {
              kind: b.kind,
              by: b.by ?? t("accounts.system"),
              at: when(b.at, i18n.language),
              reason: b.reason,
            })}
          />
        ))}
        {admin &&
          (admins.length ? (
            <Button onClick={() => void unblock()}>{t("accounts.unblock")}</Button>
          ) : (
            <Button danger onClick={() => setBlocking(true)}>
              {t("accounts.block")}
            </Button>
          ))}
      </section>
      {admin && (
        <>
          <section aria-label={t("accounts.limits")}>
            <Typography.Title level={5}>{t("accounts.limits")}</Typography.Title>
            <LimitsForm
              key={JSON.stringify(account.limits)}
              limits={account.limits}
              busy={busy}
              onSave={(limits) => void update({ limits })}
            />
          </section>
          <section aria-label={t("accounts.allowed")}>
            <Typography.Title level={5}>{t("accounts.allowed")}</Typography.Title>
            <Form<Allowed>
              layout="vertical"
              initialValues={account.allowed}
              onFinish={(allowed) =>
                // an empty list here is "any" (in the API an empty list would be "none")
                void update({
                  allowed: Object.fromEntries(
                    Object.entries(allowed).filter(([, v]) => Array.isArray(v) && v.length),
                  ),
                })
              }
            >
              {(["clusters", "partitions", "qos"] as const).map((k) => (
                <Form.Item key={k} name={k} label={t(`accounts.${k}`)}>
                  <Select
                    mode="tags"
                    options={choices[k]}
                    placeholder={t("accounts.anyHint")}
                    aria-label={t(`accounts.${k}`)}
                  />
                </Form.Item>
              ))}
              <Button htmlType="submit" loading={busy}>
                {t("accounts.save")}
              </Button>
            </Form>
          </section>
        </>
      )}
      {blocking && (
        <ReasonDialog
          title={t("accounts.blockTitle", { name: account.name })}
          okText={t("accounts.block")}
          what={t("accounts.blockWhat")}
          send={(reason) =>
            data(api.POST("/api/v1/accounts/{name}/block", { ...path, body: { reason } }))
          }
          onClose={(done) => {
            setBlocking(false);
            if (done) {
              void message.success(t("accounts.blockedNow", { name: account.name }));
              void refresh();
            }
          }}
        />
      )}
    </Space>
  );
}
