import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, startCenter, type TestCenter, mappedUsers } from "../helpers/center.js";
import { AS_ROOT, makeUnixUsers, removeUnixUsers } from "../helpers/unix-user.js";
import { until } from "../helpers/until.js";
import { startSmtp, type Mail } from "../helpers/smtp.js";

/**
 * Storage as root: homes and project folders counted as their owners, quotas that warn (one
 * mail, through a real SMTP server) and refuse new jobs, and each day's storage charged once.
 */
if (!AS_ROOT)
  console.log("skipped: storage counted as users' own identities (run as root, as CI does)");

const PROJECTS = `/tmp/gst-projects-${process.pid}`;
const PROJ = `${PROJECTS}/gproj`;
let c: TestCenter;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let inbox: Mail[] = [];
let ann = "";
/** A mail's header lines unfolded (a long subject is folded over lines). */
const unfolded = (m: { data: string }) => m.data.replace(/\r\n[ \t]+/g, " ");
const as = (method: string, path: string, body?: unknown) => c.api(method, path, body, ann);
const held = () =>
  as("POST", "/api/v1/jobs", {
    script: "#!/bin/bash\ntrue\n",
    args: ["-H", "-A", "gproj"],
    workdir: "/tmp",
  });
const item = (items: { kind: string; name: string }[], kind: string, name: string) =>
  items.find((i) => i.kind === kind && i.name === name) as Record<string, any>;

describe.runIf(AS_ROOT)("storage: usage, quotas, billing", () => {
  beforeAll(async () => {
    makeUnixUsers(["gst-ann"], [64300, 64399]);
    mkdirSync(PROJ, { recursive: true });
    spawnSync("chown", ["gst-ann:", PROJ]);
    smtp = await startSmtp();
    inbox = smtp.inbox;
    c = await startCenter(
      `identities:\n  minUid: 1000\nstorage:\n  projects: ${PROJECTS}\n  scanEvery: 1-00:00:00\n${smtp.config("en")}`,
    );
    ann = (await mappedUsers(c, [["ann", "gst-ann"]], "Secret-pass-1")).ann!;
    await c.ok("PATCH", "/api/v1/users/ann", { email: "ann@lab.example" });
    await c.ok("POST", "/api/v1/accounts", { name: "gproj", owner: "ann" });
  }, 60_000);
  afterAll(async () => {
    await c?.stop();
    await smtp?.stop();
    removeUnixUsers(["gst-ann"]);
    rmSync(PROJECTS, { recursive: true, force: true });
  });

  it("counts a home and a project folder as their owner, on demand, with history", async () => {
    const up = await fetch(`${c.url}/api/v1/files/content?path=home.bin`, {
      method: "PUT",
      headers: { authorization: `Bearer ${ann}`, "content-type": "application/octet-stream" },
      body: Buffer.alloc(3_000_000, 1),
    });
    expect(up.status).toBe(200);
    writeFileSync(join(PROJ, "data.bin"), Buffer.alloc(2_000_000, 2));
    spawnSync("chown", ["gst-ann:", join(PROJ, "data.bin")]);
    // a file only root may read is not counted as the owner cannot read it: said, not hidden
    mkdirSync(join(PROJ, "root-only"), { mode: 0o700 });
    const scanned = (await as("POST", "/api/v1/storage/scan", {})).body;
    expect(item(scanned, "user", "ann")).toMatchObject({
      path: "/home/gst-ann",
      files: expect.any(Number),
      over: null,
    });
    expect(item(scanned, "user", "ann").bytes).toBeGreaterThanOrEqual(3_000_000);
    expect(item(scanned, "account", "gproj")).toMatchObject({
      path: PROJ,
      unreadable: 1,
      quota: null,
    });
    expect(item(scanned, "account", "gproj").bytes).toBeGreaterThanOrEqual(2_000_000);
    const seen = (await as("GET", "/api/v1/storage")).body;
    expect(item(seen, "account", "gproj").takenAt).toBe(item(scanned, "account", "gproj").takenAt);
    const history = (await as("GET", "/api/v1/storage/history?account=gproj")).body;
    expect(history).toHaveLength(1);
  });

  it("warns once over the soft quota, and refuses new jobs over the hard one until files go", async () => {
    const bad = await c.api("PUT", "/api/v1/storage/quotas", {
      account: "gproj",
      softBytes: 5,
      hardBytes: 4,
      softFiles: null,
      hardFiles: null,
    });
    expect([bad.status, bad.body.error.message]).toEqual([
      400,
      expect.stringMatching(/soft quota of bytes \(5\) is above the hard one/),
    ]);
    const q = await c.api("PUT", "/api/v1/storage/quotas", {
      account: "gproj",
      softBytes: 1_000_000,
      hardBytes: 1_500_000,
      softFiles: null,
      hardFiles: 1000,
    });
    expect(q.body).toMatchObject({
      over: "hard",
      quota: { hardBytes: 1_500_000, hardFiles: 1000 },
    });
    const refused = await held();
    expect([refused.status, refused.body.error.code, refused.body.error.message]).toEqual([
      403,
      "storage_quota",
      `account gproj's project folder (${PROJ}) holds 1.9 MiB in 3 files, over its hard quota of 1.4 MiB, 1000 files: new jobs are refused until files are deleted (guang files rm) and it is counted again (guang quota --scan)`,
    ]);
    expect(refused.body.error.message).toContain("guang files rm");
    // a count over it tells the account's people, once
    await as("POST", "/api/v1/storage/scan", {});
    await as("POST", "/api/v1/storage/scan", {});
    const warned = await until(
      "the storage mail",
      () =>
        inbox.find((m) =>
          /Subject: Guang: the project folder of account gproj is over its storage quota/.test(
            unfolded(m),
          ),
        ),
      15_000,
      () => inbox.map((m) => unfolded(m).slice(0, 600)),
    );
    expect(warned.to).toEqual(["ann@lab.example"]);
    const del = await as(
      "DELETE",
      `/api/v1/files?path=${encodeURIComponent(join(PROJ, "data.bin"))}&permanent=true`,
    );
    expect(del.status).toBe(200);
    const after = (await as("POST", "/api/v1/storage/scan", {})).body;
    expect(item(after, "account", "gproj").over).toBe(null);
    expect((await held()).status).toBe(201);
    expect(inbox.filter((m) => /account gproj is over/.test(unfolded(m)))).toHaveLength(1);
    expect(
      (await as("GET", "/api/v1/storage/history?account=gproj")).body.length,
    ).toBeGreaterThanOrEqual(3);
  });

  it("charges each ended day's storage at the price of the day, once", async () => {
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const priced = await c.api("POST", "/api/v1/storage/prices", {
      gbMonth: "30",
      from: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    });
    expect(priced.body).toMatchObject({ gbMonth: "30.00" });
    expect((await c.api("POST", "/api/v1/storage/prices", { gbMonth: "-1" })).status).toBe(400);
    // a count taken during that day (the center has only counted today here): 2 GB
    const db = new Database(join(c.home, "guang.db"));
    const id = (db.prepare("SELECT id FROM accounts WHERE name = 'gproj'").get() as { id: number })
      .id;
    db.prepare(
      "INSERT INTO storage_usage (kind, subject_id, path, bytes, files, unreadable, taken_at) VALUES ('account', ?, ?, ?, 1, 0, ?)",
    ).run(id, PROJ, 2_000_000_000, `${day}T12:00:00.000Z`);
    db.close();
    const days = new Date(
      Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0),
    ).getUTCDate();
    const expected = (Math.round((2 * 30 * 10_000) / days) / 10_000)
      .toFixed(4)
      .replace(/0{1,2}$/, "");
    const charged = await c.api("POST", "/api/v1/storage/charges", { day });
    expect(charged.body).toEqual([{ account: "gproj", bytes: 2_000_000_000, amount: expected }]);
    expect((await c.api("POST", "/api/v1/storage/charges", { day })).body).toEqual([]);
    const ledger = (await c.api("GET", "/api/v1/ledger?account=gproj")).body.transactions;
    expect(ledger.filter((t: { kind: string }) => t.kind === "storage")).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    const early = await c.api("POST", "/api/v1/storage/charges", { day: today });
    expect([early.status, early.body.error.message]).toEqual([
      400,
      expect.stringMatching(/has not ended/),
    ]);
    expect((await c.api("POST", "/api/v1/storage/charges", { day: "yesterday" })).status).toBe(400);
  });

  it("guang quota shows them as quota -s would, and --scan counts first", () => {
    const r = cli(c, ["quota", "--scan"], { env: { GUANG_TOKEN: ann } });
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toMatch(/^WHAT\s+PATH\s+USED\s+SOFT\s+HARD\s+FILES\s+FSOFT\s+FHARD\s+COUNTED/);
    expect(r.stdout).toMatch(
      new RegExp(`account gproj\\s+${PROJ}\\s+\\S+\\s+976\\.6K\\s+1\\.4M\\s+\\d+\\s+-\\s+1000`),
    );
    const j = JSON.parse(cli(c, ["quota", "--json"], { env: { GUANG_TOKEN: ann } }).stdout);
    expect(j.map((i: { kind: string; name: string }) => `${i.kind} ${i.name}`).sort()).toEqual([
      "account gproj",
      "user ann",
    ]);
  });
});
