import { parseArgs } from "node:util";
import type { AccountBilling } from "../../client/api-types.js";
import { invalidInput } from "../../core/errors.js";
import { ApiClient } from "../client.js";
import { printResult, timeText } from "../format.js";
import type { Handler } from "../subcommands.js";

const json = { json: { type: "boolean" } } as const;
const enc = encodeURIComponent;

function billingText(b: AccountBilling): string {
  return [
    `Account=${b.account} Available=${b.available} ${b.currency}`,
    `   Threshold=${b.threshold} LowBalance=${b.lowBalance} CreditLimit=${b.creditLimit} Whitelisted=${b.whitelisted ? "yes" : "no"}`,
    `   BlockedForMoney=${b.blockedForMoney ?? "no"}`,
  ].join("\n");
}

/**
 * `guang money billing ACCOUNT [...]`: an account's money settings — shown, or set: the
 * threshold below which it is blocked and the balance below which its people are warned
 * (its tenant's finance), its credit and whether it is never blocked (the center's finance).
 */
const billing: Handler = async (argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      ...json,
      threshold: { type: "string" },
      "low-balance": { type: "string" },
      credit: { type: "string" },
      whitelist: { type: "boolean" },
      "no-whitelist": { type: "boolean" },
    },
  });
  if (positionals.length !== 1) throw invalidInput("usage: guang money billing ACCOUNT [settings]");
  const body = {
    ...(values.threshold !== undefined ? { threshold: values.threshold } : {}),
    ...(values["low-balance"] !== undefined ? { lowBalance: values["low-balance"] } : {}),
    ...(values.credit !== undefined ? { creditLimit: values.credit } : {}),
    ...(values.whitelist
      ? { whitelisted: true }
      : values["no-whitelist"]
        ? { whitelisted: false }
        : {}),
  };
  const path = `/api/v1/accounts/${enc(positionals[0]!)}/billing`;
  const client = ApiClient.fromEnvironment();
  const b = Object.keys(body).length
    ? await client.request<AccountBilling>("PATCH", path, body)
    : await client.request<AccountBilling>("GET", path);
  return printResult(values.json, b, () => billingText(b));
};

/** `guang money refund JOBID AMOUNT --reason TEXT` (center finance): money back for a job. */
const refund: Handler = async (argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { ...json, reason: { type: "string" } },
  });
  if (positionals.length !== 2 || !values.reason)
    throw invalidInput("usage: guang money refund JOBID AMOUNT --reason TEXT");
  const r = await ApiClient.fromEnvironment().request<{
    job: number;
    refunded: string;
    currency: string;
  }>("POST", `/api/v1/jobs/${enc(positionals[0]!)}/refund`, {
    amount: positionals[1],
    reason: values.reason,
  });
  return printResult(values.json, r, () => `Refunded ${r.refunded} ${r.currency} for job ${r.job}`);
};

/** `guang money discount TENANT PERCENT --from TIME` (center finance): a tenant's discount from a time. */
const discount: Handler = async (argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { ...json, from: { type: "string" } },
  });
  const percent = Number(positionals[1]);
  if (positionals.length !== 2 || !values.from || !(percent >= 0 && percent <= 100))
    throw invalidInput("usage: guang money discount TENANT PERCENT(0-100) --from TIME (e.g. now)");
  const from = values.from === "now" ? new Date().toISOString() : values.from;
  const r = await ApiClient.fromEnvironment().request<{
    tenant: string;
    percent: number;
    effectiveFrom: string;
  }>("POST", `/api/v1/tenants/${enc(positionals[0]!)}/discount`, {
    percent,
    effectiveFrom: from,
  });
  return printResult(
    values.json,
    r,
    () => `Tenant ${r.tenant}: ${r.percent}% off from ${timeText(r.effectiveFrom)}`,
  );
};

/** The money subcommands about settings and corrections, beside those that move and show money. */
export const MONEY_SETTINGS: Record<string, Handler> = { billing, refund, discount };

export const MONEY_SETTINGS_HELP = `  billing ACCOUNT [--threshold X] [--low-balance X] [--credit X] [--whitelist | --no-whitelist]
        an account's money settings, shown or set (threshold and low balance: tenant finance;
        credit and whitelist: center finance)
  refund JOBID AMOUNT --reason TEXT               center finance: money back for a job
  discount TENANT PERCENT --from TIME             center finance: a tenant's discount from TIME (or now)
`;
