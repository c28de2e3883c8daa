import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** The shared traces live beside the checkout (../shared/data/traces); they are never copied in. */
export const TRACES_DIR = join(fileURLToPath(new URL("../../", import.meta.url)), "..", "shared", "data", "traces");

export function tracePath(name: string): string | null {
  const p = join(TRACES_DIR, name);
  if (existsSync(p)) return p;
  console.log(`skipped: trace ${name} not found in ${TRACES_DIR}`);
  return null;
}

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const CLI = join(REPO, "dist", "src", "cli", "main.js");
