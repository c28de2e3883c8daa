import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** Workload traces are never copied in: they are read from GUANG_TRACES, by default ../shared/data/traces beside the checkout. */
const TRACES_DIR =
  process.env.GUANG_TRACES ??
  join(fileURLToPath(new URL("../../", import.meta.url)), "..", "shared", "data", "traces");

export function tracePath(name: string): string | null {
  const p = join(TRACES_DIR, name);
  if (existsSync(p)) return p;
  console.log(
    `skipped: trace ${name} not found in ${TRACES_DIR} (set GUANG_TRACES to the folder of the Standard Workload Format traces)`,
  );
  return null;
}

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const CLI = join(REPO, "dist", "src", "cli", "main.js");
