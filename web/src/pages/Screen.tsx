import { useQuery } from "@tanstack/react-query";
import { Alert, Result, Spin } from "antd";
import { lazy, Suspense, useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiError, data } from "../api";
import { LanguageSwitch } from "../parts/LanguageSwitch";
import type { ChartOption } from "../parts/Chart";

const Chart = lazy(() => import("../parts/Chart"));

const INK = "#e6f4ff";
const DIM = "#8fb3d9";
const BACK = "#0b1f3a";

/** A number read from across a room, with its words under it. */
function Big({ value, label }: { value: string | number; label: string }) {
  return (
    <div style={{ textAlign: "center", minWidth: 180 }}>
      <div style={{ fontSize: 64, fontWeight: 700, lineHeight: 1.1 }}>{value}</div>
      <div style={{ fontSize: 22, color: DIM }}>{label}</div>
    </div>
  );
}

/** A box of the wall, titled. */
function Box({
  title,
  children,
  grow = 1,
}: {
  title: string;
  children: React.ReactNode;
  grow?: number;
}) {
  return (
    <section
      aria-label={title}
      style={{ flex: grow, minWidth: 360, background: "#12305a", borderRadius: 12, padding: 20 }}
    >
      <h2 style={{ color: INK, fontSize: 26, margin: "0 0 12px" }}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * The center screen for the display wall: the whole center live at a glance, in large type
 * on a dark ground, asked again every 10 s. Full-screen: no menu (the wall's account signs in
 * once; F11 makes it fill the screen).
 */
export default function Screen() {
  const { t, i18n } = useTranslation();
  const screen = useQuery({
    queryKey: ["screen"],
    queryFn: () => data(api.GET("/api/v1/screen")),
    refetchInterval: 10_000,
  });
  const s = screen.data;
  const hourFmt = new Intl.DateTimeFormat(i18n.language === "zh" ? "zh-CN" : "en-GB", {
    hour: "2-digit",
    minute: "2-digit",
  });
  const axis = {
    axisLabel: { color: DIM, fontSize: 16 },
    axisLine: { lineStyle: { color: DIM } },
    splitLine: { lineStyle: { color: "#24466f" } },
  };
  const use: ChartOption = useMemo(
    () => ({
      animation: false,
      grid: { left: 60, right: 20, top: 20, bottom: 40 },
      xAxis: {
        type: "category",
        data: (s?.use24h ?? []).map((h) => hourFmt.format(new Date(h.hour))),
        ...axis,
      },
      yAxis: {
        type: "value",
        max: 100,
        axisLabel: { ...axis.axisLabel, formatter: "{value}%" },
        splitLine: axis.splitLine,
      },
      series: [
        {
          type: "line",
          name: t("screen.use"),
          smooth: true,
          areaStyle: { opacity: 0.3 },
          lineStyle: { width: 4 },
          data: (s?.use24h ?? []).map((h) => h.percent),
        },
      ],
    }),
    [s, i18n.language],
  );
  const waits: ChartOption = useMemo(
    () => ({
      animation: false,
      grid: { left: 60, right: 20, top: 20, bottom: 40 },
      xAxis: {
        type: "category",
        data: (s?.waits ?? []).map((w, i) => t(`screen.wait.${i}`, { n: w.under })),
        ...axis,
      },
      yAxis: { type: "value", minInterval: 1, ...axis },
      series: [
        {
          type: "bar",
          name: t("screen.jobs"),
          data: (s?.waits ?? []).map((w) => w.jobs),
          itemStyle: { color: "#69b1ff" },
        },
      ],
    }),
    [s, i18n.language],
  );
  // the wall's browser tab says what it shows, as every page's does
  useEffect(() => {
    document.title = `${t("screen.title")} · 光 Guang`;
  }, [t]);
  if (screen.error instanceof ApiError && [401, 403, 404].includes(screen.error.status))
    return <Result status="403" title={t("audit.notAllowed")} subTitle={screen.error.message} />;
  const sum = (f: (k: NonNullable<typeof s>["clusters"][number]) => number) =>
    (s?.clusters ?? []).reduce((a, k) => a + f(k), 0);
  return (
    <main
      style={{
        background: BACK,
        color: INK,
        minHeight: "100vh",
        padding: 28,
        display: "flex",
        flexDirection: "column",
        gap: 20,
      }}
    >
      <header style={{ display: "flex", alignItems: "center", gap: 24 }}>
        <h1 style={{ color: INK, fontSize: 40, margin: 0, flex: 1 }}>{t("screen.title")}</h1>
        <span style={{ fontSize: 20, color: DIM }}>
          {s &&
            t("screen.at", {
              at: new Date(s.at).toLocaleTimeString(i18n.language === "zh" ? "zh-CN" : "en-GB"),
            })}
        </span>
        <LanguageSwitch />
      </header>
      {screen.error && <Alert type="error" showIcon title={screen.error.message} />}
      {!s ? (
        <Spin size="large" />
      ) : (
        <>
          <div
            style={{ display: "flex", gap: 24, flexWrap: "wrap", justifyContent: "space-around" }}
          >
            <Big
              value={`${sum((k) => k.cpusUsed)} / ${sum((k) => k.cpus)}`}
              label={t("screen.cores")}
            />
            <Big
              value={`${sum((k) => k.gpusUsed)} / ${sum((k) => k.gpus)}`}
              label={t("screen.gpus")}
            />
            <Big value={sum((k) => k.running)} label={t("screen.running")} />
            <Big value={sum((k) => k.pending)} label={t("screen.pending")} />
            <Big value={s.startedToday} label={t("screen.startedToday")} />
          </div>
          <div style={{ display: "flex", gap: 20, flexWrap: "wrap" }}>
            <Box title={t("screen.use24h")} grow={2}>
              <Suspense fallback={<Spin />}>
                <Chart option={use} height={300} label={t("screen.use24h")} />
              </Suspense>
            </Box>
            <Box title={t("screen.clusters")}>
              <table style={{ width: "100%", fontSize: 22, borderCollapse: "collapse" }}>
                <thead>
                  <tr style={{ color: DIM, textAlign: "left" }}>
                    <th>{t("screen.cluster")}</th>
                    <th>{t("screen.cores")}</th>
                    <th>{t("screen.gpus")}</th>
                    <th>{t("screen.running")}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.clusters.map((k) => (
                    <tr key={k.name}>
                      <td>{k.name}</td>
                      <td>{k.cpus ? `${Math.round((100 * k.cpusUsed) / k.cpus)}%` : "—"}</td>
                      <td>{k.gpus ? `${Math.round((100 * k.gpusUsed) / k.gpus)}%` : "—"}</td>
                      <td>{k.running}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Box>
          </div>
          <div style={{ display: "flex", gap: 20, flexWrap: "wrap" }}>
            <Box title={t("screen.top")}>
              <ol style={{ fontSize: 24, margin: 0, paddingLeft: 32 }}>
                {s.topTenants.length === 0 && (
                  <li style={{ listStyle: "none", color: DIM }}>{t("screen.noUse")}</li>
                )}
                {s.topTenants.map((x) => (
                  <li key={x.tenant}>
                    {x.tenant}: {t("screen.coreHours", { n: x.coreHours })}
                    {x.gpuHours > 0 && ` · ${t("screen.gpuHours", { n: x.gpuHours })}`}
                  </li>
                ))}
              </ol>
            </Box>
            <Box title={t("screen.waits")}>
              <Suspense fallback={<Spin />}>
                <Chart option={waits} height={260} label={t("screen.waits")} />
              </Suspense>
            </Box>
          </div>
        </>
      )}
    </main>
  );
}
