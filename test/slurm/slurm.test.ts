import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, chmodSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  freshPostgresUrl,
  MAPPED_TEST_CONFIG,
  startCenter,
  waitFor,
  type TestCenter,
} from "../helpers/center.js";
import { until as untilWithin } from "../helpers/until.js";

/** The shared polling helper, with a minute by default: a real Slurm answers in its own time. */
const until = <T>(what: string, probe: Parameters<typeof untilWithin<T>>[1], ms = 60_000) =>
  untilWithin(what, probe, ms);

// The real-Slurm suite: a one-node Slurm started by scripts/slurm-test-cluster.sh (.ci/run does).
const root = process.getuid?.() === 0;
const slurmUp =
  root && spawnSync("scontrol", ["ping"], { encoding: "utf8" }).stdout?.includes("UP");
if (!slurmUp)
  console.log(
    `skipped: no Slurm (${root ? "scontrol ping does not answer UP" : "not root"}; start one with scripts/slurm-test-cluster.sh up)`,
  );

const PW = "Slurm-pass-2026";
// fresh Slurm account names each run: Slurm keeps its accounts and accounting between runs
const tag = Date.now().toString(36).slice(-6);
const ACCT = `q${tag}`;
/** The account of the job that runs into its time limit meanwhile (ACCT's tests block and count ACCT). */
const TACCT = `t${tag}`;
const UNIX = "guangslurm1";
const UNIX2 = "guangslurm2";
let c: TestCenter;
const t: Record<string, string> = {};
const money = (s: string) => Math.round(Number(s) * 10000);

function sh(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: "utf8" });
}

/** A working directory the job's Unix user may write to. */
function userDir(user = UNIX): string {
  const d = mkdtempSync(join(tmpdir(), "guang-slurm-"));
  const uid = Number(sh("id", ["-u", user]).trim());
  const gid = Number(sh("id", ["-g", user]).trim());
  chownSync(d, uid, gid);
  chmodSync(d, 0o755);
  return d;
}

function assoc(account: string, user = ""): string {
  const rows = sh("sacctmgr", [
    "-n",
    "-P",
    "show",
    "assoc",
    "where",
    `account=${account}`,
    "format=Account,User,GrpTRES",
  ])
    .trim()
    .split("\n");
  return rows.find((r) => r.split("|")[1] === user) ?? "";
}

function assocLimits(account: string): string {
  return (
    sh("sacctmgr", [
      "-n",
      "-P",
      "show",
      "assoc",
      "where",
      `account=${account}`,
      "format=Account,User,GrpTRES,GrpJobs",
    ])
      .trim()
      .split("\n")
      .find((r) => r.split("|")[1] === "") ?? ""
  );
}

const config = `${MAPPED_TEST_CONFIG}
clusters:
  - name: hpc
    backend: slurm
    pollSeconds: 0.5
    accountingSeconds: 1
    syncSeconds: 1
`;

describe.skipIf(!slurmUp)("a real Slurm cluster as a backend", () => {
  beforeAll(async () => {
    for (const u of [UNIX, UNIX2]) if (spawnSync("id", [u]).status !== 0) sh("useradd", ["-m", u]);
    c = await startCenter(config);
    const ok = c.ok;
    await ok("POST", "/api/v1/users", { username: "cfo", password: PW, roles: ["center-finance"] });
    t.cfo = (await ok("POST", "/api/v1/auth/login", { username: "cfo", password: PW })).token;
    await ok("POST", "/api/v1/tenants", {
      name: "quark",
      admin: { username: "quark-admin", password: PW },
    });
    await ok("POST", "/api/v1/users", {
      username: "ann",
      tenant: "quark",
      password: PW,
      posix: { name: UNIX },
    });
    await ok("POST", "/api/v1/users", { username: "bob", tenant: "quark", password: PW });
    await ok("POST", "/api/v1/accounts", { name: ACCT, tenant: "quark", owner: "ann" });
    await ok("POST", `/api/v1/accounts/${ACCT}/members`, { user: "bob" });
    await ok("POST", "/api/v1/tenants/quark/recharge", { amount: "1000" }, t.cfo);
    await ok("POST", `/api/v1/accounts/${ACCT}/transfer`, { amount: "500" }, t.cfo);
    await ok("POST", "/api/v1/accounts", { name: TACCT, tenant: "quark", owner: "ann" });
    await ok("POST", `/api/v1/accounts/${TACCT}/transfer`, { amount: "100" }, t.cfo);
    const now = new Date().toISOString();
    // 36 an hour per core: 0.01 a core-second
    for (const partition of ["batch", "short"])
      await ok(
        "POST",
        "/api/v1/prices",
        { cluster: "hpc", partition, effectiveFrom: now, cpuHour: "36" },
        t.cfo,
      );
    t.ann = (await ok("POST", "/api/v1/auth/login", { username: "ann", password: PW })).token;
    t.bob = (await ok("POST", "/api/v1/auth/login", { username: "bob", password: PW })).token;
    t.admin = c.token;
    // Guang puts the account and ann (who has a Unix name) into Slurm
    await until("the account in Slurm", () => assoc(ACCT, UNIX));
    await until("the time-limit account in Slurm", () => assoc(TACCT, UNIX));
  }, 60000);
  afterAll(async () => {
    await c?.stop();
  });

  const submit = (token: string, args: string[], script: string, dir = userDir()) =>
    c.api(
      "POST",
      "/api/v1/jobs",
      { script, args: ["-M", "hpc", "-A", ACCT, ...args], workdir: dir },
      token,
    );

  it("shows the Slurm cluster beside the local one: partitions, nodes, version; and the account and its users in Slurm", async () => {
    const clusters = (await c.ok("GET", "/api/v1/clusters", undefined, t.ann)).clusters;
    expect(clusters.map((k: { name: string; backend: string }) => [k.name, k.backend])).toEqual([
      ["local", "local"],
      ["hpc", "slurm"],
    ]);
    const hpc = clusters[1];
    expect(hpc.status).toMatchObject({
      reachable: true,
      version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      error: null,
      sync: null,
    });
    // what was put right names accounts of every tenant: for center admins only
    expect((await c.ok("GET", "/api/v1/clusters")).clusters[1].status.sync).toMatchObject({
      at: expect.any(String),
      applied: expect.any(Array),
      drift: [],
    });
    expect(
      hpc.partitions.map((p: { name: string; default: boolean; maxTime: number | null }) => [
        p.name,
        p.default,
        p.maxTime,
      ]),
    ).toEqual([
      ["batch", true, null],
      ["short", false, 300],
    ]);
    expect(hpc.nodes[0]).toMatchObject({
      cpus: expect.any(Number),
      state: expect.stringMatching(/idle|mixed|allocated/),
    });
    // ann has a Unix name and is in the account in Slurm; bob has none, so Slurm does not know him
    await until("the account in Slurm", () => assoc(ACCT, UNIX));
    expect(assoc(ACCT)).toMatch(new RegExp(`^${ACCT}\\|\\|`));
  });

  /** A job of one minute that sleeps on: Slurm ends it at its limit (checked last, meanwhile the rest runs). */
  let slow: number;

  it("runs a job as its user, with its exit code, output and charge, and cancels one", async () => {
    // Slurm looks at time limits every 30 s: a minute's limit ends a job 60 to 90 s on
    slow = (
      await c.ok(
        "POST",
        "/api/v1/jobs",
        {
          script: "#!/bin/bash\nsleep 300\n",
          args: ["-M", "hpc", "-A", TACCT, "-t", "1"],
          workdir: userDir(),
        },
        t.ann,
      )
    ).id;
    const dir = userDir();
    const r = await submit(
      t.ann!,
      ["-J", "hello", "-t", "5"],
      '#!/bin/bash\necho "hello from $(id -un) in $SLURM_JOB_ID"\nsleep 2\nexit 3\n',
      dir,
    );
    expect(r.status).toBe(201);
    const done = await waitFor(c, r.body.id, ["FAILED", "COMPLETED"], 60000);
    expect(done).toMatchObject({
      cluster: "hpc",
      state: "FAILED",
      exitCode: 3,
      origin: "guang",
      clusterJobId: expect.stringMatching(/^\d+$/),
    });
    expect(readFileSync(done.stdout, "utf8")).toBe(`hello from ${UNIX} in ${done.clusterJobId}\n`);
    // Slurm's accounting agrees: it ran as ann's Unix user, in the account
    expect(
      sh("sacct", [
        "-X",
        "-P",
        "-n",
        "-j",
        done.clusterJobId,
        "-o",
        "User,Account,ExitCode",
      ]).trim(),
    ).toBe(`${UNIX}|${ACCT}|3:0`);
    // charged once: about 2 s × 1 core × 0.01, never more than held (5 minutes)
    expect(money(done.cost)).toBeGreaterThan(0);
    expect(money(done.cost)).toBeLessThanOrEqual(money("3.00"));

    const long = await submit(t.ann!, ["-t", "10"], "#!/bin/bash\nsleep 300\n");
    await waitFor(c, long.body.id, ["RUNNING"], 60000);
    await c.ok("POST", `/api/v1/jobs/${long.body.id}/cancel`, undefined, t.ann);
    expect((await waitFor(c, long.body.id, undefined, 60000)).state).toBe("CANCELLED");
  }, 240000);

  it("holds and releases a job in Slurm, and lists jobs by cluster", async () => {
    const r = await submit(t.ann!, ["-t", "2", "--hold"], "#!/bin/bash\ntrue\n");
    expect(r.status).toBe(201);
    const held = await until("held in Slurm", async () => {
      const j = await c.ok("GET", `/api/v1/jobs/${r.body.id}`, undefined, t.ann);
      return j.reason === "JobHeldUser" ? j : null;
    });
    expect(held.state).toBe("PENDING");
    await c.ok("POST", `/api/v1/jobs/${r.body.id}/release`, undefined, t.ann);
    expect((await waitFor(c, r.body.id, undefined, 60000)).state).toBe("COMPLETED");
    // a dependency between two Slurm jobs goes to Slurm in its own ids; one on a local job cannot
    const first = await submit(t.ann!, ["-t", "2"], "#!/bin/bash\nsleep 2\n");
    const then = await submit(
      t.ann!,
      ["-t", "2", `--dependency=afterok:${first.body.id}`],
      "#!/bin/bash\ntrue\n",
    );
    expect(then.status).toBe(201);
    const [a, b] = [
      await waitFor(c, first.body.id, undefined, 60000),
      await waitFor(c, then.body.id, undefined, 60000),
    ];
    expect([a.state, b.state]).toEqual(["COMPLETED", "COMPLETED"]);
    expect(Date.parse(b.startTime)).toBeGreaterThanOrEqual(Date.parse(a.endTime));
    const local = await c.ok(
      "POST",
      "/api/v1/jobs",
      { script: "#!/bin/bash\ntrue\n", workdir: userDir() },
      t.ann,
    );
    const across = await submit(
      t.ann!,
      ["-t", "2", `--dependency=afterany:${local.id}`],
      "#!/bin/bash\ntrue\n",
    );
    expect([across.status, across.body.error.message]).toEqual([
      400,
      `--dependency names job ${local.id}, which is on cluster local; a job on cluster hpc can depend only on jobs of that cluster`,
    ]);
    const listed = (await c.ok("GET", "/api/v1/jobs?cluster=hpc&limit=1000", undefined, t.ann))
      .jobs;
    expect(listed.length).toBeGreaterThanOrEqual(3);
    expect(listed.every((j: { cluster: string }) => j.cluster === "hpc")).toBe(true);
  }, 120000);

  it("says clearly what is wrong: a partition Slurm lacks, a user without a Unix name, a disabled cluster", async () => {
    const noPart = await submit(t.ann!, ["-p", "gpu", "-t", "1"], "#!/bin/bash\ntrue\n");
    expect([noPart.status, noPart.body.error.message]).toEqual([
      400,
      "partition gpu does not exist on cluster hpc; its partitions: batch, short",
    ]);
    const noPosix = await submit(t.bob!, ["-t", "1"], "#!/bin/bash\ntrue\n");
    expect([noPosix.status, noPosix.body.error.message]).toEqual([
      409,
      expect.stringMatching(
        /^user bob has no Unix identity on this center, and Guang never runs user work as root/,
      ),
    ]);
    // once he has one, Slurm knows him in the account at once
    await c.ok("PATCH", "/api/v1/users/bob", { posix: { name: UNIX2 } }, t.admin);
    const bobs = await submit(t.bob!, ["-t", "1"], "#!/bin/bash\ntrue\n", userDir(UNIX2));
    expect(bobs.status).toBe(201);
    expect(assoc(ACCT, UNIX2)).toMatch(new RegExp(`^${ACCT}\\|${UNIX2}\\|`));
    expect((await waitFor(c, bobs.body.id, undefined, 60000)).state).toBe("COMPLETED");
    // limits become Slurm's; a member removed in Guang is removed in Slurm
    await c.ok(
      "PATCH",
      `/api/v1/accounts/${ACCT}`,
      { limits: { maxCpus: 64, maxRunningJobs: 20 } },
      t.admin,
    );
    await until("GrpTRES cpu=64 and GrpJobs=20", () =>
      /^[^|]*\|\|cpu=64\|20$/.test(assocLimits(ACCT)),
    );
    await c.ok("DELETE", `/api/v1/accounts/${ACCT}/members/bob`, undefined, t.admin);
    await until("bob gone from the account in Slurm", () => assoc(ACCT, UNIX2) === "");
    const tooLong = await submit(t.ann!, ["-p", "short", "-t", "10"], "#!/bin/bash\ntrue\n");
    expect(tooLong.status).toBe(400);
    expect((await c.api("PATCH", "/api/v1/clusters/hpc", { enabled: false }, t.ann)).status).toBe(
      403,
    );
    await c.ok("PATCH", "/api/v1/clusters/hpc", { enabled: false, reason: "maintenance" });
    const off = await submit(t.ann!, ["-t", "1"], "#!/bin/bash\ntrue\n");
    expect([off.status, off.body.error.message]).toEqual([
      409,
      expect.stringMatching(/^cluster hpc is disabled \(maintenance\) and takes no new jobs/),
    ]);
    await c.ok("PATCH", "/api/v1/clusters/hpc", { enabled: true });
    expect((await submit(t.ann!, ["-t", "1"], "#!/bin/bash\ntrue\n")).status).toBe(201);
    // nothing of the refused ones was written
    const jobs = (await c.ok("GET", `/api/v1/jobs?cluster=hpc&limit=1000`, undefined, t.admin))
      .jobs;
    expect(jobs.every((j: { clusterJobId: string | null }) => j.clusterJobId !== null)).toBe(true);
  }, 60000);

  it("blocks an account in Slurm, puts the block back when someone lifts it with sacctmgr, and unblocks it", async () => {
    await c.ok("POST", `/api/v1/accounts/${ACCT}/block`, { reason: "audit" }, t.admin);
    await until("GrpTRES cpu=0", () => /cpu=0/.test(assoc(ACCT)));
    // a job submitted straight to Slurm by the user waits
    const direct = () =>
      sh("su", [UNIX, "-c", `cd /tmp && sbatch --parsable -A ${ACCT} -t 1 --wrap true`]).trim();
    const pends = (id: string) =>
      until(`job ${id} pending for its block`, () => {
        const line = sh("squeue", ["-h", "-j", id, "-o", "%T|%r"]).trim();
        return line === "PENDING|AssocGrpCpuLimit" ? line : null;
      });
    try {
      const first = direct();
      await pends(first);
      // someone lifts it behind Guang's back: Guang puts it back and says so
      sh("sacctmgr", ["-i", "modify", "account", "where", `name=${ACCT}`, "set", "GrpTRES=cpu=-1"]);
      await until("the block put back", () => /cpu=0/.test(assoc(ACCT)), 30000);
      const audit = await until("drift in the audit log", async () => {
        const rows = (await c.ok("GET", "/api/v1/audit?action=cluster.drift", undefined, t.admin))
          .records;
        return rows.length > 0 ? rows : null;
      });
      expect(JSON.stringify(audit[0].details)).toMatch(
        new RegExp(`account ${ACCT}: GrpTRES/cpu is none, Guang had set 0`),
      );
      // (the first may have slipped through in the moment the block was gone; a new one waits again)
      const second = direct();
      await pends(second);
      await c.ok("POST", `/api/v1/accounts/${ACCT}/unblock`, undefined, t.admin);
      await until(
        "the job run after the unblock",
        () => /COMPLETED/.test(sh("sacct", ["-X", "-n", "-P", "-j", second, "-o", "State"])),
        60000,
      );
      // the block is gone (the account's own CPU limit, if any, is back in its place)
      await until("GrpTRES cpu=0 gone", () => !/cpu=0($|,)/.test(assoc(ACCT)));
    } finally {
      await c.api("POST", `/api/v1/accounts/${ACCT}/unblock`, undefined, t.admin);
    }
  }, 120000);

  it("blocks an account for money in Slurm too: Guang's next job waits there, and runs when money comes", async () => {
    // no job of the account still holds money (a hold given back would lift what it has again)
    await until(
      "no job of the account active",
      async () =>
        (
          await c.ok(
            "GET",
            `/api/v1/jobs?account=${ACCT}&state=PENDING,RUNNING`,
            undefined,
            t.admin,
          )
        ).jobs.length === 0,
    );
    // the threshold at what the account has now: the next charge takes it below
    const has = (await c.ok("GET", `/api/v1/accounts/${ACCT}/billing`, undefined, t.cfo)).available;
    await c.ok("PATCH", `/api/v1/accounts/${ACCT}/billing`, { threshold: has }, t.cfo);
    const spend = await submit(t.ann!, ["-t", "1"], "#!/bin/bash\nsleep 2\n");
    await waitFor(c, spend.body.id, undefined, 60000);
    await until(
      "blocked for money",
      async () =>
        (await c.ok("GET", `/api/v1/accounts/${ACCT}/billing`, undefined, t.cfo)).blockedForMoney,
    );
    await until("GrpTRES cpu=0", () => /cpu=0($|,)/.test(assoc(ACCT)));
    const waits = await submit(t.ann!, ["-t", "1"], "#!/bin/bash\ntrue\n");
    expect(waits.status).toBe(201);
    const job = await until("AccountBlocked", async () => {
      const j = await c.ok("GET", `/api/v1/jobs/${waits.body.id}`, undefined, t.ann);
      return j.reason === "AccountBlocked" ? j : null;
    });
    expect(sh("squeue", ["-h", "-j", job.clusterJobId, "-o", "%T|%r"]).trim()).toBe(
      "PENDING|AssocGrpCpuLimit",
    );
    await c.ok("POST", `/api/v1/accounts/${ACCT}/transfer`, { amount: "10" }, t.cfo);
    // each step of the way back, so that a slow one is named: Guang lifts the block, the limit
    // goes from Slurm's association, Slurm's scheduler starts the job (a loaded machine: minutes)
    await until(
      "the money block lifted",
      async () =>
        !(await c.ok("GET", `/api/v1/accounts/${ACCT}/billing`, undefined, t.cfo)).blockedForMoney,
    );
    await until("GrpTRES cpu=0 gone", () => !/cpu=0($|,)/.test(assoc(ACCT)));
    expect((await waitFor(c, waits.body.id, undefined, 150_000)).state).toBe("COMPLETED");
    await c.ok("PATCH", `/api/v1/accounts/${ACCT}/billing`, { threshold: "0" }, t.cfo);
  }, 330_000);

  it("imports and charges jobs submitted straight to Slurm, once, across restarts", async () => {
    const id = sh("su", [
      UNIX,
      "-c",
      `cd /tmp && sbatch --parsable -A ${ACCT} -J direct -t 1 --wrap 'sleep 1'`,
    ]).trim();
    const found = await until("the job imported", async () => {
      const jobs = (await c.ok("GET", "/api/v1/jobs?cluster=hpc&limit=1000", undefined, t.ann))
        .jobs;
      return jobs.find((j: { clusterJobId: string }) => j.clusterJobId === id);
    });
    expect(found).toMatchObject({
      origin: "foreign",
      user: "ann",
      account: ACCT,
      name: "direct",
      state: "COMPLETED",
    });
    expect(money(found.cost)).toBeGreaterThan(0);
    // one server per home: the first stops before the next starts
    await c.stop();
    await c.restart();
    // a check that something does NOT happen: the restarted server's accounting import (every
    // second) gets three passes in which it could import the job twice
    await new Promise((r) => setTimeout(r, 3000));
    const jobs = (await c.ok("GET", "/api/v1/jobs?cluster=hpc&limit=1000", undefined, t.admin))
      .jobs;
    expect(jobs.filter((j: { clusterJobId: string }) => j.clusterJobId === id)).toHaveLength(1);
    const ledger = (
      await c.ok("GET", `/api/v1/ledger?account=${ACCT}&limit=1000`, undefined, t.cfo)
    ).transactions;
    expect(
      ledger
        .filter((x: { jobId: number | null }) => x.jobId === found.id)
        .map((x: { kind: string }) => x.kind),
    ).toEqual(["charge"]);
  }, 90000);

  it("serves the local cluster while Slurm is down, says which cluster and what Slurm said, and loses nothing when it is back", async () => {
    const running = await submit(t.ann!, ["-t", "2"], "#!/bin/bash\nsleep 4\n");
    expect(running.body).toMatchObject({ id: expect.any(Number) });
    await waitFor(c, running.body.id, ["RUNNING"], 60000);
    const pid = readFileSync("/var/lib/guang-slurm-test/slurmctld.pid", "utf8").trim();
    process.kill(Number(pid), "SIGTERM");
    await until("slurmctld gone", () =>
      spawnSync("scontrol", ["ping"], { encoding: "utf8" }).stdout?.includes("DOWN"),
    );
    try {
      const down = await submit(t.ann!, ["-t", "1"], "#!/bin/bash\ntrue\n");
      expect(down.status).toBe(503);
      expect(down.body.error.message).toMatch(
        /^cluster hpc: sbatch cannot reach Slurm: Slurm said: .*(Unable to contact slurm controller|Connection refused|no answer)/,
      );
      const local = await c.api(
        "POST",
        "/api/v1/jobs",
        { script: "#!/bin/bash\necho local\n", workdir: userDir() },
        t.ann,
      );
      expect(local.status).toBe(201);
      expect((await waitFor(c, local.body.id)).state).toBe("COMPLETED");
      // Slurm stays down until Guang has seen it so (its polls fail) before it comes back in finally
      await until(
        "hpc seen unreachable",
        async () =>
          !(await c.ok("GET", "/api/v1/clusters", undefined, t.ann)).clusters[1].status.reachable,
      );
    } finally {
      execFileSync(join(process.cwd(), "scripts/slurm-test-cluster.sh"), ["up"], {
        stdio: "ignore",
      });
    }
    // the job that ended while Slurm's controller was down is recorded as it ended
    expect((await waitFor(c, running.body.id, undefined, 90000)).state).toBe("COMPLETED");
    const clusters = (await c.ok("GET", "/api/v1/clusters", undefined, t.ann)).clusters;
    await until(
      "hpc reachable again",
      async () =>
        (await c.ok("GET", "/api/v1/clusters", undefined, t.ann)).clusters[1].status.reachable,
    );
    expect(clusters).toHaveLength(2);
    expect(existsSync("/var/lib/guang-slurm-test/slurmctld.pid")).toBe(true);
  }, 180000);

  it("ends a job at its time limit: TIMEOUT, as Slurm says", async () => {
    const out = await waitFor(c, slow, undefined, 180_000);
    expect(out).toMatchObject({ state: "TIMEOUT", account: TACCT });
  }, 200_000);
});

const pgUrl = slurmUp ? await freshPostgresUrl() : null;
if (slurmUp && !pgUrl)
  console.log("skipped: the Slurm backend on PostgreSQL (set GUANG_TEST_DATABASE_URL)");

describe.skipIf(!slurmUp || !pgUrl)("a real Slurm cluster with the store on PostgreSQL", () => {
  it("runs a job through Slurm and imports one submitted straight to it, each recorded and charged once", async () => {
    const pgc = await startCenter(config, { GUANG_DATABASE_URL: pgUrl! });
    try {
      const acct = `p${tag}`;
      await pgc.ok("POST", "/api/v1/users", {
        username: "pat",
        password: PW,
        posix: { name: UNIX },
      });
      await pgc.ok("POST", "/api/v1/accounts", { name: acct, owner: "pat" });
      const now = new Date().toISOString();
      await pgc.ok("POST", "/api/v1/prices", {
        cluster: "hpc",
        partition: "batch",
        effectiveFrom: now,
        cpuHour: "36",
      });
      await pgc.ok("POST", "/api/v1/users", {
        username: "cfo",
        password: PW,
        roles: ["center-finance"],
      });
      const cfo = (await pgc.ok("POST", "/api/v1/auth/login", { username: "cfo", password: PW }))
        .token;
      await pgc.ok("POST", "/api/v1/tenants/default/recharge", { amount: "100" }, cfo);
      await pgc.ok("POST", `/api/v1/accounts/${acct}/transfer`, { amount: "100" }, cfo);
      await until("the account in Slurm", () => assoc(acct, UNIX));
      const token = (await pgc.ok("POST", "/api/v1/auth/login", { username: "pat", password: PW }))
        .token;
      const r = await pgc.api(
        "POST",
        "/api/v1/jobs",
        {
          script: "#!/bin/bash\nexit 0\n",
          args: ["-M", "hpc", "-A", acct, "-t", "2"],
          workdir: userDir(),
        },
        token,
      );
      expect(r.status).toBe(201);
      expect(await waitFor(pgc, r.body.id, undefined, 60000)).toMatchObject({
        state: "COMPLETED",
        clusterJobId: expect.stringMatching(/^\d+$/),
      });
      // (Slurm's accounting counts whole seconds: a job of less than one would cost nothing)
      const id = sh("su", [
        UNIX,
        "-c",
        `cd /tmp && sbatch --parsable -A ${acct} -t 1 --wrap 'sleep 2'`,
      ]).trim();
      const found = await until("the job imported", async () =>
        (await pgc.ok("GET", "/api/v1/jobs?cluster=hpc&limit=100")).jobs.find(
          (j: { clusterJobId: string }) => j.clusterJobId === id,
        ),
      );
      expect(found).toMatchObject({ origin: "foreign", user: "pat", state: "COMPLETED" });
      const ledger = (
        await pgc.ok("GET", `/api/v1/ledger?account=${acct}&limit=1000`, undefined, cfo)
      ).transactions;
      expect(
        ledger
          .filter((x: { jobId: number | null }) => x.jobId === found.id)
          .map((x: { kind: string }) => x.kind),
      ).toEqual(["charge"]);
    } finally {
      await pgc.stop();
    }
  }, 120000);
});
