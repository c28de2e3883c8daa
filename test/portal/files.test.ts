import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, CHROMIUM, screenshot, signedInPage } from "../helpers/browser.js";
import { startCenter, type TestCenter } from "../helpers/center.js";
import { AS_ROOT, makeUnixUsers, removeUnixUsers } from "../helpers/unix-user.js";

/**
 * The file manager and the storage panel in Chromium, as the user's own Unix account: a
 * resumable upload with its progress, the editor and its warning on a concurrent change, a
 * preview, rename, the trash, a folder as .tar, and the home's storage on the dashboard.
 */
if (!CHROMIUM || !AS_ROOT)
  console.log(
    "skipped: the files page (needs Debian's chromium, and root for a user's own account)",
  );

const UNIX = "gpf-web";
const HOME = `/home/${UNIX}`;
const PROJECTS = `/tmp/gpf-projects-${process.pid}`;
const ANN = { username: "ann", password: "Researcher-pass-2026" };
// the smallest PNG: one red pixel
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
  "base64",
);
let c: TestCenter;
let browser: Browser;
let page: Page;
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const row = (name: string) => page.getByRole("row").filter({ hasText: name });
const owned = (path: string, text: string) => {
  writeFileSync(path, text);
  spawnSync("chown", [`${UNIX}:`, path]);
};

describe.runIf(CHROMIUM && AS_ROOT)("the files page", () => {
  beforeAll(async () => {
    makeUnixUsers([UNIX], [64400, 64499]);
    mkdirSync(`${PROJECTS}/lab`, { recursive: true });
    c = await startCenter(
      `identities:\n  minUid: 1000\nfiles:\n  trashDays: 7\nstorage:\n  projects: ${PROJECTS}\n`,
    );
    await c.ok("POST", "/api/v1/users", { ...ANN, posix: { name: UNIX } });
    await c.ok("POST", "/api/v1/accounts/default/members", { user: "ann" });
    // an account of ann's with its project folder, whose storage shows beside its money
    await c.ok("POST", "/api/v1/accounts", { name: "lab", owner: "ann" });
    owned(`${PROJECTS}/lab/reads.fq`, "ACGT".repeat(250_000));
    spawnSync("chown", [`${UNIX}:`, `${PROJECTS}/lab`]);
    await c.ok("PUT", "/api/v1/storage/quotas", {
      account: "lab",
      softBytes: 500_000,
      hardBytes: 2_000_000,
      softFiles: null,
      hardFiles: null,
    });
    ({ browser, page } = await signedInPage(c.url, ANN));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await c?.stop();
    removeUnixUsers([UNIX]);
    rmSync(PROJECTS, { recursive: true, force: true });
  });

  it("shows the home's storage on the dashboard and counts it on demand", async () => {
    owned(`${HOME}/weights.bin`, "w".repeat(3_000_000));
    await page.getByRole("heading", { name: "Storage" }).waitFor();
    // the server's own periodic count may come first (a busy machine loads the page late)
    await page
      .getByText(/Not counted yet| · Counted /)
      .first()
      .waitFor();
    await page.getByRole("button", { name: "Count now" }).click();
    await expect.poll(() => page.getByText(/ · Counted /).count()).toBe(2);
    await expect
      .poll(() => page.getByRole("region", { name: "Storage" }).innerText())
      .toMatch(/2\.9 MiB in \d+ files/);
    // the account's project folder, in its own line and beside its money
    await expect
      .poll(() => page.getByRole("region", { name: "lab" }).innerText())
      .toMatch(/Storage: 9[0-9]{2}\.\d KiB of 1\.9 MiB allowed/);
    await page
      .getByText("Over the soft quota: please delete or move what is no longer needed.")
      .waitFor();
    await screenshot(page, "dashboard-storage.en");
  });

  it("uploads in pieces with progress and speed, and the file is whole, as the user's", async () => {
    await page.getByRole("menuitem", { name: "Files" }).click();
    await page.getByRole("heading", { name: "Files", exact: true }).waitFor();
    await row("weights.bin").waitFor();
    // two pieces of the 16 MiB the portal sends at a time
    const bytes = randomBytes(24 * 1024 * 1024);
    await Promise.all([
      page
        .getByRole("status")
        .filter({ hasText: /Uploading data\.bin: .* of 24\.0 MiB, .*\/s/ })
        .waitFor(),
      page
        .getByTestId("upload")
        .setInputFiles({ name: "data.bin", mimeType: "application/octet-stream", buffer: bytes }),
    ]);
    await row("data.bin").waitFor();
    expect(sha(readFileSync(`${HOME}/data.bin`))).toBe(sha(bytes));
    expect(statSync(`${HOME}/data.bin`).uid).toBe(
      Number(spawnSync("id", ["-u", UNIX], { encoding: "utf8" }).stdout),
    );
    // sorted by size, largest first: a click on the column, twice
    await page.getByRole("columnheader", { name: "Size" }).click();
    await page.getByRole("columnheader", { name: "Size" }).click();
    await expect
      .poll(async () => (await page.getByRole("row").nth(1).innerText()).split("\t")[0])
      .toContain("data.bin");
  });

  it("edits a text file, and says so when someone changed it meanwhile", async () => {
    owned(`${HOME}/notes.txt`, "first line\n");
    await page.getByRole("columnheader", { name: "Name" }).click();
    await page.reload();
    await row("notes.txt").getByRole("button", { name: "Edit" }).click();
    const editor = page.getByLabel(`Editing ${HOME}/notes.txt`);
    await editor.waitFor();
    await expect.poll(() => editor.innerText()).toContain("first line");
    expect(await accessibilityProblems(page), "the editor").toEqual([]);
    await editor.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("second line 你好");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    expect(readFileSync(`${HOME}/notes.txt`, "utf8")).toBe("first line\nsecond line 你好");
    // a job writes the file behind the editor's back
    owned(`${HOME}/notes.txt`, "written by a job\n");
    await editor.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" and more");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("This file was changed since you opened it").waitFor();
    expect(readFileSync(`${HOME}/notes.txt`, "utf8")).toBe("written by a job\n");
    await screenshot(page, "files-editor-conflict.en");
    await page.getByRole("button", { name: "Overwrite" }).click();
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    expect(readFileSync(`${HOME}/notes.txt`, "utf8")).toBe("first line\nsecond line 你好 and more");
    await page.getByRole("button", { name: "Close" }).click();
  });

  it("previews an image, renames through the dialog, deletes to the trash and restores", async () => {
    writeFileSync(`${HOME}/plot.png`, PNG);
    spawnSync("chown", [`${UNIX}:`, `${HOME}/plot.png`]);
    await page.reload();
    await row("plot.png").getByRole("button", { name: "Preview" }).click();
    const img = page.getByRole("img", { name: "Preview of plot.png" });
    await expect.poll(() => img.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBe(1);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "More for notes.txt" }).click();
    await page.getByRole("menuitem", { name: "Rename or move" }).click();
    await page.getByLabel(`New path of ${HOME}/notes.txt`).fill(`${HOME}/renamed.txt`);
    await page.getByRole("button", { name: "Apply" }).click();
    await row("renamed.txt").waitFor();
    await row("renamed.txt").getByRole("button", { name: "Delete" }).click();
    await page.getByRole("tooltip").getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => row("renamed.txt").count(), { timeout: 15_000 }).toBe(0);
    await page.getByRole("button", { name: "Trash", exact: true }).click();
    const trash = page.getByRole("dialog", { name: "Trash" });
    await trash
      .getByRole("row")
      .filter({ hasText: `${HOME}/renamed.txt` })
      .getByRole("button", { name: "Restore" })
      .click();
    await trash.getByText("Your trash is empty").waitFor();
    await trash.getByRole("button", { name: "Close" }).click();
    await row("renamed.txt").waitFor();
  });

  it("downloads a folder as a .tar, and speaks Chinese", async () => {
    spawnSync("sh", [
      "-c",
      `mkdir ${HOME}/results && echo 42 > ${HOME}/results/answer && chown -R ${UNIX}: ${HOME}/results`,
    ]);
    await page.reload();
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      row("results").getByRole("link", { name: "Download (.tar)" }).click(),
    ]);
    const listed = spawnSync("tar", ["-tf", (await file.path())!], { encoding: "utf8" }).stdout;
    expect(listed.split("\n").filter(Boolean).sort()).toEqual(["results/", "results/answer"]);
    // the pointer away from the rows: a hovered row is Ant Design's own shade
    await page.mouse.move(0, 0);
    await screenshot(page, "files-manager.en");
    expect(await accessibilityProblems(page), "files page").toEqual([]);
    await page.getByText("中文").click();
    await page.getByRole("heading", { name: "文件", exact: true }).waitFor();
    await page.getByRole("button", { name: "回收站" }).waitFor();
    await screenshot(page, "files-manager.zh");
    await page.getByRole("menuitem", { name: "概览" }).click();
    await page.getByRole("heading", { name: "存储" }).waitFor();
    await screenshot(page, "dashboard-storage.zh");
    await page.getByText("English").click();
  });
});
