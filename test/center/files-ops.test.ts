import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, lstatSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCenter, type TestCenter, mappedUsers } from "../helpers/center.js";
import { AS_ROOT, makeUnixUsers, removeUnixUsers } from "../helpers/unix-user.js";

/**
 * The file manager's operations as root, each as the user's own Unix account: copy, mode,
 * trash, sorting and paging, ranged downloads, resumed uploads, concurrent edits, folder
 * archives, and the names and paths a shell would choke on.
 */
if (!AS_ROOT)
  console.log("skipped: file operations as users' own identities (run as root, as CI does)");

const UNIX = ["gfo-ann", "gfo-bob"];
const PW = "Secret-pass-1";
const HOME = "/home/gfo-ann";
let c: TestCenter;
const tokens: Record<string, string> = {};
const call = (who: string, method: string, path: string, body?: unknown) =>
  c.api(method, path, body, tokens[who]!);
const q = encodeURIComponent;
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const uidOf = (u: string) => Number(spawnSync("id", ["-u", u], { encoding: "utf8" }).stdout);

function raw(who: string, path: string, init: RequestInit & { duplex?: "half" } = {}) {
  return fetch(`${c.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${tokens[who]}`, ...(init.headers ?? {}) },
  });
}
const put = (
  who: string,
  path: string,
  body: BodyInit,
  extra: Record<string, string> = {},
  offset = 0,
) =>
  raw(who, `/api/v1/files/content?path=${q(path)}${offset ? `&offset=${offset}` : ""}`, {
    method: "PUT",
    headers: { "content-type": "application/octet-stream", ...extra },
    body,
    duplex: "half",
  });

describe.runIf(AS_ROOT)("file operations, as the user's own Unix account", () => {
  beforeAll(async () => {
    makeUnixUsers(UNIX, [64100, 64199]);
    c = await startCenter(
      "identities:\n  minUid: 1000\nfiles:\n  trashDays: 7\n  places:\n    - name: scratch\n      path: /tmp\n",
    );
    Object.assign(
      tokens,
      await mappedUsers(
        c,
        [
          ["ann", "gfo-ann"],
          ["bob", "gfo-bob"],
        ],
        PW,
      ),
    );
  }, 60_000);
  afterAll(async () => {
    await c?.stop();
    removeUnixUsers(UNIX);
  });

  it("offers the home and the configured places", async () => {
    expect((await call("ann", "GET", "/api/v1/files/places")).body).toEqual([
      { name: "home", path: HOME, cluster: null },
      { name: "scratch", path: "/tmp", cluster: null },
    ]);
  });

  it("copies as cp -a would, as the user, and changes modes as chmod would", async () => {
    await call("ann", "POST", "/api/v1/files/mkdir", { path: "src" });
    expect((await put("ann", "src/a.txt", "alpha\n")).status).toBe(200);
    spawnSync("ln", ["-s", "a.txt", `${HOME}/src/link`]);
    spawnSync("chown", ["-h", "gfo-ann:", `${HOME}/src/link`]);
    const copied = await call("ann", "POST", "/api/v1/files/copy", { from: "src", to: "dst" });
    expect(copied.body).toEqual({ path: `${HOME}/src`, to: `${HOME}/dst` });
    expect(readFileSync(`${HOME}/dst/a.txt`, "utf8")).toBe("alpha\n");
    expect(statSync(`${HOME}/dst/a.txt`).uid).toBe(uidOf("gfo-ann"));
    expect(lstatSync(`${HOME}/dst/link`).isSymbolicLink()).toBe(true);
    // nothing is overwritten
    const again = await call("ann", "POST", "/api/v1/files/copy", { from: "src", to: "dst" });
    expect([again.status, again.body.error.message]).toEqual([
      409,
      expect.stringMatching(/exists/),
    ]);
    const m = await call("ann", "POST", "/api/v1/files/chmod", { path: "dst/a.txt", mode: "0600" });
    expect(m.body).toEqual({ path: `${HOME}/dst/a.txt`, mode: "0600" });
    expect(statSync(`${HOME}/dst/a.txt`).mode & 0o7777).toBe(0o600);
    const bad = await call("ann", "POST", "/api/v1/files/chmod", {
      path: "dst/a.txt",
      mode: "rw-r--r--",
    });
    expect([bad.status, bad.body.error.message]).toEqual([
      400,
      expect.stringMatching(/octal mode/),
    ]);
    // bob's file is not ann's to change
    writeFileSync("/tmp/gfo-bob-file", "b");
    spawnSync("chown", ["gfo-bob:", "/tmp/gfo-bob-file"]);
    const theirs = await call("ann", "POST", "/api/v1/files/chmod", {
      path: "/tmp/gfo-bob-file",
      mode: "0777",
    });
    expect(theirs.status).toBe(403);
    expect(statSync("/tmp/gfo-bob-file").mode & 0o777).toBe(0o644);
    // nor may ann copy into bob's private home
    const into = await call("ann", "POST", "/api/v1/files/copy", {
      from: "src",
      to: "/home/gfo-bob/x",
    });
    expect(into.status).toBe(403);
  });

  it("deletes to the user's trash, lists it, restores, and empties it", async () => {
    await put("ann", "trash-me.txt", "keep me\n");
    const del = await call("ann", "DELETE", `/api/v1/files?path=trash-me.txt`);
    expect(del.body).toEqual({ path: `${HOME}/trash-me.txt`, trash: expect.any(String) });
    expect((await call("ann", "GET", "/api/v1/files/stat?path=trash-me.txt")).status).toBe(404);
    const listed = (await call("ann", "GET", "/api/v1/files/trash")).body;
    expect(listed).toEqual([
      expect.objectContaining({
        id: del.body.trash,
        path: `${HOME}/trash-me.txt`,
        type: "file",
        size: 8,
      }),
    ]);
    const days = (Date.parse(listed[0].until) - Date.parse(listed[0].deleted)) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    // bob sees none of it
    expect((await call("bob", "GET", "/api/v1/files/trash")).body).toEqual([]);
    expect(
      (await call("bob", "POST", "/api/v1/files/trash/restore", { id: del.body.trash })).status,
    ).toBe(404);
    const back = await call("ann", "POST", "/api/v1/files/trash/restore", { id: del.body.trash });
    expect(back.body).toEqual({ path: `${HOME}/trash-me.txt` });
    expect(readFileSync(`${HOME}/trash-me.txt`, "utf8")).toBe("keep me\n");
    // what is restored over something new is refused, and both are kept
    const again = await call("ann", "DELETE", `/api/v1/files?path=trash-me.txt`);
    await put("ann", "trash-me.txt", "newer\n");
    const clash = await call("ann", "POST", "/api/v1/files/trash/restore", {
      id: again.body.trash,
    });
    expect([clash.status, clash.body.error.message]).toEqual([
      409,
      expect.stringMatching(/exists/),
    ]);
    expect((await call("ann", "DELETE", "/api/v1/files/trash")).body).toEqual({ emptied: true });
    expect((await call("ann", "GET", "/api/v1/files/trash")).body).toEqual([]);
    const gone = await call("ann", "DELETE", `/api/v1/files?path=trash-me.txt&permanent=true`);
    expect(gone.body).toEqual({ path: `${HOME}/trash-me.txt`, trash: null });
    expect((await call("ann", "GET", "/api/v1/files/trash")).body).toEqual([]);
  });

  it("sorts folders first by name, size or time, and pages through 20,000 entries", async () => {
    const dir = `${HOME}/many`;
    spawnSync("sh", [
      "-c",
      `mkdir ${dir} && cd ${dir} && seq -w 1 20000 | xargs touch && mkdir zz-dir && head -c 5000 /dev/zero > big && chown -R gfo-ann: ${dir}`,
    ]);
    const first = (await call("ann", "GET", "/api/v1/files?path=many&limit=3")).body;
    expect(first.total).toBe(20002);
    expect(first.entries.map((e: { name: string }) => e.name)).toEqual([
      "zz-dir",
      "00001",
      "00002",
    ]);
    const page = (await call("ann", "GET", "/api/v1/files?path=many&offset=20000&limit=5")).body;
    expect(page.entries.map((e: { name: string }) => e.name)).toEqual(["20000", "big"]);
    const bySize = (
      await call("ann", "GET", "/api/v1/files?path=many&sort=size&order=desc&limit=2")
    ).body;
    expect(bySize.entries.map((e: { name: string }) => e.name)).toEqual(["zz-dir", "big"]);
    const bad = await call("ann", "GET", "/api/v1/files?path=many&sort=colour");
    expect(bad.status).toBe(400);
  });

  it("downloads byte ranges that put together are the file, by hash", async () => {
    const bytes = randomBytes(10 * 1024 * 1024 + 3);
    expect((await put("ann", "ranged.bin", bytes)).status).toBe(200);
    const parts: Buffer[] = [];
    const cuts = [0, 1, 4_000_000, 9_999_999, bytes.length];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const r = await raw("ann", `/api/v1/files/content?path=ranged.bin`, {
        headers: { range: `bytes=${cuts[i]}-${cuts[i + 1]! - 1}` },
      });
      expect([r.status, r.headers.get("content-range")]).toEqual([
        206,
        `bytes ${cuts[i]}-${cuts[i + 1]! - 1}/${bytes.length}`,
      ]);
      parts.push(Buffer.from(await r.arrayBuffer()));
    }
    expect(sha(Buffer.concat(parts))).toBe(sha(bytes));
    const tail = await raw("ann", `/api/v1/files/content?path=ranged.bin`, {
      headers: { range: "bytes=-3" },
    });
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(bytes.length - 3));
    const beyond = await raw("ann", `/api/v1/files/content?path=ranged.bin`, {
      headers: { range: `bytes=${bytes.length + 5}-` },
    });
    expect([
      beyond.status,
      ((await beyond.json()) as { error: { code: string } }).error.code,
    ]).toEqual([416, "range_not_satisfiable"]);
  });

  it("refuses a save over a version someone else changed meanwhile, and keeps both", async () => {
    const first = (await (await put("ann", "notes.txt", "v1\n")).json()) as { etag: string };
    const ok = await put("ann", "notes.txt", "v2\n", { "if-match": first.etag });
    const second = (await ok.json()) as { etag: string };
    expect([ok.status, second.etag === first.etag]).toEqual([200, false]);
    const stale = await put("ann", "notes.txt", "v2-from-an-old-tab\n", { "if-match": first.etag });
    const body = (await stale.json()) as {
      error: { code: string; message: string; details: { etag: string } };
    };
    expect([stale.status, body.error.code, body.error.details.etag]).toEqual([
      409,
      "file_changed",
      second.etag,
    ]);
    expect(readFileSync(`${HOME}/notes.txt`, "utf8")).toBe("v2\n");
    const garbled = await put("ann", "notes.txt", "x", { "if-match": "yesterday" });
    expect(garbled.status).toBe(400);
  });

  it("downloads a folder as a tar stream of what the user may read", async () => {
    const r = await raw("ann", `/api/v1/files/archive?path=dst`);
    expect([r.status, r.headers.get("content-disposition")]).toEqual([
      200,
      expect.stringContaining("dst.tar"),
    ]);
    writeFileSync("/tmp/gfo-archive.tar", Buffer.from(await r.arrayBuffer()));
    const names = spawnSync("tar", ["-tf", "/tmp/gfo-archive.tar"], { encoding: "utf8" })
      .stdout.split("\n")
      .filter(Boolean);
    expect(names.sort()).toEqual(["dst/", "dst/a.txt", "dst/link"]);
    const file = await call("ann", "GET", `/api/v1/files/archive?path=dst/a.txt`);
    expect(file.status).toBe(400);
  });

  it("handles names with line breaks or invalid UTF-8 made in a shell, and refuses typing them", async () => {
    spawnSync("sh", [
      "-c",
      `cd ${HOME} && mkdir odd && touch "odd/two
lines" "odd/$(printf 'bad\\377name')" && chown -R gfo-ann: odd`,
    ]);
    const listed = (await call("ann", "GET", "/api/v1/files?path=odd")).body;
    expect(listed.total).toBe(2);
    expect(listed.entries.map((e: { name: string }) => e.name).sort()).toEqual([
      "bad\ufffdname",
      "two\nlines",
    ]);
    const typed = await call("ann", "GET", `/api/v1/files/stat?path=${q("odd/two\nlines")}`);
    expect([typed.status, typed.body.error.message]).toEqual([
      400,
      expect.stringMatching(/control characters/),
    ]);
    // the name as shown is not the name on disk: not found, in words, never another file
    expect(
      (await call("ann", "GET", `/api/v1/files/stat?path=${q("odd/bad\ufffdname")}`)).status,
    ).toBe(404);
    // the folder is still deleted whole, with both inside
    expect((await call("ann", "DELETE", `/api/v1/files?path=odd&permanent=true`)).status).toBe(200);
  });

  it("resumes a 2 GB upload broken half-way, where it broke, and the file is whole by hash", async () => {
    const SIZE = 2 * 1024 ** 3;
    const BLOCK = 4 * 1024 * 1024;
    const seed = randomBytes(BLOCK);
    // block k: the seed with k in its first bytes, so that no two blocks are alike
    const block = (k: number) => {
      const b = Buffer.from(seed);
      b.writeUInt32BE(k, 0);
      return b;
    };
    const want = createHash("sha256");
    for (let k = 0; k < SIZE / BLOCK; k++) want.update(block(k));
    const from = (start: number, stopAt = SIZE, abort?: AbortController) => {
      let at = start;
      return new ReadableStream<Uint8Array>({
        pull(ctl) {
          if (at >= stopAt) {
            if (abort) abort.abort();
            else ctl.close();
            return;
          }
          const k = Math.floor(at / BLOCK);
          const piece = block(k).subarray(at - k * BLOCK);
          at += piece.length;
          ctl.enqueue(piece);
        },
      });
    };
    const cut = new AbortController();
    const broken = await raw("ann", `/api/v1/files/content?path=big.bin`, {
      method: "PUT",
      headers: { "content-type": "application/octet-stream" },
      body: from(0, SIZE / 2 + 12345, cut),
      duplex: "half",
      signal: cut.signal,
    }).catch((e: Error) => e);
    expect(broken).toBeInstanceOf(Error);
    // where it broke: stat, and where the server knows better (a worker still finishing), its word
    let offset = (await call("ann", "GET", "/api/v1/files/stat?path=big.bin")).body.size as number;
    let done: Response | undefined;
    for (let tries = 0; tries < 3 && !done; tries++) {
      expect(offset).toBeGreaterThan(0);
      const r = await put("ann", "big.bin", from(offset), {}, offset);
      if (r.status === 409) {
        const e = (await r.json()) as { error: { code: string; details: { size: number } } };
        expect(e.error.code).toBe("upload_offset");
        offset = e.error.details.size;
      } else done = r;
    }
    expect(done?.status).toBe(200);
    expect(((await done!.json()) as { size: number }).size).toBe(SIZE);
    const onDisk = createHash("sha256");
    for await (const chunk of createReadStream(`${HOME}/big.bin`)) onDisk.update(chunk as Buffer);
    expect(onDisk.digest("hex")).toBe(want.digest("hex"));
    expect(statSync(`${HOME}/big.bin`).uid).toBe(uidOf("gfo-ann"));
    // a resume from anywhere but the file's end is refused with where it ends
    const wrong = await put("ann", "big.bin", "x", {}, 5);
    const e = (await wrong.json()) as { error: { code: string; details: { size: number } } };
    expect([wrong.status, e.error.code, e.error.details.size]).toEqual([
      409,
      "upload_offset",
      SIZE,
    ]);
    await call("ann", "DELETE", `/api/v1/files?path=big.bin&permanent=true`);
  }, 240_000);
});
