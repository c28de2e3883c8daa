import { z } from "zod";

// Answers of the money routes (prices, wallets, ledger, grants, billing).

/** A price version: rates per resource-hour, in force from a time. */
export const priceView = z
  .strictObject({
    id: z.number(),
    cluster: z.string(),
    partition: z.string(),
    qos: z.string(),
    tenant: z.string().nullable(),
    effectiveFrom: z.string(),
    cpuHour: z.string(),
    memGiBHour: z.string(),
    gpuHour: z.record(z.string(), z.string()),
    mode: z.enum(["sum", "max"]),
    minCharge: z.string(),
    currency: z.string(),
  })
  .meta({ id: "PriceView" });

/** A wallet's balance. */
export const walletView = z
  .strictObject({
    kind: z.string(),
    tenant: z.string().nullable(),
    account: z.string().nullable(),
    balance: z.string(),
    currency: z.string(),
  })
  .meta({ id: "WalletView" });

/** One transaction of the ledger, with its postings. */
export const transactionView = z
  .strictObject({
    id: z.number(),
    at: z.string(),
    kind: z.string(),
    actor: z.string().nullable(),
    reason: z.string().nullable(),
    jobId: z.number().nullable(),
    postings: z.array(
      z.strictObject({
        wallet: z.string(),
        amount: z.string(),
      }),
    ),
  })
  .meta({ id: "TransactionView" });

/** A grant of core- or GPU-hours and what is left of it. */
export const grantView = z
  .strictObject({
    id: z.number(),
    account: z.string(),
    resource: z.enum(["cpu", "gpu"]),
    hours: z.number(),
    leftHours: z.number(),
    heldHours: z.number(),
    startsAt: z.string(),
    endsAt: z.string(),
    expired: z.boolean(),
    reason: z.string().nullable(),
  })
  .meta({ id: "GrantView" });

/** An account's money settings and what it can spend. */
export const accountBilling = z
  .strictObject({
    account: z.string(),
    available: z.string(),
    threshold: z.string(),
    lowBalance: z.string(),
    creditLimit: z.string(),
    whitelisted: z.boolean(),
    blockedForMoney: z.string().nullable(),
    currency: z.string(),
  })
  .meta({ id: "AccountBilling" });

/** What an account can spend and its grants left: what its members see. */
export const spendableView = z
  .strictObject({
    account: z.string(),
    available: z.string(),
    currency: z.string(),
    grantsLeft: z.strictObject({ coreHours: z.number(), gpuHours: z.number() }),
    grantsGiven: z.strictObject({ coreHours: z.number(), gpuHours: z.number() }),
    low: z.boolean(),
    blockedForMoney: z.string().nullable(),
  })
  .meta({ id: "Spendable" });
