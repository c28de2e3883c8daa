import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  InputNumber,
  Input,
  Select,
  Space,
  Table,
  Tag,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, data } from "../api";
import { STATE_COLOR, when } from "../jobs";

type Grant = components["schemas"]["GrantView"];
interface NewGrant {
  resource: "cpu" | "gpu";
  hours: number;
  ends: Dayjs;
  reason?: string;
}
const SOON_DAYS = 30;

/** An account's grants (given, left, held by jobs; ending soon marked), and giving one (center finance). */
export function GrantsPanel({ accounts, give }: { accounts: string[]; give: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<NewGrant>();
  const [account, setAccount] = useState<string | undefined>(accounts[0]);
  const path = { params: { path: { name: account ?? "" } } };
  const grants = useQuery({
    queryKey: ["grants", account],
    enabled: !!account,
    queryFn: async () => (await data(api.GET("/api/v1/accounts/{name}/grants", path))).grants,
  });
  const submit = async (v: NewGrant) => {
    try {
      await data(
        api.POST("/api/v1/accounts/{name}/grants", {
          ...path,
          body: {
            resource: v.resource,
            hours: v.hours,
            endsAt: v.ends.endOf("day").toISOString(),
            ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
          },
        }),
      );
      void message.success(
        t("finance.granted", {
          hours: v.hours,
          resource: t(`finance.${v.resource}`),
          name: account,
        }),
      );
      form.resetFields();
      await queries.invalidateQueries({ queryKey: ["grants", account] });
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const soon = dayjs().add(SOON_DAYS, "day");
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Select
        showSearch
        aria-label={t("finance.account")}
        placeholder={t("finance.pickAccount")}
        style={{ width: 240 }}
        value={account}
        onChange={setAccount}
        options={accounts.map((a) => ({ value: a, label: a }))}
      />
      {give && account && (
        <Form<NewGrant>
          form={form}
          layout="inline"
          initialValues={{ resource: "cpu" }}
          onFinish={(v) => void submit(v)}
          aria-label={t("finance.give")}
        >
          <Form.Item name="resource" label={t("finance.resource")}>
            <Select
              style={{ width: 110 }}
              options={(["cpu", "gpu"] as const).map((r) => ({
                value: r,
                label: t(`finance.${r}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="hours"
            label={t("finance.hours")}
            rules={[{ required: true, message: t("finance.needHours") }]}
          >
            <InputNumber min={1} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item
            name="ends"
            label={t("finance.ends")}
            rules={[{ required: true, message: t("finance.needEnd") }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="reason" label={t("finance.reason")}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t("finance.give")}
          </Button>
        </Form>
      )}
      {grants.error && <Alert type="error" showIcon title={grants.error.message} />}
      <Table<Grant>
        size="small"
        rowKey="id"
        loading={!!account && grants.isPending}
        dataSource={grants.data ?? []}
        pagination={false}
        locale={{ emptyText: t("finance.noGrants") }}
        columns={[
          { title: t("finance.resource"), render: (_, g) => t(`finance.${g.resource}`) },
          { title: t("finance.given"), dataIndex: "hours", align: "right" },
          { title: t("finance.left"), render: (_, g) => g.leftHours.toFixed(1), align: "right" },
          { title: t("finance.held"), render: (_, g) => g.heldHours.toFixed(1), align: "right" },
          {
            title: t("finance.ends"),
            render: (_, g) => (
              <Space>
                {when(g.endsAt, i18n.language)}
                {g.expired ? (
                  <Tag color={STATE_COLOR.CANCELLED}>{t("finance.expired")}</Tag>
                ) : (
                  dayjs(g.endsAt).isBefore(soon) && (
                    <Tag color={STATE_COLOR.TIMEOUT}>{t("finance.expiring")}</Tag>
                  )
                )}
              </Space>
            ),
          },
          { title: t("finance.reason"), render: (_, g) => g.reason ?? "" },
        ]}
      />
    </Space>
  );
}
