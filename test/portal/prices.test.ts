import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, CHROMIUM, screenshot, browsersFor } from "../helpers/browser.js";
import { SMALL_CLUSTER, startCenter, type TestCenter } from "../helpers/center.js";

/**
 * The prices page in Chromium: the center's finance previews what a typical job would cost
 * under a new price (the server's figure) and which accounts it would stop, is asked before
 * it stops them, and sets it from a time on; a researcher reads prices and sets none.
 */
if (!CHROMIUM) console.log("skipped: the prices page in a browser (install Debian's chromium)");

const CF = { username: "cf", password: "Finance-pass-2026" };
const ANN = { username: "ann", password: "Researcher-pass-2026" };
let c: TestCenter;

const people = browsersFor(() => c.url);
const as = people.as;

describe.runIf(CHROMIUM)("the prices page", () => {
  beforeAll(async () => {
    c = await startCenter(SMALL_CLUSTER);
    await c.ok("POST", "/api/v1/users", { ...CF, roles: ["center-finance"] });
    await c.ok("POST", "/api/v1/users", ANN);
    await c.ok("POST", "/api/v1/accounts/default/members", { user: "ann" });
  }, 60_000);
  afterAll(async () => {
    await people.close();
    await c?.stop();
  });

  it("previews a new price's cost of a typical job and whom it stops, then sets it from a time on", async () => {
    const page = await as(CF);
    await page.getByRole("menuitem", { name: "Prices" }).click();
    await page.getByRole("heading", { name: "Prices", exact: true }).waitFor();
    await page.getByRole("cell", { name: "cpu", exact: true }).first().waitFor();
    await page.getByRole("combobox", { name: "Cluster" }).click();
    await page.locator('.ant-select-dropdown .ant-select-item-option[title="local"]').click();
    await page.getByRole("combobox", { name: "Partition" }).click();
    await page.locator('.ant-select-dropdown .ant-select-item-option[title="cpu"]').click();
    await page.getByRole("textbox", { name: "Core-hour" }).fill("0.5");
    await page.getByLabel("hours", { exact: true }).fill("8");
    // 4 cores × 8 hours × 0.5: the server's figure
    await page.getByText(/would cost 16\.00 CNY under it/).waitFor();
    await page.getByText(/would stop: default/).waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, "prices.en");
    expect(await accessibilityProblems(page), "prices page").toEqual([]);
    await page.getByRole("button", { name: "Set this price" }).click();
    await page.getByRole("button", { name: "Set it anyway" }).click();
    await page.getByText("The new price of local/cpu is set").waitFor();
    const all = (await c.api("GET", "/api/v1/prices?history=true")).body.prices as {
      partition: string;
      cpuHour: string;
    }[];
    expect(all.filter((p) => p.partition === "cpu").map((p) => p.cpuHour)).toContain("0.50");
    await page.getByText("中文").click();
    await page.getByRole("heading", { name: "价格", exact: true }).waitFor();
    await screenshot(page, "prices.zh");
    await page.getByText("English").click();
  });

  it("shows a researcher the prices, and no way to set one", async () => {
    const page = await as(ANN);
    await page.getByRole("menuitem", { name: "Prices" }).click();
    await page.getByRole("cell", { name: "cpu", exact: true }).first().waitFor();
    expect(await page.getByRole("button", { name: "Set this price" }).count()).toBe(0);
  });
});
