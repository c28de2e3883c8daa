import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, CHROMIUM, screenshot, signedInPage } from "../helpers/browser.js";
import { startCenter, type TestCenter } from "../helpers/center.js";
import { PTY } from "../helpers/pty.js";
import { AS_ROOT, makeUnixUsers, removeUnixUsers } from "../helpers/unix-user.js";

/**
 * The portal's shell and files pages in Chromium: a terminal as the user's own Unix account,
 * in tabs; files uploaded with progress, downloaded and deleted as that account.
 */
if (!CHROMIUM || !AS_ROOT)
  console.log(
    "skipped: the shell page (needs Debian's chromium, and root for a user's own account)",
  );

const UNIX = "gsh-web";
const ANN = { username: "ann", password: "Researcher-pass-2026" };
let c: TestCenter;
let browser: Browser;
let page: Page;

/** What the terminal shows, row by row (xterm.js draws its rows as text in the page). */
const screenText = () => page.getByTestId("terminal").locator(".xterm-rows").first().innerText();

/** Types a line into the focused terminal, then waits until the screen shows `until`. */
async function type(line: string, until: RegExp): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
  await expect.poll(screenText, { timeout: 15000 }).toMatch(until);
}

describe.runIf(CHROMIUM && AS_ROOT && PTY)("the shell page", () => {
  beforeAll(async () => {
    makeUnixUsers([UNIX], [63500, 63999]);
    c = await startCenter("identities:\n  minUid: 1000\n");
    await c.ok("POST", "/api/v1/users", { ...ANN, posix: { name: UNIX } });
    await c.ok("POST", "/api/v1/accounts/default/members", { user: "ann" });
    ({ browser, page } = await signedInPage(c.url, ANN, 800));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await c?.stop();
    removeUnixUsers([UNIX]);
  });

  it("opens a login shell as the user's own account, where Chinese and guang work, and keeps it over a reload", async () => {
    await page.getByRole("menuitem", { name: "Shell" }).click();
    await page.getByRole("heading", { name: "Shell", exact: true }).waitFor();
    await expect.poll(() => page.getByRole("tab").first().innerText()).toContain(UNIX);
    await page.getByTestId("terminal").click();
    await type("whoami", new RegExp(`^${UNIX}$`, "m"));
    await type("echo 你好", /^你好$/m);
    await type("guang jobs -h ; echo jobs-$?", /^jobs-0$/m);
    await screenshot(page, "shell.en");
    expect(await accessibilityProblems(page), "shell page").toEqual([]);
    // a reload takes the same shell up again: what it said is still there
    await type("export MARK=kept", /MARK=kept/);
    await page.reload();
    await page.getByTestId("terminal").click();
    await type("echo $MARK", /^kept$/m);
    // a second tab is a second shell
    await page.getByRole("button", { name: "New shell" }).click();
    await expect.poll(() => page.getByRole("tab").count()).toBe(2);
    await page.getByText("中文").click();
    await page.getByRole("heading", { name: "终端", exact: true }).waitFor();
    await screenshot(page, "shell.zh");
  });

  it("uploads with progress, downloads and deletes files as the user's own account", async () => {
    await page.getByText("English").click();
    await page.getByRole("menuitem", { name: "Files" }).click();
    await page.getByRole("heading", { name: "Files", exact: true }).waitFor();
    await page.getByRole("cell", { name: ".profile", exact: true }).waitFor();
    await page.getByLabel("New folder's name").fill("results");
    await page.getByRole("button", { name: "Make folder" }).click();
    await page.getByRole("link", { name: "results" }).click();
    await expect.poll(() => page.locator(".ant-breadcrumb").innerText()).toContain("results");
    const bytes = Buffer.from("42 答案\n".repeat(100_000));
    await page.getByTestId("upload").setInputFiles({
      name: "answer.txt",
      mimeType: "text/plain",
      buffer: bytes,
    });
    await page.getByRole("cell", { name: "answer.txt", exact: true }).waitFor();
    const uid = Number(spawnSync("id", ["-u", UNIX], { encoding: "utf8" }).stdout);
    expect(statSync(`/home/${UNIX}/results/answer.txt`).uid).toBe(uid);
    await screenshot(page, "files.en");
    expect(await accessibilityProblems(page), "files page").toEqual([]);
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download" }).click(),
    ]);
    expect(readFileSync((await file.path())!)).toEqual(bytes);
    await page.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("button", { name: "Delete", exact: true }).last().click();
    await expect
      .poll(() => page.getByRole("cell", { name: "answer.txt", exact: true }).count())
      .toBe(0);
    await page.getByText("中文").click();
    await page.getByRole("heading", { name: "文件", exact: true }).waitFor();
    await screenshot(page, "files.zh");
  });
});
