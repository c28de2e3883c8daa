import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, CHROMIUM, screenshot, browsersFor } from "../helpers/browser.js";
import {
  SMALL_CLUSTER,
  startCenter,
  waitFor,
  workdir,
  type TestCenter,
} from "../helpers/center.js";

/**
 * The clusters page in Chromium: each cluster's state, partitions and a heat map of its
 * nodes that follows the jobs; the center admin disables and enables a cluster with a
 * reason, which a researcher then reads (and has no button for).
 */
if (!CHROMIUM) console.log("skipped: the clusters page in a browser (install Debian's chromium)");

const OPS = { username: "ops", password: "Operator-pass-2026" };
const ANN = { username: "ann", password: "Researcher-pass-2026" };
let c: TestCenter;

const people = browsersFor(() => c.url);
const as = people.as;

describe.runIf(CHROMIUM)("the clusters page", () => {
  beforeAll(async () => {
    c = await startCenter(SMALL_CLUSTER);
    await c.ok("POST", "/api/v1/users", { ...OPS, roles: ["center-admin"] });
    await c.ok("POST", "/api/v1/users", ANN);
    await c.ok("POST", "/api/v1/accounts/default/members", { user: "ann" });
  }, 60_000);
  afterAll(async () => {
    await people.close();
    await c?.stop();
  });

  it("shows the cluster, its partitions and a heat map that follows a job; the admin disables and enables it", async () => {
    const page = await as(OPS);
    await page.getByRole("menuitem", { name: "Clusters" }).click();
    await page.getByRole("heading", { name: "Clusters", exact: true }).waitFor();
    const nodes = page.getByRole("list", { name: "Nodes of local" }).getByRole("listitem");
    await expect
      .poll(() => nodes.first().getAttribute("aria-label"))
      .toMatch(/: idle, 0 of 4 cores/);
    await page.getByRole("cell", { name: "cpu (the default)" }).waitFor();
    const id = (
      await c.ok("POST", "/api/v1/jobs", {
        script: "#!/bin/bash\n#SBATCH -c 2\nsleep 60\n",
        workdir: workdir(),
      })
    ).id as number;
    await waitFor(c, id, ["RUNNING"]);
    // the page follows the job without a reload
    await expect
      .poll(() => nodes.first().getAttribute("aria-label"), { timeout: 15_000 })
      .toMatch(/: partly used, 2 of 4 cores, 0 of 0 GPUs, 1 jobs/);
    await page.getByRole("button", { name: "Disable" }).click();
    await page.getByLabel("Why (users see this)").fill("cooling maintenance until 14:00");
    await page.getByRole("dialog").getByRole("button", { name: "Disable" }).click();
    await page.getByText(/Disabled since .*: cooling maintenance until 14:00/).waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, "clusters.en");
    expect(await accessibilityProblems(page), "clusters page").toEqual([]);
    await page.getByText("中文").click();
    await page.getByRole("heading", { name: "集群", exact: true }).waitFor();
    await screenshot(page, "clusters.zh");
    await page.getByText("English").click();
    const reader = await as(ANN);
    await reader.getByRole("menuitem", { name: "Clusters" }).click();
    await reader.getByText(/Disabled since .*: cooling maintenance until 14:00/).waitFor();
    expect(await reader.getByRole("button", { name: "Enable" }).count()).toBe(0);
    await page.getByRole("button", { name: "Enable" }).click();
    await page.getByText("takes jobs", { exact: true }).waitFor();
    await c.ok("POST", `/api/v1/jobs/${id}/cancel`);
  });
});
