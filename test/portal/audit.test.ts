import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, CHROMIUM, screenshot, browsersFor } from "../helpers/browser.js";
import { startCenter, type TestCenter } from "../helpers/center.js";

/**
 * The audit log page in Chromium: the center's staff filter it, open an entry's detail and
 * take it away as CSV; a researcher has no such menu, and the address typed by hand shows
 * the API's refusal.
 */
if (!CHROMIUM) console.log("skipped: the audit page in a browser (install Debian's chromium)");

const OPS = { username: "ops", password: "Operator-pass-2026" };
const ANN = { username: "ann", password: "Researcher-pass-2026" };
let c: TestCenter;

const people = browsersFor(() => c.url);
const as = people.as;

describe.runIf(CHROMIUM)("the audit log page", () => {
  beforeAll(async () => {
    c = await startCenter();
    await c.ok("POST", "/api/v1/users", { ...OPS, roles: ["center-admin"] });
    await c.ok("POST", "/api/v1/users", ANN);
    await c.ok("POST", "/api/v1/tenants", {
      name: "chem",
      admin: { username: "chem-admin", password: OPS.password },
    });
    // a refusal inside the use case, recorded too (with its error code)
    const again = await c.api("POST", "/api/v1/tenants", {
      name: "chem",
      admin: { username: "chem-admin2", password: OPS.password },
    });
    expect(again.status).toBe(409);
  }, 60_000);
  afterAll(async () => {
    await people.close();
    await c?.stop();
  });

  it("lets the center's staff filter the log, open an entry, and download it as CSV", async () => {
    const page = await as(OPS);
    await page.getByRole("menuitem", { name: "Audit log" }).click();
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    await page.getByRole("cell", { name: "tenant chem", exact: true }).first().waitFor();
    await page.getByLabel("Action", { exact: true }).fill("tenant.create");
    await page.keyboard.press("Enter");
    await expect
      .poll(async () => (await page.locator("tbody tr.ant-table-row").allInnerTexts()).length)
      .toBe(2);
    const rows = await page.locator("tbody tr.ant-table-row").allInnerTexts();
    expect(rows.join("\n")).toMatch(/admin\s+tenant\.create\s+tenant chem\s+done/);
    expect(rows.join("\n")).toMatch(/admin\s+tenant\.create\s+tenant chem\s+conflict/);
    await page
      .getByRole("row")
      .filter({ hasText: "done" })
      .getByRole("button", { name: /expand/i })
      .click();
    await page.getByText('"admin": "chem-admin"').waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, "audit.en");
    expect(await accessibilityProblems(page), "audit page").toEqual([]);
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("audit-csv").click(),
    ]);
    const csv = readFileSync((await file.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^id,at,tenant,actor,ip,action,target,result/);
    expect(csv).toContain("tenant chem");
    expect(csv).not.toContain("user.create");
    await page.getByText("中文").click();
    await page.getByRole("heading", { name: "审计日志" }).waitFor();
    await screenshot(page, "audit.zh");
    await page.getByText("English").click();
  });

  it("is not in a researcher's menu, and typed by hand it says they are not allowed", async () => {
    const page = await as(ANN);
    expect(await page.getByRole("menuitem", { name: "Audit log" }).count()).toBe(0);
    await page.goto(`${c.url}/audit`);
    await page.getByText("Not allowed").waitFor();
    await page.getByText(/you may not read the audit log \(audit\.read\)/).waitFor();
    await screenshot(page, "audit-refused.en");
  });
});
