import { z } from "zod";
import { notFound } from "../../core/errors.js";
import { route } from "../route.js";
import { isoTime, toIso } from "../schemas/time.js";
import {
  accountBilling,
  grantView,
  priceView,
  spendableView,
  transactionView,
  walletView,
} from "../schemas/money.js";

const amount = z.strictObject({
  amount: z.string().min(1, 'give the amount as a decimal string, e.g. "1200.50"'),
  currency: z.string().optional(),
  reason: z.string().max(500).optional(),
});

const money = z.string().min(1);

/** A price, as set and as checked before it is set. */
const priceBody = z.strictObject({
  cluster: z.string().min(1),
  partition: z.string().min(1),
  qos: z.string().optional(),
  tenant: z.string().optional(),
  effectiveFrom: z.string({
    error: "effectiveFrom is needed: from when the price holds (ISO 8601; --from in the CLI)",
  }),
  cpuHour: money,
  memGiBHour: money.optional(),
  gpuHour: z.record(z.string(), money).optional(),
  mode: z.enum(["sum", "max"]).optional(),
  minCharge: money.optional(),
});

export const moneyRoutes = [
  route({
    method: "GET",
    path: "/api/v1/prices",
    summary:
      "Prices in force now (or `at`; `history=true` for every version): the general ones and your tenant's own",
    tag: "money",
    auth: true,
    action: "price.read",
    query: z.strictObject({
      cluster: z.string().optional(),
      partition: z.string().optional(),
      at: isoTime.optional(),
      history: z.enum(["true", "false"]).optional(),
    }),
    response: z.strictObject({
      prices: z.array(priceView),
    }),
    handler: async ({ center, actor, query }) => ({
      prices: await center.prices.list(actor, {
        cluster: query.cluster,
        partition: query.partition,
        at: query.at && toIso(query.at),
        history: query.history === "true",
      }),
    }),
  }),
  route({
    method: "POST",
    path: "/api/v1/prices",
    summary:
      "Set a price from an effective time on (never in the past): per core-hour, GiB-hour, GPU-hour by type, sum or max (Slurm's billing TRES), minimum charge; optionally for one QoS or one tenant",
    tag: "money",
    auth: true,
    action: "price.manage",
    status: 201,
    body: priceBody,
    response: priceView.extend({
      // accounts with nothing to spend, which a price that is not free stops
      accountsWithoutMoney: z.array(z.string()),
    }),
    handler: ({ center, actor, body }) => center.prices.set(actor, body),
  }),
  route({
    method: "POST",
    path: "/api/v1/prices/check",
    summary:
      "What setting this price would do, nothing stored: the same checks, the accounts with nothing to spend that it would stop (so that a client asks before it sets it), and with `example` what such a job would cost under it",
    tag: "money",
    auth: true,
    action: "price.manage",
    body: priceBody.extend({
      // a typical job to price under it (the portal's preview)
      example: z
        .strictObject({
          cpus: z.number().int().min(0).max(1_000_000),
          memGiB: z.number().min(0).max(1e9),
          gpus: z.number().int().min(0).max(100_000),
          gpuType: z.string().optional(),
          hours: z.number().min(0).max(1e6),
        })
        .optional(),
    }),
    response: z.strictObject({
      accountsWithoutMoney: z.array(z.string()),
      exampleCost: z.string().nullable(),
    }),
    handler: ({ center, actor, body }) => {
      const { example, ...price } = body;
      return center.prices.check(actor, price, example);
    },
  }),
  route({
    method: "POST",
    path: "/api/v1/tenants/{name}/discount",
    summary: "A tenant's discount on all prices, in percent, from an effective time on",
    tag: "money",
    auth: true,
    action: "price.manage",
    body: z.strictObject({ percent: z.number().min(0).max(100), effectiveFrom: z.string() }),
    response: z.strictObject({
      tenant: z.string(),
      percent: z.number(),
      effectiveFrom: z.string(),
    }),
    handler: ({ center, actor, params, body }) =>
      center.prices.setDiscount(actor, params.name, body.percent, body.effectiveFrom),
  }),
  route({
    method: "GET",
    path: "/api/v1/balances",
    summary:
      "Balances you may see: a tenant's wallet and its accounts', one account's, or all (center)",
    tag: "money",
    auth: true,
    action: "money.read",
    query: z.strictObject({ tenant: z.string().optional(), account: z.string().optional() }),
    response: z.strictObject({
      wallets: z.array(walletView),
    }),
    handler: async ({ center, actor, query }) => ({
      wallets: await center.wallets.balances(actor, query),
    }),
  }),
  route({
    method: "GET",
    path: "/api/v1/ledger",
    summary:
      "Ledger transactions and their postings, newest first (each sums to zero); page with `before`",
    tag: "money",
    auth: true,
    action: "money.read",
    query: z.strictObject({
      tenant: z.string().optional(),
      account: z.string().optional(),
      before: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
    response: z.strictObject({
      transactions: z.array(transactionView),
      next: z.number().nullable(),
    }),
    handler: ({ center, actor, query }) => center.wallets.transactions(actor, query),
  }),
  route({
    method: "POST",
    path: "/api/v1/tenants/{name}/recharge",
    summary: "Put money into a tenant's wallet (center finance)",
    tag: "money",
    auth: true,
    action: "money.recharge",
    body: amount,
    response: walletView,
    handler: ({ center, actor, params, body }) => center.ledger.recharge(actor, params.name, body),
  }),
  route({
    method: "POST",
    path: "/api/v1/accounts/{name}/transfer",
    summary:
      "Move money from the account's tenant to the account (tenant finance); never more than the tenant has",
    tag: "money",
    auth: true,
    action: "money.transfer",
    body: amount,
    response: walletView,
    handler: ({ center, actor, params, body }) => center.ledger.transfer(actor, params.name, body),
  }),
  route({
    method: "POST",
    path: "/api/v1/jobs/{id}/refund",
    summary: "Give back (part of) a job's charge to its account, with a reason (center finance)",
    tag: "money",
    auth: true,
    action: "money.refund",
    body: amount.extend({ reason: z.string().min(1, "say why").max(500) }),
    response: z.strictObject({
      job: z.number(),
      refunded: z.string(),
      currency: z.string(),
    }),
    handler: ({ center, actor, params, body }) => {
      if (!/^\d+$/.test(params.id)) throw notFound(`job ${params.id} does not exist`);
      return center.ledger.refund(actor, Number(params.id), body);
    },
  }),
  route({
    method: "GET",
    path: "/api/v1/accounts/{name}/grants",
    summary: "An account's grants (core-hours, GPU-hours for a period): given, left, held by jobs",
    tag: "money",
    auth: true,
    action: "money.read",
    response: z.strictObject({
      grants: z.array(grantView),
    }),
    handler: async ({ center, actor, params }) => ({
      grants: await center.grants.list(actor, params.name),
    }),
  }),
  route({
    method: "POST",
    path: "/api/v1/accounts/{name}/grants",
    summary:
      "Give an account core-hours or GPU-hours for a period (center finance); jobs use them before money",
    tag: "money",
    auth: true,
    action: "money.grant",
    status: 201,
    body: z.strictObject({
      resource: z.enum(["cpu", "gpu"]),
      hours: z.number().positive(),
      startsAt: z.string().optional(),
      endsAt: z.string({ error: "endsAt is needed: when the grant ends (ISO 8601)" }),
      reason: z.string().max(500).optional(),
    }),
    response: grantView,
    handler: ({ center, actor, params, body }) => center.grants.give(actor, params.name, body),
  }),
  route({
    method: "GET",
    path: "/api/v1/accounts/{name}/spendable",
    summary:
      "What an account can spend now and its grants left, for everyone who works in it (not the ledger)",
    tag: "money",
    auth: true,
    action: "money.spendable",
    response: spendableView,
    handler: ({ center, actor, params }) => center.wallets.spendable(actor, params.name),
  }),
  route({
    method: "GET",
    path: "/api/v1/accounts/{name}/billing",
    summary:
      "An account's money: what it can spend (balance + credit), its threshold, credit, whitelist, block for money",
    tag: "money",
    auth: true,
    action: "money.read",
    response: accountBilling,
    handler: ({ center, actor, params }) => center.wallets.billingOf(actor, params.name),
  }),
  route({
    method: "PATCH",
    path: "/api/v1/accounts/{name}/billing",
    summary:
      "Set an account's threshold (blocked for money below it), credit limit, or whitelist (never blocked)",
    tag: "money",
    auth: true,
    action: "money.settings",
    body: z.strictObject({
      threshold: money.optional(),
      creditLimit: money.optional(),
      lowBalance: money.optional(),
      whitelisted: z.boolean().optional(),
    }),
    response: accountBilling,
    handler: ({ center, actor, params, body }) =>
      center.wallets.setBilling(actor, params.name, body),
  }),
  route({
    method: "POST",
    path: "/api/v1/ledger/adjustments",
    summary:
      "Correct a tenant's or an account's balance, up or down, with a reason (center finance)",
    tag: "money",
    auth: true,
    action: "money.adjust",
    body: amount.extend({
      tenant: z.string().optional(),
      account: z.string().optional(),
      reason: z.string().min(1, "say why").max(500),
    }),
    response: walletView,
    handler: ({ center, actor, body }) =>
      center.ledger.adjust(actor, { tenant: body.tenant, account: body.account }, body),
  }),
];
