import { DownOutlined } from "@ant-design/icons";
import { Button, Dropdown, Input, Modal, Popconfirm, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../src/client/api-types";
import { api, data } from "../api";
import { EDIT_LIMIT } from "./FileEditor";
import { previewable } from "./FilePreview";

type Entry = components["schemas"]["FileEntry"];
export type Dialog = { op: "move" | "copy" | "chmod"; path: string; mode: string };

/** One entry's actions: download (a folder as .tar), edit, preview, more, delete. */
export function FileRowActions({
  entry,
  path,
  act,
  open,
}: {
  entry: Entry;
  path: string;
  /** Runs a change and says how it went. */
  act: (call: () => Promise<unknown>, done: string) => Promise<void>;
  /** Opens the editor, the preview or a dialog for this entry. */
  open: (what: "edit" | "preview" | Dialog) => void;
}) {
  const { t } = useTranslation();
  const dir = entry.type === "dir";
  const q = new URLSearchParams({ path });
  return (
    <Space size="small" wrap>
      {dir ? (
        <a href={`/api/v1/files/archive?${q}`} download>
          {t("files.downloadTar")}
        </a>
      ) : (
        <a href={`/api/v1/files/content?${q}`} download>
          {t("files.download")}
        </a>
      )}
      {entry.type === "file" && entry.size <= EDIT_LIMIT && !previewable(entry.name) && (
        <Button size="small" onClick={() => open("edit")}>
          {t("files.edit")}
        </Button>
      )}
      {entry.type === "file" && previewable(entry.name) && (
        <Button size="small" onClick={() => open("preview")}>
          {t("files.preview")}
        </Button>
      )}
      <Dropdown
        menu={{
          items: [
            { key: "move", label: t("files.move") },
            { key: "copy", label: t("files.copy") },
            { key: "chmod", label: t("files.chmod") },
          ],
          onClick: ({ key }) => open({ op: key as Dialog["op"], path, mode: entry.mode }),
        }}
      >
        <Button size="small" aria-label={t("files.moreFor", { name: entry.name })}>
          {t("files.more")} <DownOutlined aria-hidden />
        </Button>
      </Dropdown>
      <Popconfirm
        title={t("files.sureDelete", { name: entry.name })}
        okText={t("files.delete")}
        cancelText={t("files.keep")}
        onConfirm={() =>
          act(
            () => data(api.DELETE("/api/v1/files", { params: { query: { path } } })),
            t("files.deleted", { name: entry.name }),
          )
        }
      >
        <Button size="small" danger>
          {t("files.delete")}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/** Rename or move, copy (to a path), or change the mode (octal): one field, said in its words. */
export function PathDialog({
  dialog,
  act,
  onClose,
}: {
  dialog: Dialog;
  act: (call: () => Promise<unknown>, done: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(dialog.op === "chmod" ? dialog.mode : dialog.path);
  const label = t(`files.${dialog.op}To`, { path: dialog.path });
  const run = () => {
    const from = dialog.path;
    const call =
      dialog.op === "chmod"
        ? () => data(api.POST("/api/v1/files/chmod", { body: { path: from, mode: value } }))
        : () => data(api.POST(`/api/v1/files/${dialog.op}`, { body: { from, to: value } }));
    void act(call, t(`files.${dialog.op}Done`, { path: from, to: value })).then(onClose);
  };
  return (
    <Modal
      open
      title={t(`files.${dialog.op}`)}
      okText={t("files.apply")}
      cancelText={t("files.cancel")}
      onOk={run}
      onCancel={onClose}
    >
      <label>
        {label}
        <Input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onPressEnter={run}
          aria-label={label}
        />
      </label>
    </Modal>
  );
}
