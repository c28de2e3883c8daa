import { parseArgs } from "node:util";
import type {
  TransactionView,
  WalletView,
  GrantView,
  PriceView,
  Statement,
} from "../../client/api-types.js";
import { invalidInput } from "../../core/errors.js";
import { ApiClient } from "../client.js";
import { printResult, table, timeText } from "../format.js";
import { MONEY_SETTINGS, MONEY_SETTINGS_HELP } from "./money-settings.js";
import { setPrice } from "./money-price.js";
import { subcommands } from "../subcommands.js";

export const MONEY_HELP = `usage: guang money <subcommand>

  balance [--tenant T | --account A]              balances you may see
  ledger [--tenant T | --account A] [--limit N]   transactions and their postings, newest first
  recharge TENANT AMOUNT [--reason TEXT]          center finance: money into a tenant's wallet
  transfer ACCOUNT AMOUNT [--reason TEXT]         tenant finance: from the tenant to one of its accounts
  adjust (--tenant T | --account A) AMOUNT --reason TEXT   center finance: a correction, up or down
  statement (--tenant T | --account A) --month 2026-11 [--csv | --html [--lang zh|en]]   a month's statement
  grants ACCOUNT                                   an account's grants: given, left, held
  grant ACCOUNT (--cpu-hours N | --gpu-hours N) --until TIME [--from TIME] [--reason TEXT]   center finance
  prices [--history]                               prices in force (or every version)
  price PARTITION --cpu-hour X [--mem-gib-hour X] [--gpu-hour TYPE=X]... [--max] [--min-charge X]
        [--qos Q] [--tenant T] [--cluster C] --from TIME [--yes]   center finance: a new price
        from TIME on; when it would stop accounts with nothing to spend, it names them and asks
        first (--yes: set it anyway, as a script must)
${MONEY_SETTINGS_HELP}
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
  for (const k of ["tenant", "account", "limit"] as const)
    if (values[k] !== undefined) q.set(k, values[k]!);
  const s = q.toString();
  return s ? `?${s}` : "";
}

function amountOf(positionals: string[], index: number, usage: string): string {
  if (positionals.length !== index + 1) throw invalidInput(`usage: guang money ${usage}`);
  return positionals[index]!;
}

type GrantRow = GrantView;

function grantTable(grants: GrantRow[]): string {
  return table(
    ["ID", "ACCOUNT", "RESOURCE", "HOURS", "LEFT", "HELD", "FROM", "UNTIL", "STATE"],
    grants.map((g) => [
      String(g.id),
      g.account,
      g.resource,
      String(g.hours),
      String(g.leftHours),
      String(g.heldHours),
      timeText(g.startsAt),
      timeText(g.endsAt),
      g.expired ? "expired" : "active",
    ]),
  );
}

export const moneyCommand = subcommands("money", MONEY_HELP, {
  ...MONEY_SETTINGS,
  price: setPrice,
  async statement(argv) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        ...json,
        ...owner,
        month: { type: "string" },
        csv: { type: "boolean" },
        html: { type: "boolean" },
        lang: { type: "string" },
      },
    });
    if (!values.month)
      throw invalidInput("guang money statement: name the month with --month 2026-11");
    const q = new URLSearchParams({
      month: values.month,
      ...(values.tenant ? { tenant: values.tenant } : {}),
      ...(values.account ? { account: values.account } : {}),
    });
    const client = ApiClient.fromEnvironment();
    if (values.csv || values.html) {
      q.set("format", values.csv ? "csv" : "html");
      if (values.lang) q.set("lang", values.lang);
      process.stdout.write((await client.text(`/api/v1/statements?${q}`)).text);
      return 0;
    }
    const s = await client.request<Statement>("GET", `/api/v1/statements?${q}`);
    return printResult(values.json, s, () =>
      [
        `Statement of ${s.of} ${s.name} for ${s.month} (${s.currency})`,
        `   Opening ${s.opening}   Closing ${s.closing}`,
        ...s.movements.map((m) => `   ${m.kind.padEnd(12)} ${m.amount.padStart(14)}  (${m.count})`),
        ...s.usageByPartition.map(
          (u) =>
            `   partition ${String(u.partition).padEnd(10)} jobs ${u.jobs}  core-hours ${u.coreHours}  GPU-hours ${u.gpuHours}  cost ${u.cost}`,
        ),
      ].join("\n"),
    );
  },
  async grants(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: json,
    });
    if (positionals.length !== 1) throw invalidInput("usage: guang money grants ACCOUNT");
    const out = await ApiClient.fromEnvironment().request<{ grants: GrantRow[] }>(
      "GET",
      `/api/v1/accounts/${enc(positionals[0]!)}/grants`,
    );
    return printResult(values.json, out, () => grantTable(out.grants));
  },
  async grant(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...json,
        "cpu-hours": { type: "string" },
        "gpu-hours": { type: "string" },
        until: { type: "string" },
        from: { type: "string" },
        reason: { type: "string" },
      },
    });
    if (positionals.length !== 1)
      throw invalidInput(
        "usage: guang money grant ACCOUNT (--cpu-hours N | --gpu-hours N) --until TIME",
      );
    const given = values["cpu-hours"] ?? values["gpu-hours"];
    if ((values["cpu-hours"] === undefined) === (values["gpu-hours"] === undefined))
      throw invalidInput("guang money grant: give --cpu-hours N or --gpu-hours N");
    if (!values.until)
      throw invalidInput("guang money grant: say when it ends with --until TIME (ISO 8601)");
    const hours = Number(given);
    if (!Number.isFinite(hours))
      throw invalidInput(
        `--${values["cpu-hours"] !== undefined ? "cpu" : "gpu"}-hours ${given}: give a number of hours`,
      );
    const out = await ApiClient.fromEnvironment().request<GrantRow>(
      "POST",
      `/api/v1/accounts/${enc(positionals[0]!)}/grants`,
      {
        resource: values["cpu-hours"] !== undefined ? "cpu" : "gpu",
        hours,
        endsAt: values.until,
        ...(values.from ? { startsAt: values.from } : {}),
        ...(values.reason ? { reason: values.reason } : {}),
      },
    );
    return printResult(values.json, out, () => grantTable([out]));
  },
  async prices(argv) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: { ...json, history: { type: "boolean" } },
    });
    const out = await ApiClient.fromEnvironment().request<{ prices: PriceView[] }>(
      "GET",
      `/api/v1/prices${values.history ? "?history=true" : ""}`,
    );
    return printResult(values.json, out, () =>
      table(
        [
          "CLUSTER",
          "PARTITION",
          "QOS",
          "TENANT",
          "FROM",
          "CPU/H",
          "MEM-GIB/H",
          "GPU/H",
          "MODE",
          "MIN",
        ],
        out.prices.map((p) => [
          p.cluster,
          p.partition,
          p.qos,
          p.tenant ?? "-",
          timeText(p.effectiveFrom),
          p.cpuHour,
          p.memGiBHour,
          Object.entries(p.gpuHour)
            .map(([k, v]) => `${k}=${v}`)
            .join(",") || "-",
          p.mode,
          p.minCharge,
        ]),
      ),
    );
  },
  async balance(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: { ...json, ...owner } });
    const out = await ApiClient.fromEnvironment().request<{ wallets: WalletView[] }>(
      "GET",
      `/api/v1/balances${query(values)}`,
    );
    return printResult(values.json, out, () => walletTable(out.wallets));
  },
  async ledger(argv) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: { ...json, ...owner, limit: { type: "string" } },
    });
    const out = await ApiClient.fromEnvironment().request<{ transactions: TransactionView[] }>(
      "GET",
      `/api/v1/ledger${query(values)}`,
    );
    return printResult(values.json, out, () =>
      table(
        ["ID", "TIME", "KIND", "JOBID", "BY", "POSTINGS", "REASON"],
        out.transactions.map((t) => [
          String(t.id),
          timeText(t.at),
          t.kind,
          t.jobId === null ? "-" : String(t.jobId),
          t.actor ?? "-",
          t.postings
            .map((p) => `${p.wallet} ${p.amount.startsWith("-") ? "" : "+"}${p.amount}`)
            .join(", "),
          t.reason ?? "-",
        ]),
      ),
    );
  },
  async recharge(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { ...json, reason: { type: "string" } },
    });
    const amount = amountOf(positionals, 1, "recharge TENANT AMOUNT");
    const out = await ApiClient.fromEnvironment().request<WalletView>(
      "POST",
      `/api/v1/tenants/${enc(positionals[0]!)}/recharge`,
      { amount, ...(values.reason ? { reason: values.reason } : {}) },
    );
    return printResult(
      values.json,
      out,
      () => `Tenant ${out.tenant} now has ${out.balance} ${out.currency}`,
    );
  },
  async transfer(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { ...json, reason: { type: "string" } },
    });
    const amount = amountOf(positionals, 1, "transfer ACCOUNT AMOUNT");
    const out = await ApiClient.fromEnvironment().request<WalletView>(
      "POST",
      `/api/v1/accounts/${enc(positionals[0]!)}/transfer`,
      { amount, ...(values.reason ? { reason: values.reason } : {}) },
    );
    return printResult(
      values.json,
      out,
      () => `Account ${out.account} now has ${out.balance} ${out.currency}`,
    );
  },
  async adjust(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { ...json, ...owner, reason: { type: "string" } },
    });
    const amount = amountOf(
      positionals,
      0,
      "adjust (--tenant T | --account A) AMOUNT --reason TEXT",
    );
    if (!values.reason)
      throw invalidInput(
        "guang money adjust: say why with --reason TEXT (it is kept in the ledger)",
      );
    const out = await ApiClient.fromEnvironment().request<WalletView>(
      "POST",
      "/api/v1/ledger/adjustments",
      {
        amount,
        reason: values.reason,
        ...(values.tenant ? { tenant: values.tenant } : {}),
        ...(values.account ? { account: values.account } : {}),
      },
    );
    return printResult(
      values.json,
      out,
      () =>
        `${out.account ? `Account ${out.account}` : `Tenant ${out.tenant}`} now has ${out.balance} ${out.currency}`,
    );
  },
});
