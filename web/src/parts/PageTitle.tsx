import { Typography } from "antd";
import { useEffect, type ReactNode } from "react";

/** A page's one h1, which is also the browser tab's title (read first by screen readers). */
export function PageTitle({ text, children }: { text: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${text} · 光 Guang`;
  }, [text]);
  return (
    <Typography.Title level={1} style={{ fontSize: 26, margin: 0 }}>
      {children ?? text}
    </Typography.Title>
  );
}
