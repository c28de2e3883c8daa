import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Divider, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, data } from "../api";
import { LanguageSwitch } from "../parts/LanguageSwitch";

/**
 * Password sign-in (local and LDAP users alike), and single sign-on when the center has an
 * OpenID provider; the API's refusals (lockout, throttling) shown in its words.
 */
export default function SignIn() {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const methods = useQuery({
    queryKey: ["sign-in-methods"],
    queryFn: () => data(api.GET("/api/v1/auth/methods")),
  });
  const sso = methods.data?.sso;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await data(api.POST("/api/v1/auth/session", { body: v }));
      await queries.invalidateQueries({ queryKey: ["whoami"] });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main
      style={{ display: "grid", placeItems: "center", minHeight: "100vh", background: "#f5f5f5" }}
    >
      <Card style={{ width: 380 }}>
        <LanguageSwitch style={{ float: "right" }} />
        <Typography.Title level={1} style={{ fontSize: 26 }}>
          光 Guang
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("signIn.welcome")}</Typography.Paragraph>
        {error && (
          <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" />
        )}
        <Form layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t("signIn.username")}
            rules={[{ required: true, message: t("signIn.usernameNeeded") }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("signIn.password")}
            rules={[{ required: true, message: t("signIn.passwordNeeded") }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t("signIn.submit")}
          </Button>
        </Form>
        {sso && (
          <>
            <Divider plain>{t("signIn.or")}</Divider>
            {/* a plain link: the provider's pages are a navigation away, and back to / */}
            <Button block href={sso.login} data-testid="sso">
              {sso.name ? t("signIn.ssoNamed", { name: sso.name }) : t("signIn.sso")}
            </Button>
          </>
        )}
      </Card>
    </main>
  );
}
