import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { benchAdminToken, benchCookies, startBenchServer } from "./bench-server.js";
import { writeJobHistory } from "./job-history.js";

const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync) ?? null;

export interface UsageChartFigures {
  jobs: number;
  /** The report's answer as the page got it (its request's start to its last byte), median. */
  answerMs: number;
  /** The answer's last byte → the chart drawn in the page, median. */
  drawMs: number;
  /** The page opened → its chart drawn (code, session, report, drawing), median. */
  pageMs: number;
}

/**
 * Run in the page, on its own clock (0: the navigation's start): when the chart's svg holds
 * its lines, and when the report's answer had come.
 */
const CHART_DRAWN = `new Promise((resolve, reject) => {
  const give = Date.now() + 120000;
  const tick = () => {
    const paths = document.querySelectorAll('figure[aria-label="Chart of Core-hours"] svg path').length;
    if (paths > 10) {
      const e = performance.getEntriesByType("resource").find((r) => r.name.includes("/api/v1/reports/usage"));
      resolve({ drawn: performance.now(), start: e.requestStart, end: e.responseEnd });
    } else if (Date.now() > give) reject(new Error("no chart after 120 s (" + paths + " paths)"));
    else setTimeout(tick, 2);
  };
  tick();
})`;

/**
 * The usage explorer as the center's staff meet it: a real server whose last 30 days hold
 * `n` ended jobs, its Usage page opened in Debian's Chromium (a fresh context each time),
 * timed until its chart of core-hours by account and day is drawn. Null without Chromium.
 */
export async function benchUsageChart(
  n: number,
  repeat: number,
): Promise<UsageChartFigures | null> {
  if (!CHROMIUM) return null;
  const home = mkdtempSync(join(tmpdir(), "guang-bench-usage-"));
  let server = await startBenchServer(home, "");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-background-networking"],
  });
  try {
    await benchAdminToken(server.url, home);
    // the history goes into the store while the server is down, then the server comes back
    const stopped = new Promise((r) => server.proc.once("exit", r));
    server.proc.kill("SIGTERM");
    await stopped;
    writeJobHistory(join(home, "guang.db"), n, Date.now() - 29 * 86_400_000, 29);
    server = await startBenchServer(home, "");
    const cookies = await benchCookies(server.url, home);
    const pages: number[] = [];
    const answers: number[] = [];
    const draws: number[] = [];
    for (let i = 0; i < repeat + 1; i++) {
      const context = await browser.newContext({
        locale: "en-US",
        viewport: { width: 1280, height: 900 },
      });
      await context.addCookies(cookies);
      const page = await context.newPage();
      await page.goto(`${server.url}/usage`);
      // in the page, on its own clock (0: the navigation's start): when the chart's svg holds
      // its lines, and when the report's answer had come
      const t = await page.evaluate<{ drawn: number; start: number; end: number }>(CHART_DRAWN);
      // the first run warms the server's and the store's caches
      if (i > 0) {
        pages.push(t.drawn);
        answers.push(t.end - t.start);
        draws.push(t.drawn - t.end);
      }
      await context.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return { jobs: n, answerMs: median(answers), drawMs: median(draws), pageMs: median(pages) };
  } finally {
    await browser.close();
    server.proc.kill("SIGTERM");
    rmSync(home, { recursive: true, force: true });
    rmSync(`${home}.yaml`, { force: true });
  }
}
