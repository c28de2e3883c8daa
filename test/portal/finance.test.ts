import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityProblems,
  browsersFor,
  CHROMIUM,
  pick,
  screenshot,
  toast,
} from "../helpers/browser.js";
import { startCenter, TEST_CONFIG, type TestCenter } from "../helpers/center.js";
import { startSmtp } from "../helpers/smtp.js";
import { until } from "../helpers/until.js";

/**
 * The finance page in Chromium: the center's finance recharges a tenant, moves money to an
 * account, corrects a balance with a reason, sets an account's threshold and credit, reads
 * the ledger filtered, gives a grant and sends a statement; the tenant's finance sees its
 * own tenant only and no center-only buttons.
 */
if (!CHROMIUM) console.log("skipped: the finance page in a browser (install Debian's chromium)");

const PW = "Finance-pass-2026";
const CFO = { username: "cfo", password: PW };
const FIN = { username: "bio-fin", password: PW };
let c: TestCenter;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const people = browsersFor(() => c.url);

describe.runIf(CHROMIUM)("the finance page", () => {
  beforeAll(async () => {
    smtp = await startSmtp();
    c = await startCenter(TEST_CONFIG + smtp.config("en"));
    await c.ok("POST", "/api/v1/users", { ...CFO, roles: ["center-finance"] });
    for (const t of ["bio", "geo"]) {
      await c.ok("POST", "/api/v1/tenants", {
        name: t,
        admin: { username: `${t}-admin`, password: PW, email: `admin@${t}.example` },
      });
      await c.ok("POST", "/api/v1/users", {
        username: `${t}-pi`,
        tenant: t,
        password: PW,
        email: `pi@${t}.example`,
      });
      await c.ok("POST", "/api/v1/accounts", { name: `${t}-lab`, tenant: t, owner: `${t}-pi` });
    }
    await c.ok("POST", "/api/v1/users", { ...FIN, tenant: "bio", roles: ["tenant-finance"] });
  }, 60_000);
  afterAll(async () => {
    await people.close();
    await c?.stop();
    await smtp?.stop();
  });

  it("lets the center's finance move, correct and grant money, read the ledger and send a statement", async () => {
    const page = await people.as(CFO);
    await page.getByRole("menuitem", { name: "Finance" }).click();
    await page.getByRole("heading", { name: "Finance" }).waitFor();
    const bio = page
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: "Tenant", exact: true }) })
      .filter({ has: page.getByRole("cell", { name: "bio", exact: true }) });
    await bio.getByRole("button", { name: "Recharge" }).click();
    let dialog = page.getByRole("dialog", { name: "Recharge: bio" });
    await dialog.getByLabel("Amount").fill("ten");
    await dialog.getByRole("button", { name: "Recharge" }).click();
    // the API's words about the amount; nothing moved
    await dialog.locator(".ant-alert-error").waitFor();
    await dialog.getByLabel("Amount").fill("1000");
    await dialog.getByRole("button", { name: "Recharge" }).click();
    await toast(page, "Done: bio has 1000.00 CNY");
    const lab = page.getByRole("row").filter({ hasText: "bio-lab" });
    await lab.getByRole("button", { name: "Move money here" }).click();
    dialog = page.getByRole("dialog", { name: "Move money here: bio-lab" });
    await dialog.getByLabel("Amount").fill("250.50");
    await dialog.getByRole("button", { name: "Move money here" }).click();
    await toast(page, "Done: bio-lab has 250.50 CNY");
    await lab.getByRole("button", { name: "Adjust" }).click();
    dialog = page.getByRole("dialog", { name: "Adjust: bio-lab" });
    await dialog.getByLabel("Amount").fill("-0.50");
    await dialog.getByRole("button", { name: "Adjust" }).click();
    await dialog.getByText("Say why (it stays in the ledger)").waitFor();
    await dialog.getByLabel("Why").fill("Rounding of the October invoice");
    await dialog.getByRole("button", { name: "Adjust" }).click();
    await toast(page, "Done: bio-lab has 250.00 CNY");
    await lab.getByRole("button", { name: "Threshold and credit" }).click();
    dialog = page.getByRole("dialog", { name: "Threshold and credit: bio-lab" });
    await dialog.getByLabel("Credit").fill("100");
    await dialog.getByRole("button", { name: "Save" }).click();
    await toast(page, "Money settings of bio-lab saved");
    expect((await c.ok("GET", "/api/v1/accounts/bio-lab/billing")).creditLimit).toBe("100.00");
    await page.mouse.move(0, 0);
    await screenshot(page, "finance.en");
    expect(await accessibilityProblems(page), "finance balances").toEqual([]);

    await page.getByRole("tab", { name: "Ledger" }).click();
    await page.getByRole("combobox", { name: "Account" }).click();
    await pick(page, "bio-lab");
    await page.getByRole("cell", { name: "Rounding of the October invoice" }).waitFor();
    await expect.poll(() => page.locator("tbody tr.ant-table-row:visible").count()).toBe(2);

    await page.getByRole("tab", { name: "Grants" }).click();
    const give = page.getByRole("form", { name: "Give a grant" });
    await page.getByRole("combobox", { name: "Account" }).last().click();
    await pick(page, "bio-lab");
    await give.getByLabel("Hours").fill("5000");
    await give.getByLabel("Ends").click();
    await page.locator(".ant-picker-dropdown:visible .ant-picker-header-next-btn").click();
    await page.locator(".ant-picker-dropdown:visible td.ant-picker-cell-in-view").nth(14).click();
    await give.getByLabel("Why").fill("NSFC 2027");
    await give.getByRole("button", { name: "Give a grant" }).click();
    await toast(page, "5000 core-hours given to bio-lab");
    const [grant] = (await c.ok("GET", "/api/v1/accounts/bio-lab/grants")).grants;
    expect(grant).toMatchObject({ resource: "cpu", hours: 5000, reason: "NSFC 2027" });
    await page.getByRole("cell", { name: "NSFC 2027" }).waitFor();
    await screenshot(page, "finance-grants.en");

    await page.getByRole("tab", { name: "Statements" }).click();
    await page.getByRole("combobox", { name: "Statement of" }).click();
    await pick(page, "Account bio-lab");
    const month = new Date().toISOString().slice(0, 7);
    expect(await page.getByRole("link", { name: "Open" }).getAttribute("href")).toBe(
      `/api/v1/statements?account=bio-lab&month=${month}&format=html&lang=en`,
    );
    await page.getByRole("button", { name: "Send by e-mail" }).click();
    await toast(page, "Sent to pi@bio.example");
    await until("the statement in pi's mailbox", () =>
      smtp.inbox.find((m) => m.to.includes("pi@bio.example")),
    );
    await page.getByText("中文").click();
    await page.getByRole("heading", { name: "财务", exact: true }).waitFor();
    await page.getByRole("tab", { name: "余额" }).click();
    await screenshot(page, "finance.zh");
    await page.getByText("English").click();
  });

  it("shows a tenant's finance its own tenant only, without the center's buttons", async () => {
    const page = await people.as(FIN);
    await page.getByRole("menuitem", { name: "Finance" }).click();
    await page.getByRole("row").filter({ hasText: "bio-lab" }).waitFor();
    const rows = await page.locator("tbody tr.ant-table-row").allInnerTexts();
    expect(rows.join("\n")).not.toContain("geo");
    expect(await page.getByRole("button", { name: "Recharge" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Refund a job" }).count()).toBe(0);
    await page
      .getByRole("row")
      .filter({ hasText: "bio-lab" })
      .getByRole("button", { name: "Move money here" })
      .waitFor();
  });
});
