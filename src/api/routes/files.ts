import { z } from "zod";
import { route } from "../route.js";
import { fileTransferRoutes } from "./file-transfers.js";

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
const fromTo = z.strictObject({ from: z.string().min(1), to: z.string().min(1) });
const trashed = z
  .strictObject({
    id: z.string(),
    path: z.string(),
    deleted: z.string(),
    until: z.string(),
    type: z.string(),
    size: z.number(),
  })
  .meta({ id: "TrashEntry" });

/** Files as the user's own Unix account reaches them (services/files). */
export const fileRoutes = [
  route({
    method: "GET",
    path: "/api/v1/files",
    summary:
      "A folder's entries, folders first, sorted (sort: name, size or modified; order: asc or desc), a page at a time (offset, limit); path absolute or relative to your home (default: your home)",
    tag: "files",
    auth: true,
    action: "files.use",
    query: z.strictObject({
      path: z.string().optional(),
      offset: z.coerce.number().int().min(0).optional(),
      limit: z.coerce.number().int().min(1).max(5000).optional(),
      sort: z.enum(["name", "size", "modified"]).optional(),
      order: z.enum(["asc", "desc"]).optional(),
    }),
    response: z.strictObject({ path: z.string(), total: z.number(), entries: z.array(fileEntry) }),
    handler: ({ center, actor, query }) =>
      center.files.list(actor, query.path, {
        offset: query.offset ?? 0,
        limit: query.limit ?? 500,
        sort: query.sort ?? "name",
        order: query.order ?? "asc",
      }),
  }),
  route({
    method: "GET",
    path: "/api/v1/files/places",
    summary:
      "Where one starts: your home, and the places the center offers (a cluster's shared file systems)",
    tag: "files",
    auth: true,
    action: "files.use",
    response: z.array(
      z.strictObject({ name: z.string(), path: z.string(), cluster: z.string().nullable() }),
    ),
    handler: ({ center, actor }) => center.files.places(actor),
  }),
  route({
    method: "GET",
    path: "/api/v1/files/stat",
    summary: "One file or folder: its type, size, mode, time, and its version (etag)",
    tag: "files",
    auth: true,
    action: "files.use",
    query: pathQuery,
    response: z.strictObject({
      path: z.string(),
      name: z.string(),
      type: z.enum(["file", "dir", "link", "other"]),
      size: z.number(),
      mode: z.string(),
      modified: z.string(),
      etag: z.string(),
    }),
    handler: ({ center, actor, query }) => center.files.stat(actor, query.path),
  }),
  ...fileTransferRoutes,
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
    summary: "Rename or move a file or folder (never over an existing folder's content)",
    tag: "files",
    auth: true,
    action: "files.use",
    body: fromTo,
    response: z.strictObject({ path: z.string(), to: z.string() }),
    handler: ({ center, actor, body }) => center.files.move(actor, body.from, body.to),
  }),
  route({
    method: "POST",
    path: "/api/v1/files/copy",
    summary:
      "Copy a file or a folder with all it holds, as cp -a (links stay links; nothing is overwritten)",
    tag: "files",
    auth: true,
    action: "files.use",
    body: fromTo,
    response: z.strictObject({ path: z.string(), to: z.string() }),
    handler: ({ center, actor, body }) => center.files.copy(actor, body.from, body.to),
  }),
  route({
    method: "POST",
    path: "/api/v1/files/chmod",
    summary: "Change a file's or folder's mode (octal, as chmod: 0644, 755)",
    tag: "files",
    auth: true,
    action: "files.use",
    body: z.strictObject({ path: z.string().min(1), mode: z.string() }),
    response: z.strictObject({ path: z.string(), mode: z.string() }),
    handler: ({ center, actor, body }) => center.files.chmod(actor, body.path, body.mode),
  }),
  route({
    method: "DELETE",
    path: "/api/v1/files",
    summary:
      "Delete a file, or a folder with all it holds: to your trash where the center keeps one (trash: its id), for good with permanent=true",
    tag: "files",
    auth: true,
    action: "files.use",
    query: pathQuery.extend({ permanent: z.enum(["true", "false"]).optional() }),
    response: z.strictObject({ path: z.string(), trash: z.string().nullable() }),
    handler: ({ center, actor, query }) =>
      center.files.remove(actor, query.path, query.permanent === "true"),
  }),
  route({
    method: "GET",
    path: "/api/v1/files/trash",
    summary: "What is in your trash: where each was, when deleted, until when it is kept",
    tag: "files",
    auth: true,
    action: "files.use",
    response: z.array(trashed),
    handler: ({ center, actor }) => center.files.trash(actor),
  }),
  route({
    method: "POST",
    path: "/api/v1/files/trash/restore",
    summary: "Put a deleted file or folder back where it was",
    tag: "files",
    auth: true,
    action: "files.use",
    body: z.strictObject({ id: z.string().min(1) }),
    response: pathAnswer,
    handler: ({ center, actor, body }) => center.files.restore(actor, body.id),
  }),
  route({
    method: "DELETE",
    path: "/api/v1/files/trash",
    summary: "Empty your trash (for good)",
    tag: "files",
    auth: true,
    action: "files.use",
    response: z.strictObject({ emptied: z.boolean() }),
    handler: ({ center, actor }) => center.files.emptyTrash(actor),
  }),
];
