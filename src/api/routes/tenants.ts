import { z } from "zod";
import { route } from "../route.js";
import { newUser } from "../schemas/tenancy.js";
import { tenantView, userView } from "../schemas/tenancy.js";

export const tenantRoutes = [
  route({
    method: "GET",
    path: "/api/v1/tenants",
    summary: "Tenants (institutions): all of them for center staff, your own for everyone else",
    tag: "tenancy",
    auth: true,
    action: "tenant.list",
    response: z.strictObject({
      tenants: z.array(tenantView),
    }),
    handler: async ({ center, actor }) => ({ tenants: await center.tenants.list(actor) }),
  }),
  route({
    method: "POST",
    path: "/api/v1/tenants",
    summary:
      "Create a tenant with its first tenant admin (center admin); a generated password is shown only in this answer",
    tag: "tenancy",
    auth: true,
    action: "tenant.create",
    status: 201,
    body: z.strictObject({
      name: z.string().min(1).max(64),
      admin: newUser.omit({ tenant: true, roles: true }),
    }),
    response: z.strictObject({
      tenant: tenantView,
      admin: userView,
      password: z.string().nullable(),
    }),
    handler: ({ center, actor, body }) => center.tenants.create(actor, body.name, body.admin),
  }),
  route({
    method: "GET",
    path: "/api/v1/tenants/{name}",
    summary: "One tenant, with how many users and accounts it has",
    tag: "tenancy",
    auth: true,
    action: "tenant.read",
    response: tenantView,
    handler: ({ center, actor, params }) => center.tenants.get(actor, params.name),
  }),
  route({
    method: "POST",
    path: "/api/v1/tenants/{name}/disable",
    summary:
      "Disable a tenant (center admin): its accounts take no new jobs and say why; waiting jobs wait; its people still sign in",
    tag: "tenancy",
    auth: true,
    action: "tenant.disable",
    body: z.strictObject({
      reason: z.string().max(500, "say why in at most 500 characters"),
    }),
    response: tenantView,
    handler: ({ center, actor, params, body }) =>
      center.tenants.disable(actor, params.name, body.reason),
  }),
  route({
    method: "POST",
    path: "/api/v1/tenants/{name}/enable",
    summary: "Enable a disabled tenant again: its accounts take jobs again",
    tag: "tenancy",
    auth: true,
    action: "tenant.disable",
    response: tenantView,
    handler: ({ center, actor, params }) => center.tenants.enable(actor, params.name),
  }),
];
