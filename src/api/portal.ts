import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";

/** Where the build puts the portal (web/, built by Vite into dist/web). */
export const PORTAL_DIR = fileURLToPath(new URL("../../web/", import.meta.url));

/**
 * The portal's pages may load only the server's own scripts, styles and data: no inline
 * script (Ant Design's styles are inserted at run time, so inline styles are allowed).
 */
const PORTAL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** Whether the build made a portal there (a CLI-only install has none). */
export function portalBuilt(dir = PORTAL_DIR): boolean {
  return existsSync(join(dir, "index.html"));
}

/** Answers a path that is a page of the portal (not the API's) with the portal's index. */
export type PortalPage = (method: string, path: string, reply: FastifyReply) => boolean;

/**
 * Serves the built portal at /: its files (hashed names, kept a year by browsers), and its
 * index for every other path that is not the API's, so that a page's address can be opened
 * or reloaded. Null where there is no portal to serve (a CLI-only install has none).
 */
export function servePortal(app: FastifyInstance, dir = PORTAL_DIR): PortalPage | null {
  if (!portalBuilt(dir)) return null;
  const index = readFileSync(join(dir, "index.html"));
  void app.register(fastifyStatic, {
    root: dir,
    prefix: "/",
    index: false,
    wildcard: false,
    // the build's .br and .gz copies, to browsers that take them
    preCompressed: true,
    // the caching is said below, per file
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader("content-security-policy", PORTAL_CSP);
      res.setHeader(
        "cache-control",
        path.includes(join(dir, "assets")) ? "public, max-age=31536000, immutable" : "no-store",
      );
    },
  });
  return (method, path, reply) => {
    if ((method !== "GET" && method !== "HEAD") || path.startsWith("/api/")) return false;
    void reply
      .header("content-security-policy", PORTAL_CSP)
      .type("text/html; charset=utf-8")
      .send(index);
    return true;
  };
}
