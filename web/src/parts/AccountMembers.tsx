import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, Popconfirm, Select, Space, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, data } from "../api";
import { LimitsForm, limitsText, type LimitsBody } from "./LimitsForm";

type Member = components["schemas"]["MemberView"];
const ROLES = ["owner", "admin", "member"] as const;

/**
 * An account's members: their role and own limits, added and removed by those who manage
 * the account (its owner and admins, the tenant's and the center's admins).
 */
export function AccountMembers({ name, manage }: { name: string; manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<{ user: string; role: string }>();
  const [open, setOpen] = useState<string | null>(null);
  const key = ["members", name];
  const members = useQuery({
    queryKey: key,
    queryFn: async () =>
      (await data(api.GET("/api/v1/accounts/{name}/members", { params: { path: { name } } })))
        .members,
  });
  const act = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      void message.success(done);
      await queries.invalidateQueries({ queryKey: key });
      await queries.invalidateQueries({ queryKey: ["accounts"] });
      return true;
    } catch (e) {
      void message.error((e as Error).message);
      return false;
    }
  };
  const member = (user: string) => ({ params: { path: { name, user } } });
  const setRole = (m: Member, role: string) =>
    act(
      () =>
        data(
          api.PATCH("/api/v1/accounts/{name}/members/{user}", {
            ...member(m.user),
            body: { role },
          }),
        ),
      t("accounts.roleChanged", { user: m.user, role: t(`profile.roles.${role}`) }),
    );
  const setLimits = (m: Member, limits: LimitsBody) =>
    act(
      () =>
        data(
          api.PATCH("/api/v1/accounts/{name}/members/{user}", {
            ...member(m.user),
            body: { limits },
          }),
        ),
      t("accounts.saved", { name: m.user }),
    );
  const add = async (v: { user: string; role: string }) => {
    const ok = await act(
      () =>
        data(
          api.POST("/api/v1/accounts/{name}/members", {
            params: { path: { name } },
            body: { user: v.user.trim(), role: v.role },
          }),
        ),
      t("accounts.added", { user: v.user.trim(), name }),
    );
    if (ok) form.resetFields();
  };
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {members.error && <Alert type="error" showIcon title={members.error.message} />}
      {manage && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ role: "member" }}
          onFinish={(v) => void add(v)}
          aria-label={t("accounts.addMember")}
        >
          <Form.Item
            name="user"
            label={t("accounts.user")}
            rules={[{ required: true, message: t("accounts.needUser") }]}
          >
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="role" label={t("accounts.role")}>
            <Select
              style={{ width: 120 }}
              options={ROLES.map((r) => ({ value: r, label: t(`profile.roles.${r}`) }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t("accounts.addMember")}
          </Button>
        </Form>
      )}
      <Table<Member>
        size="small"
        rowKey="user"
        loading={members.isPending}
        dataSource={members.data ?? []}
        pagination={false}
        expandable={
          manage
            ? {
                expandedRowKeys: open ? [open] : [],
                onExpand: (o, m) => setOpen(o ? m.user : null),
                expandedRowRender: (m) => (
                  <LimitsForm limits={m.limits} onSave={(l) => void setLimits(m, l)} />
                ),
              }
            : undefined
        }
        columns={[
          { title: t("accounts.member"), dataIndex: "user" },
          {
            title: t("accounts.role"),
            render: (_, m) =>
              manage ? (
                <Select
                  size="small"
                  aria-label={t("accounts.role")}
                  value={m.role}
                  style={{ width: 120 }}
                  onChange={(r) => void setRole(m, r)}
                  options={ROLES.map((r) => ({ value: r, label: t(`profile.roles.${r}`) }))}
                />
              ) : (
                t(`profile.roles.${m.role}`)
              ),
          },
          { title: t("accounts.limits"), render: (_, m) => limitsText(m.limits, t) },
          ...(manage
            ? [
                {
                  title: t("files.actions"),
                  render: (_: unknown, m: Member) => (
                    <Popconfirm
                      title={t("accounts.sureRemove", { user: m.user, name })}
                      okText={t("accounts.remove")}
                      cancelText={t("files.keep")}
                      onConfirm={() =>
                        act(
                          () =>
                            data(
                              api.DELETE("/api/v1/accounts/{name}/members/{user}", member(m.user)),
                            ),
                          t("accounts.removed", { user: m.user, name }),
                        )
                      }
                    >
                      <Button size="small" danger>
                        {t("accounts.remove")}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
