import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, CHROMIUM, screenshot, browsersFor } from "../helpers/browser.js";
import {
  SMALL_CLUSTER,
  startCenter,
  waitFor,
  workdir,
  type TestCenter,
} from "../helpers/center.js";

/**
 * The center screen in Chromium at a wall's size: the whole center's figures in large type,
 * following a running job; both languages. A researcher is refused it (the API's words).
 */
if (!CHROMIUM) console.log("skipped: the center screen in a browser (install Debian's chromium)");

const OPS = { username: "ops", password: "Operator-pass-2026" };
const ANN = { username: "ann", password: "Researcher-pass-2026" };
let c: TestCenter;
let running = 0;

const people = browsersFor(() => c.url);
const as = people.as;

describe.runIf(CHROMIUM)("the center screen", () => {
  beforeAll(async () => {
    c = await startCenter(SMALL_CLUSTER);
    await c.ok("POST", "/api/v1/users", { ...OPS, roles: ["center-admin"] });
    await c.ok("POST", "/api/v1/users", ANN);
    const done = (
      await c.ok("POST", "/api/v1/jobs", { script: "#!/bin/bash\nsleep 1\n", workdir: workdir() })
    ).id as number;
    expect((await waitFor(c, done)).state).toBe("COMPLETED");
    running = (
      await c.ok("POST", "/api/v1/jobs", {
        script: "#!/bin/bash\n#SBATCH -c 3\nsleep 120\n",
        workdir: workdir(),
      })
    ).id as number;
    await waitFor(c, running, ["RUNNING"]);
  }, 60_000);
  afterAll(async () => {
    await c?.api("POST", `/api/v1/jobs/${running}/cancel`);
    await people.close();
    await c?.stop();
  });

  it("shows the center's figures, large, live, in both languages", async () => {
    const page = await as(OPS);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole("menuitem", { name: "Center screen" }).click();
    await page.getByRole("heading", { name: "Guang — the center now" }).waitFor();
    await page.getByText("3 / 4", { exact: true }).waitFor();
    const figure = async (label: string) =>
      (await page.getByText(label, { exact: true }).first().locator("..").innerText()).split(
        "\n",
      )[0];
    expect(await figure("jobs running")).toBe("1");
    expect(Number(await figure("jobs started today"))).toBeGreaterThanOrEqual(2);
    await page
      .getByRole("region", { name: "Institutions that used most (30 days)" })
      .getByText(/^default: [\d.]+ core-hours$/)
      .waitFor();
    // the 24 hours drawn: the line over its axes and grid (SVG paths)
    const use = page.getByRole("figure", { name: "Cores in use, the last 24 hours" });
    await expect.poll(() => use.locator("svg path").count()).toBeGreaterThan(5);
    await screenshot(page, "screen.en");
    expect(await accessibilityProblems(page), "center screen").toEqual([]);
    await page.getByText("中文").click();
    await page.getByRole("heading", { name: "光 · 算力中心实况" }).waitFor();
    await screenshot(page, "screen.zh");
    await page.getByText("English").click();
  });

  it("is refused to a researcher, in the API's words", async () => {
    const page = await as(ANN);
    expect(await page.getByRole("menuitem", { name: "Center screen" }).count()).toBe(0);
    await page.goto(`${c.url}/screen`);
    await page.getByText(/you may not see the center screen \(screen\.read\)/).waitFor();
  });
});
