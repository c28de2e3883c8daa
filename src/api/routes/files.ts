import { pipeline } from "node:stream/promises";
import { z } from "zod";
import { GuangError } from "../../core/errors.js";
import { route, WROTE } from "../route.js";

const fileEntry = z
  .strictObject({
    name: z.string(),
    type: z.enum(["file", "dir", "link", "other"]),
    size: z.number(),
    mode: z.string(),
    modified: z.string(),
  })
  .meta({ id: "FileEntry" });

const pathQuery = z.strictObject({
  path: z.string({ error: "path is needed: path=/home/you/data (or relative to your home)" }),
});
const pathAnswer = z.strictObject({ path: z.string() });

/** Files as the user's own Unix account reaches them (services/files). */
export const fileRoutes = [
  route({
    method: "GET",
    path: "/api/v1/files",
    summary:
      "A folder's entries, sorted by name, a page at a time (offset, limit); path absolute or relative to your home (default: your home)",
    tag: "files",
    auth: true,
    action: "files.use",
    query: z.strictObject({
      path: z.string().optional(),
      offset: z.coerce.number().int().min(0).optional(),
      limit: z.coerce.number().int().min(1).max(5000).optional(),
    }),
    response: z.strictObject({ path: z.string(), total: z.number(), entries: z.array(fileEntry) }),
    handler: ({ center, actor, query }) =>
      center.files.list(actor, query.path, query.offset ?? 0, query.limit ?? 500),
  }),
  route({
    method: "GET",
    path: "/api/v1/files/content",
    summary: "Download a file (its bytes as they are read)",
    tag: "files",
    auth: true,
    action: "files.use",
    query: pathQuery,
    produces: "application/octet-stream",
    handler: async ({ center, actor, query, res }) => {
      const f = await center.files.read(actor, query.path);
      const name = f.full.split("/").pop() ?? "file";
      res.writeHead(200, {
        "content-type": "application/octet-stream",
        "content-length": f.size,
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      });
      await pipeline(f.body, res).catch(() => undefined);
      return WROTE;
    },
  }),
  route({
    method: "PUT",
    path: "/api/v1/files/content",
    summary:
      "Upload a file: the request's body (application/octet-stream) streamed to it; an existing file is replaced",
    tag: "files",
    auth: true,
    action: "files.use",
    query: pathQuery,
    response: pathAnswer,
    handler: async ({ center, actor, query, req }) => {
      if (!(req.headers["content-type"] ?? "").startsWith("application/octet-stream"))
        throw new GuangError(
          "unsupported_media_type",
          415,
          "send the file's bytes as the body with Content-Type: application/octet-stream",
        );
      return center.files.write(actor, query.path, req);
    },
  }),
  route({
    method: "POST",
    path: "/api/v1/files/mkdir",
    summary: "Make a folder",
    tag: "files",
    auth: true,
    action: "files.use",
    body: z.strictObject({ path: z.string().min(1) }),
    response: pathAnswer,
    handler: ({ center, actor, body }) => center.files.mkdir(actor, body.path),
  }),
  route({
    method: "POST",
    path: "/api/v1/files/move",
    summary: "Rename or move a file or folder",
    tag: "files",
    auth: true,
    action: "files.use",
    body: z.strictObject({ from: z.string().min(1), to: z.string().min(1) }),
    response: z.strictObject({ path: z.string(), to: z.string() }),
    handler: ({ center, actor, body }) => center.files.move(actor, body.from, body.to),
  }),
  route({
    method: "DELETE",
    path: "/api/v1/files",
    summary: "Delete a file, or a folder with all it holds",
    tag: "files",
    auth: true,
    action: "files.use",
    query: pathQuery,
    response: pathAnswer,
    handler: ({ center, actor, query }) => center.files.remove(actor, query.path),
  }),
];
