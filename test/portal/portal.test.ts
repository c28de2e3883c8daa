import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, CHROMIUM, launchBrowser, screenshot } from "../helpers/browser.js";
import {
  SMALL_CLUSTER,
  startCenter,
  waitFor,
  workdir,
  type TestCenter,
} from "../helpers/center.js";
import { en } from "../../web/src/locales/en.js";

/** The researcher's portal in a real Chromium: sign in, submit, watch, read, cancel, languages. */
if (!CHROMIUM) console.log("skipped: the portal in a browser (install Debian's chromium)");

let c: TestCenter;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** A researcher of the default tenant, who signs in to the portal. */
const ANN = { username: "ann", password: "Researcher-pass-2026" };
let annToken: string;

/** Every English sentence and word of the portal's own (its en.ts), but those filled in at run time. */
const ENGLISH: string[] = [];
(function leaves(o: object): void {
  for (const v of Object.values(o))
    if (typeof v === "string") {
      if (!v.includes("{{")) ENGLISH.push(v);
    } else leaves(v as object);
})(en);

/** The portal's English words found in a page's text, as whole words. */
function englishIn(text: string): string[] {
  return ENGLISH.filter((w) => {
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(^|\\W)${escaped}($|\\W)`).test(text);
  });
}

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
    // no OpenID provider here: no single sign-on button (the OIDC tests check the route that says)
    expect(await page.getByTestId("sso").count()).toBe(0);
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

  it("marks a refused line, writes the form into the script, and submits from a template", async () => {
    await page.getByRole("menuitem", { name: "Submit a job" }).click();
    await page.getByRole("heading", { name: "Submit a job" }).waitFor();
    const script = page.getByTestId("script");
    await script.fill("#!/bin/bash\n#SBATCH -n 1\n#SBATCH --bogus=1\necho hi\n");
    await expect.poll(() => page.getByTestId("check").textContent()).toMatch(/bogus/);
    // the API's refusal is marked on the line it names, the third
    const marked = page.locator(".cm-line", { has: page.locator(".cm-lintRange-error") });
    await expect.poll(() => marked.textContent()).toBe("#SBATCH --bogus=1");
    await screenshot(page, "submit-error.en");
    // a template, then the form: its fields become #SBATCH lines
    await page.getByLabel("Start from").click();
    await page.getByTitle("A job array").click();
    await expect.poll(() => page.getByLabel("Array", { exact: true }).inputValue()).toBe("1-10%4");
    await page.getByLabel("Start from").click();
    await page.getByTitle("A plain job").click();
    await page.getByLabel("Job name").fill("from-form");
    await expect.poll(() => script.textContent()).toContain("#SBATCH --job-name=from-form");
    await expect.poll(() => page.getByTestId("check").textContent()).toMatch(/Ready: 1 job\(s\)/);
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await page.getByRole("heading", { name: /^Job \d+: from-form$/ }).waitFor();
    await expect
      .poll(() => page.getByTestId("job-state").textContent(), { timeout: 20000 })
      .toBe("Completed");
  });

  it("submits again from a job's page, and watches the job start and end live with its output as text", async () => {
    await page.getByRole("button", { name: "Submit again" }).click();
    await page.getByRole("heading", { name: "Submit a job" }).waitFor();
    const script = page.getByTestId("script");
    // the job's own script, with the account and partition it ran in
    await expect.poll(() => script.textContent()).toContain("--job-name=from-form");
    await expect.poll(() => script.textContent()).toContain("--account=default");
    await script.fill(
      "#!/bin/bash\n#SBATCH --job-name=portal-one\n#SBATCH --time=00:05:00\necho '<script>alert(1)</script>'\nsleep 2\necho done\n",
    );
    // the form shows what the script says
    await expect.poll(() => page.getByLabel("Job name").inputValue()).toBe("portal-one");
    await expect.poll(() => page.getByTestId("check").textContent()).toMatch(/Ready: 1 job\(s\)/);
    await screenshot(page, "submit.en");
    expect(await accessibilityProblems(page), "submit page").toEqual([]);
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

  it("lists ended jobs with the fields one picks, and exports them as CSV", async () => {
    await page.getByRole("menuitem", { name: "History" }).click();
    await page.getByRole("heading", { name: "History" }).waitFor();
    await page.getByRole("cell", { name: "portal-one" }).waitFor();
    await page.getByLabel("Fields shown").fill("WorkDir");
    await page.keyboard.press("Enter");
    await page.getByRole("columnheader", { name: "WorkDir" }).waitFor();
    // the field list closed, as a person does once they have picked (it stays open for more)
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("listbox").count()).toBe(0);
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("csv").click(),
    ]);
    const [header, ...rows] = readFileSync((await file.path())!, "utf8")
      .trim()
      .split("\r\n");
    expect(header).toBe(
      "JobID,JobName,Partition,Account,AllocCPUS,State,ExitCode,Elapsed,Cost,WorkDir",
    );
    expect(rows).toContainEqual(
      expect.stringMatching(/^\d+,portal-one,cpu,default,1,COMPLETED,0:0,00:0\d,0\.00,\//),
    );
    await screenshot(page, "history.en");
    expect(await accessibilityProblems(page), "history page").toEqual([]);
  });

  it("shows an account's spending by day and user, its ledger in words and its statements", async () => {
    // ann manages the account now, and it pays for its jobs
    await c.ok("PATCH", "/api/v1/accounts/default/members/ann", { role: "admin" });
    await c.ok("POST", "/api/v1/prices", {
      cluster: "local",
      partition: "cpu",
      tenant: "default",
      effectiveFrom: new Date().toISOString(),
      cpuHour: "360",
    });
    await c.ok("POST", "/api/v1/tenants/default/recharge", { amount: "100" });
    await c.ok("POST", "/api/v1/accounts/default/transfer", { amount: "100" });
    const paid = await c.ok(
      "POST",
      "/api/v1/jobs",
      { script: "#!/bin/bash\nsleep 1\n", args: ["-J", "paid", "-t", "1:00"], workdir: workdir() },
      annToken,
    );
    await waitFor(c, paid.id);
    await page.goto(`${c.url}/money`);
    await page.getByRole("heading", { name: "My money" }).waitFor();
    await page
      .getByRole("figure", { name: /money spent each day/ })
      .locator("svg")
      .waitFor();
    await page.getByRole("cell", { name: /^Job charged/ }).waitFor();
    await page.getByRole("cell", { name: "Money given to the account" }).waitFor();
    const month = new Date().toISOString().slice(0, 7);
    const open = page.getByTestId(`statement-${month}`).getByRole("link", { name: "Open" });
    const statement = await page.request.get(`${c.url}${await open.getAttribute("href")}`);
    expect(statement.status()).toBe(200);
    expect(await statement.text()).toContain("default");
    await screenshot(page, "money.en");
    expect(await accessibilityProblems(page), "money page").toEqual([]);
  });

  it("makes an API token shown once, revokes it, and keeps the mails one chooses", async () => {
    await page.getByRole("menuitem", { name: "My profile" }).click();
    await page.getByRole("heading", { name: "My profile" }).waitFor();
    await page.getByLabel("Name", { exact: true }).fill("laptop");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent())!.trim();
    const whoami = (t: string) =>
      fetch(`${c.url}/api/v1/auth/whoami`, { headers: { authorization: `Bearer ${t}` } });
    expect((await whoami(token)).status).toBe(200);
    await page.getByRole("button", { name: "Revoke" }).click();
    await page.getByText("Revoked").waitFor();
    expect((await whoami(token)).status).toBe(401);
    await page.getByLabel("E-mail address").fill("ann@lab.example.org");
    await page.getByLabel("ends", { exact: true }).check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(async () => (await c.ok("GET", "/api/v1/profile", undefined, annToken)) as unknown)
      .toMatchObject({ email: "ann@lab.example.org", jobMail: ["END"] });
    await screenshot(page, "profile.en");
    expect(await accessibilityProblems(page), "profile page").toEqual([]);
  });

  it("speaks English or Chinese on every page, with none of the other left, and remembers the choice", async () => {
    // a waiting job, so that the pages have a state and a reason to say
    const held = await c.ok(
      "POST",
      "/api/v1/jobs",
      {
        script: "#!/bin/bash\ntrue\n",
        args: ["-H", "-J", "held", "-t", "1:00"],
        workdir: workdir(),
      },
      annToken,
    );
    const pages = {
      en: [
        "Dashboard",
        "Submit a job",
        "Jobs",
        "History",
        "Files",
        "Shell",
        "My money",
        "My profile",
      ],
      zh: ["概览", "提交作业", "作业", "历史作业", "文件", "终端", "我的费用", "个人资料"],
    };
    const names = [
      "dashboard",
      "submit",
      "jobs",
      "history",
      "files",
      "shell",
      "money",
      "profile",
      "job",
    ];
    await page.goto(c.url);
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    for (const lang of ["en", "zh"] as const) {
      if (lang === "zh") {
        await page.getByText("中文").click();
        await page.getByRole("menuitem", { name: "概览" }).waitFor();
      }
      for (const [i, name] of names.entries()) {
        const menu = pages[lang][i];
        // the shell's and files' own screenshots are the shell suite's (a Unix account of its own)
        const own = name === "shell" || name === "files";
        const shot = own ? `${name}-no-identity.${lang}` : `${name}.${lang}`;
        if (menu) {
          await page.getByRole("menuitem", { name: menu, exact: true }).click();
          await page.getByRole("heading", { name: menu, exact: true }).waitFor();
        } else {
          await page.goto(`${c.url}/jobs/${held.id}`);
          await page
            .getByRole("heading", { name: lang === "en" ? /^Job \d+/ : /^作业 \d+/ })
            .waitFor();
        }
        await page.waitForLoadState("networkidle");
        if (name === "submit") await page.getByTestId("check").waitFor();
        // the portal's own words are all in one language; what users wrote may be anything
        const words = await page.locator("body").innerText();
        if (lang === "zh") expect(englishIn(words), `${name} page`).toEqual([]);
        // in English, the only Chinese is the language switch's 中文 and the name 光
        else
          expect(
            words.replace(/中文|光/g, "").match(/\p{Script=Han}+/gu),
            `${name} page`,
          ).toBeNull();
        await screenshot(page, shot);
        expect(await accessibilityProblems(page), `${name} page (${lang})`).toEqual([]);
      }
    }
    await page.reload();
    await page.getByRole("heading", { name: /^作业 \d+/ }).waitFor();
  });

  it("signs out to the sign-in page", async () => {
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.getByRole("button", { name: "登录" }).waitFor();
    await screenshot(page, "sign-in.zh");
    const r = await page.evaluate(() => fetch("/api/v1/auth/whoami").then((x) => x.status));
    expect(r).toBe(401);
  });
});
