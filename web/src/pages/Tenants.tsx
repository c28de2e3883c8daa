import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Result,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, data } from "../api";
import { STATE_COLOR, when } from "../jobs";
import { PageTitle } from "../parts/PageTitle";
import { ReasonDialog } from "../parts/ReasonDialog";
import { useTenants } from "../queries";
import { useWhoami } from "../session";

type Tenant = components["schemas"]["TenantView"];

/** A new tenant with its first admin: the server makes the admin's password, shown once. */
function NewTenantDialog({ onClose }: { onClose: (made: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; admin: string; email?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<{ name: string; admin: string; password: string | null } | null>(
    null,
  );
  const submit = async (v: { name: string; admin: string; email?: string }) => {
    try {
      const r = await data(
        api.POST("/api/v1/tenants", {
          body: {
            name: v.name.trim(),
            admin: { username: v.admin.trim(), ...(v.email ? { email: v.email.trim() } : {}) },
          },
        }),
      );
      setMade({ name: r.tenant.name, admin: r.admin.username, password: r.password });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={t("tenants.new")}
      okText={made ? t("users.done") : t("accounts.create")}
      cancelText={t("files.cancel")}
      onOk={() => (made ? onClose(true) : form.submit())}
      onCancel={() => onClose(!!made)}
    >
      {made ? (
        <Space orientation="vertical">
          <Typography.Text>
            {t("tenants.made", { name: made.name, admin: made.admin })}
          </Typography.Text>
          {made.password && (
            <Alert
              type="warning"
              showIcon
              title={t("tenants.passwordOnce")}
              description={
                <Typography.Text copyable code>
                  {made.password}
                </Typography.Text>
              }
            />
          )}
        </Space>
      ) : (
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form.Item
            name="name"
            label={t("tenants.name")}
            rules={[{ required: true, message: t("tenants.needName") }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="admin"
            label={t("tenants.admin")}
            rules={[{ required: true, message: t("tenants.needAdmin") }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t("tenants.email")}>
            <Input />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** A tenant's discount on every price, from a time on (now when none is given). */
function DiscountDialog({ name, onClose }: { name: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ percent: number; from?: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { percent: number; from?: Dayjs }) => {
    try {
      const r = await data(
        api.POST("/api/v1/tenants/{name}/discount", {
          params: { path: { name } },
          body: {
            percent: v.percent,
            effectiveFrom: (v.from ?? null)?.toISOString() ?? new Date().toISOString(),
          },
        }),
      );
      void message.success(
        t("tenants.discountSet", {
          name,
          percent: r.percent,
          from: when(r.effectiveFrom, i18n.language),
        }),
      );
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={`${t("tenants.setDiscount")}: ${name}`}
      okText={t("accounts.save")}
      cancelText={t("files.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form.Item
          name="percent"
          label={t("tenants.percent")}
          rules={[{ required: true, message: t("tenants.percent") }]}
        >
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="from" label={t("tenants.from")}>
          <DatePicker showTime />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The center's tenants (institutions): how many users and accounts, their wallet; new ones. */
export default function Tenants() {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const who = useWhoami();
  const [adding, setAdding] = useState(false);
  const [discount, setDiscount] = useState<string | null>(null);
  const [disabling, setDisabling] = useState<string | null>(null);
  const { message } = App.useApp();
  const refresh = () => queries.invalidateQueries({ queryKey: ["tenants"] });
  const enable = async (name: string) => {
    try {
      await data(api.POST("/api/v1/tenants/{name}/enable", { params: { path: { name } } }));
      void message.success(t("tenants.enabledNow", { name }));
    } catch (e) {
      void message.error((e as Error).message);
    }
    await refresh();
  };
  const roles = who.data?.roles ?? [];
  const tenants = useTenants();
  const wallets = useQuery({
    queryKey: ["balances", "tenants"],
    queryFn: async () =>
      (await data(api.GET("/api/v1/balances", { params: { query: {} } }))).wallets,
  });
  if (!roles.some((r) => r.startsWith("center-")))
    return (
      <>
        <PageTitle text={t("tenants.title")} />
        <Result status="403" title={t("audit.notAllowed")} />
      </>
    );
  const balance = (name: string) => {
    const w = wallets.data?.find((x) => x.kind === "tenant" && x.tenant === name);
    return w ? `${w.balance} ${w.currency}` : "—";
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <PageTitle text={t("tenants.title")} />
      {roles.includes("center-admin") && (
        <Space>
          <Button type="primary" onClick={() => setAdding(true)}>
            {t("tenants.new")}
          </Button>
        </Space>
      )}
      {tenants.error && <Alert type="error" showIcon title={tenants.error.message} />}
      <Table<Tenant>
        size="small"
        rowKey="name"
        loading={tenants.isPending}
        dataSource={tenants.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: t("tenants.name"), dataIndex: "name" },
          { title: t("tenants.users"), dataIndex: "users" },
          { title: t("tenants.accounts"), dataIndex: "accounts" },
          { title: t("tenants.balance"), render: (_, x) => balance(x.name) },
          {
            title: t("accounts.state"),
            render: (_, x) =>
              x.disabled ? (
                <Tooltip
                  title={t("tenants.disabledWhy", {
                    by: x.disabled.by ?? t("accounts.system"),
                    at: when(x.disabled.at, i18n.language),
                    reason: x.disabled.reason,
                  })}
                >
                  <Tag color={STATE_COLOR.FAILED}>{t("tenants.disabled")}</Tag>
                </Tooltip>
              ) : (
                <Tag color={STATE_COLOR.COMPLETED}>{t("accounts.active")}</Tag>
              ),
          },
          { title: t("tenants.created"), render: (_, x) => when(x.createdAt, i18n.language) },
          {
            title: t("files.actions"),
            render: (_, x) => (
              <Space>
                <Button size="small" onClick={() => setDiscount(x.name)}>
                  {t("tenants.setDiscount")}
                </Button>
                {roles.includes("center-admin") &&
                  (x.disabled ? (
                    <Button size="small" onClick={() => void enable(x.name)}>
                      {t("tenants.enable")}
                    </Button>
                  ) : (
                    <Button size="small" danger onClick={() => setDisabling(x.name)}>
                      {t("tenants.disable")}
                    </Button>
                  ))}
              </Space>
            ),
          },
        ]}
      />
      {adding && (
        <NewTenantDialog
          onClose={(made) => {
            setAdding(false);
            if (made) void queries.invalidateQueries({ queryKey: ["tenants"] });
          }}
        />
      )}
      {discount && <DiscountDialog name={discount} onClose={() => setDiscount(null)} />}
      {disabling && (
        <ReasonDialog
          title={t("tenants.disableTitle", { name: disabling })}
          okText={t("tenants.disable")}
          what={t("tenants.disableWhat")}
          send={(reason) =>
            data(
              api.POST("/api/v1/tenants/{name}/disable", {
                params: { path: { name: disabling } },
                body: { reason },
              }),
            )
          }
          onClose={(done) => {
            if (done) void message.success(t("tenants.disabledNow", { name: disabling }));
            setDisabling(null);
            void refresh();
          }}
        />
      )}
    </Space>
  );
}
