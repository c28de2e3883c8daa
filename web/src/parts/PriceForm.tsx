import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, data } from "../api";
import { useClusters } from "../queries";
import { Panel } from "./Panel";

interface Values {
  cluster?: string;
  partition?: string;
  qos?: string;
  tenant?: string;
  from: Dayjs;
  cpuHour: string;
  memGiBHour: string;
  gpuHour: string;
  mode: "sum" | "max";
  minCharge: string;
}

/** "a100=2.5, *=2" → { a100: "2.5", "*": "2" }. */
function gpuRates(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => p.split("=").map((x) => x.trim()) as [string, string]),
  );
}

/**
 * A new price version from a time on (the center's finance): what a typical job would cost
 * under it and which accounts it would stop are asked of the server as one types (nothing is
 * stored), and said before it is set.
 */
export function PriceForm({ onSet, currency }: { onSet: () => void; currency: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const clusters = useClusters();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const [example, setExample] = useState({ cpus: 4, memGiB: 16, gpus: 0, hours: 10 });
  const [preview, setPreview] = useState<{
    cost: string | null;
    stops: string[];
    error: string | null;
  }>();
  const partitions = clusters.data?.find((k) => k.name === values?.cluster)?.partitions ?? [];
  const body = (v: Values) => ({
    cluster: v.cluster ?? "",
    partition: v.partition ?? "",
    ...(v.qos ? { qos: v.qos } : {}),
    ...(v.tenant ? { tenant: v.tenant } : {}),
    effectiveFrom: (v.from ?? dayjs()).toISOString(),
    cpuHour: v.cpuHour || "0",
    memGiBHour: v.memGiBHour || "0",
    gpuHour: gpuRates(v.gpuHour ?? ""),
    mode: v.mode ?? "sum",
    minCharge: v.minCharge || "0",
  });
  useEffect(() => {
    if (!values?.cluster || !values.partition) return;
    const timer = setTimeout(() => {
      data(api.POST("/api/v1/prices/check", { body: { ...body(values), example } }))
        .then((r) =>
          setPreview({ cost: r.exampleCost, stops: r.accountsWithoutMoney, error: null }),
        )
        .catch((e: Error) => setPreview({ cost: null, stops: [], error: e.message }));
    }, 250);
    return () => clearTimeout(timer);
    // asked again when the form or the example changes
  }, [JSON.stringify(values), JSON.stringify(example)]);
  const submit = async (v: Values) => {
    const go = async () => {
      try {
        await data(api.POST("/api/v1/prices", { body: body(v) }));
        void message.success(t("prices.set", { where: `${v.cluster}/${v.partition}` }));
        onSet();
      } catch (e) {
        void message.error((e as Error).message);
      }
    };
    if (preview?.stops.length)
      modal.confirm({
        title: t("prices.stopsTitle"),
        content: t("prices.stops", { accounts: preview.stops.join(", ") }),
        okText: t("prices.setAnyway"),
        cancelText: t("files.cancel"),
        onOk: go,
      });
    else await go();
  };
  return (
    <Panel title={t("prices.new")}>
      <Form<Values>
        form={form}
        layout="inline"
        onFinish={(v) => void submit(v)}
        initialValues={{
          from: dayjs().add(1, "hour").startOf("hour"),
          cpuHour: "0.1",
          memGiBHour: "0",
          gpuHour: "",
          mode: "sum",
          minCharge: "0",
        }}
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name="cluster"
          label={t("prices.cluster")}
          rules={[{ required: true, message: t("prices.needCluster") }]}
        >
          <Select
            style={{ width: 140 }}
            options={(clusters.data ?? []).map((k) => ({ value: k.name, label: k.name }))}
            onChange={() => form.setFieldValue("partition", undefined)}
          />
        </Form.Item>
        <Form.Item
          name="partition"
          label={t("prices.partition")}
          rules={[{ required: true, message: t("prices.needPartition") }]}
        >
          <Select
            style={{ width: 140 }}
            options={partitions.map((p) => ({ value: p.name, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="qos" label={t("prices.qos")}>
          <Input placeholder={t("prices.allQos")} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="tenant" label={t("prices.tenant")}>
          <Input placeholder={t("prices.allTenants")} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="from" label={t("prices.from")}>
          <DatePicker showTime allowClear={false} />
        </Form.Item>
        <Form.Item name="cpuHour" label={t("prices.cpuHour")}>
          <Input style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="memGiBHour" label={t("prices.memGiBHour")}>
          <Input style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="gpuHour" label={t("prices.gpuHour")}>
          <Input placeholder="a100=2.5, *=2" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="mode" label={t("prices.mode")}>
          <Select
            style={{ width: 170 }}
            options={[
              { value: "sum", label: t("prices.sum") },
              { value: "max", label: t("prices.max") },
            ]}
          />
        </Form.Item>
        <Form.Item name="minCharge" label={t("prices.minCharge")}>
          <Input style={{ width: 90 }} />
        </Form.Item>
      </Form>
      <Space wrap style={{ marginTop: 12 }}>
        <Typography.Text strong>{t("prices.example")}</Typography.Text>
        {(["cpus", "memGiB", "gpus", "hours"] as const).map((k) => (
          <label key={k}>
            {t(`prices.ex.${k}`)}{" "}
            <InputNumber
              aria-label={t(`prices.ex.${k}`)}
              min={0}
              value={example[k]}
              onChange={(v) => setExample({ ...example, [k]: Number(v ?? 0) })}
              style={{ width: 80 }}
            />
          </label>
        ))}
      </Space>
      <div role="status" style={{ marginTop: 12 }}>
        {preview?.error && <Alert type="error" showIcon title={preview.error} />}
        {preview?.cost && (
          <Typography.Paragraph>
            {t("prices.wouldCost", { ...example, cost: preview.cost, currency })}
          </Typography.Paragraph>
        )}
        {!!preview?.stops.length && (
          <Alert
            type="warning"
            showIcon
            title={t("prices.stops", { accounts: preview.stops.join(", ") })}
          />
        )}
      </div>
      <Button type="primary" style={{ marginTop: 12 }} onClick={() => form.submit()}>
        {t("prices.setButton")}
      </Button>
    </Panel>
  );
}
