import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { TEST_UNIX_USER, TEST_UNIX_HOME } from "./unix-user.js";

/**
 * As root, Guang never runs user work as root: test centers run their jobs as one
 * unprivileged account (jobs.runAs: shared), made here for the run and removed after it.
 */
let made = false;

export function setup(): void {
  if (process.getuid?.() !== 0) return;
  if (spawnSync("id", ["-u", TEST_UNIX_USER]).status === 0) return;
  made = true;
  const r = spawnSync(
    "useradd",
    [
      "-m",
      "-d",
      TEST_UNIX_HOME,
      "-s",
      "/bin/sh",
      "-K",
      "UID_MIN=61000",
      "-K",
      "UID_MAX=61999",
      TEST_UNIX_USER,
    ],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`useradd ${TEST_UNIX_USER} failed: ${r.stderr}`);
}

/** Removes the account if this run made it (another run on the machine may still use one it found). */
export function teardown(): void {
  if (!made) return;
  spawnSync("pkill", ["-KILL", "-u", TEST_UNIX_USER]);
  spawnSync("userdel", ["-r", TEST_UNIX_USER], { stdio: "ignore" });
  if (existsSync(TEST_UNIX_HOME)) spawnSync("rm", ["-rf", TEST_UNIX_HOME]);
}
