import { z } from "zod";
import { route } from "../route.js";

const month = z.strictObject({
  month: z.string().regex(/^\d{4}-\d{2}$/, "month is written YYYY-MM, e.g. 2026-12"),
});

const statementSide = z.strictObject({
  lines: z.array(
    z.strictObject({
      ranAs: z.string(),
      cluster: z.string(),
      endTime: z.string(),
      amount: z.string(),
      job: z.number().nullable(),
    }),
  ),
  total: z.string(),
});

const statement = z
  .strictObject({
    center: z.string(),
    peer: z.string(),
    month: z.string(),
    currency: z.string(),
    theyRan: statementSide,
    weRan: statementSide,
  })
  .meta({ id: "SettlementStatement" });

export const networkRoutes = [
  route({
    method: "GET",
    path: "/api/v1/network",
    summary:
      "This center's name and public key in the network of centers, and its peers with their clusters' reachability (center staff)",
    tag: "network",
    auth: true,
    action: "network.read",
    response: z
      .strictObject({
        name: z.string().nullable(),
        publicKey: z.string().nullable(),
        peers: z.array(
          z.strictObject({
            name: z.string(),
            url: z.string(),
            user: z.string().nullable(),
            clusters: z.array(
              z.strictObject({
                name: z.string(),
                reachable: z.boolean(),
                error: z.string().nullable(),
              }),
            ),
          }),
        ),
      })
      .meta({ id: "NetworkView" }),
    handler: async ({ center }) => center.network.view(),
  }),
  route({
    method: "GET",
    path: "/api/v1/network/statements/{peer}",
    summary:
      "A month's settlement statement with a peer center: each job it ran for us and we for it, with amounts and totals (center staff, or that peer)",
    tag: "network",
    auth: true,
    action: "network.statement",
    query: month,
    response: statement,
    handler: ({ center, actor, params, query }) =>
      center.network.statement(actor, params.peer, query.month),
  }),
  route({
    method: "GET",
    path: "/api/v1/network/statements/{peer}/check",
    summary:
      "Ours beside the peer's own statement for the month (asked of it): agree, or each line and total that differs (center staff)",
    tag: "network",
    auth: true,
    action: "network.statement",
    query: month,
    response: z.strictObject({
      agree: z.boolean(),
      differences: z.array(z.string()),
      ours: statement,
      theirs: statement,
    }),
    handler: ({ center, actor, params, query }) =>
      center.network.check(actor, params.peer, query.month),
  }),
];
