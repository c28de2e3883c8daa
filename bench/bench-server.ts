import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
const CLI = join(REPO, "dist", "src", "cli", "main.js");

/**
 * A real `guang serve` for a benchmark, with its config beside its home, on a free port.
 * GUANG_BENCH_NODE_FLAGS: extra flags for the server's node (e.g. --cpu-prof to profile it).
 */
export function startBenchServer(home: string, config: string): Promise<{ proc: ChildProcess; url: string }> {
  const cfg = `${home}.yaml`;
  writeFileSync(cfg, config);
  const flags = process.env.GUANG_BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
  const proc = spawn(process.execPath, [...flags, CLI, "serve", "--home", home, "--port", "0", "--config", cfg], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    proc.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ proc, url: m[1]! });
    });
    proc.once("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}
