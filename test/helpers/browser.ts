import { existsSync, mkdirSync } from "node:fs";
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

/** A full-page screenshot, named by page and language. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
