import { afterAll, expect, it } from "vitest";
import { freshPostgresUrl, startCenter, submit, waitFor, workdir, type TestCenter } from "../helpers/center.js";

let c: TestCenter | null = null;
afterAll(async () => {
  await c?.stop();
});

const url = await freshPostgresUrl();
if (!url) console.log("skipped: the center on PostgreSQL (set GUANG_TEST_DATABASE_URL)");

it.skipIf(!url)("runs a center on PostgreSQL: jobs, dependencies, and a restart", async () => {
  c = await startCenter(undefined, { GUANG_DATABASE_URL: url! });
  expect(c.output()).toMatch(/store postgres:\/\//);
  const dir = workdir();
  const a = await submit(c, "#!/bin/bash\nsleep 0.5; exit 4\n", { workdir: dir });
  const b = await submit(c, "#!/bin/bash\ntrue\n", { workdir: dir, options: { dependency: `afternotok:${a}`, array: "0-2" } });
  expect((await waitFor(c, a)).exitCode).toBe(4);
  for (const t of [0, 1, 2]) expect((await waitFor(c, `${b}_${t}`)).state).toBe("COMPLETED");
  await c.stop();
  await c.restart();
  expect(c.output()).not.toContain("First start");
  const list = await c.api("GET", "/api/v1/jobs?limit=100");
  expect(list.body.jobs.length).toBe(4);
});
