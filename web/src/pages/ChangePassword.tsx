import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, data } from "../api";

/** A password someone else chose (the first admin's, a reset) is changed before anything else. */
export default function ChangePassword() {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { current: string; password: string }) => {
    try {
      await data(api.POST("/api/v1/auth/password", { body: v }));
      await queries.invalidateQueries({ queryKey: ["whoami"] });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <main style={{ display: "grid", placeItems: "center", minHeight: "100vh" }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3}>{t("password.title")}</Typography.Title>
        <Typography.Paragraph>{t("password.why")}</Typography.Paragraph>
        {error && <Alert type="error" title={error} showIcon role="alert" />}
        <Form layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="current" label={t("password.current")} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="password" label={t("password.new")} rules={[{ required: true }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            {t("password.submit")}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
