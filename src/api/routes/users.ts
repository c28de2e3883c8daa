import { z } from "zod";
import { route } from "../route.js";
import { newUser, posix } from "../schemas/tenancy.js";
import { userView } from "../schemas/tenancy.js";

export const userRoutes = [
  route({
    method: "GET",
    path: "/api/v1/users",
    summary:
      "Users of your tenant (tenant admin), of one tenant or of all (center admin), by name; q finds those whose name or e-mail holds it; offset and limit give a page (total: how many match)",
    tag: "tenancy",
    auth: true,
    action: "user.list",
    query: z.strictObject({
      tenant: z.string().optional(),
      q: z.string().max(200).optional(),
      offset: z.coerce.number().int().min(0).optional(),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
    response: z.strictObject({
      users: z.array(userView),
      total: z.number(),
    }),
    handler: ({ center, actor, query }) =>
      center.users.list(actor, query.tenant, {
        ...(query.q ? { q: query.q } : {}),
        ...(query.offset !== undefined ? { offset: query.offset } : {}),
        ...(query.limit !== undefined ? { limit: query.limit } : {}),
      }),
  }),
  route({
    method: "POST",
    path: "/api/v1/users",
    summary:
      "Create a user in your tenant (tenant admin) or in a named one (center admin); a generated password is shown only in this answer",
    tag: "tenancy",
    auth: true,
    action: "user.create",
    status: 201,
    body: newUser,
    response: z.strictObject({
      user: userView,
      password: z.string().nullable(),
    }),
    handler: ({ center, actor, body }) => center.users.create(actor, body),
  }),
  route({
    method: "GET",
    path: "/api/v1/users/{name}",
    summary: "One user, with roles, POSIX identity and accounts",
    tag: "tenancy",
    auth: true,
    action: "user.read",
    response: userView,
    handler: ({ center, actor, params }) => center.users.get(actor, params.name),
  }),
  route({
    method: "PATCH",
    path: "/api/v1/users/{name}",
    summary: "Change a user's roles, e-mail, POSIX identity, password; disable or unlock them",
    tag: "tenancy",
    auth: true,
    action: "user.update",
    body: z.strictObject({
      roles: z.array(z.string()).max(10).optional(),
      email: z.email().nullable().optional(),
      posix: posix.nullable().optional(),
      disabled: z.boolean().optional(),
      password: z.string().min(1).max(4096).optional(),
      unlock: z.literal(true).optional(),
    }),
    response: userView,
    handler: ({ center, actor, params, body }) => center.users.update(actor, params.name, body),
  }),
];
