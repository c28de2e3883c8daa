import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCenter, type TestCenter, mappedUsers } from "../helpers/center.js";
import { AS_ROOT, makeUnixUsers, removeUnixUsers } from "../helpers/unix-user.js";

/**
 * Files through the API as root: every operation as the user's own Unix account, so that what
 * it makes is theirs and what Unix refuses them is refused, in words. Test Unix accounts are
 * made here and removed after.
 */
if (!AS_ROOT) console.log("skipped: files as users' own identities (run as root, as CI does)");

const UNIX = ["gfs-ann", "gfs-bob"];
const PW = "Secret-pass-1";
let c: TestCenter;
const tokens: Record<string, string> = {};
const home = (u: string) => `/home/${u}`;

const call = (who: string, method: string, path: string, body?: unknown) =>
  c.api(method, path, body, tokens[who]!);

async function upload(who: string, path: string, bytes: Buffer) {
  const r = await fetch(`${c.url}/api/v1/files/content?path=${encodeURIComponent(path)}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${tokens[who]}`, "content-type": "application/octet-stream" },
    body: bytes,
  });
  return {
    status: r.status,
    body: (await r.json()) as { path?: string; error?: { message: string } },
  };
}

describe.runIf(AS_ROOT)("files, as the user's own Unix account", () => {
  beforeAll(async () => {
    makeUnixUsers(UNIX, [64000, 64999]);
    c = await startCenter("identities:\n  minUid: 1000\n");
    Object.assign(
      tokens,
      await mappedUsers(
        c,
        [
          ["ann", "gfs-ann"],
          ["bob", "gfs-bob"],
        ],
        PW,
      ),
    );
  }, 60_000);
  afterAll(async () => {
    await c?.stop();
    removeUnixUsers(UNIX);
  });

  it("uploads, lists, downloads, renames and deletes in the user's home, and what it makes is theirs", async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const up = await upload("ann", "data/in.bin", bytes);
    // no folder data yet: the kernel's refusal, in words
    expect([up.status, up.body.error?.message]).toEqual([
      404,
      expect.stringMatching(/no file or folder/),
    ]);
    expect((await call("ann", "POST", "/api/v1/files/mkdir", { path: "data" })).status).toBe(200);
    expect(await upload("ann", "data/in.bin", bytes)).toEqual({
      status: 200,
      body: {
        path: `${home("gfs-ann")}/data/in.bin`,
        size: bytes.length,
        etag: expect.stringMatching(/^"[0-9a-f]+-[0-9a-f]+"$/),
      },
    });
    const uid = Number(spawnSync("id", ["-u", "gfs-ann"], { encoding: "utf8" }).stdout);
    expect(statSync(`${home("gfs-ann")}/data/in.bin`).uid).toBe(uid);
    expect(statSync(`${home("gfs-ann")}/data`).uid).toBe(uid);
    const listed = (await call("ann", "GET", "/api/v1/files?path=data")).body;
    expect(listed).toMatchObject({
      path: `${home("gfs-ann")}/data`,
      total: 1,
      entries: [{ name: "in.bin", type: "file", size: bytes.length }],
    });
    const got = await fetch(`${c.url}/api/v1/files/content?path=data/in.bin`, {
      headers: { authorization: `Bearer ${tokens.ann}` },
    });
    const back = Buffer.from(await got.arrayBuffer());
    const hash = (b: Buffer) => createHash("sha256").update(b).digest("hex");
    expect([got.status, got.headers.get("content-length"), hash(back)]).toEqual([
      200,
      String(bytes.length),
      hash(bytes),
    ]);
    expect(
      (
        await call("ann", "POST", "/api/v1/files/move", {
          from: "data/in.bin",
          to: "data/kept.bin",
        })
      ).body,
    ).toEqual({
      path: `${home("gfs-ann")}/data/in.bin`,
      to: `${home("gfs-ann")}/data/kept.bin`,
    });
    expect((await call("ann", "DELETE", "/api/v1/files?path=data")).status).toBe(200);
    expect((await call("ann", "GET", "/api/v1/files?path=data")).status).toBe(404);
  });

  it("refuses what Unix refuses the user: another's private home, its files, paths around it", async () => {
    spawnSync("sh", [
      "-c",
      `echo secret > ${home("gfs-bob")}/secret && chown gfs-bob: ${home("gfs-bob")}/secret`,
    ]);
    for (const path of [
      home("gfs-bob"),
      `${home("gfs-bob")}/secret`,
      `${home("gfs-ann")}/../gfs-bob/secret`,
    ]) {
      const r = await call(
        "ann",
        "GET",
        `/api/v1/files${path.endsWith("secret") ? "/content" : ""}?path=${encodeURIComponent(path)}`,
      );
      expect([r.status, r.body.error.message], path).toEqual([
        403,
        expect.stringMatching(/your Unix account gfs-ann may not/),
      ]);
    }
    // a link ann plants in her home to bob's file reads as bob's file does: refused
    spawnSync("ln", ["-s", `${home("gfs-bob")}/secret`, `${home("gfs-ann")}/link`]);
    expect((await call("ann", "GET", "/api/v1/files/content?path=link")).status).toBe(403);
    expect((await upload("ann", `${home("gfs-bob")}/planted`, Buffer.from("x"))).status).toBe(403);
    const bad = await call("ann", "POST", "/api/v1/files/mkdir", { path: "a\nb" });
    expect([bad.status, bad.body.error.message]).toEqual([
      400,
      expect.stringMatching(/control characters/),
    ]);
    // the admin has no Unix identity: nothing is done as root on their behalf
    const admin = await c.api("GET", "/api/v1/files?path=/root");
    expect([admin.status, admin.body.error.code]).toEqual([409, "no_identity"]);
  });
});
