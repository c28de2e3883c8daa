import { z } from "zod";
import { route } from "../route.js";

const quota = z.strictObject({
  softBytes: z.number().int().min(0).nullable(),
  hardBytes: z.number().int().min(0).nullable(),
  softFiles: z.number().int().min(0).nullable(),
  hardFiles: z.number().int().min(0).nullable(),
});
const item = z
  .strictObject({
    kind: z.enum(["user", "account"]),
    name: z.string(),
    path: z.string(),
    bytes: z.number().nullable(),
    files: z.number().nullable(),
    unreadable: z.number(),
    takenAt: z.string().nullable(),
    quota: quota.nullable(),
    over: z.enum(["soft", "hard"]).nullable(),
  })
  .meta({ id: "StorageItem" });
const all = z.strictObject({ all: z.enum(["true", "false"]).optional() });

/** Storage: what homes and project folders hold, their quotas, and storage as something sold. */
export const storageRoutes = [
  route({
    method: "GET",
    path: "/api/v1/storage",
    summary:
      "Your home's and your accounts' project folders' storage as last counted, with their quotas and whether they are over one; all=true: every one in an admin's reach",
    tag: "storage",
    auth: true,
    action: "storage.read",
    query: all,
    response: z.array(item),
    handler: ({ center, actor, query }) => center.storage.view(actor, query.all === "true"),
  }),
  route({
    method: "POST",
    path: "/api/v1/storage/scan",
    summary:
      "Count now (as each folder's owner) and answer the new counts: your home and your accounts' folders, or with all every one in reach",
    tag: "storage",
    auth: true,
    action: "storage.read",
    body: z.strictObject({ all: z.boolean().optional() }),
    response: z.array(item),
    handler: ({ center, actor, body }) => center.storage.scanNow(actor, body.all ?? false),
  }),
  route({
    method: "GET",
    path: "/api/v1/storage/history",
    summary:
      "A home's (user, default yours) or an account's project folder's counts over the last days (default 30), oldest first",
    tag: "storage",
    auth: true,
    action: "storage.read",
    query: z.strictObject({
      user: z.string().optional(),
      account: z.string().optional(),
      days: z.coerce.number().int().min(1).max(3660).optional(),
    }),
    response: z.array(
      z.strictObject({ bytes: z.number(), files: z.number(), takenAt: z.string() }),
    ),
    handler: ({ center, actor, query }) =>
      center.storage.history(actor, {
        ...(query.user ? { user: query.user } : {}),
        ...(query.account ? { account: query.account } : {}),
        days: query.days ?? 30,
      }),
  }),
  route({
    method: "PUT",
    path: "/api/v1/storage/quotas",
    summary:
      "Set a user's (home) or an account's (project folder) storage quota in bytes and files, soft (warns, mails once) and hard (new jobs refused); null lifts one",
    tag: "storage",
    auth: true,
    action: "storage.quota",
    body: quota.extend({ user: z.string().optional(), account: z.string().optional() }),
    response: item.nullable(),
    handler: ({ center, actor, body }) => center.storage.setQuota(actor, body),
  }),
  route({
    method: "GET",
    path: "/api/v1/storage/prices",
    summary: "Storage prices per GB-month, in force and past (general, and per tenant)",
    tag: "storage",
    auth: true,
    action: "price.read",
    response: z.array(
      z.strictObject({
        id: z.number(),
        gbMonth: z.string(),
        tenant: z.string().nullable(),
        effectiveFrom: z.string(),
        currency: z.string(),
      }),
    ),
    handler: ({ center, actor }) => center.storageBilling.prices(actor),
  }),
  route({
    method: "POST",
    path: "/api/v1/storage/prices",
    summary:
      "Set the storage price per GB-month (10^9 bytes) from a time on (default now), for every tenant or one; a new version, the old ones stay",
    tag: "storage",
    auth: true,
    action: "price.manage",
    body: z.strictObject({
      gbMonth: z.string(),
      tenant: z.string().optional(),
      from: z.string().optional(),
    }),
    response: z.strictObject({
      id: z.number(),
      gbMonth: z.string(),
      tenant: z.string().nullable(),
      effectiveFrom: z.string(),
    }),
    handler: ({ center, actor, body }) => center.storageBilling.setPrice(actor, body),
  }),
  route({
    method: "POST",
    path: "/api/v1/storage/charges",
    summary:
      "Charge one ended day's storage (YYYY-MM-DD, UTC) to every account now; the nightly round does it, and a day is charged once",
    tag: "storage",
    auth: true,
    action: "storage.charge",
    body: z.strictObject({ day: z.string() }),
    response: z.array(
      z.strictObject({ account: z.string(), bytes: z.number(), amount: z.string() }),
    ),
    handler: ({ center, body }) => center.storageBilling.chargeDay(body.day),
  }),
];
