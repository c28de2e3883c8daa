import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCenter, TEST_CONFIG, waitFor, workdir, type TestCenter } from "../helpers/center.js";
import { startSmtp, type Mail } from "../helpers/smtp.js";
import { until } from "../helpers/until.js";

/**
 * Project applications through the API, with a real SMTP server: applied for, sent back for
 * changes, changed, approved as the admin edited it (the account, its members and its grant
 * made at once), and the first job charged to that grant; more hours and higher limits for
 * an account; refusals in words; every step audited and mailed.
 */
const PW = "Apply-pass-2026";
let c: TestCenter;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const t: Record<string, string> = {};
const inThirtyDays = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

/** A mail as a person reads it: headers unfolded, encoded words and quoted-printable undone. */
const readable = (m: Mail) =>
  m.data
    .replace(/\r\n[ \t]+/g, " ")
    // the space between two encoded words is not part of the text
    .replace(/\?=\s+=\?UTF-8\?Q\?/gi, "")
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, q: string) => q.replace(/_/g, " "))
    .replace(/=\r\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

const mailTo = (who: string, says: RegExp) =>
  until(
    `a mail to ${who} saying ${says}`,
    () => smtp.inbox.find((m) => m.to.includes(who) && says.test(readable(m))),
    10_000,
    () => smtp.inbox.map((m) => `${m.to.join(",")}: ${/Subject: (.*)/.exec(readable(m))?.[1]}`),
  );

const genome = {
  kind: "account",
  name: "genome",
  title: "Rice genome assembly",
  purpose: "Assemble and annotate 3,000 rice genomes",
  field: "life-sciences",
  pi: "Prof. Li Hua",
  members: ["bio-wang"],
  clusters: ["local"],
  coreHours: 2,
  gpuHours: 0,
};

beforeAll(async () => {
  smtp = await startSmtp();
  c = await startCenter(TEST_CONFIG + smtp.config("en"));
  await c.ok("POST", "/api/v1/tenants", {
    name: "bio",
    admin: { username: "bio-admin", password: PW, email: "admin@bio.example" },
  });
  for (const u of ["li", "wang", "zhao"])
    await c.ok("POST", "/api/v1/users", {
      username: `bio-${u}`,
      tenant: "bio",
      password: PW,
      email: `${u}@bio.example`,
    });
  for (const u of ["bio-admin", "bio-li", "bio-wang"])
    t[u] = (await c.ok("POST", "/api/v1/auth/login", { username: u, password: PW }, null)).token;
  // one unit a core-second for bio: a job's cost is plain to see
  await c.ok("POST", "/api/v1/prices", {
    cluster: "local",
    partition: "cpu",
    tenant: "bio",
    effectiveFrom: new Date().toISOString(),
    cpuHour: "3600",
  });
}, 60_000);
afterAll(async () => {
  await c?.stop();
  await smtp?.stop();
});

describe("project applications", () => {
  it("walks from apply to changes to approve, and the first job is charged to its grant", async () => {
    const as = (who: string) => (m: string, p: string, b?: unknown) => c.api(m, p, b, t[who]);
    const li = as("bio-li");
    const admin = as("bio-admin");
    // refusals in the applicant's words, nothing stored
    const bad = async (body: unknown, status: number, words: RegExp) => {
      const r = await li("POST", "/api/v1/applications", body);
      expect([r.status, r.body.error?.message]).toEqual([status, expect.stringMatching(words)]);
    };
    await bad({ ...genome, members: ["nobody"] }, 400, /member nobody is not a user of tenant bio/);
    await bad({ ...genome, field: "astrology" }, 400, /field is one of: life-sciences/);
    await bad({ ...genome, endsAt: "2020-01-01" }, 400, /has passed/);
    await bad({ ...genome }, 400, /endsAt is needed/);
    await bad(
      { ...genome, endsAt: inThirtyDays(), clusters: ["mars"] },
      400,
      /mars does not exist/,
    );
    await bad({ ...genome, endsAt: inThirtyDays(), name: "Genome!" }, 400, /not valid/);
    expect((await li("GET", "/api/v1/applications")).body.applications).toEqual([]);

    const applied = await li("POST", "/api/v1/applications", { ...genome, endsAt: inThirtyDays() });
    expect(applied.status).toBe(201);
    const a = applied.body;
    expect(a).toMatchObject({
      kind: "account",
      account: "genome",
      state: "pending",
      applicant: "bio-li",
    });
    expect(a.number).toMatch(/^A\d{5}$/);
    await mailTo("admin@bio.example", /bio-li applies for a new account "Rice genome assembly"/);
    // the name is asked for already; another member cannot read it; the admin sees it waiting
    const twice = await as("bio-wang")("POST", "/api/v1/applications", {
      ...genome,
      endsAt: inThirtyDays(),
    });
    expect([twice.status, twice.body.error.message]).toEqual([
      409,
      expect.stringMatching(/already asked for/),
    ]);
    expect((await as("bio-wang")("GET", `/api/v1/applications/${a.id}`)).status).toBe(403);
    const waiting = (await admin("GET", "/api/v1/applications?state=pending")).body.applications;
    expect(waiting.map((x: { id: number }) => x.id)).toEqual([a.id]);

    // sent back: a note is needed, and the applicant hears what to change
    const noNote = await admin("POST", `/api/v1/applications/${a.id}/decision`, {
      decision: "changes",
    });
    expect([noNote.status, noNote.body.error.message]).toEqual([
      400,
      expect.stringMatching(/say what to change/),
    ]);
    const back = await admin("POST", `/api/v1/applications/${a.id}/decision`, {
      decision: "changes",
      note: "Say how much data you have",
    });
    expect(back.body).toMatchObject({
      state: "changes",
      note: "Say how much data you have",
      decidedBy: "bio-admin",
    });
    await mailTo("li@bio.example", /sent back for changes[\s\S]*Say how much data you have/);
    const changed = await li("PUT", `/api/v1/applications/${a.id}`, {
      ...genome,
      purpose: "Assemble 3,000 rice genomes (40 TB of reads)",
      endsAt: inThirtyDays(),
    });
    expect(changed.body).toMatchObject({ state: "pending" });

    // approved as the admin edited it: 1.5 core-hours instead of 2, and a second member
    const approved = await admin("POST", `/api/v1/applications/${a.id}/decision`, {
      decision: "approve",
      note: "Granted 1.5 core-hours",
      request: {
        ...genome,
        coreHours: 1.5,
        members: ["bio-wang", "bio-zhao"],
        endsAt: inThirtyDays(),
      },
    });
    expect(approved.body).toMatchObject({ state: "approved" });
    await mailTo("li@bio.example", /is approved by bio-admin/);
    const again = await admin("POST", `/api/v1/applications/${a.id}/decision`, {
      decision: "reject",
      note: "x",
    });
    expect([again.status, again.body.error.message]).toEqual([
      409,
      expect.stringMatching(/is approved, not waiting/),
    ]);
    const account = await c.ok("GET", "/api/v1/accounts/genome");
    expect(account).toMatchObject({ tenant: "bio", allowed: { clusters: ["local"] }, members: 3 });
    const members = (await c.ok("GET", "/api/v1/accounts/genome/members")).members;
    expect(
      members.map((m: { user: string; role: string }) => `${m.user}:${m.role}`).sort(),
    ).toEqual(["bio-li:owner", "bio-wang:member", "bio-zhao:member"]);
    const [grant] = (await c.ok("GET", "/api/v1/accounts/genome/grants")).grants;
    expect(grant).toMatchObject({
      resource: "cpu",
      hours: 1.5,
      leftHours: 1.5,
      reason: `application ${a.number}`,
    });

    // the first job: no money in the account, all of it from the grant
    t["bio-li"] = (
      await c.ok("POST", "/api/v1/auth/login", { username: "bio-li", password: PW }, null)
    ).token;
    const job = await c.api(
      "POST",
      "/api/v1/jobs",
      {
        script: "#!/bin/bash\nsleep 1\n",
        args: ["-A", "genome", "-n", "1", "-t", "0:30"],
        workdir: workdir(),
      },
      t["bio-li"],
    );
    expect(job.status).toBe(201);
    const done = await waitFor(c, job.body.id);
    expect([done.state, done.cost]).toEqual(["COMPLETED", "0.00"]);
    const after = (await c.ok("GET", "/api/v1/accounts/genome/grants")).grants[0];
    expect(after.leftHours).toBeLessThan(1.5);
    expect(after.leftHours).toBeGreaterThan(1.4);

    const audit = (await c.ok("GET", "/api/v1/audit?limit=200")).records.map(
      (e: { action: string; target: string }) => e.action,
    );
    for (const step of [
      "application.submit",
      "application.changes",
      "application.edit",
      "application.approve",
    ])
      expect(audit).toContain(step);
  });

  it("gives an account more hours or higher limits, and rejects with a reason", async () => {
    const li = (m: string, p: string, b?: unknown) => c.api(m, p, b, t["bio-li"]);
    const admin = (m: string, p: string, b?: unknown) => c.api(m, p, b, t["bio-admin"]);
    // only who runs an account asks for it
    const notOwner = await c.api(
      "POST",
      "/api/v1/applications",
      { kind: "extend", account: "genome", purpose: "more", gpuHours: 2, endsAt: inThirtyDays() },
      t["bio-wang"],
    );
    expect(notOwner.status).toBe(403);
    const more = (
      await li("POST", "/api/v1/applications", {
        kind: "extend",
        account: "genome",
        purpose: "GPU polishing of the assemblies",
        gpuHours: 2,
        endsAt: inThirtyDays(),
      })
    ).body;
    const limits = (
      await li("POST", "/api/v1/applications", {
        kind: "limits",
        account: "genome",
        purpose: "Bigger assemblies",
        limits: { maxCpus: 8, maxTimeLimit: "2-00:00:00" },
      })
    ).body;
    const none = await li("POST", "/api/v1/applications", {
      kind: "limits",
      account: "genome",
      purpose: "?",
      limits: {},
    });
    expect([none.status, none.body.error.message]).toEqual([
      400,
      expect.stringMatching(/say which limits/),
    ]);
    // an approval gives to the account applied for: an edit naming another (here another
    // tenant's) is refused, and that account keeps its limits
    await c.ok("POST", "/api/v1/tenants", {
      name: "geo",
      admin: { username: "geo-admin", password: PW },
    });
    await c.ok("POST", "/api/v1/accounts", { name: "geo-lab", tenant: "geo", owner: "geo-admin" });
    const elsewhere = await admin("POST", `/api/v1/applications/${limits.id}/decision`, {
      decision: "approve",
      request: { kind: "limits", account: "geo-lab", purpose: "x", limits: { maxCpus: 999 } },
    });
    expect([elsewhere.status, elsewhere.body.error?.message]).toEqual([
      400,
      expect.stringMatching(/asks for account genome; the account it gives to stays/),
    ]);
    expect((await c.ok("GET", "/api/v1/accounts/geo-lab")).limits).toEqual({});
    await admin("POST", `/api/v1/applications/${more.id}/decision`, { decision: "approve" });
    await admin("POST", `/api/v1/applications/${limits.id}/decision`, { decision: "approve" });
    const grants = (await c.ok("GET", "/api/v1/accounts/genome/grants")).grants;
    expect(grants.find((g: { resource: string }) => g.resource === "gpu")).toMatchObject({
      hours: 2,
    });
    expect((await c.ok("GET", "/api/v1/accounts/genome")).limits).toEqual({
      maxCpus: 8,
      maxTimeLimit: 172800,
    });

    const third = (
      await li("POST", "/api/v1/applications", {
        ...genome,
        name: "genome2",
        endsAt: inThirtyDays(),
      })
    ).body;
    const noReason = await admin("POST", `/api/v1/applications/${third.id}/decision`, {
      decision: "reject",
    });
    expect([noReason.status, noReason.body.error.message]).toEqual([
      400,
      expect.stringMatching(/say why/),
    ]);
    const rejected = await admin("POST", `/api/v1/applications/${third.id}/decision`, {
      decision: "reject",
      note: "One account is enough for this project",
    });
    expect(rejected.body).toMatchObject({ state: "rejected" });
    await mailTo("li@bio.example", /is rejected[\s\S]*One account is enough/);
    const late = await li("PUT", `/api/v1/applications/${third.id}`, {
      ...genome,
      name: "genome2",
      endsAt: inThirtyDays(),
    });
    expect([late.status, late.body.error.message]).toEqual([
      409,
      expect.stringMatching(/can no longer be changed/),
    ]);
    expect((await c.api("GET", "/api/v1/accounts/genome2")).status).toBe(404);
  });
});
