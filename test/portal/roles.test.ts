import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browsersFor, CHROMIUM } from "../helpers/browser.js";
import { startCenter, type TestCenter } from "../helpers/center.js";

/**
 * Every page as every role, in Chromium: each of the six roles sees exactly the menu its
 * role allows (written out here by hand, not read from the portal's code), every page of
 * that menu opens without a refusal or an error, and the staff pages typed by hand show
 * "not allowed" to those who may not use them.
 */
if (!CHROMIUM) console.log("skipped: every page as every role (install Debian's chromium)");

const PW = "Roles-pass-2026";
let c: TestCenter;
const people = browsersFor(() => c.url);

const EVERYONE = [
  "Dashboard",
  "Submit a job",
  "Jobs",
  "History",
  "Files",
  "Shell",
  "My money",
  "My profile",
  "Clusters",
  "Usage",
  "Prices",
  "Applications",
];
const ROLES: { role: string; user: string; menu: string[]; refused: string[] }[] = [
  {
    role: "center admin",
    user: "ops",
    menu: [
      ...EVERYONE,
      "Job efficiency",
      "Accounts",
      "Users",
      "Tenants",
      "Finance",
      "Audit log",
      "Center screen",
    ],
    refused: [],
  },
  {
    role: "center finance",
    user: "cfo",
    menu: [
      ...EVERYONE,
      "Job efficiency",
      "Accounts",
      "Tenants",
      "Finance",
      "Audit log",
      "Center screen",
    ],
    refused: ["/users"],
  },
  {
    role: "tenant admin",
    user: "bio-admin",
    menu: [...EVERYONE, "Job efficiency", "Accounts", "Users", "Finance", "Audit log"],
    refused: ["/tenants", "/screen"],
  },
  {
    role: "tenant finance",
    user: "bio-fin",
    menu: [...EVERYONE, "Job efficiency", "Accounts", "Finance"],
    refused: ["/users", "/audit", "/tenants", "/screen"],
  },
  {
    role: "account owner",
    user: "bio-pi",
    menu: [...EVERYONE, "Accounts"],
    refused: ["/users", "/audit", "/tenants", "/finance", "/screen"],
  },
  {
    role: "member",
    user: "bio-stu",
    menu: EVERYONE,
    refused: ["/users", "/audit", "/tenants", "/finance", "/screen"],
  },
];

/** Opens a menu item and waits for its page: a new title and its heading, no refusal, no error. */
async function opens(page: Page, item: string): Promise<string | null> {
  const before = await page.title();
  await page.getByRole("navigation").getByRole("menuitem", { name: item, exact: true }).click();
  // the page shown first (the dashboard) is already open
  if (!before.startsWith(`${item} ·`))
    await expect.poll(() => page.title(), { message: `${item} opens` }).not.toBe(before);
  if (item === "Center screen") {
    // the wall's page fills the screen; back to the menu
    await page
      .getByText(/Cores in use|CPU cores/i)
      .first()
      .waitFor();
    await page.goBack();
    await page.getByRole("navigation").waitFor();
    return null;
  }
  await page.getByRole("heading", { level: 1 }).waitFor();
  const refused = await page.locator(".ant-result-403").count();
  const errors = await page.locator("main .ant-alert-error").allInnerTexts();
  return refused || errors.length ? `${item}: ${refused ? "refused" : errors.join("; ")}` : null;
}

describe.runIf(CHROMIUM)("every page as every role", () => {
  beforeAll(async () => {
    c = await startCenter();
    await c.ok("POST", "/api/v1/users", { username: "ops", password: PW, roles: ["center-admin"] });
    await c.ok("POST", "/api/v1/users", {
      username: "cfo",
      password: PW,
      roles: ["center-finance"],
    });
    await c.ok("POST", "/api/v1/tenants", {
      name: "bio",
      admin: { username: "bio-admin", password: PW },
    });
    await c.ok("POST", "/api/v1/users", {
      username: "bio-fin",
      tenant: "bio",
      password: PW,
      roles: ["tenant-finance"],
    });
    for (const u of ["bio-pi", "bio-stu"])
      await c.ok("POST", "/api/v1/users", { username: u, tenant: "bio", password: PW });
    await c.ok("POST", "/api/v1/accounts", { name: "bio-lab", tenant: "bio", owner: "bio-pi" });
    await c.ok("POST", "/api/v1/accounts/bio-lab/members", { user: "bio-stu" });
  }, 60_000);
  afterAll(async () => {
    await people.close();
    await c?.stop();
  });

  for (const r of ROLES)
    it(`shows the ${r.role} exactly its menu, opens each page, and refuses the rest`, async () => {
      const page = await people.as({ username: r.user, password: PW });
      const menu = await page.getByRole("navigation").getByRole("menuitem").allInnerTexts();
      expect(menu.map((m) => m.trim())).toEqual(r.menu);
      const wrong: string[] = [];
      for (const item of r.menu) {
        const problem = await opens(page, item);
        if (problem) wrong.push(problem);
      }
      expect(wrong, `pages of the ${r.role} that did not open cleanly`).toEqual([]);
      for (const path of r.refused) {
        await page.goto(c.url + path);
        await page.getByText("Not allowed", { exact: true }).waitFor();
      }
    });
});
