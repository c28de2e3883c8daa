import { ALL, CENTER, JOB_SEERS, type Case, type CaseContext } from "./roles.js";

/** Cases of money, prices, reports, audit and jobs. */
export function workCases(x: CaseContext): Case[] {
  const { jobs } = x;
  const c = {
    api: (...a: Parameters<ReturnType<CaseContext["center"]>["api"]>) => x.center().api(...a),
  };
  const get = (path: string) => () => ({ method: "GET", path });
  return [
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
      ghost: get(
        `/api/v1/statements?account=no-such&month=${new Date().toISOString().slice(0, 7)}`,
      ),
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
      route: "POST /api/v1/prices/check",
      own: () => ({
        method: "POST",
        path: "/api/v1/prices/check",
        body: {
          cluster: "local",
          partition: "cpu",
          effectiveFrom: "2099-01-01T00:00:00Z",
          cpuHour: "1",
        },
      }),
      allowOwn: CENTER,
      foreign: () => ({
        method: "POST",
        path: "/api/v1/prices/check",
        body: {
          cluster: "local",
          partition: "cpu",
          tenant: "tb",
          effectiveFrom: "2099-01-01T00:00:00Z",
          cpuHour: "1",
        },
      }),
      ghost: () => ({
        method: "POST",
        path: "/api/v1/prices/check",
        body: {
          cluster: "local",
          partition: "cpu",
          tenant: "no-such",
          effectiveFrom: "2099-01-01T00:00:00Z",
          cpuHour: "1",
        },
      }),
      allowForeign: CENTER,
    },
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
    {
      route: "POST /api/v1/jobs/check",
      // the plain user is no member (the member cases above added and removed them)
      before: () => c.api("DELETE", "/api/v1/accounts/ta-proj/members/ta-user"),
      own: () => ({
        method: "POST",
        path: "/api/v1/jobs/check",
        body: { script: "#!/bin/bash\ntrue\n", args: ["-H", "-A", "ta-proj"], workdir: "/tmp" },
      }),
      allowOwn: ["account-owner", "account-admin", "account-member"],
      foreign: () => ({
        method: "POST",
        path: "/api/v1/jobs/check",
        body: { script: "#!/bin/bash\ntrue\n", args: ["-H", "-A", "tb-proj"], workdir: "/tmp" },
      }),
      ghost: () => ({
        method: "POST",
        path: "/api/v1/jobs/check",
        body: { script: "#!/bin/bash\ntrue\n", args: ["-H", "-A", "no-such"], workdir: "/tmp" },
      }),
      allowForeign: [],
    },
    { route: "GET /api/v1/jobs", own: get("/api/v1/jobs"), allowOwn: ALL },
    ...["", "/output", "/script"].map((suffix): Case => ({
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
}
