import {
  AuditOutlined,
  BankOutlined,
  FileAddOutlined,
  ProjectOutlined,
  AccountBookOutlined,
  ClusterOutlined,
  DesktopOutlined,
  FundOutlined,
  LineChartOutlined,
  TagsOutlined,
  TeamOutlined,
  DashboardOutlined,
  CodeOutlined,
  FolderOpenOutlined,
  HistoryOutlined,
  LogoutOutlined,
  SendOutlined,
  UnorderedListOutlined,
  UserOutlined,
  WalletOutlined,
} from "@ant-design/icons";
import { Button, Layout, Menu, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api";
import { LanguageSwitch } from "./LanguageSwitch";
import { navigate } from "../router";
import type { Whoami } from "../session";

/** The roles that may read the audit log (the API's audit.read, but for account roles, which have none). */
const AUDIT_READERS: string[] = ["center-admin", "center-finance", "tenant-admin"];

/** Every signed-in page: the menu, the language switch, who is signed in, sign out. */
export function Shell({ who, path, children }: { who: Whoami; path: string; children: ReactNode }) {
  const { t } = useTranslation();
  const section = path === "/" ? "/" : `/${path.split("/")[1]}`;
  // a fresh page after signing out: nothing of the session stays in memory
  const signOut = async () => {
    await api.DELETE("/api/v1/auth/session");
    window.location.assign("/");
  };
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider breakpoint="md" collapsedWidth={0} theme="light">
        <Typography.Title level={3} style={{ padding: "16px 24px", margin: 0 }}>
          光 Guang
        </Typography.Title>
        <nav aria-label={t("nav.label")}>
          <Menu
            mode="inline"
            selectedKeys={[section]}
            onClick={(e) => navigate(e.key)}
            // the icons are decoration: a menu item's name is its words
            items={[
              { key: "/", icon: <DashboardOutlined aria-hidden />, label: t("nav.dashboard") },
              { key: "/submit", icon: <SendOutlined aria-hidden />, label: t("nav.submit") },
              { key: "/jobs", icon: <UnorderedListOutlined aria-hidden />, label: t("nav.jobs") },
              { key: "/history", icon: <HistoryOutlined aria-hidden />, label: t("nav.history") },
              { key: "/files", icon: <FolderOpenOutlined aria-hidden />, label: t("nav.files") },
              { key: "/shell", icon: <CodeOutlined aria-hidden />, label: t("nav.shell") },
              { key: "/money", icon: <WalletOutlined aria-hidden />, label: t("nav.money") },
              { key: "/profile", icon: <UserOutlined aria-hidden />, label: t("nav.profile") },
              { key: "/clusters", icon: <ClusterOutlined aria-hidden />, label: t("nav.clusters") },
              { key: "/usage", icon: <LineChartOutlined aria-hidden />, label: t("nav.usage") },
              { key: "/prices", icon: <TagsOutlined aria-hidden />, label: t("nav.prices") },
              {
                key: "/applications",
                icon: <FileAddOutlined aria-hidden />,
                label: t("nav.applications"),
              },
              // the staff's pages, for the roles the API lets read them (it stays the judge)
              ...(who.roles.length
                ? [
                    {
                      key: "/efficiency",
                      icon: <FundOutlined aria-hidden />,
                      label: t("nav.efficiency"),
                    },
                  ]
                : []),
              ...(who.roles.length || who.accounts.some((a) => a.role !== "member")
                ? [
                    {
                      key: "/accounts",
                      icon: <ProjectOutlined aria-hidden />,
                      label: t("nav.accounts"),
                    },
                  ]
                : []),
              ...(who.roles.some((r) => r === "center-admin" || r === "tenant-admin")
                ? [{ key: "/users", icon: <TeamOutlined aria-hidden />, label: t("nav.users") }]
                : []),
              ...(who.roles.some((r) => r.startsWith("center-"))
                ? [{ key: "/tenants", icon: <BankOutlined aria-hidden />, label: t("nav.tenants") }]
                : []),
              ...(who.roles.length
                ? [
                    {
                      key: "/finance",
                      icon: <AccountBookOutlined aria-hidden />,
                      label: t("nav.finance"),
                    },
                  ]
                : []),
              ...(who.roles.some((r) => AUDIT_READERS.includes(r))
                ? [{ key: "/audit", icon: <AuditOutlined aria-hidden />, label: t("nav.audit") }]
                : []),
              ...(who.roles.some((r) => r === "center-admin" || r === "center-finance")
                ? [
                    {
                      key: "/screen",
                      icon: <DesktopOutlined aria-hidden />,
                      label: t("nav.screen"),
                    },
                  ]
                : []),
            ]}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: "#fff",
            display: "flex",
            justifyContent: "flex-end",
            paddingInline: 24,
          }}
        >
          <Space size="large">
            <LanguageSwitch />
            <Typography.Text data-testid="whoami">{who.user}</Typography.Text>
            <Button icon={<LogoutOutlined aria-hidden />} onClick={() => void signOut()}>
              {t("nav.signOut")}
            </Button>
          </Space>
        </Layout.Header>
        {/* Ant Design's Content is the page's <main> */}
        <Layout.Content style={{ padding: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
