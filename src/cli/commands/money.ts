import { parseArgs } from "node:util";
import { invalidInput } from "../../core/errors.js";
import type { TransactionView, WalletView } from "../../services/ledger.js";
import { ApiClient } from "../client.js";
import { printResult, table } from "../format.js";
import { subcommands } from "../subcommands.js";

export const MONEY_HELP = `usage: guang money <subcommand>

  balance [--tenant T | --account A]              balances you may see
  ledger [--tenant T | --account A] [--limit N]   transactions and their postings, newest first
  recharge TENANT AMOUNT [--reason TEXT]          center finance: money into a tenant's wallet
  transfer ACCOUNT AMOUNT [--reason TEXT]         tenant finance: from the tenant to one of its accounts
  adjust (--tenant T | --account A) AMOUNT --reason TEXT   center finance: a correction, up or down

AMOUNT is in the center's currency with at most four decimals (1200.50). Every subcommand takes --json.
`;

const json = { json: { type: "boolean" } } as const;
const owner = { tenant: { type: "string" }, account: { type: "string" } } as const;
const enc = encodeURIComponent;

function walletTable(wallets: WalletView[]): string {
  return table(
    ["WALLET", "TENANT", "ACCOUNT", "BALANCE", "CURRENCY"],
    wallets.map((w) => [w.kind, w.tenant ?? "-", w.account ?? "-", w.balance, w.currency]),
  );
}

function query(values: { tenant?: string; account?: string; limit?: string }): string {
  const q = new URLSearchParams();
  for (const k of ["tenant", "account", "limit"] as const) if (values[k] !== undefined) q.set(k, values[k]!);
  const s = q.toString();
  return s ? `?${s}` : "";
}

function amountOf(positionals: string[], index: number, usage: string): string {
  if (positionals.length !== index + 1) throw invalidInput(`usage: guang money ${usage}`);
  return positionals[index]!;
}

export const moneyCommand = subcommands("money", MONEY_HELP, {
  async balance(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: { ...json, ...owner } });
    const out = await ApiClient.fromEnvironment().request<{ wallets: WalletView[] }>("GET", `/api/v1/balances${query(values)}`);
    return printResult(values.json, out, () => walletTable(out.wallets));
  },
  async ledger(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: { ...json, ...owner, limit: { type: "string" } } });
    const out = await ApiClient.fromEnvironment().request<{ transactions: TransactionView[] }>("GET", `/api/v1/ledger${query(values)}`);
    return printResult(values.json, out, () =>
      table(
        ["ID", "TIME", "KIND", "BY", "POSTINGS", "REASON"],
        out.transactions.map((t) => [String(t.id), t.at, t.kind, t.actor ?? "-", t.postings.map((p) => `${p.wallet} ${p.amount.startsWith("-") ? "" : "+"}${p.amount}`).join(", "), t.reason ?? "-"]),
      ),
    );
  },
  async recharge(argv) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...json, reason: { type: "string" } } });
    const amount = amountOf(positionals, 1, "recharge TENANT AMOUNT");
    const out = await ApiClient.fromEnvironment().request<WalletView>("POST", `/api/v1/tenants/${enc(positionals[0]!)}/recharge`, { amount, ...(values.reason ? { reason: values.reason } : {}) });
    return printResult(values.json, out, () => `Tenant ${out.tenant} now has ${out.balance} ${out.currency}`);
  },
  async transfer(argv) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...json, reason: { type: "string" } } });
    const amount = amountOf(positionals, 1, "transfer ACCOUNT AMOUNT");
    const out = await ApiClient.fromEnvironment().request<WalletView>("POST", `/api/v1/accounts/${enc(positionals[0]!)}/transfer`, { amount, ...(values.reason ? { reason: values.reason } : {}) });
    return printResult(values.json, out, () => `Account ${out.account} now has ${out.balance} ${out.currency}`);
  },
  async adjust(argv) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...json, ...owner, reason: { type: "string" } } });
    const amount = amountOf(positionals, 0, "adjust (--tenant T | --account A) AMOUNT --reason TEXT");
    if (!values.reason) throw invalidInput("guang money adjust: say why with --reason TEXT (it is kept in the ledger)");
    const out = await ApiClient.fromEnvironment().request<WalletView>("POST", "/api/v1/ledger/adjustments", { amount, reason: values.reason, ...(values.tenant ? { tenant: values.tenant } : {}), ...(values.account ? { account: values.account } : {}) });
    return printResult(values.json, out, () => `${out.account ? `Account ${out.account}` : `Tenant ${out.tenant}`} now has ${out.balance} ${out.currency}`);
  },
});
