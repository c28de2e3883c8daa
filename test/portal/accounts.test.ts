import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityProblems,
  browsersFor,
  CHROMIUM,
  pick,
  screenshot,
  toast,
} from "../helpers/browser.js";
import { startCenter, type TestCenter } from "../helpers/center.js";

/**
 * Tenants and accounts in Chromium: the center admin makes a tenant (its admin's password
 * shown once) and sets its discount; the tenant's admin makes an account, sets its limits
 * and what it may use, blocks it with a reason and unblocks it, and manages its members.
 */
if (!CHROMIUM)
  console.log("skipped: the tenants and accounts pages in a browser (install Debian's chromium)");

const PW = "Accounts-pass-2026";
const OPS = { username: "ops", password: PW };
const PHYS = { username: "phys-admin", password: PW };
let c: TestCenter;
const people = browsersFor(() => c.url);

describe.runIf(CHROMIUM)("the tenants and accounts pages", () => {
  beforeAll(async () => {
    c = await startCenter();
    await c.ok("POST", "/api/v1/users", { ...OPS, roles: ["center-admin"] });
    await c.ok("POST", "/api/v1/tenants", { name: "phys", admin: PHYS });
    for (const u of ["phys-pi", "phys-stu"])
      await c.ok("POST", "/api/v1/users", { username: u, tenant: "phys", password: PW });
  }, 60_000);
  afterAll(async () => {
    await people.close();
    await c?.stop();
  });

  it("lets the center admin make a tenant, set its discount, disable and enable it", async () => {
    const page = await people.as(OPS);
    await page.getByRole("menuitem", { name: "Tenants" }).click();
    await page.getByRole("heading", { name: "Tenants" }).waitFor();
    await page.getByRole("row").filter({ hasText: "phys" }).waitFor();
    await page.getByRole("button", { name: "New tenant" }).click();
    const dialog = page.getByRole("dialog", { name: "New tenant" });
    await dialog.getByLabel("Tenant (institution)").fill("chem");
    await dialog.getByLabel("Its first admin's user name").fill("chem-admin");
    await dialog.getByRole("button", { name: "Create" }).click();
    await dialog.getByText("Tenant chem is made with its admin chem-admin").waitFor();
    expect((await dialog.locator("code").innerText()).length).toBeGreaterThanOrEqual(12);
    await dialog.getByRole("button", { name: "Done" }).click();
    const row = page.getByRole("row").filter({ hasText: "chem" });
    await row.waitFor();
    expect((await c.ok("GET", "/api/v1/tenants/chem")).users).toBe(1);
    await row.getByRole("button", { name: "Set discount" }).click();
    const discount = page.getByRole("dialog", { name: "Set discount: chem" });
    await discount.getByLabel("Discount in percent (0–100)").fill("15");
    await discount.getByRole("button", { name: "Save" }).click();
    await toast(page, /chem pays 15% less from/);
    await row.getByRole("button", { name: "Disable" }).click();
    const off = page.getByRole("dialog", { name: "Disable chem" });
    await off.getByRole("button", { name: "Disable" }).click();
    await off.getByText("say why the tenant is disabled (its people see it)").waitFor();
    await off.getByLabel("Why (its members see this)").fill("Contract ended on 30 November");
    await off.getByRole("button", { name: "Disable" }).click();
    await row.getByText("disabled", { exact: true }).waitFor();
    expect((await c.ok("GET", "/api/v1/tenants/chem")).disabled).toMatchObject({
      by: "ops",
      reason: "Contract ended on 30 November",
    });
    await row.getByRole("button", { name: "Enable" }).click();
    await row.getByText("active", { exact: true }).waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, "tenants.en");
    expect(await accessibilityProblems(page), "tenants page").toEqual([]);
    await page.getByText("中文").click();
    await page.getByRole("heading", { name: "租户", exact: true }).waitFor();
    await screenshot(page, "tenants.zh");
    await page.getByText("English").click();
  });

  it("lets a tenant's admin make an account, set its limits and use, block it, and manage its members", async () => {
    const page = await people.as(PHYS);
    await page.getByRole("menuitem", { name: "Accounts" }).click();
    await page.getByRole("heading", { name: "Accounts" }).waitFor();
    await page.getByRole("button", { name: "New account" }).click();
    const dialog = page.getByRole("dialog", { name: "New account" });
    await dialog.getByLabel("Account", { exact: true }).fill("lattice");
    await dialog.getByLabel("Owner (a user of the tenant)").fill("nobody");
    await dialog.getByRole("button", { name: "Create" }).click();
    // the API's words, and nothing made
    await dialog.getByText("user nobody does not exist in tenant phys").waitFor();
    await dialog.getByLabel("Owner (a user of the tenant)").fill("phys-pi");
    await dialog.getByRole("button", { name: "Create" }).click();
    await toast(page, "Account lattice is made");
    const row = page.getByRole("row").filter({ hasText: "lattice" });
    await row.getByRole("button", { name: "Manage" }).click();
    const drawer = page.getByRole("dialog", { name: "lattice" });
    await drawer.getByLabel("Cores at once").fill("64");
    await drawer.getByLabel("Longest time limit (e.g. 2-00:00:00)").fill("2-00:00:00");
    await drawer
      .getByRole("region", { name: "Limits" })
      .getByRole("button", { name: "Save" })
      .click();
    await toast(page, "Saved lattice");
    expect((await c.ok("GET", "/api/v1/accounts/lattice")).limits).toEqual({
      maxCpus: 64,
      maxTimeLimit: 172800,
    });
    await drawer.getByRole("combobox", { name: "Clusters" }).click();
    await pick(page, "local");
    await page.keyboard.press("Escape");
    await drawer
      .getByRole("region", { name: "May use" })
      .getByRole("button", { name: "Save" })
      .click();
    await expect
      .poll(async () => (await c.ok("GET", "/api/v1/accounts/lattice")).allowed)
      .toEqual({ clusters: ["local"] });
    await drawer.getByRole("button", { name: "Block", exact: true }).click();
    const block = page.getByRole("dialog", { name: "Block lattice" });
    await block.getByLabel("Why (its members see this)").fill("Unpaid invoice of November");
    await block.getByRole("button", { name: "Block" }).click();
    await drawer
      .getByText(/admin block by phys-admin since .*: Unpaid invoice of November/)
      .waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, "account-settings.en");
    expect(await accessibilityProblems(page), "account settings").toEqual([]);
    expect((await c.ok("GET", "/api/v1/accounts/lattice")).state).toBe("blocked");
    await row.getByText("blocked", { exact: true }).waitFor();
    await drawer.getByRole("tab", { name: "Members" }).click();
    await drawer.getByLabel("User", { exact: true }).fill("phys-stu");
    await drawer.getByRole("button", { name: "Add member" }).click();
    await toast(page, "phys-stu is a member of lattice");
    const stu = drawer.getByRole("row").filter({ hasText: "phys-stu" });
    await stu.getByRole("combobox", { name: "Role" }).click();
    await pick(page, "administrator");
    await toast(page, "phys-stu is now administrator");
    // the chosen option's list closes (an open list is checked by axe as a field of its own)
    await page.locator(".ant-select-dropdown:visible").waitFor({ state: "hidden" });
    const members = (await c.ok("GET", "/api/v1/accounts/lattice/members")).members;
    expect(
      members.map((m: { user: string; role: string }) => `${m.user}:${m.role}`).sort(),
    ).toEqual(["phys-pi:owner", "phys-stu:admin"]);
    await page.mouse.move(0, 0);
    await screenshot(page, "account-members.en");
    expect(await accessibilityProblems(page), "account members").toEqual([]);
    await drawer.getByRole("tab", { name: "Limits and use" }).click();
    await drawer.getByRole("button", { name: "Unblock" }).click();
    await toast(page, "lattice is unblocked");
    expect((await c.ok("GET", "/api/v1/accounts/lattice")).state).toBe("active");
    await drawer.getByRole("button", { name: "Close" }).click();
    await drawer.waitFor({ state: "hidden" });
    await screenshot(page, "accounts.en");
    expect(await accessibilityProblems(page), "accounts page").toEqual([]);
    await page.getByText("中文").click();
    await page.getByRole("heading", { name: "账户", exact: true }).waitFor();
    await screenshot(page, "accounts.zh");
    await page.getByText("English").click();
  });
});
