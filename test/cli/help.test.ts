import { execFile, spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/traces.js";

const CLI = join(REPO, "dist", "src", "cli", "main.js");
// nothing listens here: a command that went to a server before checking its flags would exit 3
const env = { ...process.env, GUANG_SERVER: "http://127.0.0.1:9", GUANG_TOKEN: "guang_x" };
const guang = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** The same, run alongside others (each is a whole process: started together, they take half the time). */
const guangAsync = (...args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const p = execFile(
      process.execPath,
      [CLI, ...args],
      { encoding: "utf8", env },
      (e, stdout, stderr) =>
        done({ code: e ? (typeof e.code === "number" ? e.code : null) : 0, stdout, stderr }),
    );
    p.stdin?.end();
  });

/** Every command of `guang help`'s list (and hold, release, which cancel's line names). */
function commands(): string[] {
  const help = guang("help").stdout;
  const listed = [...help.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!);
  return [...listed.filter((c) => c !== "help" && c !== "version"), "hold", "release"];
}

describe("help and usage errors", () => {
  it("every command answers --help with its help and exit 0, and an unknown flag with exit 2 naming it", async () => {
    const all = commands();
    expect(all.length).toBeGreaterThan(15);
    const answers = await Promise.all(
      all.map(
        async (cmd) =>
          [cmd, await guangAsync(cmd, "--help"), await guangAsync(cmd, "--no-such-flag")] as const,
      ),
    );
    for (const [cmd, h, bad] of answers) {
      expect([cmd, h.code, h.stderr]).toEqual([cmd, 0, ""]);
      expect(h.stdout).toMatch(/^usage: guang /);
      expect([cmd, bad.code]).toEqual([cmd, 2]);
      expect(bad.stderr).toMatch(/no-such-flag/);
    }
  });

  it("says what was meant: unknown commands, help topics and flags, in our words", () => {
    const typo = guang("jbos");
    expect([typo.code, typo.stderr]).toEqual([2, expect.stringMatching(/did you mean "jobs"\?/)]);
    const topic = guang("help", "bogus");
    expect([topic.code, topic.stdout]).toEqual([2, ""]);
    expect(topic.stderr).toMatch(/no help on "bogus"/);
    const flag = guang("submit", "--hodl", "x.sh");
    expect([flag.code, flag.stderr]).toEqual([
      2,
      expect.stringMatching(/unknown option --hodl \(did you mean --hold\?\)/),
    ]);
    expect(flag.stderr).not.toMatch(/positional argument/);
    const missing = guang("jobs", "--state");
    expect([missing.code, missing.stderr]).toEqual([
      2,
      expect.stringMatching(/^guang jobs: --state needs a value/),
    ]);
    // squeue's -h is --noheader, not help
    expect(guang("jobs", "-h").code).toBe(3);
    expect(guang("account", "members", "--help").stdout).toMatch(/^usage: guang account/);
  });

  it("a server that cannot be reached is exit 3, saying where", () => {
    const r = guang("jobs");
    expect([r.code, r.stderr]).toEqual([
      3,
      expect.stringMatching(/cannot reach the server at http:\/\/127\.0\.0\.1:9/),
    ]);
  });
});
