import { z } from "zod";
import { hasRole } from "../../services/actor.js";
import { route, WROTE } from "../route.js";

const FLUSH_MS = 10;

export const centerRoutes = [
  route({
    method: "GET",
    path: "/api/v1/clusters",
    summary: "Clusters with their partitions, nodes and current use",
    tag: "clusters",
    auth: true,
    action: "cluster.read",
    handler: async ({ center, actor }) => ({ clusters: await center.clusters.list(actor!) }),
  }),
  route({
    method: "PATCH",
    path: "/api/v1/clusters/{name}",
    summary: "Disable a cluster (it takes no new jobs; its jobs run on) or enable it again (center admins)",
    tag: "clusters",
    auth: true,
    action: "cluster.manage",
    body: z.strictObject({ enabled: z.boolean(), reason: z.string().min(1).max(500).optional() }),
    handler: async ({ center, actor, params, body }) => center.clusters.setEnabled(actor!, params.name!, body.enabled, body.reason ?? null),
  }),
  route({
    method: "GET",
    path: "/api/v1/events",
    summary: "Server-Sent Events: job state changes as they happen (your jobs; all jobs for a center admin)",
    tag: "events",
    auth: true,
    action: "event.read",
    produces: "text/event-stream",
    handler: async ({ center, actor, req, res }) => {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive", "x-accel-buffering": "no" });
      res.write(": connected\n\n");
      const me = actor!;
      const everyone = hasRole(me, "center-admin");
      // events go out at most every FLUSH_MS, in one write: under load that is one write
      // for dozens of events instead of one each, for a delay no one watching can see
      let batch: string[] = [];
      const flush = () => {
        res.write(batch.join(""));
        batch = [];
      };
      const off = center.events.subscribe((e) => {
        if (!everyone && e.userId !== me.userId) return;
        if (batch.length === 0) setTimeout(flush, FLUSH_MS);
        batch.push(`event: job\ndata: ${JSON.stringify(e)}\n\n`);
      });
      // a comment now and then keeps proxies from closing an idle stream
      const beat = setInterval(() => res.write(": keep-alive\n\n"), 15000);
      const done = () => {
        off();
        clearInterval(beat);
      };
      req.on("close", done);
      res.on("close", done);
      return WROTE;
    },
  }),
];
