import { App as AntApp, ConfigProvider, Result, Spin } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api";
import { usePath } from "./router";
import { useWhoami } from "./session";
import { Shell } from "./parts/Shell";

// every page is its own chunk, loaded when it is opened (the forms of signing in are not
// loaded again by a signed-in person's dashboard)
const PAGES = {
  "/": () => import("./pages/Dashboard"),
  "/jobs": () => import("./pages/Jobs"),
  job: () => import("./pages/JobPage"),
  "/submit": () => import("./pages/Submit"),
  "/history": () => import("./pages/History"),
  "/money": () => import("./pages/Money"),
  "/profile": () => import("./pages/Profile"),
  "/shell": () => import("./pages/Terminal"),
  "/files": () => import("./pages/Files"),
  "/audit": () => import("./pages/Audit"),
  "/clusters": () => import("./pages/Clusters"),
  "/usage": () => import("./pages/Usage"),
  "/prices": () => import("./pages/Prices"),
  "/screen": () => import("./pages/Screen"),
  "/efficiency": () => import("./pages/Efficiency"),
  "/users": () => import("./pages/Users"),
  "/accounts": () => import("./pages/Accounts"),
  "/tenants": () => import("./pages/Tenants"),
  "/finance": () => import("./pages/Finance"),
  "/applications": () => import("./pages/Applications"),
};
const SignIn = lazy(() => import("./pages/SignIn"));
const ChangePassword = lazy(() => import("./pages/ChangePassword"));
const Dashboard = lazy(PAGES["/"]);
const Jobs = lazy(PAGES["/jobs"]);
const JobPage = lazy(PAGES.job);
const Submit = lazy(PAGES["/submit"]);
const History = lazy(PAGES["/history"]);
const Money = lazy(PAGES["/money"]);
const Profile = lazy(PAGES["/profile"]);
const Terminal = lazy(PAGES["/shell"]);
const Files = lazy(PAGES["/files"]);
const Audit = lazy(PAGES["/audit"]);
const Clusters = lazy(PAGES["/clusters"]);
const Usage = lazy(PAGES["/usage"]);
const Prices = lazy(PAGES["/prices"]);
const Screen = lazy(PAGES["/screen"]);
const Efficiency = lazy(PAGES["/efficiency"]);
const Users = lazy(PAGES["/users"]);
const Accounts = lazy(PAGES["/accounts"]);
const Tenants = lazy(PAGES["/tenants"]);
const Finance = lazy(PAGES["/finance"]);
const Applications = lazy(PAGES["/applications"]);

/** Starts loading a page's code before it is drawn (at start, alongside asking who is signed in). */
export function preloadPage(path: string): void {
  const load = /^\/jobs\/./.test(path) ? PAGES.job : PAGES[path as keyof typeof PAGES];
  void load?.();
}

/**
 * Ant Design's colours, darkened where their text falls short of WCAG's 4.5:1 contrast
 * (the primary blue under white text, a danger button's red, grey secondary text and
 * placeholders). Under the pointer or pressed they darken further, where Ant Design lightens
 * them (a lighter blue under white text is under 4:1).
 */
const READABLE = {
  colorPrimary: "#0958d9",
  colorPrimaryHover: "#003eb3",
  colorPrimaryActive: "#002c8c",
  colorError: "#cf1322",
  colorErrorHover: "#a8071a",
  colorErrorActive: "#820014",
  colorLink: "#0958d9",
  colorLinkHover: "#003eb3",
  colorLinkActive: "#002c8c",
  colorTextSecondary: "rgba(0, 0, 0, 0.65)",
  colorTextDescription: "rgba(0, 0, 0, 0.65)",
  colorTextPlaceholder: "rgba(0, 0, 0, 0.55)",
  colorTextDisabled: "rgba(0, 0, 0, 0.55)",
};

function Page({ path }: { path: string }) {
  const { t } = useTranslation();
  const job = /^\/jobs\/(\d+(?:_\d+)?)$/.exec(path);
  if (path === "/") return <Dashboard />;
  if (path === "/jobs") return <Jobs />;
  if (job) return <JobPage id={job[1]!} />;
  if (path === "/submit") return <Submit />;
  if (path === "/history") return <History />;
  if (path === "/money") return <Money />;
  if (path === "/profile") return <Profile />;
  if (path === "/shell") return <Terminal />;
  if (path === "/files") return <Files />;
  if (path === "/audit") return <Audit />;
  if (path === "/clusters") return <Clusters />;
  if (path === "/usage") return <Usage />;
  if (path === "/prices") return <Prices />;
  if (path === "/efficiency") return <Efficiency />;
  if (path === "/users") return <Users />;
  if (path === "/accounts") return <Accounts />;
  if (path === "/tenants") return <Tenants />;
  if (path === "/finance") return <Finance />;
  if (path === "/applications") return <Applications />;
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
  // the display wall's page fills the screen: no menu around it
  else if (path === "/screen") body = <Screen />;
  else
    body = (
      <Shell who={who.data} path={path}>
        <Suspense fallback={<Spin />}>
          <Page path={path} />
        </Suspense>
      </Shell>
    );
  body = <Suspense fallback={<Spin fullscreen />}>{body}</Suspense>;
  return (
    <ConfigProvider
      locale={i18n.language === "zh" ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{
        token: READABLE,
        components: { Descriptions: { labelColor: READABLE.colorTextSecondary } },
      }}
    >
      <AntApp>{body}</AntApp>
    </ConfigProvider>
  );
}
