import { z } from "zod";
import { route } from "../route.js";

const amount = z.strictObject({
  amount: z.string().min(1, "give the amount as a decimal string, e.g. \"1200.50\""),
  currency: z.string().optional(),
  reason: z.string().max(500).optional(),
});

export const moneyRoutes = [
  route({
    method: "GET",
    path: "/api/v1/balances",
    summary: "Balances you may see: a tenant's wallet and its accounts', one account's, or all (center)",
    tag: "money",
    auth: true,
    action: "money.read",
    query: z.strictObject({ tenant: z.string().optional(), account: z.string().optional() }),
    handler: async ({ center, actor, query }) => ({ wallets: await center.ledger.balances(actor!, query) }),
  }),
  route({
    method: "GET",
    path: "/api/v1/ledger",
    summary: "Ledger transactions and their postings, newest first (each sums to zero); page with `before`",
    tag: "money",
    auth: true,
    action: "money.read",
    query: z.strictObject({
      tenant: z.string().optional(),
      account: z.string().optional(),
      before: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
    handler: ({ center, actor, query }) => center.ledger.transactions(actor!, query),
  }),
  route({
    method: "POST",
    path: "/api/v1/tenants/{name}/recharge",
    summary: "Put money into a tenant's wallet (center finance)",
    tag: "money",
    auth: true,
    action: "money.recharge",
    body: amount,
    handler: ({ center, actor, params, body }) => center.ledger.recharge(actor!, params.name!, body),
  }),
  route({
    method: "POST",
    path: "/api/v1/accounts/{name}/transfer",
    summary: "Move money from the account's tenant to the account (tenant finance); never more than the tenant has",
    tag: "money",
    auth: true,
    action: "money.transfer",
    body: amount,
    handler: ({ center, actor, params, body }) => center.ledger.transfer(actor!, params.name!, body),
  }),
  route({
    method: "POST",
    path: "/api/v1/ledger/adjustments",
    summary: "Correct a tenant's or an account's balance, up or down, with a reason (center finance)",
    tag: "money",
    auth: true,
    action: "money.adjust",
    body: amount.extend({ tenant: z.string().optional(), account: z.string().optional(), reason: z.string().min(1, "say why").max(500) }),
    handler: ({ center, actor, body }) => center.ledger.adjust(actor!, { tenant: body.tenant, account: body.account }, body),
  }),
];
