import { z } from "zod";
import { notFound } from "../../core/errors.js";
import { FIELDS } from "../../services/applications/application-request.js";
import { route } from "../route.js";
import { limits } from "../schemas/tenancy.js";

const text = (what: string, max: number) =>
  z.string().trim().min(1, `${what} is needed`).max(max, `${what} is at most ${max} characters`);
const hours = z.number().min(0, "ask for zero or more hours");
const purpose = text("purpose (what the work is for)", 4000);

/** What an application asks: a new account, more hours for one, or higher limits for one. */
const request = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("account"),
    name: text("the account's name", 32),
    title: text("title", 200),
    purpose,
    field: z.enum(FIELDS, { error: `field is one of: ${FIELDS.join(", ")}` }),
    pi: text("the principal investigator (PI)", 200),
    members: z.array(z.string().min(1)).max(500).default([]),
    clusters: z.array(z.string().min(1)).max(100).default([]),
    coreHours: hours.default(0),
    gpuHours: hours.default(0),
    startsAt: z.string().optional(),
    endsAt: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal("extend"),
    account: text("the account", 64),
    purpose,
    coreHours: hours.default(0),
    gpuHours: hours.default(0),
    endsAt: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal("limits"),
    account: text("the account", 64),
    purpose,
    limits,
  }),
]);

const applicationView = z
  .strictObject({
    id: z.number(),
    number: z.string(),
    kind: z.enum(["account", "extend", "limits"]),
    account: z.string(),
    title: z.string(),
    tenant: z.string(),
    applicant: z.string(),
    state: z.enum(["pending", "changes", "approved", "rejected"]),
    note: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    request: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "ApplicationView" });

const id = (s: string) => {
  if (!/^\d+$/.test(s)) throw notFound(`application ${s} does not exist`);
  return Number(s);
};

export const applicationRoutes = [
  route({
    method: "POST",
    path: "/api/v1/applications",
    summary:
      "Apply for a new account (title, purpose, field, PI, members, clusters, core- and GPU-hours, period), more hours for an account, or higher limits",
    tag: "applications",
    auth: true,
    action: "application.submit",
    status: 201,
    body: request,
    response: applicationView,
    handler: ({ center, actor, body }) => center.applications.apply(actor, body),
  }),
  route({
    method: "GET",
    path: "/api/v1/applications",
    summary:
      "Applications: yours; your tenant's for its admins (all for the center's); `mine=true` for only yours",
    tag: "applications",
    auth: true,
    action: "application.read",
    query: z.strictObject({
      state: z.enum(["pending", "changes", "approved", "rejected"]).optional(),
      mine: z.enum(["true", "false"]).optional(),
    }),
    response: z.strictObject({ applications: z.array(applicationView) }),
    handler: async ({ center, actor, query }) => ({
      applications: await center.applications.list(actor, {
        ...(query.state ? { state: query.state } : {}),
        mine: query.mine === "true",
      }),
    }),
  }),
  route({
    method: "GET",
    path: "/api/v1/applications/{id}",
    summary: "One application: what it asks, its state, who decided and why",
    tag: "applications",
    auth: true,
    action: "application.read",
    response: applicationView,
    handler: ({ center, actor, params }) => center.applications.get(actor, id(params.id)),
  }),
  route({
    method: "PUT",
    path: "/api/v1/applications/{id}",
    summary:
      "Change your application while it is open (waiting, or sent back for changes): it waits again",
    tag: "applications",
    auth: true,
    action: "application.submit",
    body: request,
    response: applicationView,
    handler: ({ center, actor, params, body }) =>
      center.applications.edit(actor, id(params.id), body),
  }),
  route({
    method: "POST",
    path: "/api/v1/applications/{id}/decision",
    summary:
      "Approve (making the account, members and grants as `request` says, edited or not), reject, or ask for changes, with a note (needed to reject or ask)",
    tag: "applications",
    auth: true,
    action: "application.decide",
    body: z.strictObject({
      decision: z.enum(["approve", "reject", "changes"], {
        error: "decision is approve, reject or changes",
      }),
      note: z.string().max(2000).optional(),
      request: request.optional(),
    }),
    response: applicationView,
    handler: ({ center, actor, params, body }) =>
      center.applications.decide(actor, id(params.id), body),
  }),
];
