import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, startCenter, type TestCenter, mappedUsers } from "../helpers/center.js";
import { AS_ROOT, makeUnixUsers, removeUnixUsers } from "../helpers/unix-user.js";

/** `guang files` as a script uses it, against a center that is root, as the user's own account. */
if (!AS_ROOT)
  console.log("skipped: guang files as users' own identities (run as root, as CI does)");

const HOME = "/home/gfc-ann";
let c: TestCenter;
let token = "";
let here = "";
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const files = (...args: string[]) =>
  cli(c, ["files", ...args], { cwd: here, env: { GUANG_TOKEN: token } });

describe.runIf(AS_ROOT)("guang files", () => {
  beforeAll(async () => {
    makeUnixUsers(["gfc-ann"], [64200, 64299]);
    c = await startCenter("identities:\n  minUid: 1000\n");
    token = (await mappedUsers(c, [["ann", "gfc-ann"]], "Secret-pass-1")).ann!;
    here = mkdtempSync(join(tmpdir(), "guang-files-cli-"));
  }, 60_000);
  afterAll(async () => {
    await c?.stop();
    removeUnixUsers(["gfc-ann"]);
  });

  it("puts, lists, gets back by hash, and goes on with a download or upload left part-way", () => {
    const bytes = randomBytes(24 * 1024 * 1024 + 5);
    writeFileSync(join(here, "data.bin"), bytes);
    expect(files("mkdir", "in").code).toBe(0);
    const put = files("put", "data.bin", "in/", "--json");
    expect([put.code, put.stderr]).toEqual([0, ""]);
    expect(JSON.parse(put.stdout)).toMatchObject({
      path: `${HOME}/in/data.bin`,
      size: bytes.length,
    });
    expect(statSync(`${HOME}/in/data.bin`).uid).toBe(
      Number(spawnSync("id", ["-u", "gfc-ann"], { encoding: "utf8" }).stdout),
    );
    const ls = files("ls", "in");
    expect(ls.stdout).toMatch(
      /^MODE\s+SIZE\s+MODIFIED\s+NAME\n-rw-r--r--\s+24\.0 MiB\s+.+\s+data\.bin\n$/,
    );
    const listed = JSON.parse(files("ls", "in", "--json").stdout);
    expect(listed.entries).toEqual([
      expect.objectContaining({ name: "data.bin", size: bytes.length }),
    ]);

    expect(files("get", "in/data.bin", "back.bin").code).toBe(0);
    expect(sha(readFileSync(join(here, "back.bin")))).toBe(sha(bytes));
    // a download broken at 7 MB: -c fetches the rest only
    truncateSync(join(here, "back.bin"), 7_000_000);
    const rest = files("get", "in/data.bin", "back.bin", "-c", "--json");
    expect([rest.code, JSON.parse(rest.stdout).size]).toEqual([0, bytes.length]);
    expect(sha(readFileSync(join(here, "back.bin")))).toBe(sha(bytes));
    // an upload an earlier run left at 5 MB: -c sends the rest
    truncateSync(`${HOME}/in/data.bin`, 5_000_000);
    expect(files("put", "data.bin", "in/data.bin", "-c").code).toBe(0);
    expect(sha(readFileSync(`${HOME}/in/data.bin`))).toBe(sha(bytes));
    // to standard output, for a pipe
    const piped = spawnSync(
      process.execPath,
      [join("dist", "src", "cli", "main.js"), "files", "get", "in/data.bin", "-"],
      {
        env: { ...process.env, GUANG_SERVER: c.url, GUANG_TOKEN: token },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(sha(piped.stdout)).toBe(sha(bytes));
  }, 120_000);

  it("copies, moves, changes mode, deletes to the trash and restores; a folder comes as a tar", () => {
    expect(files("cp", "in", "copy").code).toBe(0);
    expect(files("mv", "copy/data.bin", "copy/renamed.bin").code).toBe(0);
    expect(files("chmod", "600", "copy/renamed.bin").code).toBe(0);
    expect(statSync(`${HOME}/copy/renamed.bin`).mode & 0o777).toBe(0o600);
    expect(files("get", "copy").code).toBe(0);
    const names = spawnSync("tar", ["-tf", join(here, "copy.tar")], { encoding: "utf8" }).stdout;
    expect(names.split("\n").filter(Boolean).sort()).toEqual(["copy/", "copy/renamed.bin"]);
    const rm = files("rm", "copy/renamed.bin");
    const id = /guang files restore (\S+)\)/.exec(rm.stdout)?.[1];
    expect([rm.code, id]).toEqual([0, expect.any(String)]);
    expect(files("trash").stdout).toContain(`${HOME}/copy/renamed.bin`);
    expect(files("restore", id!).stdout).toBe(`Restored ${HOME}/copy/renamed.bin\n`);
    expect(files("rm", "copy", "--permanent").stdout).toBe(`Deleted ${HOME}/copy\n`);
  });

  it("says what is wrong: a missing file here or there, a bad flag, a bad mode", () => {
    const missing = files("put", "nowhere.bin");
    expect([missing.code, missing.stderr]).toEqual([
      2,
      expect.stringMatching(/nowhere.bin: no such file here/),
    ]);
    const there = files("get", "in/none.bin");
    expect([there.code, there.stderr]).toEqual([1, expect.stringMatching(/no file or folder/)]);
    const flag = files("ls", "--colour");
    expect([flag.code, flag.stderr]).toEqual([2, expect.stringMatching(/colour/)]);
    const sort = files("ls", "--sort", "age");
    expect([sort.code, sort.stderr]).toEqual([2, expect.stringMatching(/name, size or modified/)]);
    const mode = files("chmod", "rwx", "in");
    expect([mode.code, mode.stderr]).toEqual([2, expect.stringMatching(/octal/)]);
  });
});
