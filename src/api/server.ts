import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { GuangError, isGuangError } from "../core/errors.js";
import type { Center } from "../services/center.js";
import { zodMessage } from "../services/zod-message.js";
import { openApiDocument } from "./openapi.js";
import { may, PERMISSIONS } from "../services/permissions.js";
import { readCookies, SESSION_COOKIE } from "./cookies.js";
import { WROTE, type Route } from "./route.js";
import { accountRoutes } from "./routes/accounts.js";
import { auditRoutes } from "./routes/audit.js";
import { moneyRoutes } from "./routes/money.js";
import { reportRoutes } from "./routes/reports.js";
import { tenantRoutes } from "./routes/tenants.js";
import { userRoutes } from "./routes/users.js";
import { authRoutes } from "./routes/auth.js";
import { centerRoutes } from "./routes/center.js";
import { jobRoutes } from "./routes/jobs.js";

export const ROUTES: Route[] = [...authRoutes, ...tenantRoutes, ...userRoutes, ...accountRoutes, ...auditRoutes, ...moneyRoutes, ...reportRoutes, ...jobRoutes, ...centerRoutes];

/**
 * The address a request came from, for rate limits and the audit log. Behind a trusted proxy
 * it is the last address the proxy appended to X-Forwarded-For (earlier ones the client
 * could have written itself); otherwise the peer of the connection.
 */
function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  const last = trustProxy && typeof forwarded === "string" ? forwarded.split(",").pop()!.trim() : "";
  return (last || req.socket.remoteAddress || "?").replace(/^::ffff:/, "");
}

interface Compiled {
  route: Route;
  re: RegExp;
  names: string[];
}

function compile(r: Route): Compiled {
  const names: string[] = [];
  const re = new RegExp(`^${r.path.replace(/\{(\w+)\}/g, (_m, n: string) => (names.push(n), "([^/]+)"))}$`);
  return { route: r, re, names };
}

/**
 * On every answer: none is cached (they carry tokens and people's data), sniffed as another
 * type, framed by another site, or allowed to load anything (the HTML statements style
 * themselves inline); no address leaks in a Referer.
 */
const SECURITY_HEADERS: [string, string][] = [
  ["cache-control", "no-store"],
  ["x-content-type-options", "nosniff"],
  ["referrer-policy", "no-referrer"],
  ["x-frame-options", "DENY"],
  ["content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"],
];

/** A path parameter, %-decoded; a malformed escape is the client's mistake. */
function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new GuangError("invalid_input", 400, `the path part "${part}" has a malformed %-escape; write % as %25`);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, e: GuangError): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, e.status, { error: { code: e.code, message: e.message, details: e.details } });
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new GuangError("payload_too_large", 413, `the request body is over ${limit} bytes; send a smaller script or put data in files`));
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The HTTP API: routes map to services, and every failure becomes the error shape of DESIGN.md. */
export function createApi(center: Center, opts: { version: string; maxBodyBytes: number; trustProxy: boolean }): Server {
  const compiled = ROUTES.map(compile);
  const openapi = JSON.stringify(openApiDocument(ROUTES, opts.version));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of SECURITY_HEADERS) res.setHeader(k, v);
    const url = new URL(req.url ?? "/", "http://local");
    if (req.method === "GET" && url.pathname === "/api/v1/openapi.json") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(openapi);
      return;
    }
    const matches = compiled.filter((c) => c.re.test(url.pathname));
    if (matches.length === 0) throw new GuangError("not_found", 404, `no such endpoint ${url.pathname}; see /api/v1/openapi.json`);
    const hit = matches.find((c) => c.route.method === req.method);
    if (!hit) {
      res.setHeader("allow", matches.map((c) => c.route.method).join(", "));
      throw new GuangError("method_not_allowed", 405, `${req.method} is not allowed on ${url.pathname}; use ${matches.map((c) => c.route.method).join(" or ")}`);
    }
    const r = hit.route;
    const m = hit.re.exec(url.pathname)!;
    const params = Object.fromEntries(hit.names.map((n, i) => [n, decodePathPart(m[i + 1]!)]));
    const cookies = readCookies(req);
    const ip = clientIp(req, opts.trustProxy);
    const actor = r.auth
      ? await center.auth.authenticate({
          authorization: req.headers.authorization,
          session: cookies[SESSION_COOKIE],
          csrf: typeof req.headers["x-csrf-token"] === "string" ? req.headers["x-csrf-token"] : undefined,
          method: req.method ?? "GET",
          ip,
        })
      : null;
    if (actor?.mustChangePassword && r.action !== "password.change" && r.action !== "session.read") {
      throw new GuangError("password_change_required", 403, "your password was chosen by someone else: change it first (guang passwd, or POST /api/v1/auth/password)");
    }
    // routes about a collection are refused outright to whoever could never do their action;
    // routes that name an object leave it to the service, which answers "not found" for other tenants' objects
    if (actor && hit.names.length === 0 && !may(actor, r.action, null)) {
      throw new GuangError("forbidden", 403, `you may not do ${r.action}; that needs one of: ${PERMISSIONS[r.action].join(", ")}`);
    }
    let query: unknown = {};
    if (r.query) {
      const q = r.query.safeParse(Object.fromEntries(url.searchParams));
      if (!q.success) throw new GuangError("invalid_input", 400, `query: ${zodMessage(q.error)}`);
      query = q.data;
    } else if ([...url.searchParams.keys()].length > 0) {
      throw new GuangError("invalid_input", 400, `${url.pathname} takes no query parameters`);
    }
    let body: unknown = undefined;
    if (r.body) {
      const type = req.headers["content-type"] ?? "";
      if (!type.includes("application/json")) throw new GuangError("unsupported_media_type", 415, "send the body as JSON with Content-Type: application/json");
      const text = await readBody(req, opts.maxBodyBytes);
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (e) {
        throw new GuangError("invalid_json", 400, `the body is not valid JSON: ${(e as Error).message}`);
      }
      const b = r.body.safeParse(raw);
      if (!b.success) throw new GuangError("invalid_input", 400, zodMessage(b.error), { issues: b.error.issues.map((i) => ({ path: i.path, message: i.message })) });
      body = b.data;
    }
    const out = await r.handler({ center, actor, params, query, body, req, res, ip, cookies });
    if (out !== WROTE) sendJson(res, r.status ?? 200, out);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (isGuangError(e)) return sendError(res, e);
      process.stderr.write(`guang: internal error on ${req.method} ${req.url}: ${(e as Error)?.stack ?? String(e)}\n`);
      sendError(res, new GuangError("internal", 500, "internal error; the server log has the details"));
    });
  });
  // Clients keep connections open between requests; closing an idle one after Node's 5 s
  // races with a client that reuses it at that moment ("other side closed"). Idle
  // connections live a minute, longer than proxies and clients keep theirs.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

export function listen(server: Server, host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const a = server.address() as AddressInfo;
      resolve(`http://${a.family === "IPv6" ? `[${a.address}]` : a.address}:${a.port}`);
    });
  });
}
