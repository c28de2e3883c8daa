import { theme, Typography } from "antd";
import { useId, type ReactNode } from "react";

/**
 * A titled box on the dashboard: what Ant Design's Card draws, without the tabs Card always
 * brings with it (13 KiB of the first page's code). A section named by its h2, for screen readers.
 */
export function Panel({
  title,
  extra,
  level = 2,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  /** The heading's level: 2 for the page's parts, 3 for a box within one. */
  level?: 2 | 3;
  children: ReactNode;
}) {
  const { token } = theme.useToken();
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      style={{
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        padding: "12px 16px",
        height: "100%",
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 8, marginBottom: 8 }}>
        <Typography.Title id={id} level={level} style={{ fontSize: 16, margin: 0, flex: 1 }}>
          {title}
        </Typography.Title>
        {extra}
      </div>
      {children}
    </section>
  );
}
