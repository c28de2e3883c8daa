import { useQuery } from "@tanstack/react-query";
import { Alert, Checkbox, Form, Input, InputNumber, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, data } from "../api";

/** What a money dialog does: recharge a tenant, move money to an account, adjust, refund a job. */
export type MoneyAction =
  | { kind: "recharge"; tenant: string }
  | { kind: "transfer"; account: string }
  | { kind: "adjust"; tenant?: string; account?: string }
  | { kind: "refund" };

interface Fields {
  amount: string;
  reason?: string;
  job?: number;
}

/**
 * One dialog for the four ways money moves by hand. Amounts are decimal strings as the
 * ledger keeps them (never floats); the server says what is wrong with one, and the
 * reason (needed to adjust and refund) stays in the ledger.
 */
export function MoneyDialog({
  action,
  onClose,
}: {
  action: MoneyAction;
  onClose: (done?: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const [error, setError] = useState<string | null>(null);
  const needsReason = action.kind === "adjust" || action.kind === "refund";
  const name =
    "tenant" in action ? action.tenant : "account" in action ? action.account : undefined;
  const submit = async (v: Fields) => {
    const body = {
      amount: v.amount.trim(),
      ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
    };
    try {
      if (action.kind === "refund") {
        const r = await data(
          api.POST("/api/v1/jobs/{id}/refund", {
            params: { path: { id: String(v.job) } },
            body: { ...body, reason: v.reason?.trim() ?? "" },
          }),
        );
        return onClose(
          t("finance.refunded", { job: r.job, amount: `${r.refunded} ${r.currency}` }),
        );
      }
      const w =
        action.kind === "recharge"
          ? await data(
              api.POST("/api/v1/tenants/{name}/recharge", {
                params: { path: { name: action.tenant } },
                body,
              }),
            )
          : action.kind === "transfer"
            ? await data(
                api.POST("/api/v1/accounts/{name}/transfer", {
                  params: { path: { name: action.account } },
                  body,
                }),
              )
            : await data(
                api.POST("/api/v1/ledger/adjustments", {
                  body: {
                    ...body,
                    reason: v.reason?.trim() ?? "",
                    tenant: action.tenant,
                    account: action.account,
                  },
                }),
              );
      onClose(
        t("finance.done", { name: w.account ?? w.tenant, balance: `${w.balance} ${w.currency}` }),
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={name ? `${t(`finance.${action.kind}`)}: ${name}` : t(`finance.${action.kind}`)}
      okText={t(`finance.${action.kind}`)}
      cancelText={t("files.cancel")}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
    >
      <Form<Fields> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        {action.kind === "refund" && (
          <Form.Item
            name="job"
            label={t("finance.job")}
            rules={[{ required: true, message: t("finance.needJob") }]}
          >
            <InputNumber min={1} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item
          name="amount"
          label={t("finance.amount")}
          rules={[{ required: true, message: t("finance.needAmount") }]}
        >
          <Input inputMode="decimal" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("finance.reason")}
          rules={needsReason ? [{ required: true, message: t("finance.needReason") }] : []}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface Billing {
  threshold: string;
  creditLimit: string;
  lowBalance: string;
  whitelisted: boolean;
}

/** An account's threshold, credit, low-balance warning and whitelist (credit and whitelist: center finance). */
export function BillingDialog({
  account,
  onClose,
}: {
  account: string;
  onClose: (done?: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Billing>();
  const [error, setError] = useState<string | null>(null);
  const path = { params: { path: { name: account } } };
  const now = useQuery({
    queryKey: ["billing", account],
    queryFn: () => data(api.GET("/api/v1/accounts/{name}/billing", path)),
  });
  const submit = async (v: Billing) => {
    const was = now.data!;
    // only what changed is sent: a tenant's finance may change the threshold, not the credit
    const body = Object.fromEntries(
      (["threshold", "creditLimit", "lowBalance", "whitelisted"] as const)
        .filter((k) => v[k] !== was[k])
        .map((k) => [k, typeof v[k] === "string" ? (v[k] as string).trim() : v[k]]),
    );
    try {
      if (Object.keys(body).length)
        await data(api.PATCH("/api/v1/accounts/{name}/billing", { ...path, body }));
      onClose(t("finance.settingsSaved", { name: account }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={`${t("finance.settings")}: ${account}`}
      okText={t("accounts.save")}
      cancelText={t("files.cancel")}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
    >
      {now.error && <Alert type="error" showIcon title={now.error.message} />}
      {now.data && (
        <Form<Billing>
          form={form}
          layout="vertical"
          initialValues={now.data}
          onFinish={(v) => void submit(v)}
        >
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form.Item name="threshold" label={t("finance.threshold")}>
            <Input inputMode="decimal" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="lowBalance" label={t("finance.lowBalance")}>
            <Input inputMode="decimal" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="creditLimit" label={t("finance.credit")}>
            <Input inputMode="decimal" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="whitelisted" valuePropName="checked">
            <Checkbox>{t("finance.whitelisted")}</Checkbox>
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
