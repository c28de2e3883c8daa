import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { notFound } from "../../core/errors.js";
import type { SignedIn } from "../../services/identity/auth.js";
import { CSRF_COOKIE, OIDC_STATE_COOKIE, SESSION_COOKIE, setCookie } from "../cookies.js";
import { route, WROTE } from "../route.js";
import { posixIdentity, profileView, signedInView } from "../schemas/auth.js";
import { JOB_MAILS } from "../../services/identity/profile.js";

const login = z.strictObject({
  username: z.string().min(1).max(256),
  password: z.string().min(1).max(4096),
});
const newToken = z.strictObject({
  name: z.string().min(1).max(64),
  expiresInDays: z.number().int().positive().max(3650).nullable().optional(),
});

/** A browser session: the token in an HttpOnly cookie (scripts cannot read it), the CSRF token in a readable one. */
function setSessionCookies(req: IncomingMessage, res: ServerResponse, s: SignedIn): void {
  const maxAge = (Date.parse(s.expiresAt) - Date.now()) / 1000;
  setCookie(req, res, SESSION_COOKIE, s.token, { httpOnly: true, sameSite: "Strict", maxAge });
  setCookie(req, res, CSRF_COOKIE, s.csrfToken, { httpOnly: false, sameSite: "Strict", maxAge });
}

function redirect(res: ServerResponse, to: string): typeof WROTE {
  res.writeHead(302, { location: to, "cache-control": "no-store" });
  res.end();
  return WROTE;
}

export const authRoutes = [
  route({
    method: "POST",
    path: "/api/v1/auth/login",
    summary:
      "Sign in with a password (local or LDAP); returns a session token for the Authorization header",
    tag: "auth",
    auth: false,
    action: "public",
    body: login,
    response: signedInView,
    handler: ({ center, body, ip }) => center.auth.login(body.username, body.password, ip),
  }),
  route({
    method: "POST",
    path: "/api/v1/auth/session",
    summary:
      "Browser sign-in: sets an HttpOnly, SameSite session cookie; send csrfToken as X-CSRF-Token on every change",
    tag: "auth",
    auth: false,
    action: "public",
    body: login,
    response: z.strictObject({
      user: z.string(),
      expiresAt: z.string(),
      csrfToken: z.string(),
    }),
    handler: async ({ center, body, ip, req, res }) => {
      const s = await center.auth.login(body.username, body.password, ip);
      setSessionCookies(req, res, s);
      return { user: s.user, expiresAt: s.expiresAt, csrfToken: s.csrfToken };
    },
  }),
  route({
    method: "DELETE",
    path: "/api/v1/auth/session",
    summary: "Sign out: ends this session and clears its cookies",
    tag: "auth",
    auth: true,
    action: "session.read",
    response: z.strictObject({
      signedOut: z.boolean(),
    }),
    handler: async ({ center, actor, cookies, req, res }) => {
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
      await center.auth.logout(actor, bearer ?? cookies[SESSION_COOKIE] ?? "");
      for (const c of [SESSION_COOKIE, CSRF_COOKIE])
        setCookie(req, res, c, "", {
          httpOnly: c === SESSION_COOKIE,
          sameSite: "Strict",
          maxAge: 0,
        });
      return { signedOut: true };
    },
  }),
  route({
    method: "GET",
    path: "/api/v1/auth/methods",
    summary:
      "How one may sign in here: with a password, and with single sign-on (OIDC) when it is configured",
    tag: "auth",
    auth: false,
    action: "public",
    response: z.strictObject({
      password: z.literal(true),
      sso: z.strictObject({ name: z.string().nullable(), login: z.string() }).nullable(),
    }),
    handler: async ({ center }) => ({
      password: true as const,
      sso: center.oidc ? { name: center.oidc.displayName, login: "/api/v1/auth/oidc/login" } : null,
    }),
  }),
  route({
    method: "GET",
    path: "/api/v1/auth/oidc/login",
    summary:
      "Single sign-on: redirects the browser to the OpenID provider (authorization code with PKCE)",
    tag: "auth",
    auth: false,
    status: 302,
    action: "public",
    handler: async ({ center, req, res }) => {
      if (!center.oidc)
        throw notFound(
          "single sign-on (OIDC) is not configured on this center; sign in with a password",
        );
      const { url, state } = await center.oidc.begin();
      // Lax: the provider's redirect back is a top-level navigation from another site
      setCookie(req, res, OIDC_STATE_COOKIE, state, {
        httpOnly: true,
        sameSite: "Lax",
        maxAge: 600,
      });
      return redirect(res, url);
    },
  }),
  route({
    method: "GET",
    path: "/api/v1/auth/oidc/callback",
    summary: "Where the OpenID provider sends the browser back; opens a session and redirects",
    tag: "auth",
    auth: false,
    status: 302,
    action: "public",
    query: z.record(z.string(), z.string()),
    handler: async ({ center, req, res, ip, cookies }) => {
      if (!center.oidc) throw notFound("single sign-on (OIDC) is not configured on this center");
      const s = await center.oidc.finish(
        new URL(req.url ?? "/", "http://local").search,
        cookies[OIDC_STATE_COOKIE],
        ip,
      );
      setCookie(req, res, OIDC_STATE_COOKIE, "", { httpOnly: true, sameSite: "Lax", maxAge: 0 });
      setSessionCookies(req, res, s);
      return redirect(res, center.oidc.afterLogin);
    },
  }),
  route({
    method: "GET",
    path: "/api/v1/auth/whoami",
    summary: "Who you are: user, tenant, roles, accounts and POSIX identity",
    tag: "auth",
    auth: true,
    action: "session.read",
    response: z.strictObject({
      user: z.string(),
      tenant: z.string().nullable(),
      roles: z
        .array(z.enum(["center-admin", "center-finance", "tenant-admin", "tenant-finance"]))
        .readonly(),
      accounts: z.array(
        z.strictObject({
          name: z.string(),
          role: z.enum(["owner", "member", "admin"]),
        }),
      ),
      posix: posixIdentity.nullable(),
    }),
    handler: ({ center, actor }) => center.auth.whoami(actor),
  }),
  route({
    method: "GET",
    path: "/api/v1/profile",
    summary: "Your e-mail and which job mails you get when a job names none",
    tag: "auth",
    auth: true,
    action: "session.read",
    response: profileView,
    handler: ({ center, actor }) => center.profiles.get(actor),
  }),
  route({
    method: "PATCH",
    path: "/api/v1/profile",
    summary:
      "Change your e-mail and the job mails (BEGIN, END, FAIL) you get for jobs that name no --mail-type",
    tag: "auth",
    auth: true,
    action: "profile.update",
    body: z.strictObject({
      email: z
        .email({ error: "email must be an address like ann@lab.example.org" })
        .nullable()
        .optional(),
      jobMail: z.array(z.enum(JOB_MAILS)).max(3).optional(),
    }),
    response: profileView,
    handler: ({ center, actor, body }) => center.profiles.update(actor, body),
  }),
  route({
    method: "POST",
    path: "/api/v1/auth/password",
    summary: "Change your password (give the current one)",
    tag: "auth",
    auth: true,
    action: "password.change",
    body: z.strictObject({ current: z.string().min(1), password: z.string().min(1) }),
    response: z.strictObject({
      changed: z.boolean(),
    }),
    handler: async ({ center, actor, body }) => {
      await center.auth.changePassword(actor, body.current, body.password);
      return { changed: true };
    },
  }),
  route({
    method: "GET",
    path: "/api/v1/tokens",
    summary: "Your API tokens (never their secret)",
    tag: "auth",
    auth: true,
    action: "token.manage",
    response: z.strictObject({
      tokens: z.array(
        z.strictObject({
          id: z.number(),
          name: z.string(),
          kind: z.enum(["session", "api"]),
          createdAt: z.string(),
          expiresAt: z.string().nullable(),
          revokedAt: z.string().nullable(),
        }),
      ),
    }),
    handler: async ({ center, actor }) => ({ tokens: await center.tokens.listTokens(actor) }),
  }),
  route({
    method: "POST",
    path: "/api/v1/tokens",
    summary: "Create a named API token; its secret is shown only in this answer",
    tag: "auth",
    auth: true,
    action: "token.manage",
    status: 201,
    body: newToken,
    response: z.strictObject({
      id: z.number(),
      name: z.string(),
      token: z.string(),
      expiresAt: z.string().nullable(),
    }),
    handler: ({ center, actor, body }) =>
      center.tokens.createToken(actor, body.name, body.expiresInDays ?? null),
  }),
  route({
    method: "DELETE",
    path: "/api/v1/tokens/{id}",
    summary: "Revoke one of your tokens",
    tag: "auth",
    auth: true,
    action: "token.manage",
    response: z.strictObject({
      revoked: z.number(),
    }),
    handler: async ({ center, actor, params }) => {
      if (!/^\d+$/.test(params.id)) throw notFound(`you have no live token ${params.id}`);
      await center.tokens.revokeToken(actor, Number(params.id));
      return { revoked: Number(params.id) };
    },
  }),
];
