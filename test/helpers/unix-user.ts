import { spawnSync } from "node:child_process";
import { chownSync } from "node:fs";

/** The unprivileged account test centers run jobs as when the tests run as root (see global-setup.ts). */
export const TEST_UNIX_USER = "guangtest";
export const TEST_UNIX_HOME = "/var/tmp/guangtest";
export const AS_ROOT = process.getuid?.() === 0;

let ids: { uid: number; gid: number } | null = null;

/** The test account's uid and gid (as root). */
function testUnixIds(): { uid: number; gid: number } {
  if (!ids) {
    const uid = Number(spawnSync("id", ["-u", TEST_UNIX_USER], { encoding: "utf8" }).stdout.trim());
    const gid = Number(spawnSync("id", ["-g", TEST_UNIX_USER], { encoding: "utf8" }).stdout.trim());
    if (!uid)
      throw new Error(
        `the test account ${TEST_UNIX_USER} does not exist (made by test/helpers/global-setup.ts)`,
      );
    ids = { uid, gid };
  }
  return ids;
}

/** Gives a folder to the account test jobs run as, so that they can work in it (as root; otherwise nothing to do). */
export function giveToJobs(path: string): string {
  if (AS_ROOT) {
    const { uid, gid } = testUnixIds();
    chownSync(path, uid, gid);
  }
  return path;
}

/**
 * Makes Unix accounts for one suite (as root), uids in `uids` (a range of the suite's own, so
 * that suites never meet): with a private home and bash, or (home: false) with none and sh.
 * Any left by an earlier run are removed first.
 */
export function makeUnixUsers(names: string[], uids: [number, number], home = true): void {
  for (const u of names) {
    spawnSync("userdel", ["-r", u], { stdio: "ignore" });
    const where = home ? ["-m", "-s", "/bin/bash"] : ["-M", "-d", "/nonexistent", "-s", "/bin/sh"];
    const r = spawnSync(
      "useradd",
      [...where, "-K", `UID_MIN=${uids[0]}`, "-K", `UID_MAX=${uids[1]}`, u],
      { encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(`useradd ${u}: ${r.stderr}`);
    if (home) spawnSync("chmod", ["700", `/home/${u}`]);
  }
}

/** Ends what the suite's accounts still run, and removes them with their homes. */
export function removeUnixUsers(names: string[]): void {
  for (const u of names) {
    spawnSync("pkill", ["-KILL", "-u", u]);
    spawnSync("userdel", ["-r", u], { stdio: "ignore" });
  }
}
