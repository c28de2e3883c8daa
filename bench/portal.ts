import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright-core";
import {
  benchAdminToken,
  benchCookies,
  benchJobsConfig,
  REPO,
  startBenchServer,
} from "./bench-server.js";
import { benchScroll, within, type ScrollFigures } from "./portal-scroll.js";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync) ?? null;

export interface PortalFigures {
  /** Navigation to the dashboard with its data and chart shown, cold cache, median. */
  firstLoadMs: number;
  /** ... until its accounts' money shows (the chart still coming). */
  firstShownMs: number;
  /**
   * The JavaScript the dashboard loaded, gzipped: all of it, and all but the chart's own chunk
   * (ECharts, code-split: it is asked for when the page draws, and the page does not wait for it).
   */
  jsGzKiB: number;
  jsFirstGzKiB: number;
  jsFiles: number;
  /** A job's change (a submission) committed → its row on the open jobs page, median. */
  eventToPageMs: number;
  scroll: ScrollFigures;
}

/** Run in the page: resolves with the clock's time when a job's row that was not there appears. */
const ROW_APPEARS = `new Promise((resolve) => {
  const ids = () => [...document.querySelectorAll("[data-testid^=state-]")].map((e) => e.getAttribute("data-testid"));
  const before = new Set(ids());
  new MutationObserver((_m, o) => {
    if (ids().some((n) => !before.has(n))) {
      o.disconnect();
      resolve(Date.now());
    }
  }).observe(document.body, { childList: true, subtree: true });
})`;

/** The scripts the page has loaded so far. */
const scripts = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith(".js")),
  );

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The portal as a researcher meets it, in Debian's Chromium on loopback: the dashboard's
 * first load with an empty cache, what code it loads, and how soon the jobs page shows a
 * job the server has just recorded. Null where there is no Chromium.
 */
export async function benchPortal(repeat: number): Promise<PortalFigures | null> {
  if (!CHROMIUM) return null;
  const home = mkdtempSync(join(tmpdir(), "guang-bench-portal-"));
  const { proc, url } = await startBenchServer(home, benchJobsConfig());
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-background-networking"],
  });
  try {
    const token = await benchAdminToken(url, home);
    const cookies = await benchCookies(url, home);
    const loads: number[] = [];
    const firstShown: number[] = [];
    let js: string[] = [];
    for (let i = 0; i < repeat; i++) {
      // a new context each time: an empty cache, as a first visit
      const context = await browser.newContext({ locale: "en-US" });
      await context.addCookies(cookies);
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(url);
      await page.getByText("Available to spend").first().waitFor();
      firstShown.push(Date.now() - t0);
      await page
        .getByRole("figure", { name: /Bar chart/ })
        .locator("svg")
        .waitFor();
      loads.push(Date.now() - t0);
      js = await scripts(page);
      await context.close();
    }
    const gz = (files: string[]) =>
      files.reduce(
        (s, p) => s + gzipSync(readFileSync(join(REPO, "dist", "web", p)), { level: 9 }).length,
        0,
      );
    // the jobs page open; each submission's row is timed in the page from the moment the POST returned
    const context = await browser.newContext({ locale: "en-US" });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(`${url}/jobs`);
    await page.getByRole("heading", { name: "Jobs" }).waitFor();
    await page.waitForLoadState("networkidle");
    const lags: number[] = [];
    const submitHeld = () =>
      fetch(`${url}/api/v1/jobs`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ script: "#!/bin/bash\ntrue\n", args: ["-H"], workdir: "/tmp" }),
      });
    // one job first, not timed: its row shows that the page's event stream is connected (an
    // event sent before the stream opens is not the page's to see)
    const warm = page.evaluate<number>(ROW_APPEARS);
    warm.catch(() => undefined);
    await submitHeld();
    await within(60_000, warm, "the first job's row on the jobs page");
    for (let i = 0; i < Math.max(3, repeat); i++) {
      const seen = page.evaluate<number>(ROW_APPEARS);
      // a failed submission below ends the page: this one's end is not the error to report
      seen.catch(() => undefined);
      const r = await submitHeld();
      const recorded = Date.now();
      if (r.status !== 201) throw new Error(`POST /jobs: ${r.status} ${await r.text()}`);
      lags.push((await within(60_000, seen, "a new job's row on the jobs page")) - recorded);
    }
    await context.close();
    const scroll = await benchScroll(browser, url, token, cookies);
    return {
      firstLoadMs: median(loads),
      firstShownMs: median(firstShown),
      jsGzKiB: gz(js) / 1024,
      jsFirstGzKiB: gz(js.filter((p) => !/\/Chart-[^/]+\.js$/.test(p))) / 1024,
      jsFiles: js.length,
      eventToPageMs: median(lags),
      scroll,
    };
  } finally {
    await browser.close();
    proc.kill("SIGTERM");
    rmSync(home, { recursive: true, force: true });
  }
}
