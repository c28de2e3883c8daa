import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Input, Modal, Space, Statistic, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, data } from "../api";
import { duration, STATE_COLOR, when } from "../jobs";
import { NodeHeatMap } from "../parts/NodeHeatMap";
import { PageTitle } from "../parts/PageTitle";
import { Panel } from "../parts/Panel";
import { useWhoami } from "../session";
import { useClusters } from "../queries";

type Cluster = components["schemas"]["ClusterView"];
type Node = components["schemas"]["NodeUse"];

const NODE_COLOUR: Record<Node["state"], string> = {
  idle: STATE_COLOR.COMPLETED!,
  mixed: STATE_COLOR.RUNNING!,
  allocated: STATE_COLOR.PENDING!,
  down: STATE_COLOR.FAILED!,
};

/** One cluster: whether it answers, its version and last error, its partitions and nodes. */
function ClusterPanel({ k, manage }: { k: Cluster; manage: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const sum = (f: (n: Node) => number) => k.nodes.reduce((s, n) => s + f(n), 0);
  const set = async (enabled: boolean) => {
    try {
      await data(
        api.PATCH("/api/v1/clusters/{name}", {
          params: { path: { name: k.name } },
          body: { enabled, ...(reason ? { reason } : {}) },
        }),
      );
      void message.success(
        t(enabled ? "clusters.enabledNow" : "clusters.disabledNow", { name: k.name }),
      );
      setAsking(false);
      setReason("");
    } catch (e) {
      void message.error((e as Error).message);
    }
    await queries.invalidateQueries({ queryKey: ["clusters"] });
  };
  return (
    <Panel
      title={k.name}
      extra={
        <Space>
          <Tag>{k.backend}</Tag>
          <Tag color={k.status.reachable ? STATE_COLOR.COMPLETED : STATE_COLOR.FAILED}>
            {t(k.status.reachable ? "clusters.reachable" : "clusters.unreachable")}
          </Tag>
          <Tag color={k.enabled ? STATE_COLOR.COMPLETED : STATE_COLOR.CANCELLED}>
            {t(k.enabled ? "clusters.enabled" : "clusters.disabled")}
          </Tag>
          {manage &&
            (k.enabled ? (
              <Button size="small" danger onClick={() => setAsking(true)}>
                {t("clusters.disable")}
              </Button>
            ) : (
              <Button size="small" onClick={() => void set(true)}>
                {t("clusters.enable")}
              </Button>
            ))}
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        {!k.enabled && (
          <Alert
            type="warning"
            showIcon
            title={t("clusters.disabledWhy", {
              reason: k.disabledReason ?? "—",
              at: when(k.disabledAt, i18n.language),
            })}
          />
        )}
        {k.status.error && <Alert type="error" showIcon title={k.status.error} />}
        {!!k.status.sync?.drift.length && (
          <Alert
            type="warning"
            showIcon
            title={t("clusters.drift")}
            description={k.status.sync.drift.join("; ")}
          />
        )}
        <Space size="large" wrap>
          <Statistic title={t("clusters.version")} value={k.status.version ?? "—"} />
          <Statistic title={t("clusters.running")} value={k.jobs.running} />
          <Statistic title={t("clusters.pending")} value={k.jobs.pending} />
          <Statistic
            title={t("clusters.cores")}
            value={`${sum((n) => n.allocCpus)} / ${sum((n) => n.cpus)}`}
          />
          <Statistic
            title={t("clusters.gpus")}
            value={`${sum((n) => n.allocGpus)} / ${sum((n) => n.gpus)}`}
          />
        </Space>
        <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
          {t("clusters.heat")}
        </Typography.Title>
        <NodeHeatMap nodes={k.nodes} label={t("clusters.heatOf", { name: k.name })} />
        <Table
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={k.partitions}
          columns={[
            {
              title: t("clusters.partition"),
              render: (_, p) => (p.default ? `${p.name} (${t("clusters.default")})` : p.name),
            },
            { title: t("clusters.nodes"), render: (_, p) => p.nodes.length },
            { title: t("clusters.totalCores"), dataIndex: "totalCpus" },
            {
              title: t("clusters.maxTime"),
              render: (_, p) => (p.maxTime === null ? "∞" : duration(p.maxTime)),
            },
            {
              title: t("clusters.defaultTime"),
              render: (_, p) => (p.defaultTime === null ? "∞" : duration(p.defaultTime)),
            },
            { title: t("clusters.priority"), dataIndex: "priority" },
          ]}
        />
        <Table<Node>
          size="small"
          rowKey="name"
          dataSource={k.nodes}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: t("clusters.node"), dataIndex: "name" },
            {
              title: t("clusters.stateTitle"),
              render: (_, n) => (
                <Tag color={NODE_COLOUR[n.state]}>{t(`clusters.state.${n.state}`)}</Tag>
              ),
            },
            { title: t("clusters.cores"), render: (_, n) => `${n.allocCpus} / ${n.cpus}` },
            {
              title: t("clusters.memory"),
              render: (_, n) =>
                `${Math.round(n.allocMemMiB / 1024)} / ${Math.round(n.memMiB / 1024)} GiB`,
            },
            {
              title: t("clusters.gpus"),
              render: (_, n) =>
                n.gpus ? `${n.allocGpus} / ${n.gpus}${n.gpuType ? ` ${n.gpuType}` : ""}` : "—",
            },
            { title: t("clusters.jobs"), dataIndex: "runningJobs" },
            {
              title: t("clusters.reason"),
              render: (_, n) =>
                n.reason
                  ? `${n.reason.text}${n.reason.user ? ` (${n.reason.user}, ${when(n.reason.at, i18n.language)})` : ""}`
                  : "",
            },
          ]}
        />
      </Space>
      {asking && (
        <Modal
          open
          title={t("clusters.disableTitle", { name: k.name })}
          okText={t("clusters.disable")}
          okButtonProps={{ danger: true, disabled: !reason.trim() }}
          cancelText={t("files.cancel")}
          onOk={() => void set(false)}
          onCancel={() => setAsking(false)}
        >
          <Typography.Paragraph>{t("clusters.disableWhat")}</Typography.Paragraph>
          <Input
            aria-label={t("clusters.why")}
            placeholder={t("clusters.why")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Modal>
      )}
    </Panel>
  );
}

/** Every cluster: reachability, version, last error, drift, partitions, and each node's use. */
export default function Clusters() {
  const { t } = useTranslation();
  const who = useWhoami();
  // every job moves the nodes, not only one's own (which the events stream brings): asked often
  const clusters = useClusters(5_000);
  const manage = who.data?.roles.includes("center-admin") ?? false;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <PageTitle text={t("clusters.title")} />
      {clusters.error && <Alert type="error" showIcon title={clusters.error.message} />}
      {(clusters.data ?? []).map((k) => (
        <ClusterPanel key={k.name} k={k} manage={manage} />
      ))}
    </Space>
  );
}
