import { App as AntApp, ConfigProvider, Result, Spin } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api";
import { usePath } from "./router";
import { useWhoami } from "./session";
import { Shell } from "./parts/Shell";
import { SignIn } from "./pages/SignIn";
import { ChangePassword } from "./pages/ChangePassword";

// every page but the first is its own chunk, loaded when it is opened
const Dashboard = lazy(() => import("./pages/Dashboard"));
const Jobs = lazy(() => import("./pages/Jobs"));
const JobPage = lazy(() => import("./pages/JobPage"));
const Submit = lazy(() => import("./pages/Submit"));

function Page({ path }: { path: string }) {
  const { t } = useTranslation();
  const job = /^\/jobs\/(\d+(?:_\d+)?)$/.exec(path);
  if (path === "/") return <Dashboard />;
  if (path === "/jobs") return <Jobs />;
  if (job) return <JobPage id={job[1]!} />;
  if (path === "/submit") return <Submit />;
  return <Result status="404" title={t("notFound.title")} subTitle={t("notFound.text")} />;
}

export function App() {
  const { i18n } = useTranslation();
  const path = usePath();
  const who = useWhoami();
  const error = who.error instanceof ApiError ? who.error : null;
  let body;
  if (who.isPending) body = <Spin fullscreen />;
  else if (error?.code === "password_change_required") body = <ChangePassword />;
  else if (!who.data) body = <SignIn />;
  else
    body = (
      <Shell who={who.data} path={path}>
        <Suspense fallback={<Spin />}>
          <Page path={path} />
        </Suspense>
      </Shell>
    );
  return (
    <ConfigProvider
      locale={i18n.language === "zh" ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{body}</AntApp>
    </ConfigProvider>
  );
}
