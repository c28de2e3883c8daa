import type { IncomingMessage } from "node:http";

/**
 * The address a request came from, for rate limits and the audit log. Behind a trusted proxy
 * it is the last address the proxy appended to X-Forwarded-For (earlier ones the client
 * could have written itself); otherwise the peer of the connection.
 */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  const last =
    trustProxy && typeof forwarded === "string" ? forwarded.split(",").pop()!.trim() : "";
  return (last || req.socket.remoteAddress || "?").replace(/^::ffff:/, "");
}
