import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, data } from "../api";
import { STATE_COLOR } from "../jobs";
import { AccountMembers } from "../parts/AccountMembers";
import { AccountSettings } from "../parts/AccountSettings";
import { limitsText } from "../parts/LimitsForm";
import { PageTitle } from "../parts/PageTitle";
import { useAccounts, useTenants } from "../queries";
import { useWhoami } from "../session";

type Account = components["schemas"]["AccountView"];
interface NewAccount {
  name: string;
  tenant?: string;
  owner: string;
}

function NewAccountDialog({
  center,
  onClose,
}: {
  center: boolean;
  onClose: (made?: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewAccount>();
  const [error, setError] = useState<string | null>(null);
  const tenants = useTenants(center);
  const submit = async (v: NewAccount) => {
    try {
      await data(
        api.POST("/api/v1/accounts", {
          body: {
            name: v.name.trim(),
            owner: v.owner.trim(),
            ...(v.tenant ? { tenant: v.tenant } : {}),
          },
        }),
      );
      onClose(v.name.trim());
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={t("accounts.new")}
      okText={t("accounts.create")}
      cancelText={t("files.cancel")}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
    >
      <Form<NewAccount> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form.Item
          name="name"
          label={t("accounts.name")}
          rules={[{ required: true, message: t("accounts.needName") }]}
        >
          <Input />
        </Form.Item>
        {center && (
          <Form.Item name="tenant" label={t("accounts.tenant")}>
            <Select
              aria-label={t("accounts.tenant")}
              options={(tenants.data ?? []).map((x) => ({ value: x.name, label: x.name }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="owner"
          label={t("accounts.owner")}
          rules={[{ required: true, message: t("accounts.needOwner") }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The allowed lists in a few words: "clusters: hpc · QoS: normal", or "everything". */
function allowedText(a: Account["allowed"], t: (k: string) => string): string {
  const parts = (["clusters", "partitions", "qos"] as const)
    .filter((k) => a[k])
    .map((k) => `${t(`accounts.${k}`)}: ${a[k]!.join(", ") || "—"}`);
  return parts.length ? parts.join(" · ") : t("accounts.everything");
}

/**
 * Accounts (projects) for those who run them: the center's and a tenant's admins make them,
 * set limits and what they may use, block and unblock with a reason; owners and admins of
 * an account manage its members. Finance staff see them (the API decides what each may do).
 */
export default function Accounts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const who = useWhoami();
  const accounts = useAccounts();
  const [q, setQ] = useState("");
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const roles = who.data?.roles ?? [];
  const admin = roles.includes("center-admin") || roles.includes("tenant-admin");
  const center = roles.includes("center-admin");
  const manages = (a: string) =>
    admin || (who.data?.accounts ?? []).some((x) => x.name === a && x.role !== "member");
  const shown = (accounts.data ?? []).filter(
    (a) => !q || a.name.includes(q) || a.tenant.includes(q),
  );
  const current = (accounts.data ?? []).find((a) => a.name === open);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <PageTitle text={t("accounts.title")} />
      <Space wrap>
        <Input.Search
          aria-label={t("accounts.filter")}
          placeholder={t("accounts.filter")}
          allowClear
          onChange={(e) => setQ(e.target.value.trim())}
          style={{ width: 280 }}
        />
        {admin && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {t("accounts.new")}
          </Button>
        )}
        {accounts.data && (
          <Typography.Text role="status">
            {t("accounts.count", { count: shown.length })}
          </Typography.Text>
        )}
      </Space>
      {accounts.error && <Alert type="error" showIcon title={accounts.error.message} />}
      <Table<Account>
        size="small"
        rowKey="name"
        loading={accounts.isPending}
        dataSource={shown}
        locale={{ emptyText: t("accounts.none") }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: t("accounts.name"), dataIndex: "name" },
          { title: t("accounts.tenant"), dataIndex: "tenant" },
          {
            title: t("accounts.state"),
            render: (_, a) => (
              <Tag color={a.state === "active" ? STATE_COLOR.COMPLETED : STATE_COLOR.FAILED}>
                {t(`accounts.${a.state}`)}
              </Tag>
            ),
          },
          { title: t("accounts.members"), dataIndex: "members" },
          { title: t("accounts.limits"), render: (_, a) => limitsText(a.limits, t) },
          { title: t("accounts.allowed"), render: (_, a) => allowedText(a.allowed, t) },
          {
            title: t("files.actions"),
            render: (_, a) => (
              <Button size="small" onClick={() => setOpen(a.name)}>
                {t("accounts.manage")}
              </Button>
            ),
          },
        ]}
      />
      {current && (
        <Drawer open size="large" title={current.name} onClose={() => setOpen(null)}>
          <Tabs
            items={[
              {
                key: "settings",
                label: t("accounts.settings"),
                children: <AccountSettings account={current} admin={admin} />,
              },
              {
                key: "members",
                label: t("accounts.members"),
                children: <AccountMembers name={current.name} manage={manages(current.name)} />,
              },
            ]}
          />
        </Drawer>
      )}
      {adding && (
        <NewAccountDialog
          center={center}
          onClose={(made) => {
            setAdding(false);
            if (made) {
              void message.success(t("accounts.made", { name: made }));
              void queries.invalidateQueries({ queryKey: ["accounts"] });
            }
          }}
        />
      )}
    </Space>
  );
}
