import { Alert, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * A step that stops people (blocking an account, disabling a tenant) asks why first: they
 * read the reason when their jobs are refused. The API's refusal shows here, in its words.
 */
export function ReasonDialog({
  title,
  okText,
  what,
  send,
  onClose,
}: {
  title: string;
  okText: string;
  what: string;
  send: (reason: string) => Promise<unknown>;
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const ok = async () => {
    try {
      await send(reason);
      onClose(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger: true }}
      cancelText={t("files.cancel")}
      onOk={() => void ok()}
      onCancel={() => onClose(false)}
    >
      <Typography.Paragraph>{what}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Input.TextArea
        aria-label={t("accounts.why")}
        placeholder={t("accounts.why")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={3}
      />
    </Modal>
  );
}
