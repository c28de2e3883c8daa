import {
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  type FormInstance,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { paths } from "../../../src/client/api-types";
import { duration } from "../jobs";
import { useClusters } from "../queries";

type Kind = "account" | "extend" | "limits";
type ApplyBody = NonNullable<
  paths["/api/v1/applications"]["post"]["requestBody"]
>["content"]["application/json"];
type Field = Extract<ApplyBody, { kind: "account" }>["field"];
// the API's fields of research (the compiler checks both ways that this list is theirs)
const FIELDS = [
  "life-sciences",
  "medical",
  "environment",
  "ai",
  "physics",
  "chemistry",
  "materials",
  "engineering",
  "earth",
  "other",
] as const satisfies readonly Field[];
const everyField: [Exclude<Field, (typeof FIELDS)[number]>] extends [never] ? true : false = true;
void everyField;
const LIMITS = ["maxRunningJobs", "maxSubmitJobs", "maxCpus", "maxGpus"] as const;

/** The form's fields: what the API's request says, with the period as a date. */
export interface Fields {
  kind: Kind;
  name?: string;
  account?: string;
  title?: string;
  purpose?: string;
  field?: string;
  pi?: string;
  members?: string[];
  clusters?: string[];
  coreHours?: number;
  gpuHours?: number;
  ends?: Dayjs;
  maxRunningJobs?: number;
  maxSubmitJobs?: number;
  maxCpus?: number;
  maxGpus?: number;
  maxTimeLimit?: string;
}

/** The API's request from the form (only what the kind asks for). */
export function requestOf(v: Fields): Record<string, unknown> {
  const period = v.ends ? { endsAt: v.ends.endOf("day").toISOString() } : {};
  const hours = { coreHours: v.coreHours ?? 0, gpuHours: v.gpuHours ?? 0, ...period };
  if (v.kind === "account")
    return {
      kind: "account",
      name: v.name?.trim(),
      title: v.title?.trim(),
      purpose: v.purpose?.trim(),
      field: v.field,
      pi: v.pi?.trim(),
      members: v.members ?? [],
      clusters: v.clusters ?? [],
      ...hours,
    };
  if (v.kind === "extend")
    return { kind: "extend", account: v.account, purpose: v.purpose?.trim(), ...hours };
  const limits = Object.fromEntries(
    [
      ...LIMITS.map((k) => [k, v[k]] as const),
      ["maxTimeLimit", v.maxTimeLimit?.trim() || undefined] as const,
    ].filter(([, x]) => x !== undefined && x !== null),
  );
  return { kind: "limits", account: v.account, purpose: v.purpose?.trim(), limits };
}

/** The form's fields from a stored request (to change it, or to approve it as edited). */
export function fieldsOf(r: Record<string, unknown>): Fields {
  const limits = (r.limits ?? {}) as Record<string, number | string>;
  return {
    ...(r as unknown as Fields),
    ...(typeof r.endsAt === "string" ? { ends: dayjs(r.endsAt) } : {}),
    ...limits,
    ...(typeof limits.maxTimeLimit === "number"
      ? { maxTimeLimit: duration(limits.maxTimeLimit) }
      : {}),
  } as Fields;
}

/**
 * What an application asks, as a form: a new account (title, purpose, field, PI, members,
 * clusters, hours, until when), more hours for an account, or higher limits. Used to apply,
 * to change an application, and by the admin to approve it as edited.
 */
export function ApplicationForm({
  form,
  initial,
  accounts,
  fixedKind,
  onFinish,
}: {
  form: FormInstance<Fields>;
  initial?: Fields;
  /** The accounts the applicant manages (for more hours or limits). */
  accounts: string[];
  fixedKind?: boolean;
  onFinish: (v: Fields) => void;
}) {
  const { t } = useTranslation();
  const clusters = useClusters();
  const kind = Form.useWatch("kind", form) ?? initial?.kind ?? "account";
  const needed = [{ required: true, message: t("applications.needed") }];
  return (
    <Form<Fields>
      form={form}
      layout="vertical"
      initialValues={initial ?? { kind: "account", members: [], clusters: [] }}
      onFinish={onFinish}
    >
      <Form.Item name="kind" label={t("applications.kind")}>
        <Radio.Group disabled={fixedKind}>
          {(["account", "extend", "limits"] as const).map((k) => (
            <Radio.Button key={k} value={k} disabled={k !== "account" && !accounts.length}>
              {t(`applications.kinds.${k}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {kind === "account" ? (
        <>
          <Form.Item name="title" label={t("applications.titleField")} rules={needed}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label={t("applications.accountName")} rules={needed}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="field" label={t("applications.field")} rules={needed}>
              <Select
                aria-label={t("applications.field")}
                style={{ width: 220 }}
                options={FIELDS.map((f) => ({ value: f, label: t(`applications.fields.${f}`) }))}
              />
            </Form.Item>
            <Form.Item name="pi" label={t("applications.pi")} rules={needed}>
              <Input style={{ width: 260 }} />
            </Form.Item>
          </Space>
          <Form.Item name="members" label={t("applications.members")}>
            <Select mode="tags" aria-label={t("applications.members")} open={false} />
          </Form.Item>
          <Form.Item name="clusters" label={t("applications.clusters")}>
            <Select
              mode="multiple"
              aria-label={t("applications.clusters")}
              options={(clusters.data ?? []).map((c) => ({ value: c.name, label: c.name }))}
            />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="account" label={t("applications.account")} rules={needed}>
          <Select
            aria-label={t("applications.account")}
            options={accounts.map((a) => ({ value: a, label: a }))}
          />
        </Form.Item>
      )}
      <Form.Item name="purpose" label={t("applications.purpose")} rules={needed}>
        <Input.TextArea rows={3} />
      </Form.Item>
      {kind === "limits" ? (
        <Space wrap>
          {LIMITS.map((k) => (
            <Form.Item key={k} name={k} label={t(`accounts.${k}`)}>
              <InputNumber min={0} style={{ width: 150 }} />
            </Form.Item>
          ))}
          <Form.Item name="maxTimeLimit" label={t("accounts.maxTimeLimit")}>
            <Input style={{ width: 220 }} />
          </Form.Item>
        </Space>
      ) : (
        <Space wrap>
          <Form.Item name="coreHours" label={t("applications.coreHours")}>
            <InputNumber min={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="gpuHours" label={t("applications.gpuHours")}>
            <InputNumber min={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="ends" label={t("applications.endsAt")}>
            <DatePicker aria-label={t("applications.endsAt")} />
          </Form.Item>
        </Space>
      )}
    </Form>
  );
}
