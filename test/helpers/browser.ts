import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { REPO } from "./traces.js";

/** Debian's chromium (`.ci/run` installs it); null, with a line saying so, where there is none. */
export const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync) ?? null;

/** Where the portal tests write their screenshots (the README names it): look at them. */
const SCREENSHOTS = join(REPO, "test-results", "screenshots");

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM!,
    args: ["--headless", "--no-sandbox", "--disable-background-networking"],
  });
}

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * What axe-core finds on the page that is serious or critical, as "rule: where" lines
 * (empty: none). The page's context must bypass CSP: axe is put in as a script of its own.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  // colours are measured as they settle: one caught mid-transition (a button turning enabled
  // fades from grey to blue over 0.2 s) is neither what the eye meets before nor after
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown) => Promise<unknown> } }).axe;
    const still = document.createElement("style");
    still.textContent =
      "*, *::before, *::after { transition: none !important; animation: none !important; }";
    document.head.append(still);
    try {
      return await axe.run(document);
    } finally {
      still.remove();
    }
  })) as { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
  return found.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** A full-page screenshot, named by page and language. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * A browser, and a page of it signed in to the center's portal as this person (in English,
 * 1280 wide; CSP bypassed only so that axe can be put into the pages), on the dashboard.
 */
export async function signedInPage(
  url: string,
  who: { username: string; password: string },
  height = 900,
): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchBrowser();
  const context = await browser.newContext({
    locale: "en-US",
    viewport: { width: 1280, height },
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel("User name").fill(who.username);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  return { browser, page };
}

/** Browsers for a suite's people, each signed in on its own (`as`), all closed together. */
export function browsersFor(url: () => string) {
  const browsers: Browser[] = [];
  return {
    async as(who: { username: string; password: string }, height?: number): Promise<Page> {
      const { browser, page } = await signedInPage(url(), who, height);
      browsers.push(browser);
      return page;
    },
    async close(): Promise<void> {
      for (const b of browsers) await b.close();
    },
  };
}

/** Waits for a toast of the page (Ant Design's message) saying this. */
export const toast = (page: Page, text: string | RegExp) =>
  page.locator(".ant-message").getByText(text).first().waitFor();

/** Chooses an option of the open Select's list (the visible one, not its hidden twin for screen readers). */
export const pick = (page: Page, title: string) =>
  page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
