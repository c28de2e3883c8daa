import { Alert, Form, Input, InputNumber, Modal, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, data } from "../api";

type User = components["schemas"]["UserView"];
const ROLES = ["center-admin", "center-finance", "tenant-admin", "tenant-finance"];

interface Fields {
  roles: string[];
  email?: string;
  unix?: string;
  uid?: number | null;
  gid?: number | null;
  home?: string;
}

/**
 * A user's roles, e-mail and POSIX identity, changed by an admin (a tenant's admin gives
 * tenant roles only; the API judges, and says why it refuses, e.g. a UID already taken).
 */
export function UserEditDialog({
  user,
  center,
  onClose,
}: {
  user: User;
  center: boolean;
  onClose: (saved?: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: Fields) => {
    setError(null);
    const unix = v.unix?.trim();
    try {
      await data(
        api.PATCH("/api/v1/users/{name}", {
          params: { path: { name: user.username } },
          body: {
            roles: v.roles,
            email: v.email?.trim() || null,
            posix: unix
              ? {
                  name: unix,
                  ...(v.uid != null ? { uid: v.uid } : {}),
                  ...(v.gid != null ? { gid: v.gid } : {}),
                  ...(v.home?.trim() ? { home: v.home.trim() } : {}),
                }
              : null,
          },
        }),
      );
      onClose(t("userEdit.saved", { name: user.username }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={t("userEdit.title", { name: user.username })}
      okText={t("accounts.save")}
      cancelText={t("files.cancel")}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
    >
      <Form<Fields>
        form={form}
        layout="vertical"
        initialValues={{
          roles: user.roles,
          email: user.email ?? "",
          unix: user.posix?.name ?? "",
          uid: user.posix?.uid ?? null,
          gid: user.posix?.gid ?? null,
          home: user.posix?.home ?? "",
        }}
        onFinish={(v) => void submit(v)}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="roles" label={t("users.roles")}>
          <Select
            mode="multiple"
            aria-label={t("users.roles")}
            options={ROLES.filter((r) => center || r.startsWith("tenant")).map((r) => ({
              value: r,
              label: r,
            }))}
          />
        </Form.Item>
        <Form.Item name="email" label={t("users.email")}>
          <Input />
        </Form.Item>
        <Form.Item name="unix" label={t("users.unix")}>
          <Input placeholder={t("userEdit.noUnix")} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="uid" label={t("userEdit.uid")}>
            <InputNumber min={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="gid" label={t("userEdit.gid")}>
            <InputNumber min={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="home" label={t("userEdit.home")}>
            <Input style={{ width: 220 }} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
