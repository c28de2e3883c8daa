import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCenter, TEST_CONFIG, type TestCenter } from "../helpers/center.js";

/**
 * The authorization matrix: every endpoint, called as every role (eight), on an object of the
 * caller's own tenant and of a foreign one. The expectations are written out here by hand
 * (from the issue and DESIGN.md), not derived from the permission table they check.
 */

const ROLES = [
  "center-admin",
  "center-finance",
  "tenant-admin",
  "tenant-finance",
  "account-owner",
  "account-admin",
  "account-member",
  "user",
] as const;
type Role = (typeof ROLES)[number];
const USERS: Record<Role, string> = {
  "center-admin": "admin",
  "center-finance": "cf",
  "tenant-admin": "ta-admin",
  "tenant-finance": "ta-fin",
  "account-owner": "ta-owner",
  "account-admin": "ta-padmin",
  "account-member": "ta-member",
  user: "ta-user",
};
const ALL = [...ROLES];
const CENTER: Role[] = ["center-admin", "center-finance"];
const READERS: Role[] = [
  "center-admin",
  "center-finance",
  "tenant-admin",
  "tenant-finance",
  "account-owner",
  "account-admin",
  "account-member",
];
const MANAGERS: Role[] = ["center-admin", "tenant-admin", "account-owner", "account-admin"];
const JOB_SEERS: Role[] = [
  "center-admin",
  "tenant-admin",
  "account-owner",
  "account-admin",
  "account-member",
];

interface Req {
  method: string;
  path: string;
  body?: unknown;
}

interface Case {
  /** METHOD and path template as in the OpenAPI document. */
  route: string;
  own: (r: Role) => Req;
  allowOwn: Role[];
  /** The same request on the foreign tenant's object, and on one that does not exist. */
  foreign?: (r: Role) => Req;
  ghost?: (r: Role) => Req;
  allowForeign?: Role[];
  /** Puts things back before each call (so that every role meets the same state). */
  before?: () => Promise<unknown>;
}

const PW = "Matrix-pass-2026";
let c: TestCenter;
const tokens = {} as Record<Role, string>;
const passwords = {} as Record<Role, string>;
const jobs = { own: 0, foreign: 0 };
let n = 0;
const fresh = (p: string) => `${p}-${++n}`;

async function as(role: Role, req: Req) {
  return c.api(req.method, req.path, req.body, tokens[role]);
}

beforeAll(async () => {
  c = await startCenter(
    TEST_CONFIG + "auth:\n  attemptsPerIpPerMinute: 10000\n  attemptsPerUserPerMinute: 1000\n",
  );
  const ok = (method: string, path: string, body?: unknown) => c.ok(method, path, body);
  for (const t of ["ta", "tb"]) {
    await ok("POST", "/api/v1/tenants", {
      name: t,
      admin: { username: `${t}-admin`, password: PW },
    });
    for (const u of ["owner", "member", "user"])
      await ok("POST", "/api/v1/users", { username: `${t}-${u}`, tenant: t, password: PW });
    await ok("POST", "/api/v1/accounts", { name: `${t}-proj`, tenant: t, owner: `${t}-owner` });
    await ok("POST", `/api/v1/accounts/${t}-proj/members`, { user: `${t}-member` });
  }
  await ok("POST", "/api/v1/users", {
    username: "ta-fin",
    tenant: "ta",
    password: PW,
    roles: ["tenant-finance"],
  });
  await ok("POST", "/api/v1/users", { username: "ta-padmin", tenant: "ta", password: PW });
  await ok("POST", "/api/v1/accounts/ta-proj/members", { user: "ta-padmin", role: "admin" });
  await ok("POST", "/api/v1/users", { username: "cf", password: PW, roles: ["center-finance"] });
  for (const r of ROLES) {
    passwords[r] =
      r === "center-admin"
        ? readFileSync(join(c.home, "initial-admin-password"), "utf8").trim()
        : PW;
    tokens[r] =
      r === "center-admin"
        ? c.token
        : (await ok("POST", "/api/v1/auth/login", { username: USERS[r], password: PW })).token;
  }
  const tb = (
    await c.api("POST", "/api/v1/auth/login", { username: "tb-member", password: PW }, null)
  ).body.token;
  jobs.own = (
    await c.api(
      "POST",
      "/api/v1/jobs",
      { script: "#!/bin/bash\ntrue\n", args: ["-H", "-A", "ta-proj"], workdir: "/tmp" },
      tokens["account-member"],
    )
  ).body.id;
  jobs.foreign = (
    await c.api(
      "POST",
      "/api/v1/jobs",
      { script: "#!/bin/bash\ntrue\n", args: ["-H", "-A", "tb-proj"], workdir: "/tmp" },
      tb,
    )
  ).body.id;
  expect(jobs.own).toBeGreaterThan(0);
  expect(jobs.foreign).toBeGreaterThan(0);
}, 60000);
afterAll(async () => {
  await c?.stop();
});

const get = (path: string) => () => ({ method: "GET", path });

const CASES: Case[] = [
  { route: "GET /api/v1/auth/whoami", own: get("/api/v1/auth/whoami"), allowOwn: ALL },
  { route: "GET /api/v1/tokens", own: get("/api/v1/tokens"), allowOwn: ALL },
  {
    route: "POST /api/v1/tokens",
    own: () => ({ method: "POST", path: "/api/v1/tokens", body: { name: fresh("t") } }),
    allowOwn: ALL,
  },
  { route: "GET /api/v1/clusters", own: get("/api/v1/clusters"), allowOwn: ALL },
  // enabling a cluster that is enabled changes nothing, so every role may be tried
  {
    route: "PATCH /api/v1/clusters/{name}",
    own: () => ({ method: "PATCH", path: "/api/v1/clusters/local", body: { enabled: true } }),
    allowOwn: ["center-admin"],
  },
  { route: "GET /api/v1/tenants", own: get("/api/v1/tenants"), allowOwn: ALL },
  {
    route: "POST /api/v1/tenants",
    own: () => ({
      method: "POST",
      path: "/api/v1/tenants",
      body: { name: fresh("tn"), admin: { username: fresh("tna"), password: PW } },
    }),
    allowOwn: ["center-admin"],
  },
  {
    route: "GET /api/v1/tenants/{name}",
    own: get("/api/v1/tenants/ta"),
    allowOwn: ALL,
    foreign: get("/api/v1/tenants/tb"),
    ghost: get("/api/v1/tenants/no-such"),
    allowForeign: CENTER,
  },
  {
    route: "GET /api/v1/users",
    own: get("/api/v1/users"),
    allowOwn: ["center-admin", "tenant-admin"],
  },
  {
    route: "POST /api/v1/users",
    own: () => ({
      method: "POST",
      path: "/api/v1/users",
      body: { username: fresh("nu"), tenant: "ta", password: PW },
    }),
    allowOwn: ["center-admin", "tenant-admin"],
    foreign: () => ({
      method: "POST",
      path: "/api/v1/users",
      body: { username: fresh("nu"), tenant: "tb", password: PW },
    }),
    ghost: () => ({
      method: "POST",
      path: "/api/v1/users",
      body: { username: fresh("nu"), tenant: "no-such", password: PW },
    }),
    allowForeign: ["center-admin"],
  },
  {
    route: "GET /api/v1/users/{name}",
    own: get("/api/v1/users/ta-member"),
    allowOwn: ["center-admin", "tenant-admin", "account-member"],
    foreign: get("/api/v1/users/tb-member"),
    ghost: get("/api/v1/users/no-such"),
    allowForeign: ["center-admin"],
  },
  {
    route: "PATCH /api/v1/users/{name}",
    own: () => ({
      method: "PATCH",
      path: "/api/v1/users/ta-user",
      body: { email: "u@example.org" },
    }),
    allowOwn: ["center-admin", "tenant-admin"],
    foreign: () => ({
      method: "PATCH",
      path: "/api/v1/users/tb-user",
      body: { email: "u@example.org" },
    }),
    ghost: () => ({
      method: "PATCH",
      path: "/api/v1/users/no-such",
      body: { email: "u@example.org" },
    }),
    allowForeign: ["center-admin"],
  },
  { route: "GET /api/v1/accounts", own: get("/api/v1/accounts"), allowOwn: ALL },
  {
    route: "POST /api/v1/accounts",
    own: () => ({
      method: "POST",
      path: "/api/v1/accounts",
      body: { name: fresh("acct"), tenant: "ta", owner: "ta-owner" },
    }),
    allowOwn: ["center-admin", "tenant-admin"],
    foreign: () => ({
      method: "POST",
      path: "/api/v1/accounts",
      body: { name: fresh("acct"), tenant: "tb", owner: "tb-owner" },
    }),
    ghost: () => ({
      method: "POST",
      path: "/api/v1/accounts",
      body: { name: fresh("acct"), tenant: "no-such", owner: "tb-owner" },
    }),
    allowForeign: ["center-admin"],
  },
  {
    route: "GET /api/v1/accounts/{name}",
    own: get("/api/v1/accounts/ta-proj"),
    allowOwn: READERS,
    foreign: get("/api/v1/accounts/tb-proj"),
    ghost: get("/api/v1/accounts/no-such"),
    allowForeign: CENTER,
  },
  {
    route: "PATCH /api/v1/accounts/{name}",
    own: () => ({
      method: "PATCH",
      path: "/api/v1/accounts/ta-proj",
      body: { limits: { maxCpus: 1000 } },
    }),
    allowOwn: ["center-admin", "tenant-admin"],
    foreign: () => ({
      method: "PATCH",
      path: "/api/v1/accounts/tb-proj",
      body: { limits: { maxCpus: 1000 } },
    }),
    ghost: () => ({
      method: "PATCH",
      path: "/api/v1/accounts/no-such",
      body: { limits: { maxCpus: 1000 } },
    }),
    allowForeign: ["center-admin"],
  },
  {
    route: "POST /api/v1/accounts/{name}/block",
    own: () => ({
      method: "POST",
      path: "/api/v1/accounts/ta-proj/block",
      body: { reason: "matrix" },
    }),
    allowOwn: ["center-admin", "tenant-admin"],
    foreign: () => ({
      method: "POST",
      path: "/api/v1/accounts/tb-proj/block",
      body: { reason: "matrix" },
    }),
    ghost: () => ({
      method: "POST",
      path: "/api/v1/accounts/no-such/block",
      body: { reason: "matrix" },
    }),
    allowForeign: ["center-admin"],
  },
  {
    route: "POST /api/v1/accounts/{name}/unblock",
    own: () => ({ method: "POST", path: "/api/v1/accounts/ta-proj/unblock" }),
    allowOwn: ["center-admin", "tenant-admin"],
    foreign: () => ({ method: "POST", path: "/api/v1/accounts/tb-proj/unblock" }),
    ghost: () => ({ method: "POST", path: "/api/v1/accounts/no-such/unblock" }),
    allowForeign: ["center-admin"],
  },
  {
    route: "GET /api/v1/accounts/{name}/members",
    own: get("/api/v1/accounts/ta-proj/members"),
    allowOwn: READERS,
    foreign: get("/api/v1/accounts/tb-proj/members"),
    ghost: get("/api/v1/accounts/no-such/members"),
    allowForeign: CENTER,
  },
  {
    route: "GET /api/v1/accounts/{name}/fairshare",
    own: get("/api/v1/accounts/ta-proj/fairshare"),
    allowOwn: READERS,
    foreign: get("/api/v1/accounts/tb-proj/fairshare"),
    ghost: get("/api/v1/accounts/no-such/fairshare"),
    allowForeign: CENTER,
  },
  {
    route: "POST /api/v1/accounts/{name}/members",
    own: () => ({
      method: "POST",
      path: "/api/v1/accounts/ta-proj/members",
      body: { user: "ta-user" },
    }),
    allowOwn: MANAGERS,
    foreign: () => ({
      method: "POST",
      path: "/api/v1/accounts/tb-proj/members",
      body: { user: "tb-user" },
    }),
    ghost: () => ({
      method: "POST",
      path: "/api/v1/accounts/no-such/members",
      body: { user: "tb-user" },
    }),
    allowForeign: ["center-admin"],
  },
  {
    route: "PATCH /api/v1/accounts/{name}/members/{user}",
    own: () => ({
      method: "PATCH",
      path: "/api/v1/accounts/ta-proj/members/ta-member",
      body: { limits: { maxCpus: 100 } },
    }),
    allowOwn: MANAGERS,
    foreign: () => ({
      method: "PATCH",
      path: "/api/v1/accounts/tb-proj/members/tb-member",
      body: { limits: { maxCpus: 100 } },
    }),
    ghost: () => ({
      method: "PATCH",
      path: "/api/v1/accounts/no-such/members/tb-member",
      body: { limits: { maxCpus: 100 } },
    }),
    allowForeign: ["center-admin"],
  },
  {
    route: "DELETE /api/v1/accounts/{name}/members/{user}",
    before: async () => {
      for (const t of ["ta", "tb"])
        await c.api("POST", `/api/v1/accounts/${t}-proj/members`, { user: `${t}-user` });
    },
    own: () => ({ method: "DELETE", path: "/api/v1/accounts/ta-proj/members/ta-user" }),
    allowOwn: MANAGERS,
    foreign: () => ({ method: "DELETE", path: "/api/v1/accounts/tb-proj/members/tb-user" }),
    ghost: () => ({ method: "DELETE", path: "/api/v1/accounts/no-such/members/tb-user" }),
    allowForeign: ["center-admin"],
  },
  {
    route: "GET /api/v1/audit",
    own: get("/api/v1/audit"),
    allowOwn: ["center-admin", "center-finance", "tenant-admin"],
    foreign: get("/api/v1/audit?tenant=tb"),
    ghost: get("/api/v1/audit?tenant=no-such"),
    allowForeign: CENTER,
  },
  {
    route: "GET /api/v1/balances",
    own: get("/api/v1/balances"),
    allowOwn: [
      "center-admin",
      "center-finance",
      "tenant-admin",
      "tenant-finance",
      "account-owner",
      "account-admin",
    ],
    foreign: get("/api/v1/balances?tenant=tb"),
    ghost: get("/api/v1/balances?tenant=no-such"),
    allowForeign: CENTER,
  },
  {
    route: "POST /api/v1/tenants/{name}/recharge",
    own: () => ({ method: "POST", path: "/api/v1/tenants/ta/recharge", body: { amount: "100" } }),
    allowOwn: ["center-finance"],
    foreign: () => ({
      method: "POST",
      path: "/api/v1/tenants/tb/recharge",
      body: { amount: "100" },
    }),
    ghost: () => ({
      method: "POST",
      path: "/api/v1/tenants/no-such/recharge",
      body: { amount: "100" },
    }),
    allowForeign: ["center-finance"],
  },
  {
    route: "POST /api/v1/accounts/{name}/transfer",
    own: () => ({
      method: "POST",
      path: "/api/v1/accounts/ta-proj/transfer",
      body: { amount: "1" },
    }),
    allowOwn: ["center-finance", "tenant-finance"],
    foreign: () => ({
      method: "POST",
      path: "/api/v1/accounts/tb-proj/transfer",
      body: { amount: "1" },
    }),
    ghost: () => ({
      method: "POST",
      path: "/api/v1/accounts/no-such/transfer",
      body: { amount: "1" },
    }),
    allowForeign: ["center-finance"],
  },
  {
    route: "POST /api/v1/ledger/adjustments",
    own: () => ({
      method: "POST",
      path: "/api/v1/ledger/adjustments",
      body: { account: "ta-proj", amount: "0.5", reason: "matrix" },
    }),
    allowOwn: ["center-finance"],
    foreign: () => ({
      method: "POST",
      path: "/api/v1/ledger/adjustments",
      body: { account: "tb-proj", amount: "0.5", reason: "matrix" },
    }),
    ghost: () => ({
      method: "POST",
      path: "/api/v1/ledger/adjustments",
      body: { account: "no-such", amount: "0.5", reason: "matrix" },
    }),
    allowForeign: ["center-finance"],
  },
  {
    route: "GET /api/v1/ledger",
    own: get("/api/v1/ledger?account=ta-proj"),
    allowOwn: [
      "center-admin",
      "center-finance",
      "tenant-admin",
      "tenant-finance",
      "account-owner",
      "account-admin",
    ],
    foreign: get("/api/v1/ledger?account=tb-proj"),
    ghost: get("/api/v1/ledger?account=no-such"),
    allowForeign: CENTER,
  },
  {
    route: "GET /api/v1/accounts/{name}/billing",
    own: get("/api/v1/accounts/ta-proj/billing"),
    allowOwn: [
      "center-admin",
      "center-finance",
      "tenant-admin",
      "tenant-finance",
      "account-owner",
      "account-admin",
    ],
    foreign: get("/api/v1/accounts/tb-proj/billing"),
    ghost: get("/api/v1/accounts/no-such/billing"),
    allowForeign: CENTER,
  },
  {
    route: "PATCH /api/v1/accounts/{name}/billing",
    own: () => ({
      method: "PATCH",
      path: "/api/v1/accounts/ta-proj/billing",
      body: { threshold: "0" },
    }),
    allowOwn: ["center-finance", "tenant-finance"],
    foreign: () => ({
      method: "PATCH",
      path: "/api/v1/accounts/tb-proj/billing",
      body: { threshold: "0" },
    }),
    ghost: () => ({
      method: "PATCH",
      path: "/api/v1/accounts/no-such/billing",
      body: { threshold: "0" },
    }),
    allowForeign: ["center-finance"],
  },
  {
    route: "POST /api/v1/jobs/{id}/refund",
    own: () => ({
      method: "POST",
      path: `/api/v1/jobs/${jobs.own}/refund`,
      body: { amount: "0.01", reason: "matrix" },
    }),
    allowOwn: ["center-finance"],
    foreign: () => ({
      method: "POST",
      path: `/api/v1/jobs/${jobs.foreign}/refund`,
      body: { amount: "0.01", reason: "matrix" },
    }),
    ghost: () => ({
      method: "POST",
      path: "/api/v1/jobs/99999999/refund",
      body: { amount: "0.01", reason: "matrix" },
    }),
    allowForeign: ["center-finance"],
  },
  {
    route: "GET /api/v1/reports/usage",
    own: get("/api/v1/reports/usage"),
    allowOwn: ALL,
    foreign: get("/api/v1/reports/usage?tenant=tb"),
    ghost: get("/api/v1/reports/usage?tenant=no-such"),
    allowForeign: CENTER,
  },
  {
    route: "GET /api/v1/statements",
    own: get(`/api/v1/statements?account=ta-proj&month=${new Date().toISOString().slice(0, 7)}`),
    allowOwn: [
      "center-admin",
      "center-finance",
      "tenant-admin",
      "tenant-finance",
      "account-owner",
      "account-admin",
    ],
    foreign: get(
      `/api/v1/statements?account=tb-proj&month=${new Date().toISOString().slice(0, 7)}`,
    ),
    ghost: get(`/api/v1/statements?account=no-such&month=${new Date().toISOString().slice(0, 7)}`),
    allowForeign: CENTER,
  },
  {
    route: "GET /api/v1/accounts/{name}/grants",
    own: get("/api/v1/accounts/ta-proj/grants"),
    allowOwn: [
      "center-admin",
      "center-finance",
      "tenant-admin",
      "tenant-finance",
      "account-owner",
      "account-admin",
    ],
    foreign: get("/api/v1/accounts/tb-proj/grants"),
    ghost: get("/api/v1/accounts/no-such/grants"),
    allowForeign: CENTER,
  },
  {
    route: "POST /api/v1/accounts/{name}/grants",
    own: () => ({
      method: "POST",
      path: "/api/v1/accounts/ta-proj/grants",
      body: { resource: "cpu", hours: 1, endsAt: new Date(Date.now() + 86400_000).toISOString() },
    }),
    allowOwn: ["center-finance"],
    foreign: () => ({
      method: "POST",
      path: "/api/v1/accounts/tb-proj/grants",
      body: { resource: "cpu", hours: 1, endsAt: new Date(Date.now() + 86400_000).toISOString() },
    }),
    ghost: () => ({
      method: "POST",
      path: "/api/v1/accounts/no-such/grants",
      body: { resource: "cpu", hours: 1, endsAt: new Date(Date.now() + 86400_000).toISOString() },
    }),
    allowForeign: ["center-finance"],
  },
  { route: "GET /api/v1/prices", own: get("/api/v1/prices"), allowOwn: ALL },
  {
    route: "POST /api/v1/prices",
    own: () => ({
      method: "POST",
      path: "/api/v1/prices",
      body: {
        cluster: "local",
        partition: "cpu",
        effectiveFrom: new Date().toISOString(),
        cpuHour: "0.05",
      },
    }),
    allowOwn: CENTER,
    foreign: () => ({
      method: "POST",
      path: "/api/v1/prices",
      body: {
        cluster: "local",
        partition: "cpu",
        tenant: "tb",
        effectiveFrom: new Date().toISOString(),
        cpuHour: "0.04",
      },
    }),
    ghost: () => ({
      method: "POST",
      path: "/api/v1/prices",
      body: {
        cluster: "local",
        partition: "cpu",
        tenant: "no-such",
        effectiveFrom: new Date().toISOString(),
        cpuHour: "0.04",
      },
    }),
    allowForeign: CENTER,
  },
  {
    route: "POST /api/v1/tenants/{name}/discount",
    own: () => ({
      method: "POST",
      path: "/api/v1/tenants/ta/discount",
      body: { percent: 5, effectiveFrom: new Date().toISOString() },
    }),
    allowOwn: CENTER,
    foreign: () => ({
      method: "POST",
      path: "/api/v1/tenants/tb/discount",
      body: { percent: 5, effectiveFrom: new Date().toISOString() },
    }),
    ghost: () => ({
      method: "POST",
      path: "/api/v1/tenants/no-such/discount",
      body: { percent: 5, effectiveFrom: new Date().toISOString() },
    }),
    allowForeign: CENTER,
  },
  {
    route: "POST /api/v1/jobs",
    // the plain user is no member (the member cases above added and removed them)
    before: () => c.api("DELETE", "/api/v1/accounts/ta-proj/members/ta-user"),
    own: () => ({
      method: "POST",
      path: "/api/v1/jobs",
      body: { script: "#!/bin/bash\ntrue\n", args: ["-H", "-A", "ta-proj"], workdir: "/tmp" },
    }),
    allowOwn: ["account-owner", "account-admin", "account-member"],
    foreign: () => ({
      method: "POST",
      path: "/api/v1/jobs",
      body: { script: "#!/bin/bash\ntrue\n", args: ["-H", "-A", "tb-proj"], workdir: "/tmp" },
    }),
    ghost: () => ({
      method: "POST",
      path: "/api/v1/jobs",
      body: { script: "#!/bin/bash\ntrue\n", args: ["-H", "-A", "no-such"], workdir: "/tmp" },
    }),
    allowForeign: [],
  },
  { route: "GET /api/v1/jobs", own: get("/api/v1/jobs"), allowOwn: ALL },
  ...["", "/output"].map((suffix): Case => ({
    route: `GET /api/v1/jobs/{id}${suffix}`,
    own: () => get(`/api/v1/jobs/${jobs.own}${suffix}`)(),
    allowOwn: JOB_SEERS,
    foreign: () => get(`/api/v1/jobs/${jobs.foreign}${suffix}`)(),
    ghost: get(`/api/v1/jobs/99999999${suffix}`),
    allowForeign: ["center-admin"],
  })),
  // hold and release toggle; cancel comes last, as it ends the job (later calls are then refused as conflicts, which still passed the check)
  ...["hold", "release", "hold", "cancel"].map((verb): Case => ({
    route: `POST /api/v1/jobs/{id}/${verb}`,
    own: () => ({ method: "POST", path: `/api/v1/jobs/${jobs.own}/${verb}` }),
    allowOwn: JOB_SEERS,
    foreign: () => ({ method: "POST", path: `/api/v1/jobs/${jobs.foreign}/${verb}` }),
    ghost: () => ({ method: "POST", path: `/api/v1/jobs/99999999/${verb}` }),
    allowForeign: ["center-admin"],
  })),
];

/** Passed the permission check: anything but "who are you", "you may not" and "no such thing". */
const passed = (status: number) => ![401, 403, 404].includes(status);

describe("authorization matrix", () => {
  it("covers every route of the API", async () => {
    const doc = (await c.api("GET", "/api/v1/openapi.json", undefined, null)).body;
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    // routes everyone may call, and the ones with cases of their own below
    const elsewhere = [
      "POST /api/v1/auth/login",
      "POST /api/v1/auth/session",
      "DELETE /api/v1/auth/session",
      "GET /api/v1/auth/oidc/login",
      "GET /api/v1/auth/oidc/callback",
      "POST /api/v1/auth/password",
      "DELETE /api/v1/tokens/{id}",
      "GET /api/v1/events",
    ];
    const covered = new Set([...CASES.map((k) => k.route), ...elsewhere]);
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
  });

  it("allows and denies as the matrix says, own tenant and foreign, with no existence leaks", async () => {
    const wrong: string[] = [];
    for (const k of CASES) {
      for (const role of ROLES) {
        await k.before?.();
        const own = await as(role, k.own(role));
        if (passed(own.status) !== k.allowOwn.includes(role))
          wrong.push(
            `${role} ${k.route} (own): ${own.status} ${JSON.stringify(own.body).slice(0, 160)}`,
          );
        if (!k.foreign) continue;
        await k.before?.();
        const foreign = await as(role, k.foreign(role));
        const allowed = k.allowForeign!.includes(role);
        if (passed(foreign.status) !== allowed)
          wrong.push(
            `${role} ${k.route} (foreign): ${foreign.status} ${JSON.stringify(foreign.body).slice(0, 160)}`,
          );
        // center staff see every tenant: for them a foreign object is as visible as their own
        if (!allowed && !CENTER.includes(role)) {
          // a refusal about a foreign tenant's object says no more than one about an object that does not exist
          const ghost = await as(role, k.ghost!(role));
          if (
            foreign.status !== ghost.status ||
            foreign.body?.error?.code !== ghost.body?.error?.code
          ) {
            wrong.push(
              `${role} ${k.route}: foreign ${foreign.status} ${foreign.body?.error?.code} but missing ${ghost.status} ${ghost.body?.error?.code}`,
            );
          }
          if (foreign.status === 403 && /\{/.test(k.route))
            wrong.push(`${role} ${k.route}: 403 on a foreign object (must be 404)`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120000);

  it("lists show nothing of another tenant to anyone but the center", async () => {
    const leaks: string[] = [];
    for (const role of ROLES.filter((r) => !CENTER.includes(r))) {
      const tenants = await as(role, get("/api/v1/tenants")());
      if (JSON.stringify(tenants.body).includes('"tb"')) leaks.push(`${role} sees tenant tb`);
      const accounts = await as(role, get("/api/v1/accounts")());
      if (JSON.stringify(accounts.body).includes("tb-")) leaks.push(`${role} sees tb's accounts`);
      const audit = await as(role, get("/api/v1/audit")());
      if (
        audit.status === 200 &&
        audit.body.records.some((r: { tenant: string }) => r.tenant !== "ta")
      )
        leaks.push(`${role} reads another tenant's audit records`);
      for (const path of [
        "/api/v1/users",
        "/api/v1/jobs",
        "/api/v1/balances",
        "/api/v1/ledger",
        "/api/v1/prices?history=true",
        "/api/v1/reports/usage?groupBy=tenant,account,user",
      ]) {
        const r = await as(role, get(path)());
        if (r.status === 200 && /tb-|"tb"/.test(JSON.stringify(r.body)))
          leaks.push(`${role} sees tb in ${path}`);
        if (
          path === "/api/v1/jobs" &&
          r.status === 200 &&
          r.body.jobs.some((j: { id: number }) => j.id === jobs.foreign)
        )
          leaks.push(`${role} sees tb's job`);
      }
    }
    expect(leaks).toEqual([]);
    // and the center does see them
    expect(JSON.stringify((await as("center-finance", get("/api/v1/accounts")())).body)).toContain(
      "tb-proj",
    );
  });

  it("self-service: each role changes its password, revokes its own tokens only, signs out, and reads only its own events", async () => {
    for (const role of ROLES) {
      const next = `${PW}-${role.length}x`;
      const r = await as(role, {
        method: "POST",
        path: "/api/v1/auth/password",
        body: { current: passwords[role], password: next },
      });
      expect(r.status, role).toBe(200);
      passwords[role] = next;
      const t = await as(role, { method: "POST", path: "/api/v1/tokens", body: { name: "mine" } });
      // someone else's token is "not found", as a missing one
      const other = role === "user" ? "account-member" : "user";
      expect(
        (await as(other, { method: "DELETE", path: `/api/v1/tokens/${t.body.id}` })).status,
      ).toBe(404);
      expect(
        (await as(role, { method: "DELETE", path: `/api/v1/tokens/${t.body.id}` })).status,
      ).toBe(200);
      const s = await c.api(
        "POST",
        "/api/v1/auth/login",
        { username: USERS[role], password: next },
        null,
      );
      expect((await c.api("DELETE", "/api/v1/auth/session", undefined, s.body.token)).status).toBe(
        200,
      );
      expect((await c.api("GET", "/api/v1/auth/whoami", undefined, s.body.token)).status).toBe(401);
    }
    const ac = new AbortController();
    const res = await fetch(`${c.url}/api/v1/events`, {
      headers: { authorization: `Bearer ${tokens.user}` },
      signal: ac.signal,
    });
    expect(res.status).toBe(200);
    ac.abort();
  });
});
