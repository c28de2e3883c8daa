import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Progress, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api, data } from "../api";
import { bytesText } from "../bytes";
import { when } from "../jobs";
import { STORAGE_KEY, useStorage } from "../queries";
import { Panel } from "./Panel";

/**
 * My home's and my accounts' project folders' storage, as last counted: a bar against the
 * quota (hard, else soft), and what being over it means. Counting again is one click.
 */
export function StoragePanel() {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const storage = useStorage();
  const scan = useMutation({
    mutationFn: () => data(api.POST("/api/v1/storage/scan", { body: {} })),
    onSuccess: (items) => queries.setQueryData(STORAGE_KEY, items),
  });
  if (!storage.data?.length) return null;
  return (
    <Panel
      title={t("storage.title")}
      extra={
        <Button size="small" loading={scan.isPending} onClick={() => scan.mutate()}>
          {t("storage.countNow")}
        </Button>
      }
    >
      {scan.error && <Alert type="error" showIcon title={scan.error.message} />}
      <Space orientation="vertical" style={{ width: "100%" }}>
        {storage.data.map((s) => {
          const name =
            s.kind === "user" ? t("storage.home") : t("storage.account", { name: s.name });
          const limit = s.quota?.hardBytes ?? s.quota?.softBytes ?? null;
          const used = s.bytes === null ? null : bytesText(s.bytes);
          return (
            <div key={`${s.kind}:${s.name}`}>
              <Typography.Text strong>{name}</Typography.Text>{" "}
              <Typography.Text type="secondary">{s.path}</Typography.Text>
              {used === null ? (
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {t("storage.never")}
                </Typography.Paragraph>
              ) : (
                <>
                  {limit ? (
                    <Progress
                      aria-label={t("storage.usageOf", { name })}
                      percent={Math.min(100, Math.round((100 * s.bytes!) / limit))}
                      status={s.over === "hard" ? "exception" : "normal"}
                      strokeColor={s.over === "soft" ? "#d48806" : undefined}
                      format={() => t("storage.of", { used, limit: bytesText(limit) })}
                    />
                  ) : null}
                  <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                    {t("storage.used", { used, files: s.files })} ·{" "}
                    {!limit && `${t("storage.noQuota")} · `}
                    {t("storage.counted", { when: when(s.takenAt!, i18n.language) })}
                  </Typography.Paragraph>
                </>
              )}
              {s.over === "soft" && <Alert type="warning" showIcon title={t("storage.overSoft")} />}
              {s.over === "hard" && <Alert type="error" showIcon title={t("storage.overHard")} />}
              {s.unreadable > 0 && (
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {t("storage.unreadable", { count: s.unreadable })}
                </Typography.Paragraph>
              )}
            </div>
          );
        })}
      </Space>
    </Panel>
  );
}
