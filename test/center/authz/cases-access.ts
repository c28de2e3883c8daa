import { ALL, CENTER, READERS, MANAGERS, type Case, type CaseContext } from "./roles.js";

/** Cases of sign-in, tokens, clusters, QoS, tenants, users, accounts and members. */
export function accessCases(x: CaseContext): Case[] {
  const { fresh, PW } = x;
  const c = {
    api: (...a: Parameters<ReturnType<CaseContext["center"]>["api"]>) => x.center().api(...a),
  };
  const get = (path: string) => () => ({ method: "GET", path });
  return [
    { route: "GET /api/v1/auth/whoami", own: get("/api/v1/auth/whoami"), allowOwn: ALL },
    { route: "GET /api/v1/tokens", own: get("/api/v1/tokens"), allowOwn: ALL },
    { route: "GET /api/v1/profile", own: get("/api/v1/profile"), allowOwn: ALL },
    {
      route: "PATCH /api/v1/profile",
      own: () => ({ method: "PATCH", path: "/api/v1/profile", body: { jobMail: ["FAIL"] } }),
      allowOwn: ALL,
    },
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
    // the local cluster has no clock to set: a center admin hears so (409), others may not ask
    {
      route: "POST /api/v1/clusters/{name}/clock",
      own: () => ({
        method: "POST",
        path: "/api/v1/clusters/local/clock",
        body: { to: new Date().toISOString() },
      }),
      allowOwn: ["center-admin"],
    },
    { route: "GET /api/v1/qos", own: get("/api/v1/qos"), allowOwn: ALL },
    // this center is in no network: its staff hear so (409), others may not ask
    { route: "GET /api/v1/network", own: get("/api/v1/network"), allowOwn: CENTER },
    {
      route: "GET /api/v1/network/statements/{peer}",
      own: get("/api/v1/network/statements/b?month=2026-12"),
      allowOwn: CENTER,
    },
    {
      route: "GET /api/v1/network/statements/{peer}/check",
      own: get("/api/v1/network/statements/b/check?month=2026-12"),
      allowOwn: CENTER,
    },
    // setting normal's priority to what it is changes nothing, so every role may be tried
    {
      route: "PUT /api/v1/qos/{name}",
      own: () => ({ method: "PUT", path: "/api/v1/qos/normal", body: { priority: 0 } }),
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
      route: "GET /api/v1/accounts/{name}/spendable",
      own: get("/api/v1/accounts/ta-proj/spendable"),
      allowOwn: READERS,
      foreign: get("/api/v1/accounts/tb-proj/spendable"),
      ghost: get("/api/v1/accounts/no-such/spendable"),
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
  ];
}
