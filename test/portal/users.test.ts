import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, CHROMIUM, screenshot, signedInPage } from "../helpers/browser.js";
import { startCenter, type TestCenter } from "../helpers/center.js";

/**
 * The users page in Chromium for the center admin: 150 users searched and paged by the
 * server, one disabled and enabled again, a new one made with its password shown once.
 */
if (!CHROMIUM) console.log("skipped: the users page in a browser (install Debian's chromium)");

const OPS = { username: "ops", password: "Operator-pass-2026" };
let c: TestCenter;
let browser: Browser;
let page: Page;

describe.runIf(CHROMIUM)("the users page", () => {
  beforeAll(async () => {
    c = await startCenter();
    await c.ok("POST", "/api/v1/users", { ...OPS, roles: ["center-admin"] });
    for (let b = 0; b < 15; b++)
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          c.ok("POST", "/api/v1/users", {
            username: `lab-${String(b * 10 + i).padStart(3, "0")}`,
            email: `lab${b * 10 + i}@uni.example`,
          }),
        ),
      );
    ({ browser, page } = await signedInPage(c.url, OPS));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await c?.stop();
  });

  it("finds and pages users on the server, disables and enables one, and makes one", async () => {
    const total = (await c.api("GET", "/api/v1/users?limit=1")).body.total as number;
    expect(total).toBeGreaterThanOrEqual(152);
    await page.getByRole("menuitem", { name: "Users" }).click();
    await page.getByRole("heading", { name: "Users", exact: true }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: `${total} users` })
      .waitFor();
    await expect.poll(() => page.locator("tbody tr.ant-table-row").count()).toBe(50);
    await page.getByLabel("Find by name or e-mail").fill("lab-07");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "10 users" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: "lab-070" });
    await row.getByRole("button", { name: "Disable" }).click();
    await page.getByRole("tooltip").getByRole("button", { name: "Disable" }).click();
    await row.getByText("disabled", { exact: true }).waitFor();
    expect((await c.api("GET", "/api/v1/users/lab-070")).body.disabled).toBe(true);
    await page.mouse.move(0, 0);
    await screenshot(page, "users.en");
    expect(await accessibilityProblems(page), "users page").toEqual([]);
    await row.getByRole("button", { name: "Enable" }).click();
    await row.getByText("active", { exact: true }).waitFor();
    // roles, e-mail and a POSIX identity; one already held is refused in the API's words
    await row.getByRole("button", { name: "Edit" }).click();
    let edit = page.getByRole("dialog", { name: "Edit lab-070" });
    await edit.getByRole("combobox", { name: "Roles" }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option[title="tenant-finance"]')
      .click();
    await page.keyboard.press("Escape");
    await edit.getByLabel("E-mail").fill("lab70@new.example");
    await edit.getByLabel("Unix account").fill("lab070");
    await edit.getByLabel("UID").fill("30070");
    await edit.getByRole("button", { name: "Save" }).click();
    // the API's rule, in its words: a UID goes with a GID
    await edit.getByText(/give posix.uid and posix.gid together/).waitFor();
    await edit.getByLabel("GID").fill("30070");
    await edit.getByRole("button", { name: "Save" }).click();
    await page.locator(".ant-message").getByText("lab-070 is saved").waitFor();
    expect((await c.api("GET", "/api/v1/users/lab-070")).body).toMatchObject({
      roles: ["tenant-finance"],
      email: "lab70@new.example",
      posix: { name: "lab070", uid: 30070, gid: 30070 },
    });
    await page
      .getByRole("row")
      .filter({ hasText: "lab-071" })
      .getByRole("button", { name: "Edit" })
      .click();
    edit = page.getByRole("dialog", { name: "Edit lab-071" });
    await edit.getByLabel("Unix account").fill("lab071");
    await edit.getByLabel("UID").fill("30070");
    await edit.getByLabel("GID").fill("30071");
    await edit.getByRole("button", { name: "Save" }).click();
    await edit.locator(".ant-alert-error").waitFor();
    expect(await edit.locator(".ant-alert-error").innerText()).toMatch(/30070/);
    await edit.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "New user" }).click();
    const dialog = page.getByRole("dialog", { name: "New user" });
    await dialog.getByLabel("User name").fill("wang5");
    await dialog.getByLabel("E-mail").fill("wang5@uni.example");
    await dialog.getByRole("button", { name: "Create" }).click();
    await dialog.getByText("wang5 is made.").waitFor();
    await dialog.locator("code").waitFor();
    expect((await dialog.locator("code").innerText()).length).toBeGreaterThanOrEqual(12);
    await dialog.getByRole("button", { name: "Done" }).click();
    expect((await c.api("GET", "/api/v1/users/wang5")).body.email).toBe("wang5@uni.example");
    await page.getByText("中文").click();
    await page.getByRole("heading", { name: "用户", exact: true }).waitFor();
    await screenshot(page, "users.zh");
    await page.getByText("English").click();
  });
});
