import { z } from "zod";
import { route } from "../route.js";

const login = z.strictObject({ username: z.string().min(1), password: z.string().min(1) });
const newToken = z.strictObject({
  name: z.string().min(1).max(64),
  expiresInDays: z.number().int().positive().max(3650).nullable().optional(),
});

export const authRoutes = [
  route({
    method: "POST",
    path: "/api/v1/auth/login",
    summary: "Sign in with a password; returns a session token for the Authorization header",
    tag: "auth",
    auth: false,
    body: login,
    response: z.object({ token: z.string(), expiresAt: z.string(), user: z.string() }),
    handler: ({ center, body }) => center.auth.login(body.username, body.password),
  }),
  route({
    method: "GET",
    path: "/api/v1/auth/whoami",
    summary: "Who the token belongs to",
    tag: "auth",
    auth: true,
    handler: async ({ actor }) => ({ user: actor!.username, centerAdmin: actor!.centerAdmin }),
  }),
  route({
    method: "POST",
    path: "/api/v1/auth/password",
    summary: "Change your password (give the current one)",
    tag: "auth",
    auth: true,
    body: z.strictObject({ current: z.string().min(1), password: z.string().min(1) }),
    handler: async ({ center, actor, body }) => {
      await center.auth.changePassword(actor!, body.current, body.password);
      return { changed: true };
    },
  }),
  route({
    method: "GET",
    path: "/api/v1/tokens",
    summary: "Your API tokens (never their secret)",
    tag: "auth",
    auth: true,
    handler: async ({ center, actor }) => ({ tokens: await center.auth.listTokens(actor!) }),
  }),
  route({
    method: "POST",
    path: "/api/v1/tokens",
    summary: "Create a named API token; its secret is shown only in this answer",
    tag: "auth",
    auth: true,
    status: 201,
    body: newToken,
    handler: ({ center, actor, body }) => center.auth.createToken(actor!, body.name, body.expiresInDays ?? null),
  }),
  route({
    method: "DELETE",
    path: "/api/v1/tokens/{id}",
    summary: "Revoke one of your tokens",
    tag: "auth",
    auth: true,
    handler: async ({ center, actor, params }) => {
      await center.auth.revokeToken(actor!, Number(params.id));
      return { revoked: Number(params.id) };
    },
  }),
];
