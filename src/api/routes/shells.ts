import { z } from "zod";
import { route } from "../route.js";

/** What the shell WebSocket (GET /api/v1/shell, api/shell-socket.ts) may open besides this machine. */
export const shellRoutes = [
  route({
    method: "GET",
    path: "/api/v1/shell/logins",
    summary:
      "Where a web shell may open besides this machine: the center's configured logins (a cluster's login node); open one with /api/v1/shell?where=NAME",
    tag: "files",
    auth: true,
    action: "files.use",
    response: z.array(z.strictObject({ name: z.string(), cluster: z.string().nullable() })),
    handler: async ({ center }) => center.shells.logins(),
  }),
];
