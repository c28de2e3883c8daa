import { z } from "zod";
import type { JobEvent } from "../../services/jobs/events.js";
import { EventStreams } from "../../services/jobs/event-streams.js";
import { route, WROTE } from "../route.js";
import { clusterView } from "../schemas/center.js";

const FLUSH_MS = 10;
/** A stream whose client has this much unread is dropped (a browser that went to sleep, a stuck proxy). */
const MAX_UNREAD_BYTES = 1048576;
/** Keep-alive comments, and a check that the token is still live. */
const KEEPALIVE_MS = 5000;

export const centerRoutes = [
  route({
    method: "GET",
    path: "/api/v1/clusters",
    summary: "Clusters with their partitions, nodes and current use",
    tag: "clusters",
    auth: true,
    action: "cluster.read",
    response: z.strictObject({ clusters: z.array(clusterView) }),
    handler: async ({ center, actor }) => ({ clusters: await center.clusters.list(actor) }),
  }),
  route({
    method: "PATCH",
    path: "/api/v1/clusters/{name}",
    summary:
      "Disable a cluster (it takes no new jobs; its jobs run on) or enable it again (center admins)",
    tag: "clusters",
    auth: true,
    action: "cluster.manage",
    body: z.strictObject({ enabled: z.boolean(), reason: z.string().min(1).max(500).optional() }),
    response: z.strictObject({
      name: z.string(),
      enabled: z.boolean(),
    }),
    handler: async ({ center, actor, params, body }) =>
      center.clusters.setEnabled(actor, params.name, body.enabled, body.reason ?? null),
  }),
  route({
    method: "POST",
    path: "/api/v1/clusters/{name}/clock",
    summary:
      "Move a virtual cluster's manual clock forward (replays and tests: what ends before the instant ends, each at its own time)",
    tag: "clusters",
    auth: true,
    action: "cluster.manage",
    body: z.strictObject({ to: z.iso.datetime({ offset: true }) }),
    response: z.strictObject({ name: z.string(), now: z.string() }),
    handler: async ({ center, actor, params, body }) =>
      center.clusters.setClock(actor, params.name, Date.parse(body.to)),
  }),
  route({
    method: "GET",
    path: "/api/v1/events",
    summary:
      "Server-Sent Events: job state changes as they happen (your jobs; all jobs for a center admin)",
    tag: "events",
    auth: true,
    action: "event.read",
    produces: "text/event-stream",
    handler: async ({ center, actor, req, res }) => {
      const me = actor;
      const last = req.headers["last-event-id"];
      // checked before anything is written: a bad id is a 400
      const resume = typeof last === "string" && last !== "" ? EventStreams.eventId(last) : null;
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        res.end();
        res.destroy();
      };
      // refused before anything is written: over the user's limit is a 429
      const unregister = center.streams.add(me.userId, me.credential ?? "", end);
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      res.write(": connected\n\n");
      const everyone = center.streams.seesAll(me);
      // a client that does not read is dropped, not buffered for: it reconnects and reads the jobs again
      const send = (text: string) => {
        if (ended) return;
        if (res.writableLength > MAX_UNREAD_BYTES) return end();
        res.write(text);
      };
      const line = (e: JobEvent) => `id: ${e.eventId}\nevent: job\ndata: ${JSON.stringify(e)}\n\n`;
      // events go out at most every FLUSH_MS, in one write: under load that is one write
      // for dozens of events instead of one each, for a delay no one watching can see
      let batch: string[] = [];
      const flush = () => {
        send(batch.join(""));
        batch = [];
      };
      // live events wait while what was missed is read, then follow it without a gap or a
      // repeat (by id: on PostgreSQL events may commit out of their ids' order)
      let replaying = resume !== null;
      const replayed = new Set<number>();
      const held: JobEvent[] = [];
      const off = center.events.subscribe((e) => {
        if (!everyone && e.userId !== me.userId) return;
        if (replaying) return void held.push(e);
        if (replayed.has(e.eventId)) return;
        if (batch.length === 0) setTimeout(flush, FLUSH_MS);
        batch.push(line(e));
      });
      if (resume !== null) {
        const missed = await center.streams.missed(me, resume);
        for (const e of missed) replayed.add(e.eventId);
        const after = held.filter((e) => !replayed.has(e.eventId));
        for (const e of after) replayed.add(e.eventId);
        send([...missed, ...after].map(line).join(""));
        replaying = false;
      }
      // a comment now and then keeps proxies from closing an idle stream; and a token revoked
      // by another platform process (or expired) ends the stream here too
      const beat = setInterval(() => {
        send(": keep-alive\n\n");
        if (me.credential)
          void center.auth.isLive(me.credential).then(
            (live) => live || end(),
            () => undefined,
          );
      }, KEEPALIVE_MS);
      const done = () => {
        off();
        unregister();
        clearInterval(beat);
        ended = true;
      };
      req.on("close", done);
      res.on("close", done);
      return WROTE;
    },
  }),
];
