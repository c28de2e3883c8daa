import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Table,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components, paths } from "../../../src/client/api-types";
import { api, data } from "../api";
import { when } from "../jobs";
import { PageTitle } from "../parts/PageTitle";
import { PasswordForm } from "../parts/PasswordForm";
import { useWhoami } from "../session";

type Token =
  paths["/api/v1/tokens"]["get"]["responses"]["200"]["content"]["application/json"]["tokens"][number];
type Profile = components["schemas"]["ProfileView"];
const JOB_MAILS: Profile["jobMail"] = ["BEGIN", "END", "FAIL"];

/** API tokens: made with a name and a lifetime, their secret shown once, revoked one by one. */
function Tokens() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [made, setMade] = useState<string | null>(null);
  const tokens = useQuery({
    queryKey: ["tokens"],
    queryFn: async () => (await data(api.GET("/api/v1/tokens"))).tokens,
  });
  const create = async (v: { name: string; days?: number }) => {
    try {
      const r = await data(
        api.POST("/api/v1/tokens", {
          body: { name: v.name, ...(v.days ? { expiresInDays: v.days } : {}) },
        }),
      );
      setMade(r.token);
      await queries.invalidateQueries({ queryKey: ["tokens"] });
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const revoke = async (id: number) => {
    try {
      await data(api.DELETE("/api/v1/tokens/{id}", { params: { path: { id: String(id) } } }));
      await queries.invalidateQueries({ queryKey: ["tokens"] });
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Card title={t("profile.tokens")}>
      <Typography.Paragraph>{t("profile.tokensWhy")}</Typography.Paragraph>
      <Form layout="inline" onFinish={(v) => void create(v)} style={{ marginBottom: 16 }}>
        <Form.Item
          name="name"
          label={t("profile.tokenName")}
          rules={[{ required: true, message: t("profile.tokenNameNeeded") }]}
        >
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="days" label={t("profile.tokenDays")}>
          <InputNumber min={1} style={{ width: 90 }} />
        </Form.Item>
        <Button htmlType="submit">{t("profile.tokenCreate")}</Button>
      </Form>
      {made && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setMade(null) }}
          title={t("profile.tokenOnce")}
          description={
            <Typography.Text code copyable data-testid="new-token">
              {made}
            </Typography.Text>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<Token>
        size="small"
        rowKey="id"
        loading={tokens.isPending}
        pagination={false}
        dataSource={(tokens.data ?? []).filter((x) => x.kind === "api")}
        locale={{ emptyText: t("profile.noTokens") }}
        columns={[
          { title: t("profile.tokenName"), dataIndex: "name" },
          { title: t("profile.created"), render: (_, x) => when(x.createdAt, i18n.language) },
          {
            title: t("profile.expires"),
            render: (_, x) => (x.expiresAt ? when(x.expiresAt, i18n.language) : t("profile.never")),
          },
          {
            title: "",
            render: (_, x) =>
              x.revokedAt ? (
                t("profile.revoked")
              ) : (
                <Button size="small" danger onClick={() => void revoke(x.id)}>
                  {t("profile.revoke")}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

/** The password, changed by giving the current one; other sessions and tokens end. */
function Password() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Card title={t("password.submit")}>
      <PasswordForm onChanged={() => message.success(t("profile.passwordChanged"))} />
    </Card>
  );
}

/** E-mail and the job mails one gets for jobs that name none. */
function Mail({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const save = async (v: { email?: string; jobMail: Profile["jobMail"] }) => {
    try {
      const r = await data(
        api.PATCH("/api/v1/profile", { body: { email: v.email || null, jobMail: v.jobMail } }),
      );
      queries.setQueryData(["profile"], r);
      void message.success(t("profile.saved"));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Card title={t("profile.mail")}>
      <Form
        layout="vertical"
        initialValues={{ email: profile.email ?? "", jobMail: profile.jobMail }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="email" label={t("profile.email")}>
          <Input type="email" autoComplete="email" />
        </Form.Item>
        <Form.Item name="jobMail" label={t("profile.jobMail")} extra={t("profile.jobMailHelp")}>
          <Checkbox.Group
            options={JOB_MAILS.map((m) => ({ value: m, label: t(`submit.mails.${m}`) }))}
          />
        </Form.Item>
        <Button htmlType="submit">{t("profile.save")}</Button>
      </Form>
    </Card>
  );
}

/** My profile: who I am on the center's machines, my mail, my password, my API tokens. */
export default function ProfilePage() {
  const { t } = useTranslation();
  const who = useWhoami();
  const profile = useQuery({
    queryKey: ["profile"],
    queryFn: () => data(api.GET("/api/v1/profile")),
  });
  const posix = who.data?.posix;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <PageTitle text={t("profile.title")} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t("profile.identity")}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t("signIn.username")}>{who.data?.user}</Descriptions.Item>
              <Descriptions.Item label={t("profile.tenant")}>{who.data?.tenant}</Descriptions.Item>
              <Descriptions.Item label={t("profile.unixUser")}>
                {posix
                  ? `${posix.name} (uid ${posix.uid ?? "—"}, gid ${posix.gid ?? "—"})`
                  : t("profile.noUnix")}
              </Descriptions.Item>
              <Descriptions.Item label={t("profile.home")}>{posix?.home ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={t("profile.accounts")}>
                {(who.data?.accounts ?? [])
                  .map((a) => `${a.name} (${t(`profile.roles.${a.role}`)})`)
                  .join(", ") || "—"}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          {profile.data && <Mail profile={profile.data} />}
        </Col>
        <Col xs={24} xl={12}>
          {profile.data?.source === "local" ? (
            <Password />
          ) : (
            <Card title={t("password.submit")}>{t("profile.passwordElsewhere")}</Card>
          )}
        </Col>
        <Col xs={24} xl={12}>
          <Tokens />
        </Col>
      </Row>
    </Space>
  );
}
