import { extname } from "node:path";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import { GuangError, invalidInput } from "../../core/errors.js";
import { route, WROTE } from "../route.js";

const pathQuery = z.strictObject({
  path: z.string({ error: "path is needed: path=/home/you/data (or relative to your home)" }),
});

/** What a browser may show in place (never HTML or SVG: they could run script as the portal). */
const INLINE: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".pdf": "application/pdf",
};

/** One byte range of Range: bytes=a-b, a- or -n; several ranges get the whole file. */
function rangeOf(header: string | undefined): { from: string; to: string } | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? "");
  if (!m || (m[1] === "" && m[2] === "")) return undefined;
  return { from: m[1]!, to: m[2]! };
}

const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Bytes in and out: downloads (ranges, previews), folder archives, uploads (resumable). */
export const fileTransferRoutes = [
  route({
    method: "GET",
    path: "/api/v1/files/content",
    summary:
      "Download a file (its bytes as they are read); Range: bytes=a-b gives a part (206); inline=true shows an image or PDF in the browser",
    tag: "files",
    auth: true,
    action: "files.use",
    query: pathQuery.extend({ inline: z.enum(["true", "false"]).optional() }),
    produces: "application/octet-stream",
    handler: async ({ center, actor, query, req, res }) => {
      const range = rangeOf(req.headers.range);
      const f = await center.files.read(actor, query.path, range);
      const { head } = f;
      const name = f.full.split("/").pop() ?? "file";
      if (!head.satisfiable) {
        f.body.resume();
        throw new GuangError(
          "range_not_satisfiable",
          416,
          `the range asked (${req.headers.range}) starts beyond the file's end: it holds ${head.size} bytes`,
          { size: head.size },
        );
      }
      const shown = query.inline === "true" ? INLINE[extname(name).toLowerCase()] : undefined;
      if (shown) {
        // framed by the portal's own preview only; still no script of its own
        res.setHeader("x-frame-options", "SAMEORIGIN");
        res.setHeader(
          "content-security-policy",
          "default-src 'none'; img-src 'self'; object-src 'self'; frame-ancestors 'self'",
        );
      }
      res.writeHead(range ? 206 : 200, {
        "content-type": shown ?? "application/octet-stream",
        "content-length": head.size === 0 ? 0 : head.end - head.start + 1,
        "accept-ranges": "bytes",
        etag: head.etag,
        ...(range ? { "content-range": `bytes ${head.start}-${head.end}/${head.size}` } : {}),
        "content-disposition": shown
          ? `inline; filename*=UTF-8''${encodeURIComponent(name)}`
          : attachment(name),
      });
      await pipeline(f.body, res).catch(() => undefined);
      return WROTE;
    },
  }),
  route({
    method: "GET",
    path: "/api/v1/files/archive",
    summary: "Download a folder with all it holds as one tar stream",
    tag: "files",
    auth: true,
    action: "files.use",
    query: pathQuery,
    produces: "application/x-tar",
    handler: async ({ center, actor, query, res }) => {
      const a = await center.files.archive(actor, query.path);
      res.writeHead(200, {
        "content-type": "application/x-tar",
        "content-disposition": attachment(`${a.full.split("/").pop() || "root"}.tar`),
      });
      await pipeline(a.body, res).catch(() => undefined);
      return WROTE;
    },
  }),
  route({
    method: "PUT",
    path: "/api/v1/files/content",
    summary:
      "Upload a file: the body (application/octet-stream) streamed to it. offset=N resumes a broken upload where the file ends (GET /files/stat says where); If-Match: ETAG replaces only that version (409 file_changed otherwise)",
    tag: "files",
    auth: true,
    action: "files.use",
    query: pathQuery.extend({ offset: z.coerce.number().int().min(0).optional() }),
    response: z.strictObject({ path: z.string(), size: z.number(), etag: z.string() }),
    handler: async ({ center, actor, query, req }) => {
      if (!(req.headers["content-type"] ?? "").startsWith("application/octet-stream"))
        throw new GuangError(
          "unsupported_media_type",
          415,
          "send the file's bytes as the body with Content-Type: application/octet-stream",
        );
      const ifMatch = req.headers["if-match"];
      if (ifMatch !== undefined && !/^"[0-9a-f]+-[0-9a-f]+"$/.test(ifMatch))
        throw invalidInput(
          `If-Match ${ifMatch} is not a file version: send the etag GET /files/stat or the download gave`,
        );
      return center.files.write(actor, query.path, req, query.offset ?? 0, ifMatch ?? "");
    },
  }),
];
