import { DeleteOutlined, FileOutlined, FolderOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Input,
  Progress,
  Select,
  Space,
  Spin,
  Table,
  Typography,
} from "antd";
import { lazy, Suspense, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, data } from "../api";
import { when } from "../jobs";
import { FileRowActions, PathDialog, type Dialog } from "../parts/FileActions";
import { FilePreview } from "../parts/FilePreview";
import { PageTitle } from "../parts/PageTitle";
import { TrashDrawer } from "../parts/TrashDrawer";
import { resumableUpload, type UploadProgress } from "../uploads";
import { bytesText } from "../bytes";

// CodeMirror comes with the editor only
const FileEditor = lazy(() => import("../parts/FileEditor"));

type Entry = components["schemas"]["FileEntry"];
type Sort = "name" | "size" | "modified";
const PAGE = 200;

/** My files: a folder at a time, as my own Unix account sees it, and all one does with them. */
export default function Files() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [path, setPath] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<{ by: Sort; order: "asc" | "desc" }>({
    by: "name",
    order: "asc",
  });
  const [folder, setFolder] = useState("");
  const [sending, setSending] = useState<(UploadProgress & { name: string }) | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [trashOpen, setTrashOpen] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const places = useQuery({
    queryKey: ["file-places"],
    queryFn: () => data(api.GET("/api/v1/files/places")),
  });
  const listing = useQuery({
    queryKey: ["files", path ?? "", page, sort.by, sort.order],
    queryFn: () =>
      data(
        api.GET("/api/v1/files", {
          params: {
            query: {
              ...(path ? { path } : {}),
              offset: (page - 1) * PAGE,
              limit: PAGE,
              sort: sort.by,
              order: sort.order,
            },
          },
        }),
      ),
  });
  const here = listing.data?.path ?? path ?? "";
  const join = (name: string) => `${here.replace(/\/$/, "")}/${name}`;
  const open = (p: string) => (setPath(p), setPage(1));
  const act = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      void message.success(done);
    } catch (e) {
      void message.error((e as Error).message);
    }
    await queries.invalidateQueries({ queryKey: ["files"] });
  };
  const upload = async (files: FileList | null) => {
    for (const f of Array.from(files ?? [])) {
      setSending({ name: f.name, sent: 0, total: f.size, bytesPerSecond: 0 });
      await act(
        () => resumableUpload(join(f.name), f, (p) => setSending({ name: f.name, ...p })),
        t("files.uploaded", { name: f.name }),
      );
    }
    setSending(null);
  };
  const parts = here.split("/").filter(Boolean);
  const sorted = (by: Sort) =>
    sort.by === by ? (sort.order === "asc" ? "ascend" : "descend") : null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <PageTitle text={t("files.title")} />
      <Space wrap>
        <Select
          aria-label={t("files.place")}
          style={{ minWidth: 220 }}
          placeholder={t("files.place")}
          value={places.data?.find((p) => p.path === here)?.path ?? null}
          onChange={(p: string) => open(p)}
          options={(places.data ?? []).map((p) => ({
            value: p.path,
            label:
              p.name === "home"
                ? t("files.home")
                : `${p.name}${p.cluster ? ` (${p.cluster})` : ""}`,
          }))}
        />
        <Breadcrumb
          items={[{ title: t("files.root") }, ...parts.map((p) => ({ title: p }))].map((it, i) => ({
            title: (
              <a
                href="#"
                onClick={(e) => (e.preventDefault(), open(`/${parts.slice(0, i).join("/")}`))}
              >
                {it.title}
              </a>
            ),
          }))}
        />
      </Space>
      <Space wrap>
        <Input
          aria-label={t("files.newFolder")}
          placeholder={t("files.newFolder")}
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
          style={{ width: 200 }}
        />
        <Button
          // until the folder is known, nothing is made somewhere else
          disabled={!folder || !listing.data}
          onClick={() =>
            void act(
              () => data(api.POST("/api/v1/files/mkdir", { body: { path: join(folder) } })),
              t("files.made", { name: folder }),
            ).then(() => setFolder(""))
          }
        >
          {t("files.makeFolder")}
        </Button>
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          data-testid="upload"
          onChange={(e) => void upload(e.target.files).then(() => (e.target.value = ""))}
        />
        <Button
          type="primary"
          disabled={!listing.data || !!sending}
          onClick={() => picker.current?.click()}
        >
          {t("files.upload")}
        </Button>
        <Button icon={<DeleteOutlined aria-hidden />} onClick={() => setTrashOpen(true)}>
          {t("files.trash")}
        </Button>
      </Space>
      {sending && (
        <div role="status">
          <Typography.Text>
            {t("files.sending", {
              name: sending.name,
              sent: bytesText(sending.sent),
              total: bytesText(sending.total),
              speed: bytesText(sending.bytesPerSecond),
            })}
          </Typography.Text>
          <Progress
            percent={sending.total ? Math.floor((100 * sending.sent) / sending.total) : 100}
            aria-label={t("files.sendingBar", { name: sending.name })}
          />
        </div>
      )}
      {listing.error && <Alert type="error" showIcon title={listing.error.message} />}
      <Table<Entry>
        size="small"
        rowKey="name"
        loading={listing.isPending}
        dataSource={listing.data?.entries ?? []}
        locale={{ emptyText: t("files.empty") }}
        onChange={(_p, _f, s) => {
          const one = Array.isArray(s) ? s[0] : s;
          const by = (one?.order ? one.columnKey : "name") as Sort;
          setSort({ by, order: one?.order === "descend" ? "desc" : "asc" });
          setPage(1);
        }}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: listing.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        columns={[
          {
            key: "name",
            title: t("files.name"),
            sorter: true,
            sortOrder: sorted("name"),
            render: (_, e) =>
              e.type === "dir" ? (
                <a href="#" onClick={(ev) => (ev.preventDefault(), open(join(e.name)))}>
                  <FolderOutlined aria-hidden /> {e.name}
                </a>
              ) : (
                <span>
                  <FileOutlined aria-hidden /> {e.name}
                </span>
              ),
          },
          {
            key: "size",
            title: t("files.size"),
            align: "right",
            sorter: true,
            sortOrder: sorted("size"),
            render: (_, e) => (e.type === "dir" ? "" : bytesText(e.size)),
          },
          { key: "mode", title: t("files.mode"), dataIndex: "mode" },
          {
            key: "modified",
            title: t("files.modified"),
            sorter: true,
            sortOrder: sorted("modified"),
            render: (_, e) => when(e.modified, i18n.language),
          },
          {
            key: "actions",
            title: t("files.actions"),
            render: (_, e) => (
              <FileRowActions
                entry={e}
                path={join(e.name)}
                act={act}
                open={(what) =>
                  what === "edit"
                    ? setEditing(join(e.name))
                    : what === "preview"
                      ? setPreviewing(join(e.name))
                      : setDialog(what)
                }
              />
            ),
          },
        ]}
      />
      {editing && (
        <Suspense fallback={<Spin />}>
          <FileEditor
            path={editing}
            onClose={() => (
              setEditing(null),
              void queries.invalidateQueries({ queryKey: ["files"] })
            )}
          />
        </Suspense>
      )}
      {previewing && <FilePreview path={previewing} onClose={() => setPreviewing(null)} />}
      {dialog && <PathDialog dialog={dialog} act={act} onClose={() => setDialog(null)} />}
      {trashOpen && <TrashDrawer onClose={() => setTrashOpen(false)} />}
    </Space>
  );
}
