import { FileOutlined, FolderOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Input,
  Popconfirm,
  Progress,
  Space,
  Table,
  Typography,
} from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, csrfToken, data } from "../api";
import { when } from "../jobs";
import { PageTitle } from "../parts/PageTitle";

type Entry = components["schemas"]["FileEntry"];
const PAGE = 200;

/** Sizes as people read them: 1.5 MiB. */
function size(n: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let i = 0;
  let x = n;
  while (x >= 1024 && i < units.length - 1) {
    x /= 1024;
    i++;
  }
  return `${i ? x.toFixed(1) : x} ${units[i]}`;
}

/** An upload with its progress (fetch cannot tell how much of a body has gone; XHR can). */
function uploadFile(path: string, file: File, onProgress: (sent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", `/api/v1/files/content?${new URLSearchParams({ path })}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    const token = csrfToken();
    if (token) xhr.setRequestHeader("X-CSRF-Token", token);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      if (xhr.status < 300) return resolve();
      try {
        reject(
          new Error((JSON.parse(xhr.responseText) as { error: { message: string } }).error.message),
        );
      } catch {
        reject(new Error(xhr.statusText));
      }
    };
    xhr.onerror = () => reject(new Error(xhr.statusText || "the upload stopped"));
    xhr.send(file);
  });
}

/** My files: a folder at a time, as my own Unix account sees it; upload, download, rename, delete. */
export default function Files() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [path, setPath] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [folder, setFolder] = useState("");
  const picker = useRef<HTMLInputElement>(null);
  const [sending, setSending] = useState<{ name: string; sent: number; total: number } | null>(
    null,
  );
  const listing = useQuery({
    queryKey: ["files", path ?? "", page],
    queryFn: () =>
      data(
        api.GET("/api/v1/files", {
          params: { query: { ...(path ? { path } : {}), offset: (page - 1) * PAGE, limit: PAGE } },
        }),
      ),
  });
  const here = listing.data?.path ?? path ?? "";
  const join = (name: string) => `${here.replace(/\/$/, "")}/${name}`;
  const open = (p: string) => (setPath(p), setPage(1));
  const refresh = () => queries.invalidateQueries({ queryKey: ["files"] });
  const act = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      void message.success(done);
      await refresh();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const upload = async (files: FileList | null) => {
    for (const f of Array.from(files ?? [])) {
      setSending({ name: f.name, sent: 0, total: f.size });
      await act(
        () =>
          uploadFile(join(f.name), f, (sent) => setSending({ name: f.name, sent, total: f.size })),
        t("files.uploaded", { name: f.name }),
      );
    }
    setSending(null);
  };
  const parts = here.split("/").filter(Boolean);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <PageTitle text={t("files.title")} />
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
        <Button disabled={!listing.data || !!sending} onClick={() => picker.current?.click()}>
          {t("files.upload")}
        </Button>
      </Space>
      {sending && (
        <div role="status">
          <Typography.Text>{t("files.sending", { name: sending.name })}</Typography.Text>
          <Progress
            percent={sending.total ? Math.floor((100 * sending.sent) / sending.total) : 100}
            aria-label={t("files.sending", { name: sending.name })}
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
            title: t("files.name"),
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
            title: t("files.size"),
            align: "right",
            render: (_, e) => (e.type === "dir" ? "" : size(e.size)),
          },
          { title: t("files.mode"), dataIndex: "mode" },
          { title: t("files.modified"), render: (_, e) => when(e.modified, i18n.language) },
          {
            title: "",
            render: (_, e) => (
              <Space>
                {e.type !== "dir" && (
                  <a
                    href={`/api/v1/files/content?${new URLSearchParams({ path: join(e.name) })}`}
                    download
                  >
                    {t("files.download")}
                  </a>
                )}
                <Popconfirm
                  title={t("files.sureDelete", { name: e.name })}
                  okText={t("files.delete")}
                  cancelText={t("files.keep")}
                  onConfirm={() =>
                    act(
                      () =>
                        data(
                          api.DELETE("/api/v1/files", {
                            params: { query: { path: join(e.name) } },
                          }),
                        ),
                      t("files.deleted", { name: e.name }),
                    )
                  }
                >
                  <Button size="small" danger>
                    {t("files.delete")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
