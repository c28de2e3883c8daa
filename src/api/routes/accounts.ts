import { z } from "zod";
import { route } from "../route.js";
import { allowed, limits } from "../schemas/tenancy.js";
import { accountView, memberView } from "../schemas/tenancy.js";
import { fairShareView } from "../schemas/jobs.js";

export const accountRoutes = [
  route({
    method: "GET",
    path: "/api/v1/accounts",
    summary:
      "Accounts (projects) you may see: yours; your tenant's for tenant staff; all for center staff",
    tag: "tenancy",
    auth: true,
    action: "account.list",
    query: z.strictObject({ tenant: z.string().optional() }),
    response: z.strictObject({
      accounts: z.array(accountView),
    }),
    handler: async ({ center, actor, query }) => ({
      accounts: await center.accounts.list(actor, query.tenant),
    }),
  }),
  route({
    method: "POST",
    path: "/api/v1/accounts",
    summary: "Create an account with its owner (tenant admin, or center admin naming the tenant)",
    tag: "tenancy",
    auth: true,
    action: "account.create",
    status: 201,
    body: z.strictObject({
      name: z.string().min(1).max(64),
      tenant: z.string().optional(),
      owner: z.string().min(1),
      limits: limits.optional(),
      allowed: allowed.optional(),
    }),
    response: accountView,
    handler: ({ center, actor, body }) => center.accounts.create(actor, body),
  }),
  route({
    method: "GET",
    path: "/api/v1/accounts/{name}",
    summary: "One account: state (and who blocked it, why), limits, what it may use",
    tag: "tenancy",
    auth: true,
    action: "account.read",
    response: accountView,
    handler: ({ center, actor, params }) => center.accounts.get(actor, params.name),
  }),
  route({
    method: "PATCH",
    path: "/api/v1/accounts/{name}",
    summary: "Change an account's limits (null lifts one) or what it may use",
    tag: "tenancy",
    auth: true,
    action: "account.update",
    body: z.strictObject({ limits: limits.optional(), allowed: allowed.optional() }),
    response: accountView,
    handler: ({ center, actor, params, body }) => center.accounts.update(actor, params.name, body),
  }),
  route({
    method: "POST",
    path: "/api/v1/accounts/{name}/block",
    summary:
      "Block an account: new jobs are refused, waiting ones wait (AccountBlocked), running ones go on",
    tag: "tenancy",
    auth: true,
    action: "account.block",
    body: z.strictObject({
      reason: z.string().trim().min(1, "say why (it is shown to the account's members)").max(500),
    }),
    response: accountView,
    handler: ({ center, actor, params, body }) =>
      center.accounts.block(actor, params.name, body.reason),
  }),
  route({
    method: "POST",
    path: "/api/v1/accounts/{name}/unblock",
    summary: "Lift an admin's block of an account",
    tag: "tenancy",
    auth: true,
    action: "account.block",
    response: accountView,
    handler: ({ center, actor, params }) => center.accounts.unblock(actor, params.name),
  }),
  route({
    method: "GET",
    path: "/api/v1/accounts/{name}/members",
    summary: "Members of an account, with their roles and limits",
    tag: "tenancy",
    auth: true,
    action: "member.list",
    response: z.strictObject({
      members: z.array(memberView),
    }),
    handler: async ({ center, actor, params }) => ({
      members: await center.members.list(actor, params.name),
    }),
  }),
  route({
    method: "GET",
    path: "/api/v1/accounts/{name}/fairshare",
    summary:
      "Fair share of an account's members, like sshare: decayed usage (core-hours) and the Fair Tree factor the scheduler uses",
    tag: "tenancy",
    auth: true,
    action: "member.list",
    response: fairShareView,
    handler: ({ center, actor, params }) => center.fairShare.view(actor, params.name),
  }),
  route({
    method: "POST",
    path: "/api/v1/accounts/{name}/members",
    summary: "Add a user of the account's tenant as member, admin or owner, with limits",
    tag: "tenancy",
    auth: true,
    action: "member.manage",
    status: 201,
    body: z.strictObject({
      user: z.string().min(1),
      role: z.string().optional(),
      limits: limits.optional(),
    }),
    response: z.strictObject({
      members: z.array(memberView),
    }),
    handler: async ({ center, actor, params, body }) => ({
      members: await center.members.add(actor, params.name, body),
    }),
  }),
  route({
    method: "PATCH",
    path: "/api/v1/accounts/{name}/members/{user}",
    summary: "Change a member's role or limits",
    tag: "tenancy",
    auth: true,
    action: "member.manage",
    body: z.strictObject({ role: z.string().optional(), limits: limits.optional() }),
    response: z.strictObject({
      members: z.array(memberView),
    }),
    handler: async ({ center, actor, params, body }) => ({
      members: await center.members.update(actor, params.name, params.user, body),
    }),
  }),
  route({
    method: "DELETE",
    path: "/api/v1/accounts/{name}/members/{user}",
    summary: "Remove a member (an account keeps at least one owner)",
    tag: "tenancy",
    auth: true,
    action: "member.manage",
    response: z.strictObject({
      members: z.array(memberView),
    }),
    handler: async ({ center, actor, params }) => ({
      members: await center.members.remove(actor, params.name, params.user),
    }),
  }),
];
