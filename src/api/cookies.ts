import type { IncomingMessage, ServerResponse } from "node:http";

export const SESSION_COOKIE = "guang_session";
export const CSRF_COOKIE = "guang_csrf";
export const OIDC_STATE_COOKIE = "guang_oidc";

/** The cookies a request carries (first value of each name). */
export function readCookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    const name = part.slice(0, i).trim();
    if (name && !(name in out)) {
      try {
        out[name] = decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        // a malformed value is as good as none
      }
    }
  }
  return out;
}

/** Whether the browser reached us over TLS (directly or through a proxy that says so). */
function overTls(req: IncomingMessage): boolean {
  return (
    (req.socket as { encrypted?: boolean }).encrypted === true ||
    req.headers["x-forwarded-proto"] === "https"
  );
}

export interface CookieOptions {
  httpOnly: boolean;
  sameSite: "Strict" | "Lax";
  /** Seconds; 0 deletes the cookie. */
  maxAge: number;
}

/** Adds a Set-Cookie header; Secure whenever the request came over TLS. */
export function setCookie(
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
  value: string,
  o: CookieOptions,
): void {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/",
    `Max-Age=${Math.max(0, Math.floor(o.maxAge))}`,
    `SameSite=${o.sameSite}`,
  ];
  if (o.httpOnly) parts.push("HttpOnly");
  if (overTls(req)) parts.push("Secure");
  const prev = res.getHeader("set-cookie");
  res.setHeader("set-cookie", [
    ...(Array.isArray(prev) ? prev : prev ? [String(prev)] : []),
    parts.join("; "),
  ]);
}
