import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityProblems,
  browsersFor,
  CHROMIUM,
  pick,
  screenshot,
  toast,
} from "../helpers/browser.js";
import { startCenter, TEST_CONFIG, waitFor, workdir, type TestCenter } from "../helpers/center.js";

/**
 * A project application walked in Chromium: a researcher applies for a new account, the
 * tenant's admin asks for changes, the researcher changes it, the admin approves it with
 * fewer core-hours; the account, its member and its grant exist, and the first job is
 * charged to the grant (nothing of money).
 */
if (!CHROMIUM)
  console.log("skipped: the applications page in a browser (install Debian's chromium)");

const PW = "Applying-pass-2026";
const LI = { username: "bio-li", password: PW };
const ADMIN = { username: "bio-admin", password: PW };
let c: TestCenter;
const people = browsersFor(() => c.url);

describe.runIf(CHROMIUM)("the applications page", () => {
  beforeAll(async () => {
    c = await startCenter(TEST_CONFIG);
    await c.ok("POST", "/api/v1/tenants", { name: "bio", admin: ADMIN });
    for (const u of ["bio-li", "bio-wang"])
      await c.ok("POST", "/api/v1/users", { username: u, tenant: "bio", password: PW });
    await c.ok("POST", "/api/v1/prices", {
      cluster: "local",
      partition: "cpu",
      tenant: "bio",
      effectiveFrom: new Date().toISOString(),
      cpuHour: "3600",
    });
  }, 60_000);
  afterAll(async () => {
    await people.close();
    await c?.stop();
  });

  it("goes from apply to changes to approve, and the first job is charged to the grant", async () => {
    const li = await people.as(LI);
    await li.getByRole("menuitem", { name: "Applications" }).click();
    await li.getByRole("heading", { name: "Applications" }).waitFor();
    await li.getByRole("button", { name: "Apply" }).click();
    const form = li.getByRole("dialog", { name: "Apply" });
    await form.getByLabel("Project title").fill("Rice genome assembly");
    await form.getByLabel("Account name (lower-case letters, digits, - and _)").fill("genome");
    await form.getByRole("combobox", { name: "Field" }).click();
    await pick(li, "Life sciences");
    await form.getByLabel("Principal investigator (PI)").fill("Prof. Li Hua");
    await form
      .getByRole("combobox", { name: "Members (user names of your institution)" })
      .fill("bio-wang");
    await li.keyboard.press("Enter");
    await form
      .getByLabel("Purpose: what the work is and why it needs the center")
      .fill("Assemble 3,000 rice genomes");
    await form.getByLabel("Core-hours").fill("2");
    await form.getByRole("button", { name: "Submit" }).click();
    // no period for the hours: the API says so, and the form stays
    await form.getByText(/endsAt is needed/).waitFor();
    await form.getByLabel("Until").click();
    await li.locator(".ant-picker-dropdown:visible .ant-picker-header-next-btn").click();
    await li.locator(".ant-picker-dropdown:visible td.ant-picker-cell-in-view").nth(14).click();
    await form.getByRole("button", { name: "Submit" }).click();
    await toast(li, /Application A\d{5} is submitted/);
    const row = li.getByRole("row").filter({ hasText: "Rice genome assembly" });
    await row.getByText("waiting for a decision").waitFor();
    await li.mouse.move(0, 0);
    await screenshot(li, "applications.en");
    expect(await accessibilityProblems(li), "applications page").toEqual([]);

    const admin = await people.as(ADMIN);
    await admin.getByRole("menuitem", { name: "Applications" }).click();
    await admin.getByRole("tab", { name: "To decide" }).waitFor();
    await admin.getByRole("cell", { name: "Rice genome assembly" }).click();
    let drawer = admin.getByRole("dialog", { name: /Rice genome assembly/ });
    await drawer.getByText("Prof. Li Hua").waitFor();
    await drawer.getByRole("button", { name: "Ask for changes" }).click();
    await drawer.getByText("say what to change (the applicant reads it)").waitFor();
    await drawer.getByLabel("Your note to the applicant").fill("Say how much data you have");
    await drawer.getByRole("button", { name: "Ask for changes" }).click();
    await toast(admin, /: changes asked/);

    await li.reload();
    await row.getByText("changes asked").waitFor();
    await row.click();
    drawer = li.getByRole("dialog", { name: /Rice genome assembly/ });
    await drawer.getByText("Say how much data you have").waitFor();
    await drawer.getByRole("button", { name: "Change" }).click();
    await drawer
      .getByLabel("Purpose: what the work is and why it needs the center")
      .fill("Assemble 3,000 rice genomes (40 TB of reads)");
    await drawer.getByRole("button", { name: "Submit again" }).click();
    await toast(li, /is submitted/);

    await admin.reload();
    await admin.getByRole("cell", { name: "Rice genome assembly" }).click();
    drawer = admin.getByRole("dialog", { name: /Rice genome assembly/ });
    await drawer.getByText("40 TB of reads").waitFor();
    await drawer.getByRole("button", { name: "Approve…" }).click();
    await drawer.getByLabel("Core-hours").fill("1.5");
    await drawer.getByLabel("Your note to the applicant").fill("Granted 1.5 core-hours");
    await admin.mouse.move(0, 0);
    await screenshot(admin, "application-approve.en");
    expect(await accessibilityProblems(admin), "approving an application").toEqual([]);
    await drawer.getByRole("button", { name: "Approve", exact: true }).click();
    await toast(admin, /: approved/);

    const members = (await c.ok("GET", "/api/v1/accounts/genome/members")).members;
    expect(
      members.map((m: { user: string; role: string }) => `${m.user}:${m.role}`).sort(),
    ).toEqual(["bio-li:owner", "bio-wang:member"]);
    const [grant] = (await c.ok("GET", "/api/v1/accounts/genome/grants")).grants;
    expect(grant).toMatchObject({ resource: "cpu", hours: 1.5 });
    const token = (await c.ok("POST", "/api/v1/auth/login", LI, null)).token;
    const job = await c.api(
      "POST",
      "/api/v1/jobs",
      {
        script: "#!/bin/bash\nsleep 1\n",
        args: ["-A", "genome", "-n", "1", "-t", "0:30"],
        workdir: workdir(),
      },
      token,
    );
    expect(job.status).toBe(201);
    expect((await waitFor(c, job.body.id)).cost).toBe("0.00");
    expect((await c.ok("GET", "/api/v1/accounts/genome/grants")).grants[0].leftHours).toBeLessThan(
      1.5,
    );

    await li.reload();
    await row.getByText("approved").waitFor();
    await li.getByText("中文").click();
    await li.getByRole("heading", { name: "申请", exact: true }).waitFor();
    await screenshot(li, "applications.zh");
    await li.getByText("English").click();
  });
});
