import { ALL, type Case, type CaseContext, type Role } from "./roles.js";

/** Cases of statements sent by mail and of applications (apply, see, change, decide). */
export function adminCases(x: CaseContext): Case[] {
  const month = new Date().toISOString().slice(0, 7);
  const send = (account: string) => () => ({
    method: "POST",
    path: "/api/v1/statements/send",
    body: { account, month },
  });
  // one application by a plain user of each tenant, made before the first case runs
  const apps = { own: 0, foreign: 0 };
  const made = async () => {
    if (apps.own) return;
    for (const [t, key] of [
      ["ta", "own"],
      ["tb", "foreign"],
    ] as const) {
      const token = (
        await x
          .center()
          .ok("POST", "/api/v1/auth/login", { username: `${t}-user`, password: x.PW }, null)
      ).token as string;
      apps[key] = (
        await x.center().ok(
          "POST",
          "/api/v1/applications",
          {
            kind: "account",
            name: `${t}-asked`,
            title: "Study",
            purpose: "research",
            field: "ai",
            pi: "Prof. Li",
          },
          token,
        )
      ).id as number;
    }
  };
  const app = (key: "own" | "foreign", tail = "") => `/api/v1/applications/${apps[key]}${tail}`;
  const edit = {
    kind: "account",
    name: "ta-asked",
    title: "Study 2",
    purpose: "research",
    field: "ai",
    pi: "Prof. Li",
  };
  const limits = (account: string) => () => ({
    method: "POST",
    path: "/api/v1/applications",
    body: { kind: "limits", account, purpose: "bigger runs", limits: { maxCpus: 128 } },
  });
  const decide = (key: "own" | "foreign") => () => ({
    method: "POST",
    path: app(key, "/decision"),
    body: { decision: "changes", note: "say more about the data" },
  });
  const APPLICATION_READERS: Role[] = ["center-admin", "tenant-admin", "user"];
  // a tenant disabled and enabled again before each call, so that every role meets an active one
  const tenantOff = (t: string) => () => ({
    method: "POST",
    path: `/api/v1/tenants/${t}/disable`,
    body: { reason: "matrix" },
  });
  const tenantOn = (t: string) => () => ({ method: "POST", path: `/api/v1/tenants/${t}/enable` });
  const active = async () => {
    for (const t of ["ta", "tb"]) await x.center().api("POST", `/api/v1/tenants/${t}/enable`);
  };
  const disabled = async () => {
    for (const t of ["ta", "tb"])
      await x.center().api("POST", `/api/v1/tenants/${t}/disable`, { reason: "matrix" });
  };
  return [
    {
      route: "POST /api/v1/tenants/{name}/disable",
      before: active,
      own: tenantOff("ta"),
      allowOwn: ["center-admin"],
      foreign: tenantOff("tb"),
      ghost: tenantOff("no-such"),
      allowForeign: ["center-admin"],
    },
    {
      route: "POST /api/v1/tenants/{name}/enable",
      before: disabled,
      own: tenantOn("ta"),
      allowOwn: ["center-admin"],
      foreign: tenantOn("tb"),
      ghost: tenantOn("no-such"),
      allowForeign: ["center-admin"],
    },
    {
      route: "POST /api/v1/statements/send",
      // the tenants active again for the cases after
      before: active,
      // no SMTP in this center: those allowed hear so (409), the rest are refused before
      own: send("ta-proj"),
      allowOwn: ["center-finance", "tenant-finance"],
      foreign: send("tb-proj"),
      ghost: send("no-such"),
      allowForeign: ["center-finance"],
    },
    {
      route: "POST /api/v1/applications",
      own: limits("ta-proj"),
      allowOwn: ["center-admin", "tenant-admin", "account-owner", "account-admin"],
      foreign: limits("tb-proj"),
      ghost: limits("no-such"),
      allowForeign: ["center-admin"],
    },
    {
      route: "GET /api/v1/applications",
      own: () => ({ method: "GET", path: "/api/v1/applications" }),
      allowOwn: ALL,
    },
    {
      route: "GET /api/v1/applications/{id}",
      before: made,
      own: () => ({ method: "GET", path: app("own") }),
      allowOwn: APPLICATION_READERS,
      foreign: () => ({ method: "GET", path: app("foreign") }),
      ghost: () => ({ method: "GET", path: "/api/v1/applications/999999" }),
      allowForeign: ["center-admin"],
    },
    {
      route: "PUT /api/v1/applications/{id}",
      before: made,
      own: () => ({ method: "PUT", path: app("own"), body: edit }),
      allowOwn: ["user"],
      foreign: () => ({ method: "PUT", path: app("foreign"), body: { ...edit, name: "tb-asked" } }),
      ghost: () => ({ method: "PUT", path: "/api/v1/applications/999999", body: edit }),
      allowForeign: [],
    },
    {
      route: "POST /api/v1/applications/{id}/decision",
      before: made,
      own: decide("own"),
      allowOwn: ["center-admin", "tenant-admin"],
      foreign: decide("foreign"),
      ghost: () => ({
        method: "POST",
        path: "/api/v1/applications/999999/decision",
        body: { decision: "reject", note: "no" },
      }),
      allowForeign: ["center-admin"],
    },
  ];
}
