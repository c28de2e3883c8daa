import { ALL, CENTER, READERS, type Case } from "./roles.js";

/** Cases of storage (counts and their history, quotas, prices, the daily charge) the center screen and job efficiency. */
export function storageCases(): Case[] {
  const get = (path: string) => () => ({ method: "GET", path });
  const quota = { softBytes: null, hardBytes: null, softFiles: null, hardFiles: null };
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  return [
    { route: "GET /api/v1/storage", own: get("/api/v1/storage"), allowOwn: ALL },
    {
      route: "POST /api/v1/storage/scan",
      own: () => ({ method: "POST", path: "/api/v1/storage/scan", body: {} }),
      allowOwn: ALL,
    },
    {
      route: "GET /api/v1/storage/history",
      own: get("/api/v1/storage/history?account=ta-proj"),
      allowOwn: READERS,
      foreign: get("/api/v1/storage/history?account=tb-proj"),
      ghost: get("/api/v1/storage/history?account=no-such"),
      allowForeign: CENTER,
    },
    {
      route: "PUT /api/v1/storage/quotas",
      own: () => ({
        method: "PUT",
        path: "/api/v1/storage/quotas",
        body: { account: "ta-proj", ...quota },
      }),
      allowOwn: ["center-admin", "tenant-admin"],
      foreign: () => ({
        method: "PUT",
        path: "/api/v1/storage/quotas",
        body: { account: "tb-proj", ...quota },
      }),
      ghost: () => ({
        method: "PUT",
        path: "/api/v1/storage/quotas",
        body: { account: "no-such", ...quota },
      }),
      allowForeign: ["center-admin"],
    },
    { route: "GET /api/v1/storage/prices", own: get("/api/v1/storage/prices"), allowOwn: ALL },
    {
      route: "POST /api/v1/storage/prices",
      own: () => ({ method: "POST", path: "/api/v1/storage/prices", body: { gbMonth: "0.1" } }),
      allowOwn: ["center-admin", "center-finance"],
      foreign: () => ({
        method: "POST",
        path: "/api/v1/storage/prices",
        body: { gbMonth: "0.1", tenant: "tb" },
      }),
      ghost: () => ({
        method: "POST",
        path: "/api/v1/storage/prices",
        body: { gbMonth: "0.1", tenant: "no-such" },
      }),
      allowForeign: ["center-admin", "center-finance"],
    },
    { route: "GET /api/v1/screen", own: get("/api/v1/screen"), allowOwn: CENTER },
    // every asker reads efficiency, of what the usage report shows them
    {
      route: "GET /api/v1/reports/efficiency",
      own: get("/api/v1/reports/efficiency"),
      allowOwn: ALL,
    },
    {
      route: "POST /api/v1/storage/charges",
      own: () => ({ method: "POST", path: "/api/v1/storage/charges", body: { day: yesterday } }),
      allowOwn: ["center-admin", "center-finance"],
    },
  ];
}
