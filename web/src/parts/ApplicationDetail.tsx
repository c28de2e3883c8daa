import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, data } from "../api";
import { STATE_COLOR, when } from "../jobs";
import { ApplicationForm, fieldsOf, requestOf, type Fields } from "./ApplicationForm";
import { limitsText } from "./LimitsForm";

type Application = components["schemas"]["ApplicationView"];
type Decision = "approve" | "reject" | "changes";

export const APPLICATION_COLOR: Record<Application["state"], string> = {
  pending: STATE_COLOR.PENDING!,
  changes: STATE_COLOR.TIMEOUT!,
  approved: STATE_COLOR.COMPLETED!,
  rejected: STATE_COLOR.FAILED!,
};

/** What an application asks, in words. */
function Asked({ a }: { a: Application }) {
  const { t, i18n } = useTranslation();
  const r = a.request as Record<string, unknown>;
  const items = [
    { key: "kind", label: t("applications.kind"), children: t(`applications.kinds.${a.kind}`) },
    { key: "account", label: t("applications.account"), children: a.account },
    ...(a.kind === "account"
      ? [
          { key: "title", label: t("applications.titleField"), children: String(r.title) },
          {
            key: "field",
            label: t("applications.field"),
            children: t(`applications.fields.${String(r.field)}`),
          },
          { key: "pi", label: t("applications.pi"), children: String(r.pi) },
          {
            key: "members",
            label: t("applications.members"),
            children: (r.members as string[]).join(", ") || "—",
          },
          {
            key: "clusters",
            label: t("applications.clusters"),
            children: (r.clusters as string[]).join(", ") || "—",
          },
        ]
      : []),
    { key: "purpose", label: t("applications.purpose"), children: String(r.purpose) },
    ...(a.kind === "limits"
      ? [
          {
            key: "limits",
            label: t("applications.limits"),
            children: limitsText(r.limits as never, t),
          },
        ]
      : [
          { key: "core", label: t("applications.coreHours"), children: String(r.coreHours ?? 0) },
          { key: "gpu", label: t("applications.gpuHours"), children: String(r.gpuHours ?? 0) },
          {
            key: "ends",
            label: t("applications.endsAt"),
            children: when(r.endsAt as string | undefined, i18n.language),
          },
        ]),
    {
      key: "applicant",
      label: t("applications.applicant"),
      children: `${a.applicant} (${a.tenant})`,
    },
  ];
  return <Descriptions column={1} size="small" bordered items={items} />;
}

/**
 * One application: what it asks and its state; its applicant changes it while it is open;
 * its tenant's admins approve it (as edited here), reject it or ask for changes, with a note.
 */
export function ApplicationDetail({
  a,
  decide,
  own,
  accounts,
  onClose,
}: {
  a: Application;
  /** The asker may decide it (an admin of its tenant, not its applicant). */
  decide: boolean;
  /** The asker applied (and may change it while open). */
  own: boolean;
  accounts: string[];
  onClose: (changed: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [mode, setMode] = useState<"view" | "edit" | "approve">("view");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const path = { params: { path: { id: String(a.id) } } };
  const send = async (decision: Decision, request?: Record<string, unknown>) => {
    setError(null);
    try {
      const r = await data(
        api.POST("/api/v1/applications/{id}/decision", {
          ...path,
          body: {
            decision,
            ...(note.trim() ? { note: note.trim() } : {}),
            ...(request ? { request: request as never } : {}),
          },
        }),
      );
      void message.success(
        t("applications.decided", { number: r.number, state: t(`applications.states.${r.state}`) }),
      );
      onClose(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const resubmit = async (v: Fields) => {
    setError(null);
    try {
      await data(api.PUT("/api/v1/applications/{id}", { ...path, body: requestOf(v) as never }));
      void message.success(t("applications.submitted", { number: a.number }));
      onClose(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Drawer open size="large" title={`${a.number} · ${a.title}`} onClose={() => onClose(false)}>
      <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
        <Space>
          <Tag color={APPLICATION_COLOR[a.state]}>{t(`applications.states.${a.state}`)}</Tag>
          {a.decidedBy && (
            <Typography.Text>
              {t("applications.decidedBy", {
                by: a.decidedBy,
                at: when(a.decidedAt, i18n.language),
              })}
            </Typography.Text>
          )}
        </Space>
        {a.note && (
          <Alert type={a.state === "approved" ? "success" : "warning"} showIcon title={a.note} />
        )}
        {error && <Alert type="error" showIcon title={error} />}
        {mode === "view" && <Asked a={a} />}
        {mode !== "view" && (
          <>
            {mode === "approve" && (
              <Alert type="info" showIcon title={t("applications.approveWhat")} />
            )}
            <ApplicationForm
              form={form}
              initial={fieldsOf(a.request)}
              accounts={accounts.includes(a.account) ? accounts : [...accounts, a.account]}
              fixedKind
              onFinish={(v) =>
                void (mode === "approve" ? send("approve", requestOf(v)) : resubmit(v))
              }
            />
          </>
        )}
        {decide && a.state === "pending" && (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Input.TextArea
              aria-label={t("applications.noteNeeded")}
              placeholder={t("applications.noteNeeded")}
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Space wrap>
              {mode === "approve" ? (
                <Button type="primary" onClick={() => form.submit()}>
                  {t("applications.approve")}
                </Button>
              ) : (
                <Button type="primary" onClick={() => setMode("approve")}>
                  {t("applications.approve")}…
                </Button>
              )}
              <Button onClick={() => void send("changes")}>{t("applications.askChanges")}</Button>
              <Button danger onClick={() => void send("reject")}>
                {t("applications.reject")}
              </Button>
            </Space>
          </Space>
        )}
        {own &&
          (a.state === "changes" || a.state === "pending") &&
          (mode === "edit" ? (
            <Button type="primary" onClick={() => form.submit()}>
              {t("applications.resubmit")}
            </Button>
          ) : (
            <Button onClick={() => setMode("edit")}>{t("applications.edit")}</Button>
          ))}
      </Space>
    </Drawer>
  );
}
