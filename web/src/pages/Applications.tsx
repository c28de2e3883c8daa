import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Modal, Space, Table, Tabs, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, data } from "../api";
import { when } from "../jobs";
import { ApplicationDetail, APPLICATION_COLOR } from "../parts/ApplicationDetail";
import { ApplicationForm, requestOf, type Fields } from "../parts/ApplicationForm";
import { PageTitle } from "../parts/PageTitle";
import { useWhoami } from "../session";

type Application = components["schemas"]["ApplicationView"];

function ApplyDialog({
  accounts,
  onClose,
}: {
  accounts: string[];
  onClose: (number?: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: Fields) => {
    setError(null);
    try {
      const r = await data(api.POST("/api/v1/applications", { body: requestOf(v) as never }));
      onClose(r.number);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal
      open
      width={720}
      title={t("applications.new")}
      okText={t("applications.submit")}
      cancelText={t("files.cancel")}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <ApplicationForm form={form} accounts={accounts} onFinish={(v) => void submit(v)} />
    </Modal>
  );
}

/**
 * Applications: anyone applies for a new account (or, for an account they run, more hours or
 * higher limits) and follows its state; the tenant's admins see those waiting and decide.
 */
export default function Applications() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const who = useWhoami();
  const [applying, setApplying] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const admin = (who.data?.roles ?? []).some((r) => r === "center-admin" || r === "tenant-admin");
  const me = who.data?.user;
  const manages = (who.data?.accounts ?? []).filter((a) => a.role !== "member").map((a) => a.name);
  const list = useQuery({
    queryKey: ["applications"],
    queryFn: async () =>
      (await data(api.GET("/api/v1/applications", { params: { query: {} } }))).applications,
  });
  const all = list.data ?? [];
  const current = all.find((a) => a.id === open);
  const table = (rows: Application[]) => (
    <Table<Application>
      size="small"
      rowKey="id"
      loading={list.isPending}
      dataSource={rows}
      locale={{ emptyText: t("applications.none") }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      onRow={(a) => ({ onClick: () => setOpen(a.id), style: { cursor: "pointer" } })}
      columns={[
        {
          title: t("applications.number"),
          render: (_, a) => (
            <a href={`#${a.number}`} onClick={(e) => (e.preventDefault(), setOpen(a.id))}>
              {a.number}
            </a>
          ),
        },
        { title: t("applications.titleField"), dataIndex: "title" },
        { title: t("applications.kind"), render: (_, a) => t(`applications.kinds.${a.kind}`) },
        { title: t("applications.account"), dataIndex: "account" },
        ...(admin
          ? [
              {
                title: t("applications.applicant"),
                render: (_: unknown, a: Application) => `${a.applicant} (${a.tenant})`,
              },
            ]
          : []),
        {
          title: t("applications.state"),
          render: (_, a) => (
            <Tag color={APPLICATION_COLOR[a.state]}>{t(`applications.states.${a.state}`)}</Tag>
          ),
        },
        { title: t("applications.created"), render: (_, a) => when(a.createdAt, i18n.language) },
      ]}
    />
  );
  const mine = all.filter((a) => a.applicant === me);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <PageTitle text={t("applications.title")} />
      <Space>
        <Button type="primary" onClick={() => setApplying(true)}>
          {t("applications.new")}
        </Button>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      {admin ? (
        <Tabs
          items={[
            {
              key: "decide",
              label: t("applications.toDecide"),
              children: table(all.filter((a) => a.state === "pending" && a.applicant !== me)),
            },
            { key: "all", label: t("applications.all"), children: table(all) },
            { key: "mine", label: t("applications.mine"), children: table(mine) },
          ]}
        />
      ) : (
        table(mine)
      )}
      {current && (
        <ApplicationDetail
          key={`${current.id}-${current.updatedAt}`}
          a={current}
          decide={admin && current.applicant !== me}
          own={current.applicant === me}
          accounts={manages}
          onClose={(changed) => {
            setOpen(null);
            if (changed) {
              void queries.invalidateQueries({ queryKey: ["applications"] });
              void queries.invalidateQueries({ queryKey: ["accounts"] });
              void queries.invalidateQueries({ queryKey: ["whoami"] });
            }
          }}
        />
      )}
      {applying && (
        <ApplyDialog
          accounts={manages}
          onClose={(number) => {
            setApplying(false);
            if (number) {
              void message.success(t("applications.submitted", { number }));
              void queries.invalidateQueries({ queryKey: ["applications"] });
            }
          }}
        />
      )}
    </Space>
  );
}
