import { Alert, App, Button, Input, Select, Space, Table, Tag } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, data } from "../api";
import { useJobEvents } from "../events";
import { cores, duration, reasonText, STATE_COLOR, type Job } from "../jobs";
import { MOST_JOBS, useAccounts, useClusters, useJobs } from "../queries";
import { PageTitle } from "../parts/PageTitle";
import { navigate } from "../router";

const STATES = [
  "PENDING",
  "RUNNING",
  "COMPLETED",
  "FAILED",
  "CANCELLED",
  "TIMEOUT",
  "OUT_OF_MEMORY",
];

type Row = Job & { children?: Job[]; counts?: Record<string, number> };

/** An array's tasks under one line with a count per state; other jobs as they are. */
function grouped(jobs: Job[]): Row[] {
  const out: Row[] = [];
  const arrays = new Map<number, Row>();
  for (const j of jobs) {
    if (j.arrayJobId === null) {
      out.push(j);
      continue;
    }
    let head = arrays.get(j.arrayJobId);
    if (!head) {
      head = { ...j, jobId: `${j.arrayJobId}_[…]`, id: -j.arrayJobId, children: [], counts: {} };
      arrays.set(j.arrayJobId, head);
      out.push(head);
    }
    head.children!.push(j);
    head.counts![j.state] = (head.counts![j.state] ?? 0) + 1;
  }
  return out;
}

/** Cancel, hold or release one job (each its own route of the API). */
export async function control(what: "cancel" | "hold" | "release", id: string): Promise<void> {
  const params = { params: { path: { id } } };
  if (what === "cancel") await data(api.POST("/api/v1/jobs/{id}/cancel", params));
  else if (what === "hold") await data(api.POST("/api/v1/jobs/{id}/hold", params));
  else await data(api.POST("/api/v1/jobs/{id}/release", params));
}

export default function Jobs() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  useJobEvents();
  const [states, setStates] = useState<string[]>(["PENDING", "RUNNING"]);
  const [account, setAccount] = useState<string>();
  const [cluster, setCluster] = useState<string>();
  const [name, setName] = useState("");
  const [selected, setSelected] = useState<number[]>([]);
  const clusters = useClusters();
  const accounts = useAccounts();
  const jobs = useJobs({ state: states.join(","), account, cluster });
  const rows = useMemo(
    () => grouped((jobs.data?.jobs ?? []).filter((j) => !name || j.name.includes(name))),
    [jobs.data, name],
  );
  const act = async (what: "cancel" | "hold" | "release") => {
    const ids = selected.filter((id) => id > 0);
    const results = await Promise.allSettled(ids.map((id) => control(what, String(id))));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed.length)
      void message.error(failed.map((f) => (f.reason as Error).message).join("; "));
    else void message.success(t(`jobs.done.${what}`, { count: ids.length }));
    setSelected([]);
    await jobs.refetch();
  };
  return (
    <>
      <PageTitle text={t("jobs.title")} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          mode="multiple"
          aria-label={t("jobs.filterState")}
          style={{ minWidth: 240 }}
          value={states}
          onChange={setStates}
          placeholder={t("jobs.allStates")}
          options={STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
        />
        <Select
          allowClear
          aria-label={t("jobs.account")}
          placeholder={t("jobs.account")}
          style={{ minWidth: 160 }}
          value={account}
          onChange={setAccount}
          options={(accounts.data ?? []).map((a) => ({ value: a.name, label: a.name }))}
        />
        <Select
          allowClear
          aria-label={t("jobs.cluster")}
          placeholder={t("jobs.cluster")}
          style={{ minWidth: 140 }}
          value={cluster}
          onChange={setCluster}
          options={(clusters.data ?? []).map((k) => ({ value: k.name, label: k.name }))}
        />
        <Input.Search
          aria-label={t("jobs.name")}
          placeholder={t("jobs.name")}
          allowClear
          onSearch={setName}
        />
        <Button danger disabled={!selected.length} onClick={() => void act("cancel")}>
          {t("jobs.cancel")}
        </Button>
        <Button disabled={!selected.length} onClick={() => void act("hold")}>
          {t("jobs.hold")}
        </Button>
        <Button disabled={!selected.length} onClick={() => void act("release")}>
          {t("jobs.release")}
        </Button>
      </Space>
      {jobs.data?.more && (
        <Alert type="info" showIcon title={t("jobs.most", { count: MOST_JOBS })} />
      )}
      <Table<Row>
        virtual
        scroll={{ y: 600, x: 1000 }}
        size="small"
        rowKey="id"
        loading={jobs.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t("jobs.none") }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as number[]),
          checkStrictly: false,
        }}
        columns={[
          {
            title: t("jobs.id"),
            dataIndex: "jobId",
            width: 90,
            render: (id: string, j) =>
              j.children ? (
                id
              ) : (
                <a
                  href={`/jobs/${id}`}
                  onClick={(e) => (e.preventDefault(), navigate(`/jobs/${id}`))}
                >
                  {id}
                </a>
              ),
          },
          { title: t("jobs.name"), dataIndex: "name", width: 130 },
          { title: t("jobs.account"), dataIndex: "account", width: 100 },
          { title: t("jobs.partition"), dataIndex: "partition", width: 80 },
          {
            title: t("jobs.state"),
            dataIndex: "state",
            width: 150,
            render: (s: string, j) =>
              j.counts ? (
                Object.entries(j.counts).map(([k, n]) => (
                  <Tag key={k} color={STATE_COLOR[k]}>{`${t(`state.${k}`)} ${n}`}</Tag>
                ))
              ) : (
                <Tag color={STATE_COLOR[s]} data-testid={`state-${j.id}`}>
                  {t(`state.${s}`)}
                </Tag>
              ),
          },
          { title: t("jobs.cores"), width: 70, render: (_: unknown, j) => cores(j) },
          { title: t("jobs.elapsed"), width: 90, render: (_: unknown, j) => duration(j.elapsed) },
          {
            title: t("jobs.why"),
            width: 270,
            render: (_: unknown, j) =>
              j.children ? "" : reasonText(j, clusters.data, t, i18n.language),
          },
        ]}
      />
    </>
  );
}
