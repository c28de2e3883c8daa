import { Button, Card, Space, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** How often a running job's output is read again for what it wrote since. */
const TAIL_MS = 1000;

/**
 * A job's output, tailing while the job runs: each read asks only for what comes after what
 * is shown (the API's offsets). Shown as text, never as HTML: a job that prints <script>
 * shows those characters.
 */
export function Output({
  id,
  stream,
  active,
}: {
  id: string;
  stream: "stdout" | "stderr";
  active: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const offset = useRef(0);
  const box = useRef<HTMLPreElement>(null);
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      const r = await fetch(
        `/api/v1/jobs/${encodeURIComponent(id)}/output?stream=${stream}&offset=${offset.current}`,
        {
          credentials: "same-origin",
        },
      );
      if (stop) return;
      if (r.ok) {
        const chunk = await r.text();
        // bytes, as the API counts them (a character cut at a page's end comes whole next time)
        const bytes = Number(
          r.headers.get("content-length") ?? new TextEncoder().encode(chunk).length,
        );
        offset.current = Number(r.headers.get("x-guang-offset") ?? offset.current) + bytes;
        if (chunk) {
          const el = box.current;
          const atEnd = !el || el.scrollTop + el.clientHeight >= el.scrollHeight - 4;
          setText((old) => old + chunk);
          // follows the end unless the reader scrolled up to read
          if (atEnd) requestAnimationFrame(() => el && (el.scrollTop = el.scrollHeight));
        }
        setNote(null);
        const more = Number(r.headers.get("x-guang-size") ?? 0) > offset.current;
        if (more) return void read();
        if (r.headers.get("x-guang-complete") === "true") return;
      } else {
        const body = (await r.json().catch(() => null)) as { error?: { message?: string } } | null;
        setNote(body?.error?.message ?? r.statusText);
      }
      if (active) timer = setTimeout(() => void read(), TAIL_MS);
    };
    void read();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [id, stream, active]);
  return (
    <Card
      size="small"
      title={t(`job.${stream}`)}
      extra={
        <Space>
          {active && <Typography.Text type="secondary">{t("job.tailing")}</Typography.Text>}
          <Button
            size="small"
            href={`/api/v1/jobs/${encodeURIComponent(id)}/output?stream=${stream}`}
            download={`${id}.${stream === "stdout" ? "out" : "err"}`}
          >
            {t("job.download")}
          </Button>
        </Space>
      }
    >
      {note && <Typography.Text type="secondary">{note}</Typography.Text>}
      <pre
        ref={box}
        data-testid={`output-${stream}`}
        tabIndex={0}
        // a log: what the job writes, as it grows (a plain pre may not carry a label)
        role="log"
        aria-label={t(`job.${stream}`)}
        style={{ maxHeight: 360, overflow: "auto", margin: 0, background: "#fafafa", padding: 8 }}
      >
        {text}
      </pre>
    </Card>
  );
}
