import websocket from "@fastify/websocket";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { GuangError, isGuangError } from "../core/errors.js";
import type { Actor } from "../services/access/actor.js";
import type { CenterServices } from "../services/center.js";
import { readCookies, SESSION_COOKIE } from "./cookies.js";
import { clientIp } from "./client-ip.js";

/** What the page sends: keys typed, and the terminal's size. */
const message = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("input"), data: z.string().max(65536) }),
  z.strictObject({
    type: z.literal("resize"),
    cols: z.number().int().min(2).max(1000),
    rows: z.number().int().min(2).max(1000),
  }),
]);

const query = z.strictObject({
  /** A shell of one's own to take up again (after a reload); none: a new one. */
  attach: z.string().uuid().optional(),
  /** A configured login (a cluster's login node) to open the new shell on; none: this machine. */
  where: z.string().optional(),
  cols: z.coerce.number().int().min(2).max(1000).optional(),
  rows: z.coerce.number().int().min(2).max(1000).optional(),
});

/**
 * GET /api/v1/shell, upgraded to a WebSocket: a terminal of the signed-in user's. Who asks is
 * checked before the upgrade (session cookie or token), and a browser's page must come from
 * this server (its Origin), so that another site cannot open a shell with the cookie.
 * Messages are JSON both ways: {type:"input"|"resize"} in; {type:"ready"|"output"|"exit"} out.
 */
export function shellSocket(app: FastifyInstance, center: CenterServices, trustProxy: boolean) {
  const actors = new WeakMap<FastifyRequest, { actor: Actor; q: z.output<typeof query> }>();
  void app.register(websocket, { options: { maxPayload: 1 << 20 } });
  void app.register(async (scope) => {
    scope.get(
      "/api/v1/shell",
      {
        websocket: true,
        preValidation: async (req) => {
          const cookies = readCookies(req.raw);
          const origin = req.headers.origin;
          if (origin !== undefined && new URL(origin).host !== req.headers.host)
            throw new GuangError(
              "forbidden",
              403,
              `a shell opens only from this server's own pages, not from ${origin}`,
            );
          if (origin === undefined && !req.headers.authorization)
            throw new GuangError(
              "forbidden",
              403,
              "a browser's shell needs its Origin; scripts sign in with a token (Authorization: Bearer)",
            );
          const actor = await center.auth.authenticate({
            authorization: req.headers.authorization,
            session: cookies[SESSION_COOKIE],
            csrf: undefined,
            method: "GET",
            ip: clientIp(req.raw, trustProxy),
          });
          const q = query.safeParse(req.query);
          if (!q.success)
            throw new GuangError("invalid_input", 400, `query: ${q.error.issues[0]?.message}`);
          actors.set(req, { actor, q: q.data });
        },
      },
      async (socket, req) => {
        const { actor, q } = actors.get(req)!;
        const send = (m: unknown) => socket.send(JSON.stringify(m));
        let id: string;
        try {
          // `guang` in the shell reaches this server where it accepted this connection
          const { localAddress: a, localPort: port } = req.socket;
          const host = a?.includes(":") ? `[${a}]` : a;
          id =
            q.attach ??
            (await center.shells.open(
              actor,
              { cols: q.cols ?? 80, rows: q.rows ?? 24 },
              `http://${host}:${port}`,
              q.where,
            ));
          const { unixUser } = center.shells.attach(actor, id, (e) => {
            send(e);
            if (e.type === "exit") socket.close(1000, "the shell ended");
          });
          send({ type: "ready", id, unixUser });
        } catch (e) {
          // refused after the upgrade (no identity, no node-pty): the API's words, then closed
          const err = isGuangError(e) ? e : new GuangError("internal", 500, "internal error");
          send({ type: "error", code: err.code, message: err.message });
          socket.close(4000 + err.status, err.code);
          return;
        }
        socket.on("message", (raw: Buffer) => {
          let m: z.output<typeof message>;
          try {
            m = message.parse(JSON.parse(String(raw)));
          } catch {
            send({
              type: "error",
              code: "invalid_input",
              message: "a message is JSON: {type: input|resize}",
            });
            return;
          }
          if (m.type === "input") center.shells.input(id, m.data);
          else center.shells.resize(id, m.cols, m.rows);
        });
        socket.on("close", () => center.shells.detach(id));
      },
    );
  });
}
