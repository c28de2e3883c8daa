import { Alert, App, Button, Select, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, data } from "../api";

/** The twelve months up to this one, newest first. */
const MONTHS = Array.from({ length: 12 }, (_, i) => dayjs().subtract(i, "month").format("YYYY-MM"));

/**
 * A month's statement of a tenant or an account: opened as the API's printable page,
 * downloaded as CSV, or sent by e-mail to the people who pay (the API's words if not).
 */
export function StatementsPanel({ tenants, accounts }: { tenants: string[]; accounts: string[] }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [month, setMonth] = useState(MONTHS[0]!);
  const [of, setOf] = useState<string | undefined>(
    tenants[0] ? `tenant:${tenants[0]}` : accounts[0] ? `account:${accounts[0]}` : undefined,
  );
  const [error, setError] = useState<string | null>(null);
  const [kind, name] = (of ?? ":").split(":") as ["tenant" | "account", string];
  const query = { [kind]: name, month };
  const link = (format: "html" | "csv") =>
    `/api/v1/statements?${new URLSearchParams({ ...query, format, lang: i18n.language === "zh" ? "zh" : "en" })}`;
  const send = async () => {
    setError(null);
    try {
      const r = await data(
        api.POST("/api/v1/statements/send", {
          body: { ...query, lang: i18n.language === "zh" ? "zh" : "en" },
        }),
      );
      void message.success(t("finance.sent", { to: r.sentTo.join(", ") }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Space orientation="vertical">
      <Space wrap>
        <Select
          aria-label={t("finance.month")}
          value={month}
          onChange={setMonth}
          style={{ width: 120 }}
          options={MONTHS.map((m) => ({ value: m, label: m }))}
        />
        <Select
          showSearch
          aria-label={t("finance.of")}
          value={of}
          onChange={setOf}
          style={{ width: 260 }}
          options={[
            ...tenants.map((x) => ({ value: `tenant:${x}`, label: `${t("finance.tenant")} ${x}` })),
            ...accounts.map((x) => ({
              value: `account:${x}`,
              label: `${t("finance.account")} ${x}`,
            })),
          ]}
        />
      </Space>
      {of && (
        <Space>
          <Typography.Link href={link("html")} target="_blank" rel="noreferrer">
            {t("finance.open")}
          </Typography.Link>
          <Typography.Link href={link("csv")} download>
            {t("finance.csv")}
          </Typography.Link>
          <Button onClick={() => void send()}>{t("finance.send")}</Button>
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}
