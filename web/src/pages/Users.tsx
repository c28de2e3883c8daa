import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, ApiError, data } from "../api";
import { STATE_COLOR, when } from "../jobs";
import { PageTitle } from "../parts/PageTitle";
import { UserEditDialog } from "../parts/UserEditDialog";
import { useWhoami } from "../session";

type User = components["schemas"]["UserView"];
const PAGE = 50;
const ROLES = ["center-admin", "center-finance", "tenant-admin", "tenant-finance"];

interface NewUser {
  username: string;
  tenant?: string;
  email?: string;
  roles?: string[];
  unixName?: string;
}

/** A new user: the server makes the password and shows it once, here. */
function NewUserDialog({ center, onClose }: { center: boolean; onClose: (made: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewUser>();
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<{ username: string; password: string | null } | null>(null);
  const submit = async (v: NewUser) => {
    try {
      const r = await data(
        api.POST("/api/v1/users", {
          body: {
            username: v.username,
            ...(v.tenant ? { tenant: v.tenant } : {}),
            ...(v.email ? { email: v.email } : {}),
            ...(v.roles?.length ? { roles: v.roles } : {}),
            ...(v.unixName ? { posix: { name: v.unixName } } : {}),
          },
        }),
      );
      setMade({ username: r.user.username, password: r.password });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={t("users.new")}
      okText={made ? t("users.done") : t("users.create")}
      cancelText={t("files.cancel")}
      onOk={() => (made ? onClose(true) : form.submit())}
      onCancel={() => onClose(!!made)}
    >
      {made ? (
        <Space orientation="vertical">
          <Typography.Text>{t("users.made", { name: made.username })}</Typography.Text>
          {made.password && (
            <Alert
              type="warning"
              showIcon
              title={t("users.passwordOnce")}
              description={
                <Typography.Text copyable code>
                  {made.password}
                </Typography.Text>
              }
            />
          )}
        </Space>
      ) : (
        <Form<NewUser> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form.Item
            name="username"
            label={t("users.username")}
            rules={[{ required: true, message: t("users.needName") }]}
          >
            <Input />
          </Form.Item>
          {center && (
            <Form.Item name="tenant" label={t("users.tenant")}>
              <Input placeholder={t("users.tenantHint")} />
            </Form.Item>
          )}
          <Form.Item name="email" label={t("users.email")}>
            <Input />
          </Form.Item>
          <Form.Item name="roles" label={t("users.roles")}>
            <Select
              mode="multiple"
              options={ROLES.filter((r) => center || r.startsWith("tenant")).map((r) => ({
                value: r,
                label: r,
              }))}
            />
          </Form.Item>
          <Form.Item name="unixName" label={t("users.unix")}>
            <Input placeholder={t("users.unixHint")} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/**
 * Users for the center's and a tenant's admins: searched and paged by the server (10,000 of
 * them read as easily as ten), made (the password shown once), disabled and enabled, unlocked.
 */
export default function Users() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const who = useWhoami();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const users = useQuery({
    queryKey: ["users", q, page],
    queryFn: () =>
      data(
        api.GET("/api/v1/users", {
          params: { query: { ...(q ? { q } : {}), offset: (page - 1) * PAGE, limit: PAGE } },
        }),
      ),
  });
  const center = who.data?.roles.includes("center-admin") ?? false;
  if (users.error instanceof ApiError && [403, 404].includes(users.error.status))
    return (
      <>
        <PageTitle text={t("users.title")} />
        <Result status="403" title={t("audit.notAllowed")} subTitle={users.error.message} />
      </>
    );
  const change = async (u: User, body: { disabled?: boolean; unlock?: true }, done: string) => {
    try {
      await data(
        api.PATCH("/api/v1/users/{name}", { params: { path: { name: u.username } }, body }),
      );
      void message.success(done);
    } catch (e) {
      void message.error((e as Error).message);
    }
    await queries.invalidateQueries({ queryKey: ["users"] });
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <PageTitle text={t("users.title")} />
      <Space wrap>
        <Input.Search
          aria-label={t("users.search")}
          placeholder={t("users.search")}
          allowClear
          onSearch={(v) => (setQ(v.trim()), setPage(1))}
          style={{ width: 280 }}
        />
        <Button type="primary" onClick={() => setAdding(true)}>
          {t("users.new")}
        </Button>
        {users.data && (
          <Typography.Text role="status">
            {t("users.count", { count: users.data.total })}
          </Typography.Text>
        )}
      </Space>
      {users.error && <Alert type="error" showIcon title={users.error.message} />}
      <Table<User>
        size="small"
        rowKey="username"
        loading={users.isPending}
        dataSource={users.data?.users ?? []}
        locale={{ emptyText: t("users.none") }}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: users.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        columns={[
          { title: t("users.username"), dataIndex: "username" },
          { title: t("users.tenant"), dataIndex: "tenant" },
          { title: t("users.roles"), render: (_, u) => u.roles.map((r) => <Tag key={r}>{r}</Tag>) },
          { title: t("users.unix"), render: (_, u) => u.posix?.name ?? "—" },
          { title: t("users.email"), render: (_, u) => u.email ?? "—" },
          {
            title: t("users.state"),
            render: (_, u) =>
              u.disabled ? (
                <Tag color={STATE_COLOR.CANCELLED}>{t("users.disabled")}</Tag>
              ) : u.lockedUntil ? (
                <Tag color={STATE_COLOR.FAILED}>
                  {t("users.locked", { until: when(u.lockedUntil, i18n.language) })}
                </Tag>
              ) : (
                <Tag color={STATE_COLOR.COMPLETED}>{t("users.active")}</Tag>
              ),
          },
          {
            title: t("files.actions"),
            render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => setEditing(u)}>
                  {t("userEdit.edit")}
                </Button>
                {u.disabled ? (
                  <Button
                    size="small"
                    onClick={() =>
                      void change(
                        u,
                        { disabled: false },
                        t("users.enabledNow", { name: u.username }),
                      )
                    }
                  >
                    {t("users.enable")}
                  </Button>
                ) : (
                  <Popconfirm
                    title={t("users.sureDisable", { name: u.username })}
                    okText={t("users.disable")}
                    cancelText={t("files.keep")}
                    onConfirm={() =>
                      change(u, { disabled: true }, t("users.disabledNow", { name: u.username }))
                    }
                  >
                    <Button size="small" danger>
                      {t("users.disable")}
                    </Button>
                  </Popconfirm>
                )}
                {u.lockedUntil && (
                  <Button
                    size="small"
                    onClick={() =>
                      void change(u, { unlock: true }, t("users.unlocked", { name: u.username }))
                    }
                  >
                    {t("users.unlock")}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <UserEditDialog
          user={editing}
          center={center}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              void message.success(saved);
              void queries.invalidateQueries({ queryKey: ["users"] });
            }
          }}
        />
      )}
      {adding && (
        <NewUserDialog
          center={center}
          onClose={(made) => {
            setAdding(false);
            if (made) void queries.invalidateQueries({ queryKey: ["users"] });
          }}
        />
      )}
    </Space>
  );
}
