import { Alert, Button, Drawer, Space, Spin } from "antd";
import { EditorView, basicSetup } from "codemirror";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { csrfToken } from "../api";

/** What the editor opens: Open OnDemand's limit, and what a browser tab edits with ease. */
export const EDIT_LIMIT = 12 * 1024 * 1024;

type State =
  | { kind: "loading" }
  | { kind: "ready" }
  | { kind: "saving" }
  | { kind: "changed"; etag: string }
  | { kind: "failed"; message: string };

const contentUrl = (path: string) => `/api/v1/files/content?${new URLSearchParams({ path })}`;

/**
 * A text file in CodeMirror. It keeps the version (etag) it opened; a save sends it with
 * If-Match, so that a change made meanwhile (another tab, a job) is not overwritten unseen:
 * the editor says so and offers to keep either.
 */
export default function FileEditor({ path, onClose }: { path: string; onClose: () => void }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const etag = useRef("");
  const [state, setState] = useState<State>({ kind: "loading" });
  const [saved, setSaved] = useState(false);

  const load = async () => {
    setState({ kind: "loading" });
    const r = await fetch(contentUrl(path));
    if (!r.ok) {
      const e = (await r.json().catch(() => null)) as { error?: { message?: string } } | null;
      return setState({ kind: "failed", message: e?.error?.message ?? r.statusText });
    }
    etag.current = r.headers.get("etag") ?? "";
    const text = await r.text();
    view.current?.destroy();
    view.current = new EditorView({
      parent: box.current!,
      doc: text,
      extensions: [
        basicSetup,
        EditorView.contentAttributes.of({ "aria-label": t("files.editing", { path }) }),
        EditorView.updateListener.of((u) => u.docChanged && setSaved(false)),
        EditorView.theme({ "&": { minHeight: "60vh" }, ".cm-scroller": { fontSize: "13px" } }),
      ],
    });
    setState({ kind: "ready" });
  };

  useEffect(() => {
    void load();
    return () => view.current?.destroy();
    // one file per editor: a new path is a new editor
  }, []);

  const save = async (over?: string) => {
    setState({ kind: "saving" });
    setSaved(false);
    const token = csrfToken();
    const r = await fetch(contentUrl(path), {
      method: "PUT",
      headers: {
        "content-type": "application/octet-stream",
        ...(token ? { "X-CSRF-Token": token } : {}),
        "If-Match": over ?? etag.current,
      },
      body: view.current!.state.doc.toString(),
    });
    const answer = (await r.json()) as {
      etag?: string;
      error?: { code: string; message: string; details?: { etag?: string } };
    };
    if (r.ok) {
      etag.current = answer.etag ?? "";
      setSaved(true);
      return setState({ kind: "ready" });
    }
    if (answer.error?.code === "file_changed")
      return setState({ kind: "changed", etag: answer.error.details?.etag ?? "" });
    setState({ kind: "failed", message: answer.error?.message ?? r.statusText });
  };

  return (
    <Drawer
      open
      size="large"
      title={path}
      onClose={onClose}
      extra={
        <Space>
          {saved && <span role="status">{t("files.saved")}</span>}
          <Button
            type="primary"
            onClick={() => void save()}
            loading={state.kind === "saving"}
            disabled={state.kind !== "ready"}
          >
            {t("files.save")}
          </Button>
        </Space>
      }
    >
      {state.kind === "loading" && <Spin />}
      {state.kind === "failed" && <Alert type="error" showIcon title={state.message} />}
      {state.kind === "changed" && (
        <Alert
          type="warning"
          showIcon
          title={t("files.changedMeanwhile")}
          description={t("files.changedHow")}
          action={
            <Space orientation="vertical">
              <Button size="small" danger onClick={() => void save(state.etag)}>
                {t("files.overwrite")}
              </Button>
              <Button size="small" onClick={() => void load()}>
                {t("files.reload")}
              </Button>
            </Space>
          }
        />
      )}
      <div ref={box} style={{ border: "1px solid #d9d9d9", borderRadius: 6, marginTop: 8 }} />
    </Drawer>
  );
}
