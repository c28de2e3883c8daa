import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, CHROMIUM, launchBrowser, screenshot } from "../helpers/browser.js";
import { SMALL_CLUSTER, startCenter, workdir, type TestCenter } from "../helpers/center.js";

/** The researcher's portal in a real Chromium: sign in, submit, watch, read, cancel, languages. */
if (!CHROMIUM) console.log("skipped: the portal in a browser (install Debian's chromium)");

let c: TestCenter;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** A researcher of the default tenant, who signs in to the portal. */
const ANN = { username: "ann", password: "Researcher-pass-2026" };
let annToken: string;

beforeAll(async () => {
  if (!CHROMIUM) return;
  c = await startCenter(SMALL_CLUSTER);
  await c.ok("POST", "/api/v1/users", ANN);
  await c.ok("POST", "/api/v1/accounts/default/members", { user: "ann" });
  annToken = (await c.ok("POST", "/api/v1/auth/login", ANN, null)).token;
  browser = await launchBrowser();
  // the browser's language is English, so the portal starts in English
  // CSP bypassed only so that the accessibility checker can be put into the pages
  context = await browser.newContext({
    locale: "en-US",
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
  });
  page = await context.newPage();
}, 60000);
afterAll(async () => {
  await browser?.close();
  await c?.stop();
});

describe.skipIf(!CHROMIUM)("the portal", () => {
  it("signs in with the API's own refusal for a wrong password, then shows the dashboard", async () => {
    const served = await page.goto(c.url);
    // the page may run only the server's own scripts: none inline, none from elsewhere
    expect(served!.headers()["content-security-policy"]).toMatch(/(^|; )script-src 'self';/);
    await page.getByLabel("User name").fill("ann");
    await page.getByLabel("Password").fill("wrong-password");
    await screenshot(page, "sign-in.en");
    expect(await accessibilityProblems(page), "sign-in page").toEqual([]);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/password/i);
    await page.getByLabel("Password").fill(ANN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    await page.getByText("Available to spend").first().waitFor();
    // no token where a script could read it: the session is an HttpOnly cookie
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + document.cookie);
    expect(stored).not.toMatch(/guang_session/);
    await screenshot(page, "dashboard.en");
    expect(await accessibilityProblems(page), "dashboard").toEqual([]);
  });

  it("submits from a template, checked as it is typed, and watches the job start and end live with its output as text", async () => {
    await page.getByRole("menuitem", { name: "Submit a job" }).click();
    await page.getByRole("heading", { name: "Submit a job" }).waitFor();
    const script = page.getByTestId("script");
    await script.fill("#!/bin/bash\n#SBATCH --bogus=1\necho hi\n");
    await expect.poll(() => page.getByTestId("check").textContent()).toMatch(/bogus/);
    await script.fill(
      "#!/bin/bash\n#SBATCH --job-name=portal-one\n#SBATCH --time=00:05:00\necho '<script>alert(1)</script>'\nsleep 2\necho done\n",
    );
    // the form shows what the script says
    await expect.poll(() => page.getByLabel("Job name").inputValue()).toBe("portal-one");
    await expect.poll(() => page.getByTestId("check").textContent()).toMatch(/Ready: 1 job\(s\)/);
    await screenshot(page, "submit.en");
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await page.getByRole("heading", { name: /^Job \d+: portal-one$/ }).waitFor();
    await expect
      .poll(() => page.getByTestId("job-state").textContent(), { timeout: 15000 })
      .toBe("Running");
    await expect
      .poll(() => page.getByTestId("output-stdout").textContent(), { timeout: 15000 })
      .toContain("<script>alert(1)</script>");
    await expect
      .poll(() => page.getByTestId("job-state").textContent(), { timeout: 15000 })
      .toBe("Completed");
    await expect
      .poll(() => page.getByTestId("output-stdout").textContent())
      .toBe("<script>alert(1)</script>\ndone\n");
    await screenshot(page, "job.en");
    expect(await accessibilityProblems(page), "job page").toEqual([]);
  });

  it("lists jobs live and cancels one; a job of another tenant reads as not found", async () => {
    const id = (
      await c.ok(
        "POST",
        "/api/v1/jobs",
        { script: "#!/bin/bash\nsleep 60\n", args: ["-J", "long"], workdir: workdir() },
        annToken,
      )
    ).id;
    await page.getByRole("menuitem", { name: "Jobs" }).click();
    await page.getByRole("heading", { name: "Jobs" }).waitFor();
    const state = page.getByTestId(`state-${id}`);
    await expect.poll(() => state.textContent(), { timeout: 15000 }).toBe("Running");
    await screenshot(page, "jobs.en");
    await page.locator(".ant-table-row", { hasText: "long" }).getByRole("checkbox").check();
    await page.getByRole("button", { name: "Cancel" }).click();
    // the list shows running and waiting jobs: the cancelled one leaves it, as the server says
    await expect.poll(() => state.count(), { timeout: 15000 }).toBe(0);

    await c.ok("POST", "/api/v1/tenants", {
      name: "other",
      admin: { username: "other-admin", password: "Other-pass-2026" },
    });
    const token = (
      await c.ok(
        "POST",
        "/api/v1/auth/login",
        { username: "other-admin", password: "Other-pass-2026" },
        null,
      )
    ).token;
    await c.ok("POST", "/api/v1/accounts", {
      name: "other-proj",
      tenant: "other",
      owner: "other-admin",
    });
    const foreign = (
      await c.ok(
        "POST",
        "/api/v1/jobs",
        { script: "#!/bin/bash\ntrue\n", args: ["-H"], workdir: workdir() },
        token,
      )
    ).id;
    await page.goto(`${c.url}/jobs/${foreign}`);
    await page.getByText("Not found").first().waitFor();
    await screenshot(page, "job-not-found.en");
  });

  it("speaks Chinese when asked, on every page, with no English left, and remembers it", async () => {
    // a waiting job, so that the pages have a state and a reason to say
    await c.ok(
      "POST",
      "/api/v1/jobs",
      { script: "#!/bin/bash\ntrue\n", args: ["-H", "-J", "held"], workdir: workdir() },
      annToken,
    );
    await page.goto(c.url);
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    await page.getByText("中文").click();
    await page.getByRole("heading", { name: "概览" }).waitFor();
    for (const [menu, heading, name] of [
      ["概览", "概览", "dashboard"],
      ["提交作业", "提交作业", "submit"],
      ["作业", "作业", "jobs"],
    ] as const) {
      await page.getByRole("menuitem", { name: menu, exact: true }).click();
      await page.getByRole("heading", { name: heading, exact: true }).waitFor();
      await page.waitForLoadState("networkidle");
      if (name === "submit") await page.getByTestId("check").waitFor();
      const words = await page.locator("main").innerText();
      // the portal's own words are all Chinese; what users wrote (names, scripts) may be anything
      for (const english of [
        "Dashboard",
        "Submit a job",
        "Jobs",
        "Sign out",
        "Account",
        "State",
        "Cores",
        "Running",
        "Waiting",
      ])
        expect(words, `${name} page`).not.toContain(english);
      await screenshot(page, `${name}.zh`);
      expect(await accessibilityProblems(page), `${name} page`).toEqual([]);
    }
    await page.reload();
    await page.getByRole("heading", { name: "作业", exact: true }).waitFor();
  });

  it("signs out to the sign-in page", async () => {
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.getByRole("button", { name: "登录" }).waitFor();
    await screenshot(page, "sign-in.zh");
    const r = await page.evaluate(() => fetch("/api/v1/auth/whoami").then((x) => x.status));
    expect(r).toBe(401);
  });
});
