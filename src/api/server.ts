import type { ServerResponse } from "node:http";
import { pino } from "pino";
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import { GuangError, isGuangError } from "../core/errors.js";
import type { CenterServices } from "../services/center.js";
import { zodMessage } from "../core/zod-message.js";
import { openApiDocument } from "./openapi.js";
import { servePortal } from "./portal.js";
import { ROUTES } from "./route-table.js";
import { may, refusal } from "../services/access/permissions.js";
import { PeerCalls } from "../services/network/peer-calls.js";
import { readCookies, SESSION_COOKIE } from "./cookies.js";
import { shellSocket } from "./shell-socket.js";
import { clientIp } from "./client-ip.js";
import { WROTE, type Route } from "./route.js";

interface Compiled {
  route: Route;
  re: RegExp;
  names: string[];
}

function compile(r: Route): Compiled {
  const names: string[] = [];
  const re = new RegExp(
    `^${r.path.replace(/\{(\w+)\}/g, (_m, n: string) => (names.push(n), "([^/]+)"))}$`,
  );
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
  [
    "content-security-policy",
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  ],
];

/** A path parameter, %-decoded; a malformed escape is the client's mistake. */
function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw badEscape(part);
  }
}

function badEscape(part: string): GuangError {
  return new GuangError(
    "invalid_input",
    400,
    `the path "${part}" has a malformed %-escape; write % as %25`,
  );
}

/** What the request log line tells besides Fastify's own: who asked, and the code of a refusal. */
type Tagged = FastifyRequest & { guangUser?: string; guangCode?: string };

function errorBody(e: GuangError) {
  return { error: { code: e.code, message: e.message, details: e.details } };
}

/** The error of one of Fastify's own refusals, in the words of our error catalogue. */
function fromFastify(
  e: { code?: string; statusCode?: number; message: string },
  req: FastifyRequest,
  maxBodyBytes: number,
): GuangError | null {
  switch (e.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new GuangError(
        "payload_too_large",
        413,
        `the request body is over ${maxBodyBytes} bytes; send a smaller script or put data in files`,
      );
    case "FST_ERR_BAD_URL":
      return badEscape(req.url);
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new GuangError("invalid_input", 400, e.message);
  }
  return e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500
    ? new GuangError("invalid_input", e.statusCode, e.message)
    : null;
}

/**
 * The HTTP API on Fastify: routes map to services, and every failure becomes the error
 * shape of DESIGN.md. Each route runs one pipeline — who asks (token or session cookie with
 * its CSRF token), may they at all, the query and the JSON body checked by the route's zod
 * schemas — before its handler. One JSON log line per request: method, route, status, time,
 * user; never a query string (it may carry a sign-in code) nor a body.
 */
/** The server's log: JSON lines on stdout at `level` (null: silent). */
export interface ServerLog {
  logger: FastifyBaseLogger;
  /** Writes what is buffered, then calls back. */
  flush(done: () => void): void;
}

/**
 * Log lines are buffered (4 KiB) and written without blocking: a line a request must not
 * cost a request much. What is buffered is written when the server closes or the process
 * exits. Made before the center opens, so that its start-up's background errors are lines too.
 */
export function createServerLog(level: string): ServerLog | null {
  if (level === "silent") return null;
  const out = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  process.once("exit", () => {
    try {
      out.flushSync();
    } catch {
      // stdout gone (a closed pipe): nothing to write to
    }
  });
  return {
    logger: pino({ level, base: null }, out) as FastifyBaseLogger,
    flush: (done) => out.flush(() => done()),
  };
}

export function createApi(
  center: CenterServices,
  opts: {
    version: string;
    maxBodyBytes: number;
    trustProxy: boolean;
    log: ServerLog | null;
    /** Check every JSON answer against its route's response schema (test servers do). */
    checkResponses?: boolean;
    /** The built portal to serve at / (null: none, the API alone). */
    portalDir?: string | null;
  },
): FastifyInstance {
  const compiled = ROUTES.map(compile);
  const openapi = JSON.stringify(openApiDocument(ROUTES, opts.version));
  const log = opts.log;
  const app = Fastify({
    ...(log ? { loggerInstance: log.logger } : { logger: false }),
    // Fastify's two lines a request give way to our one (onResponse below)
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: opts.maxBodyBytes,
    // Clients keep connections open between requests; closing an idle one after Node's 5 s
    // races with a client that reuses it at that moment ("other side closed"). Idle
    // connections live a minute, longer than proxies and clients keep theirs.
    keepAliveTimeout: 65_000,
    // a stopping server ends every connection, event streams included
    forceCloseConnections: true,
    return503OnClosing: true,
    // the router's own refusals (a malformed %-escape) in our words
    frameworkErrors: (e, req, reply) => {
      const err =
        fromFastify(e, req, opts.maxBodyBytes) ?? new GuangError("invalid_input", 400, e.message);
      void (reply as unknown as FastifyReply)
        .code(err.status)
        .type("application/json; charset=utf-8")
        .send(errorBody(err));
    },
  });
  // bodies are read as text and parsed by the route that wants one: our words for bad JSON and wrong types
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_req, body, done) => done(null, body));
  // an upload is left unread: its route streams it to the file (memory stays flat)
  app.addContentTypeParser("application/octet-stream", (_req, _payload, done) =>
    done(null, undefined),
  );
  app.addHook("onRequest", (_req, reply, done) => {
    for (const [k, v] of SECURITY_HEADERS) reply.raw.setHeader(k, v);
    done();
  });
  app.addHook("onClose", (_app, done) => {
    if (log) log.flush(done);
    else done();
  });
  app.addHook("onResponse", (req, reply, done) => {
    const { guangUser: user, guangCode: code } = req as Tagged;
    req.log.info(
      {
        method: req.method,
        route: req.routeOptions.url ?? req.url.split("?")[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        ...(user ? { user } : {}),
        ...(code ? { code } : {}),
      },
      "request",
    );
    done();
  });

  shellSocket(app, center, opts.trustProxy);
  app.get("/api/v1/openapi.json", async (_req, reply) =>
    reply.type("application/json").send(openapi),
  );

  /** A call signed by a peer center: it acts as its user here (see services/network). */
  function peerCall(req: FastifyRequest) {
    if (!center.peerCalls)
      throw new GuangError(
        "peer_signature",
        401,
        "this center is in no network of centers (network: in its config): it takes no signed calls",
      );
    return center.peerCalls.authenticate({
      headers: req.headers,
      method: req.method,
      path: req.raw.url ?? "/",
      body: typeof req.body === "string" ? req.body : "",
      ip: clientIp(req.raw, opts.trustProxy),
    });
  }

  async function run(c: Compiled, req: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const r = c.route;
    const res: ServerResponse = reply.raw;
    const url = new URL(req.raw.url ?? "/", "http://local");
    const m = c.re.exec(url.pathname);
    const params = Object.fromEntries(c.names.map((n, i) => [n, decodePathPart(m?.[i + 1] ?? "")]));
    const cookies = readCookies(req.raw);
    const ip = clientIp(req.raw, opts.trustProxy);
    const actor = !r.auth
      ? null
      : PeerCalls.signed(req.headers)
        ? await peerCall(req)
        : await center.auth.authenticate({
            authorization: req.headers.authorization,
            session: cookies[SESSION_COOKIE],
            csrf:
              typeof req.headers["x-csrf-token"] === "string"
                ? req.headers["x-csrf-token"]
                : undefined,
            method: req.method,
            ip,
          });
    if (actor) (req as Tagged).guangUser = actor.username;
    if (
      actor?.mustChangePassword &&
      r.action !== "password.change" &&
      r.action !== "session.read"
    ) {
      throw new GuangError(
        "password_change_required",
        403,
        "your password was chosen by someone else: change it first (guang passwd, or POST /api/v1/auth/password)",
      );
    }
    // routes about a collection are refused outright to whoever could never do their action;
    // routes that name an object leave it to the service, which answers "not found" for other tenants' objects
    if (actor && c.names.length === 0 && !may(actor, r.action, null)) {
      throw new GuangError("forbidden", 403, refusal(r.action, null));
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
      if (!type.includes("application/json"))
        throw new GuangError(
          "unsupported_media_type",
          415,
          "send the body as JSON with Content-Type: application/json",
        );
      let raw: unknown;
      try {
        raw = JSON.parse(typeof req.body === "string" ? req.body : "");
      } catch (e) {
        throw new GuangError(
          "invalid_json",
          400,
          `the body is not valid JSON: ${(e as Error).message}`,
        );
      }
      const b = r.body.safeParse(raw);
      if (!b.success)
        throw new GuangError("invalid_input", 400, zodMessage(b.error), {
          issues: b.error.issues.map((i) => ({ path: i.path, message: i.message })),
        });
      body = b.data;
    }
    const out = await r.handler({
      center,
      actor,
      params,
      query,
      body,
      req: req.raw,
      res,
      ip,
      cookies,
    });
    // a handler that wrote the answer itself (a stream, a file) keeps Fastify off it
    if (out === WROTE) return reply.hijack();
    if (opts.checkResponses && r.response) {
      const v = r.response.safeParse(out);
      if (!v.success)
        throw new GuangError(
          "internal",
          500,
          `the answer of ${r.method} ${r.path} does not match its response schema: ${zodMessage(v.error)}`,
        );
    }
    return reply.code(r.status ?? 200).send(out);
  }

  for (const c of compiled) {
    app.route({
      method: c.route.method,
      url: c.route.path.replace(/\{(\w+)\}/g, ":$1"),
      handler: (req, reply) => run(c, req, reply),
    });
  }

  const portal = opts.portalDir ? servePortal(app, opts.portalDir) : null;
  app.setNotFoundHandler(async (req, reply) => {
    const path = new URL(req.raw.url ?? "/", "http://local").pathname;
    if (portal?.(req.method, path, reply)) return reply;
    const matches = compiled.filter((c) => c.re.test(path));
    if (matches.length === 0)
      throw new GuangError("not_found", 404, `no such endpoint ${path}; see /api/v1/openapi.json`);
    const allowed = matches.map((c) => c.route.method);
    reply.header("allow", allowed.join(", "));
    throw new GuangError(
      "method_not_allowed",
      405,
      `${req.method} is not allowed on ${path}; use ${allowed.join(" or ")}`,
    );
  });

  app.setErrorHandler(async (e: Error & { code?: string; statusCode?: number }, req, reply) => {
    const known = isGuangError(e) ? e : fromFastify(e, req, opts.maxBodyBytes);
    const err =
      known ?? new GuangError("internal", 500, "internal error; the server log has the details");
    // a refusal's code goes into the request's log line
    (req as Tagged).guangCode = err.code;
    if (!known)
      req.log.error({ err: e, method: req.method, route: req.routeOptions.url }, "internal error");
    if (reply.raw.headersSent) {
      reply.hijack();
      reply.raw.end();
      return;
    }
    return reply.code(err.status).type("application/json; charset=utf-8").send(errorBody(err));
  });
  return app;
}

/** Listens; the URL it listens on. */
export async function listen(app: FastifyInstance, host: string, port: number): Promise<string> {
  await app.listen({ host, port });
  const a = app.server.address();
  if (a === null || typeof a === "string") return String(a);
  return `http://${a.family === "IPv6" ? `[${a.address}]` : a.address}:${a.port}`;
}
