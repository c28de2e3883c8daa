import { useQueryClient } from "@tanstack/react-query";
import { Card, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { PasswordForm } from "../parts/PasswordForm";

/** A password someone else chose (the first admin's, a reset) is changed before anything else. */
export default function ChangePassword() {
  const { t } = useTranslation();
  const queries = useQueryClient();
  return (
    <main style={{ display: "grid", placeItems: "center", minHeight: "100vh" }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t("password.title")}
        </Typography.Title>
        <Typography.Paragraph>{t("password.why")}</Typography.Paragraph>
        <PasswordForm block onChanged={() => queries.invalidateQueries({ queryKey: ["whoami"] })} />
      </Card>
    </main>
  );
}
