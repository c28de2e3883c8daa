import { Button, Form, Input, InputNumber, Space } from "antd";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { duration } from "../jobs";

type Limits = components["schemas"]["AccountLimits"];
const COUNTS = ["maxRunningJobs", "maxSubmitJobs", "maxCpus", "maxGpus"] as const;

interface Fields {
  maxRunningJobs?: number | null;
  maxSubmitJobs?: number | null;
  maxCpus?: number | null;
  maxGpus?: number | null;
  maxTimeLimit?: string;
}

/** What the API takes: every limit named, null where the field is empty (which lifts it). */
export type LimitsBody = {
  [K in keyof Limits]: K extends "maxTimeLimit" ? string | null : number | null;
};

/**
 * An account's or a member's limits (jobs, cores, GPUs at once; the longest time limit, as
 * Slurm writes it). An empty field is no limit; the server reads the time and says what is
 * wrong with it.
 */
export function LimitsForm({
  limits,
  onSave,
  busy,
}: {
  limits: Limits;
  onSave: (body: LimitsBody) => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const initial: Fields = {
    ...Object.fromEntries(COUNTS.map((k) => [k, limits[k] ?? null])),
    maxTimeLimit: limits.maxTimeLimit ? duration(limits.maxTimeLimit) : "",
  };
  return (
    <Form<Fields>
      layout="vertical"
      initialValues={initial}
      onFinish={(v) =>
        onSave({
          ...(Object.fromEntries(COUNTS.map((k) => [k, v[k] ?? null])) as Omit<
            LimitsBody,
            "maxTimeLimit"
          >),
          maxTimeLimit: v.maxTimeLimit?.trim() ? v.maxTimeLimit.trim() : null,
        })
      }
    >
      <Space wrap align="end">
        {COUNTS.map((k) => (
          <Form.Item key={k} name={k} label={t(`accounts.${k}`)}>
            <InputNumber min={0} placeholder={t("accounts.noLimit")} style={{ width: 160 }} />
          </Form.Item>
        ))}
        <Form.Item name="maxTimeLimit" label={t("accounts.maxTimeLimit")}>
          <Input placeholder={t("accounts.noLimit")} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={busy}>
            {t("accounts.save")}
          </Button>
        </Form.Item>
      </Space>
    </Form>
  );
}

/** Limits in a few words: "64 cores · 2-00:00:00", or "no limit". */
export function limitsText(l: Limits, t: (k: string) => string): string {
  const parts = [
    ...COUNTS.filter((k) => l[k] !== undefined).map((k) => `${t(`accounts.${k}`)} ${l[k]}`),
    ...(l.maxTimeLimit ? [`${t("accounts.maxTime")} ${duration(l.maxTimeLimit)}`] : []),
  ];
  return parts.length ? parts.join(" · ") : t("accounts.noLimit");
}
