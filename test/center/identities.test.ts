import { spawnSync } from "node:child_process";
import { lstatSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCenter, waitFor, workdir, type TestCenter, mappedUsers } from "../helpers/center.js";
import { AS_ROOT, makeUnixUsers, removeUnixUsers } from "../helpers/unix-user.js";

/**
 * A center started as root, jobs as each user's own Unix account (the default): who may
 * run what, as whom, and what their jobs and the API can reach. Test Unix accounts are
 * made here and removed after.
 */
if (!AS_ROOT) console.log("skipped: identities as root (run the tests as root, as CI does)");

const UNIX = ["gsec-ann", "gsec-bob"];
const PW = "Secret-pass-1";
const MAPPED = `
jobs:
  killWait: 1
  sampleInterval: 0.1
cluster:
  cpus: 8
  memMiB: 16384
identities:
  minUid: 1000
`;

let c: TestCenter;
const tokens: Record<string, string> = {};

function uidOf(name: string): number {
  return Number(spawnSync("id", ["-u", name], { encoding: "utf8" }).stdout.trim());
}

describe.runIf(AS_ROOT)("identities on a root server", () => {
  beforeAll(async () => {
    makeUnixUsers(UNIX, [62000, 62999], false);
    c = await startCenter(MAPPED);
    Object.assign(
      tokens,
      await mappedUsers(
        c,
        [
          ["ann", "gsec-ann"],
          ["bob", "gsec-bob"],
        ],
        PW,
      ),
    );
  });
  afterAll(async () => {
    await c?.stop();
    removeUnixUsers(UNIX);
  });

  it("says at start whose identity jobs run under", () => {
    expect(c.output()).toMatch(/jobs run as each user's own Unix account \(uid ≥ 1000\)/);
  });

  it("a user without a Unix identity runs nothing: a 409 that says how to get one", async () => {
    const r = await c.api("POST", "/api/v1/jobs", {
      script: "#!/bin/bash\nid\n",
      workdir: workdir(),
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("no_identity");
    expect(r.body.error.message).toMatch(
      /user admin has no Unix identity.*never runs user work as root.*guang admin user set admin --unix-name/,
    );
    expect((await c.ok("GET", "/api/v1/jobs")).jobs).toEqual([]);
  });

  it("identities are the center's: never a system account, never set by a tenant admin", async () => {
    await c.ok("POST", "/api/v1/tenants", {
      name: "phys",
      admin: { username: "phys-admin", password: PW },
    });
    const phys = (
      await c.ok("POST", "/api/v1/auth/login", { username: "phys-admin", password: PW }, null)
    ).token;
    const byTenant = await c.api(
      "POST",
      "/api/v1/users",
      { username: "eve", password: PW, posix: { name: "gsec-bob" } },
      phys,
    );
    expect(byTenant.status).toBe(403);
    expect(byTenant.body.error.message).toMatch(
      /only a center admin may set a user's Unix identity/,
    );
    await c.ok("POST", "/api/v1/users", { username: "eve", password: PW }, phys);
    expect(
      (await c.api("PATCH", "/api/v1/users/eve", { posix: { name: "root" } }, phys)).status,
    ).toBe(403);
    for (const [posix, why] of [
      [{ name: "root" }, /system account \(uid 0/],
      [{ name: "daemon" }, /system account \(uid 1,/],
      [{ name: "eve", uid: 0, gid: 0 }, /posix.uid 0 is below the center.s minimum uid 1000/],
      [{ name: "eve", uid: 1, gid: 1 }, /posix.uid 1 is below the center's minimum uid 1000/],
      [{ name: "bin" }, /system account \(uid 2,/],
      [{ name: "eve", uid: 65534, gid: 0 }, /posix.gid 0 is root's group/],
    ] as const) {
      const r = await c.api("PATCH", "/api/v1/users/eve", { posix });
      expect(r.status, JSON.stringify(posix)).toBe(400);
      expect(r.body.error.message).toMatch(why);
    }
    expect((await c.ok("GET", "/api/v1/users/eve")).posix).toBeNull();
  });

  it("a job runs as its user, in the user's own folder (700), writes 600 outputs, and cannot open Guang's store", async () => {
    const db = join(c.home, "guang.db");
    const script = `#!/bin/bash\nid -u\nstat -c %a "$PWD"\nif cat ${db} >/dev/null 2>&1; then echo STORE-READ; else echo STORE-DENIED; fi\nif ls ${join(c.home, "work")} >/dev/null 2>&1; then echo LISTED; else echo NOT-LISTED; fi\n`;
    const r = await c.ok("POST", "/api/v1/jobs", { script }, tokens.ann);
    const job = await waitFor(c, r.id);
    expect(job.state).toBe("COMPLETED");
    const folder = join(c.home, "work", "ann");
    const out = join(folder, `slurm-${r.id}.out`);
    expect(readFileSync(out, "utf8").split("\n").slice(0, 4)).toEqual([
      String(uidOf("gsec-ann")),
      "700",
      "STORE-DENIED",
      "NOT-LISTED",
    ]);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(statSync(folder).uid).toBe(uidOf("gsec-ann"));
    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });

  it("a job cannot work or write in another user's folder under work/", async () => {
    await c.ok("POST", "/api/v1/jobs", { script: "#!/bin/bash\ntrue\n" }, tokens.ann);
    const other = join(c.home, "work", "ann");
    for (const body of [
      { script: "#!/bin/bash\ntrue\n", options: { output: join(other, "planted.out") } },
      { script: "#!/bin/bash\ntrue\n", workdir: other },
    ]) {
      const r = await c.api("POST", "/api/v1/jobs", body, tokens.bob);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/another user's working folder; use your own/);
    }
  });

  it("outputs are read with the job user's rights: a symlink, or a file not the user's, is refused", async () => {
    const cases = [
      // the output replaced by a symlink to /etc/shadow
      {
        script: `#!/bin/bash\necho hi\nrm -f "$PWD/slurm-$SLURM_JOB_ID.out"\nln -s /etc/shadow "$PWD/slurm-$SLURM_JOB_ID.out"\n`,
        opts: {},
        why: /symbolic link/,
      },
      // the output's folder replaced by a symlink to /etc: the path now names root's file
      {
        script: `#!/bin/bash\nmkdir -p x\nrm -rf sub\nln -s /etc sub\n`,
        opts: { output: "sub/shadow" },
        why: /does not belong to the job's Unix account/,
        pre: "sub",
      },
    ];
    for (const k of cases) {
      const dir = workdir();
      spawnSync("chown", [`gsec-ann:gsec-ann`, dir]);
      if (k.pre) spawnSync("install", ["-d", "-o", "gsec-ann", join(dir, k.pre)]);
      const r = await c.ok(
        "POST",
        "/api/v1/jobs",
        { script: k.script, workdir: dir, options: k.opts },
        tokens.ann,
      );
      await waitFor(c, r.id);
      const out = await c.api("GET", `/api/v1/jobs/${r.id}/output`, undefined, tokens.ann);
      expect(out.status, JSON.stringify(out.body).slice(0, 200)).toBe(409);
      expect(out.body.error.message).toMatch(k.why);
      expect(JSON.stringify(out.body)).not.toContain("root:");
      expect(lstatSync(join(dir, k.pre ?? `slurm-${r.id}.out`)).isSymbolicLink()).toBe(true);
    }
  });
});

describe.runIf(AS_ROOT)("automatic identities", () => {
  let d: TestCenter;
  const made: string[] = [];
  beforeAll(async () => {
    const homes = workdir();
    d = await startCenter(
      `${MAPPED}  auto: { uidMin: 64000, uidMax: 64099, homeRoot: ${homes} }\n`,
    );
  });
  afterAll(async () => {
    await d?.stop();
    for (const u of made) {
      spawnSync("pkill", ["-KILL", "-u", u]);
      spawnSync("userdel", ["-r", u], { stdio: "ignore" });
    }
  });

  it("a user without a Unix account gets one at their first job: the next uid of the range never given before", async () => {
    for (const u of ["gauto-a", "gauto-b", "gauto-c"])
      spawnSync("userdel", ["-r", u], { stdio: "ignore" });
    const tokens: Record<string, string> = {};
    for (const name of ["gauto-a", "gauto-b", "gauto-c"]) {
      await d.ok("POST", "/api/v1/users", { username: name, password: PW });
      await d.ok("POST", "/api/v1/accounts/default/members", { user: name });
      tokens[name] = (
        await d.ok("POST", "/api/v1/auth/login", { username: name, password: PW }, null)
      ).token;
    }
    made.push("gauto-a");
    const first = await d.ok(
      "POST",
      "/api/v1/jobs",
      { script: "#!/bin/bash\nid -un\n" },
      tokens["gauto-a"],
    );
    expect((await waitFor(d, first.id)).state).toBe("COMPLETED");
    expect(readFileSync(join(d.home, "work", "gauto-a", `slurm-${first.id}.out`), "utf8")).toBe(
      "gauto-a\n",
    );
    expect((await d.ok("GET", "/api/v1/users/gauto-a")).posix).toMatchObject({
      name: "gauto-a",
      uid: 64000,
    });
    // the admin takes the identity away: its uid is not given to the next user
    await d.ok("PATCH", "/api/v1/users/gauto-a", { posix: null });
    made.push("gauto-b");
    await d.ok("POST", "/api/v1/jobs", { script: "#!/bin/bash\ntrue\n" }, tokens["gauto-b"]);
    expect((await d.ok("GET", "/api/v1/users/gauto-b")).posix.uid).toBe(64001);
    // a name the machine has already is not taken on Guang's own
    spawnSync("useradd", ["-M", "-K", "UID_MIN=64500", "-K", "UID_MAX=64599", "gauto-c"]);
    made.push("gauto-c");
    const r = await d.api(
      "POST",
      "/api/v1/jobs",
      { script: "#!/bin/bash\ntrue\n" },
      tokens["gauto-c"],
    );
    expect([r.status, r.body.error.code]).toEqual([409, "no_identity"]);
    expect(r.body.error.message).toMatch(/has a Unix account gauto-c already/);
    const audit = (await d.ok("GET", "/api/v1/audit?action=user.identity")).records;
    expect(audit.map((a: { actor: string }) => a.actor).sort()).toEqual(["gauto-a", "gauto-b"]);
  });
});
