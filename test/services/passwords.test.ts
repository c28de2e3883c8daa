import { afterAll, describe, expect, it } from "vitest";
import {
  DEFAULT_HASH_COST,
  hashPassword,
  usePasswordHashCost,
  verifyPassword,
} from "../../src/services/identity/passwords.js";

describe("password hashes", () => {
  afterAll(() => usePasswordHashCost(DEFAULT_HASH_COST));

  it("are scrypt at N=2^15 unless the center chooses, and a hash of either cost verifies after a change", async () => {
    const strong = await hashPassword("correct horse");
    expect(strong).toMatch(/^scrypt\$32768\$8\$1\$/);
    usePasswordHashCost(10);
    const cheap = await hashPassword("correct horse");
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword("correct horse", strong)).toBe(true);
    expect(await verifyPassword("correct horse", cheap)).toBe(true);
    expect(await verifyPassword("wrong horse", strong)).toBe(false);
    expect(await verifyPassword("wrong horse", cheap)).toBe(false);
  });
});
