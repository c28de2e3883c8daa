import { parseArgs } from "node:util";
import type {
  AccountView as Account,
  FairShareView,
  MemberView as Member,
  Spendable,
} from "../../client/api-types.js";
import { invalidInput } from "../../core/errors.js";
import { ApiClient } from "../client.js";
import { printResult, table, timeText } from "../format.js";
import { describeLimits } from "../../core/account-limits.js";
import { LIMIT_OPTIONS, limitsFromFlags } from "../limit-flags.js";
import { subcommands } from "../subcommands.js";

export const ACCOUNT_HELP = `usage: guang account <subcommand>

  list [--tenant T]                      the accounts you may see (yours; your tenant's for its staff)
  show ACCOUNT                           one account: state, blocks, limits, what it may use, and
                                         what it can spend (money and grants left)
  share [ACCOUNT...]                     fair share of each member, like sshare: decayed usage and
                                         the factor the scheduler ranks waiting jobs by (your accounts
                                         by default)
  members ACCOUNT                        its members, roles and limits
  members add ACCOUNT USER [--role member|admin|owner] [limits]
  members set ACCOUNT USER [--role R] [limits]
  members remove ACCOUNT USER

limits: --max-running-jobs N --max-submit-jobs N --max-cpus N --max-gpus N --max-time TIME
        ("none" lifts one). Every subcommand takes --json.
`;

const json = { json: { type: "boolean" } } as const;

export function accountTable(accounts: Account[]): string {
  return table(
    ["ACCOUNT", "TENANT", "STATE", "MEMBERS", "YOUR ROLE", "LIMITS"],
    accounts.map((a) => [
      a.name,
      a.tenant,
      a.state,
      String(a.members),
      a.role ?? "-",
      describeLimits(a.limits),
    ]),
  );
}

export function accountDetail(a: Account): string {
  const lines = [
    `Account=${a.name} Tenant=${a.tenant} State=${a.state} Members=${a.members}`,
    `   Limits: ${describeLimits(a.limits)}`,
    `   Allowed: ${
      Object.entries(a.allowed)
        .map(([k, v]) => `${k}=${v.join(",")}`)
        .join(" ") || "everything"
    }`,
    ...a.blocks.map(
      (b) => `   Blocked (${b.kind}) by ${b.by ?? "the system"} at ${timeText(b.at)}: ${b.reason}`,
    ),
  ];
  return lines.join("\n");
}

function memberTable(members: Member[]): string {
  return table(
    ["USER", "ROLE", "LIMITS"],
    members.map((m) => [m.user, m.role, describeLimits(m.limits)]),
  );
}

const path = (account: string) => `/api/v1/accounts/${encodeURIComponent(account)}`;

function two(positionals: string[], usage: string): [string, string] {
  if (positionals.length !== 2)
    throw invalidInput(`usage: guang account members ${usage} ACCOUNT USER`);
  return [positionals[0]!, positionals[1]!];
}

const members = async (argv: string[]): Promise<number> => {
  const [sub, ...rest] = argv;
  const options = { ...json, role: { type: "string" }, ...LIMIT_OPTIONS } as const;
  const client = () => ApiClient.fromEnvironment();
  if (sub === "add" || sub === "set" || sub === "remove") {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options,
    });
    const [account, user] = two(positionals, sub);
    const limits = limitsFromFlags(values);
    let out: { members: Member[] };
    if (sub === "add")
      out = await client().request("POST", `${path(account)}/members`, {
        user,
        ...(values.role ? { role: values.role } : {}),
        ...(limits ? { limits } : {}),
      });
    else if (sub === "set")
      out = await client().request(
        "PATCH",
        `${path(account)}/members/${encodeURIComponent(user)}`,
        { ...(values.role ? { role: values.role } : {}), ...(limits ? { limits } : {}) },
      );
    else
      out = await client().request(
        "DELETE",
        `${path(account)}/members/${encodeURIComponent(user)}`,
      );
    return printResult(values.json, out, () => memberTable(out.members));
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: json,
  });
  if (positionals.length !== 1)
    throw invalidInput(
      "usage: guang account members ACCOUNT (or: members add|set|remove ACCOUNT USER)",
    );
  const out = await client().request<{ members: Member[] }>(
    "GET",
    `${path(positionals[0]!)}/members`,
  );
  return printResult(values.json, out, () => memberTable(out.members));
};

export const accountCommand = subcommands("account", ACCOUNT_HELP, {
  async list(argv) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: { ...json, tenant: { type: "string" } },
    });
    const out = await ApiClient.fromEnvironment().request<{ accounts: Account[] }>(
      "GET",
      `/api/v1/accounts${values.tenant ? `?tenant=${encodeURIComponent(values.tenant)}` : ""}`,
    );
    return printResult(values.json, out, () => accountTable(out.accounts));
  },
  async show(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: json,
    });
    if (positionals.length !== 1) throw invalidInput("usage: guang account show ACCOUNT");
    const api = ApiClient.fromEnvironment();
    const [out, money] = await Promise.all([
      api.request<Account>("GET", path(positionals[0]!)),
      api.request<Spendable>("GET", `${path(positionals[0]!)}/spendable`),
    ]);
    return printResult(values.json, { ...out, spendable: money }, () =>
      [
        accountDetail(out),
        `   Spendable: ${money.available} ${money.currency}; grants left: ${money.grantsLeft.coreHours} core-hours, ${money.grantsLeft.gpuHours} GPU-hours` +
          (money.blockedForMoney ? `; blocked for money: ${money.blockedForMoney}` : ""),
      ].join("\n"),
    );
  },
  async share(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: json,
    });
    const api = ApiClient.fromEnvironment();
    const names = positionals.length
      ? positionals
      : (await api.request<{ accounts: Account[] }>("GET", "/api/v1/accounts")).accounts.map(
          (a) => a.name,
        );
    const shares = await Promise.all(
      names.map((n) => api.request<FairShareView>("GET", `${path(n)}/fairshare`)),
    );
    return printResult(values.json, shares, () =>
      table(
        ["ACCOUNT", "USER", "USAGE(CORE-H)", "FAIRSHARE"],
        shares.flatMap((s) =>
          s.users.map((u) => [s.account, u.user, u.usageCoreHours.toFixed(2), u.factor.toFixed(6)]),
        ),
      ),
    );
  },
  members,
});
