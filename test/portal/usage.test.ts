import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, CHROMIUM, screenshot, signedInPage } from "../helpers/browser.js";
import {
  SMALL_CLUSTER,
  startCenter,
  waitFor,
  workdir,
  type TestCenter,
} from "../helpers/center.js";

/**
 * The usage explorer in Chromium: ended jobs of two accounts as a line by day, bars and a pie;
 * the figures in the table are the API's; the chart saved as a PNG and the data as CSV; and
 * the job efficiency page over the same jobs.
 */
if (!CHROMIUM) console.log("skipped: the usage explorer in a browser (install Debian's chromium)");

const OPS = { username: "ops", password: "Operator-pass-2026" };
let c: TestCenter;
let browser: Browser;
let page: Page;

describe.runIf(CHROMIUM)("the usage explorer", () => {
  beforeAll(async () => {
    c = await startCenter(SMALL_CLUSTER);
    await c.ok("POST", "/api/v1/users", { ...OPS, roles: ["center-admin", "center-finance"] });
    await c.ok("POST", "/api/v1/accounts", { name: "genomics", owner: "admin" });
    const ids: number[] = [];
    for (const [account, cpus] of [
      ["default", 1],
      ["genomics", 2],
      ["genomics", 1],
    ] as const)
      ids.push(
        (
          await c.ok("POST", "/api/v1/jobs", {
            script: `#!/bin/bash\n#SBATCH -A ${account} -c ${cpus}\nsleep 1\n`,
            workdir: workdir(),
          })
        ).id as number,
      );
    for (const id of ids) expect((await waitFor(c, id)).state).toBe("COMPLETED");
    ({ browser, page } = await signedInPage(c.url, OPS));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await c?.stop();
  });

  it("draws the usage by account over days, as lines, bars and a pie, with the API's figures", async () => {
    await page.getByRole("menuitem", { name: "Usage" }).click();
    await page.getByRole("heading", { name: "Usage", exact: true }).waitFor();
    await page.getByRole("figure", { name: "Chart of Core-hours" }).locator("svg").waitFor();
    const api = (await c.api("GET", "/api/v1/reports/usage?groupBy=account")).body.lines as {
      account: string;
      jobs: number;
    }[];
    expect(api.map((l) => [l.account, l.jobs]).sort()).toEqual([
      ["default", 1],
      ["genomics", 2],
    ]);
    await expect
      .poll(() => page.getByRole("row").filter({ hasText: "genomics" }).innerText())
      .toMatch(/genomics\s+\S+\s+[\d.]+\s+0\s+2\s/);
    await page.getByText("Bars", { exact: true }).click();
    await page.getByText("Pie", { exact: true }).click();
    await page.getByLabel("What", { exact: true }).click();
    await page.locator('.ant-select-dropdown .ant-select-item-option[title="Jobs"]').click();
    // the pie's slices, largest first: two thirds and a third of the circle (their arcs' angles, in degrees)
    const svg = page.getByRole("figure", { name: "Chart of Jobs" }).locator("svg");
    const slices = async () =>
      [
        ...(await svg.innerHTML()).matchAll(
          /M(\S+) (\S+)A(\S+) \S+ 0 [01] 1 (\S+) (\S+)L(\S+) (\S+)Z/g,
        ),
      ].map((m) => {
        const [x1, y1, , x2, y2, cx, cy] = m.slice(1).map(Number) as number[];
        const turn = Math.atan2(y2! - cy!, x2! - cx!) - Math.atan2(y1! - cy!, x1! - cx!);
        return Math.round((((turn + 2 * Math.PI) % (2 * Math.PI)) * 180) / Math.PI);
      });
    await expect.poll(slices).toEqual([240, 120]);
    await page.mouse.move(0, 0);
    await screenshot(page, "usage.en");
    expect(await accessibilityProblems(page), "usage page").toEqual([]);
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Save the chart (PNG)" }).click(),
    ]);
    expect(
      readFileSync((await png.path())!)
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("usage-csv").click(),
    ]);
    expect(readFileSync((await csv.path())!, "utf8")).toMatch(/^account,day,jobs,coreHours/);
    // by week, by QoS, CPU efficiency: the week's ISO name, a percentage from the API's share
    await page.getByLabel("Over time", { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option[title="By week"]')
      .click();
    await page.getByLabel("Group by", { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="QoS"]').click();
    await page.getByLabel("What", { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option[title="CPU efficiency (%)"]')
      .click();
    await page
      .getByRole("figure", { name: "Chart of CPU efficiency (%)" })
      .locator("svg")
      .waitFor();
    const weekly = (await c.api("GET", "/api/v1/reports/usage?groupBy=qos,week")).body.lines as {
      week: string;
      cpuEfficiency: number;
    }[];
    expect(weekly).toHaveLength(1);
    await expect
      .poll(() => page.getByRole("row").filter({ hasText: weekly[0]!.week }).innerText())
      .toMatch(
        new RegExp(
          `^normal\\s+${weekly[0]!.week}\\s[\\s\\S]*\\s${Math.round(weekly[0]!.cpuEfficiency * 1000) / 10}%$`,
        ),
      );
    await page.getByText("中文").click();
    await page.getByRole("heading", { name: "用量", exact: true }).waitFor();
    await screenshot(page, "usage.zh");
    await page.getByText("English").click();
  });

  it("shows job efficiency by account, the worst jobs first, each a link to its job", async () => {
    await page.getByRole("menuitem", { name: "Job efficiency" }).click();
    await page.getByRole("heading", { name: "Job efficiency", exact: true }).waitFor();
    const api = (await c.api("GET", "/api/v1/reports/efficiency")).body as {
      lines: { name: string }[];
      worst: { jobId: string }[];
    };
    expect(api.lines.map((l) => l.name).sort()).toEqual(["default", "genomics"]);
    await page
      .getByRole("figure", { name: /Bar chart: idle core-hours/ })
      .locator("svg")
      .waitFor();
    const worst = page.getByRole("region", { name: "The jobs that wasted most" });
    await expect.poll(() => worst.getByRole("link").count()).toBe(3);
    await worst.getByRole("link").first().waitFor();
    expect(await worst.getByRole("link").first().innerText()).toContain(api.worst[0]!.jobId);
    await page.mouse.move(0, 0);
    await screenshot(page, "efficiency.en");
    expect(await accessibilityProblems(page), "efficiency page").toEqual([]);
    await page.getByText("中文").click();
    await page.getByRole("heading", { name: "作业效率", exact: true }).waitFor();
    await screenshot(page, "efficiency.zh");
    await page.getByText("English").click();
  });
});
