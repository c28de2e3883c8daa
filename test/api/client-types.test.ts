import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/traces.js";
import { ROUTES } from "../../src/api/route-table.js";

describe("the generated client", () => {
  it("says what the OpenAPI document says (regenerate with npm run client)", async () => {
    // the generator reads the built server (npm test builds first)
    const { apiTypes } = (await import(join(REPO, "scripts/api-types.mjs"))) as {
      apiTypes: () => Promise<string>;
    };
    const committed = readFileSync(join(REPO, "src/client/api-types.ts"), "utf8");
    expect(
      committed === (await apiTypes()),
      "src/client/api-types.ts is stale: npm run client",
    ).toBe(true);
  });

  it("every JSON route declares its answer; the others say what they send", () => {
    const missing = ROUTES.filter(
      (r) => !r.response && !r.produces && !(r.status && r.status >= 300 && r.status < 400),
    ).map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });
});
