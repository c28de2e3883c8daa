import { Alert, Button, Form, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, data } from "../api";

/**
 * Changing one's password (the current one given): on the profile page, and before anything
 * else when someone else chose it. The API's refusal is shown in its words.
 */
export function PasswordForm({ onChanged, block }: { onChanged: () => unknown; block?: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ current: string; password: string }>();
  const [error, setError] = useState<string | null>(null);
  const change = async (v: { current: string; password: string }) => {
    setError(null);
    try {
      await data(api.POST("/api/v1/auth/password", { body: v }));
      form.resetFields();
      await onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void change(v)}>
      {error && (
        <Alert type="error" title={error} showIcon role="alert" style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="current" label={t("password.current")} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="password" label={t("password.new")} rules={[{ required: true }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type={block ? "primary" : "default"} htmlType="submit" block={block}>
        {t("password.submit")}
      </Button>
    </Form>
  );
}
