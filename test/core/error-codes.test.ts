import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES, type ErrorCode } from "../../src/core/error-codes.js";
import { REPO } from "../helpers/traces.js";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("the error catalogue", () => {
  it("every error the code raises with a literal status has the catalogue's status for its code", () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const file of sources(join(REPO, "src"))) {
      for (const m of readFileSync(file, "utf8").matchAll(
        /GuangError\(\s*"([a-z_]+)",\s*(\d{3})/g,
      )) {
        seen++;
        const code = m[1] as ErrorCode;
        if (!(code in ERROR_CODES)) wrong.push(`${file}: ${code} is not in the catalogue`);
        else if (ERROR_CODES[code].status !== Number(m[2]))
          wrong.push(
            `${file}: ${code} with ${m[2]}, the catalogue says ${ERROR_CODES[code].status}`,
          );
      }
    }
    expect(seen).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });
});
