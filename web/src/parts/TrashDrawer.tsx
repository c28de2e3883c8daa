import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Drawer, Popconfirm, Table } from "antd";
import { useTranslation } from "react-i18next";
import { api, data } from "../api";
import { when } from "../jobs";

/** What the user deleted, kept for the center's days: put back, or emptied for good. */
export function TrashDrawer({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const trash = useQuery({
    queryKey: ["trash"],
    queryFn: () => data(api.GET("/api/v1/files/trash")),
  });
  const after = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      void message.success(done);
    } catch (e) {
      void message.error((e as Error).message);
    }
    await queries.invalidateQueries({ queryKey: ["trash"] });
    await queries.invalidateQueries({ queryKey: ["files"] });
  };
  return (
    <Drawer
      open
      size="large"
      title={t("files.trash")}
      onClose={onClose}
      extra={
        <Popconfirm
          title={t("files.sureEmpty")}
          okText={t("files.empty")}
          cancelText={t("files.keep")}
          onConfirm={() => after(() => data(api.DELETE("/api/v1/files/trash")), t("files.emptied"))}
        >
          <Button danger disabled={!trash.data?.length}>
            {t("files.emptyTrash")}
          </Button>
        </Popconfirm>
      }
    >
      {trash.error && <Alert type="error" showIcon title={trash.error.message} />}
      <Table
        size="small"
        rowKey="id"
        loading={trash.isPending}
        dataSource={trash.data ?? []}
        locale={{ emptyText: t("files.trashEmpty") }}
        pagination={false}
        columns={[
          { title: t("files.was"), dataIndex: "path" },
          { title: t("files.deletedAt"), render: (_, r) => when(r.deleted, i18n.language) },
          { title: t("files.keptUntil"), render: (_, r) => when(r.until, i18n.language) },
          {
            title: "",
            render: (_, r) => (
              <Button
                size="small"
                onClick={() =>
                  void after(
                    () => data(api.POST("/api/v1/files/trash/restore", { body: { id: r.id } })),
                    t("files.restored", { path: r.path }),
                  )
                }
              >
                {t("files.restore")}
              </Button>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
