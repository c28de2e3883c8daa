import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, browsersFor, CHROMIUM, screenshot } from "../helpers/browser.js";
import { startCenter, TEST_CONFIG, type TestCenter } from "../helpers/center.js";

/**
 * "Any cluster" in the portal: the dry run says where the job would go and weighs each
 * cluster; the job's page says where it went and why, in both languages.
 */
if (!CHROMIUM) console.log("skipped: placement in a browser (install Debian's chromium)");

const ANN = { username: "ann", password: "Researcher-pass-2026" };
let c: TestCenter;
const people = browsersFor(() => c.url);

describe.runIf(CHROMIUM)("choosing any cluster in the portal", () => {
  beforeAll(async () => {
    c = await startCenter(`${TEST_CONFIG}
clusters:
  - name: hpc
    backend: virtual
    nodes:
      - { prefix: cn, count: 4, cpus: 16, memMiB: 65536 }
    partitions:
      - { name: batch }
`);
    await c.ok("POST", "/api/v1/users", ANN);
    await c.ok("POST", "/api/v1/accounts/default/members", { user: "ann" });
  }, 60_000);
  afterAll(async () => {
    await people.close();
    await c?.stop();
  });

  it("says where a job would go and where it went, cluster by cluster", async () => {
    const page = await people.as(ANN);
    await page.getByRole("menuitem", { name: "Submit a job" }).click();
    await page.getByRole("heading", { name: "Submit a job" }).waitFor();
    // 48 cores: only the virtual cluster has them
    await page
      .getByTestId("script")
      .fill(
        "#!/bin/bash\n#SBATCH --job-name=wide\n#SBATCH --clusters=any\n#SBATCH --ntasks=48\n#SBATCH --time=00:30:00\n#GUANG --virtual-runtime=10:00\nsrun ./model\n",
      );
    await expect
      .poll(() => page.getByTestId("check").textContent(), { timeout: 15_000 })
      .toMatch(/It would go to hpc\./);
    const list = page.getByTestId("placement");
    await expect.poll(() => list.textContent()).toMatch(/local.*could never run there/);
    await expect.poll(() => list.textContent()).toMatch(/hpcstarts .*, 0.00 an hour/);
    await screenshot(page, "submit-any-cluster.en");
    expect(await accessibilityProblems(page), "submit page").toEqual([]);
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await page.getByRole("heading", { name: /^Job \d+: wide$/ }).waitFor();
    await page.getByText("Where it went").waitFor();
    await page.getByText("hpc, of any cluster: where it was predicted to start first").waitFor();
    await screenshot(page, "job-placement.en");
    expect(await accessibilityProblems(page), "job page").toEqual([]);
    await page.getByText("中文").click();
    await page.getByText("集群选择").waitFor();
    await page.getByText("hpc（候选：任意集群）：预测最早开始，其次价格更低").waitFor();
    await screenshot(page, "job-placement.zh");
    await page.getByText("English").click();
  });
});
