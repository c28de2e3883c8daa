import { PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Select, Space, Tabs } from "antd";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, data } from "../api";
import { PageTitle } from "../parts/PageTitle";

// xterm.js comes with this page only
const TerminalTab = lazy(() => import("../parts/TerminalTab"));

interface Tab {
  key: string;
  shellId: string | null;
  unixUser: string | null;
  /** The configured login it opened on (a cluster's login node); null: the center. */
  where?: string | null;
}

/** The tabs of this browser tab, kept over a reload so that their shells are taken up again. */
const STORE = "guang.shells";

function saved(): Tab[] {
  try {
    const tabs = JSON.parse(sessionStorage.getItem(STORE) ?? "[]") as Tab[];
    return tabs.length ? tabs : [{ key: "1", shellId: null, unixUser: null }];
  } catch {
    return [{ key: "1", shellId: null, unixUser: null }];
  }
}

/** Shells in the browser: a login shell on the center as your own Unix account, in tabs. */
export default function TerminalPage() {
  const { t } = useTranslation();
  const [tabs, setTabs] = useState<Tab[]>(saved);
  const [active, setActive] = useState(tabs[0]!.key);
  const update = (f: (prev: Tab[]) => Tab[]) =>
    setTabs((prev) => {
      const next = f(prev);
      sessionStorage.setItem(STORE, JSON.stringify(next));
      return next;
    });
  const logins = useQuery({
    queryKey: ["shell-logins"],
    queryFn: () => data(api.GET("/api/v1/shell/logins")),
  });
  const [where, setWhere] = useState<string | null>(null);
  const add = () => {
    const key = String(Math.max(0, ...tabs.map((x) => Number(x.key))) + 1);
    update((prev) => [...prev, { key, shellId: null, unixUser: null, where }]);
    setActive(key);
  };
  const remove = (key: string) => {
    const next = tabs.filter((x) => x.key !== key);
    if (!next.length) next.push({ key: String(Number(key) + 1), shellId: null, unixUser: null });
    update(() => next);
    if (active === key) setActive(next[0]!.key);
  };
  return (
    <>
      <Space style={{ margin: "8px 0" }}>
        <PageTitle text={t("shell.title")} />
        {/* beside the tabs rather than in their bar: a tab list holds only tabs (screen readers) */}
        {!!logins.data?.length && (
          <Select
            aria-label={t("shell.where")}
            style={{ minWidth: 200 }}
            value={where ?? ""}
            onChange={(v: string) => setWhere(v || null)}
            options={[
              { value: "", label: t("shell.here") },
              ...logins.data.map((l) => ({
                value: l.name,
                label: l.cluster ? `${l.name} (${l.cluster})` : l.name,
              })),
            ]}
          />
        )}
        <Button icon={<PlusOutlined aria-hidden />} onClick={add}>
          {t("shell.new")}
        </Button>
        <Button onClick={() => remove(active)}>{t("shell.close")}</Button>
      </Space>
      <Tabs
        type="card"
        activeKey={active}
        onChange={setActive}
        items={tabs.map((tab, i) => ({
          key: tab.key,
          label: `${t("shell.tab", { n: i + 1 })}${tab.unixUser ? ` · ${tab.unixUser}` : ""}${tab.where ? ` @ ${tab.where}` : ""}`,
          children: (
            <Suspense fallback={null}>
              <TerminalTab
                shellId={tab.shellId}
                where={tab.where ?? null}
                onShell={(shellId, unixUser) =>
                  update((prev) =>
                    prev.map((x) => (x.key === tab.key ? { ...x, shellId, unixUser } : x)),
                  )
                }
              />
            </Suspense>
          ),
        }))}
      />
    </>
  );
}
