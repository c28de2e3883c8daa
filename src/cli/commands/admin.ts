import { parseArgs } from "node:util";
import type { AuditView, AccountView, TenantView, UserView } from "../../client/api-types.js";
import { invalidInput } from "../../core/errors.js";
import { ApiClient } from "../client.js";
import { printResult, table, timeText } from "../format.js";
import { LIMIT_OPTIONS, limitsFromFlags, listFlag } from "../limit-flags.js";
import { subcommands, type Handler } from "../subcommands.js";
import { accountDetail, accountTable } from "./account.js";
import { ADMIN_HELP, json, enc, nameAndReason, one } from "./admin-shared.js";
import { password, generated, user } from "./admin-user.js";

type User = UserView;

/** A tenant in one line, as scontrol shows things: its counts and whether it is disabled, by whom, why. */
function tenantLine(t: TenantView): string {
  const state = t.disabled
    ? `State=DISABLED By=${t.disabled.by ?? "-"} Since=${timeText(t.disabled.at)} Reason="${t.disabled.reason}"`
    : "State=ACTIVE";
  return `Tenant=${t.name} Users=${t.users} Accounts=${t.accounts} Created=${timeText(t.createdAt)} ${state}`;
}

const tenant = subcommands("admin tenant", ADMIN_HELP, {
  async list(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: json });
    const out = await ApiClient.fromEnvironment().request<{ tenants: TenantView[] }>(
      "GET",
      "/api/v1/tenants",
    );
    return printResult(values.json, out, () =>
      table(
        ["TENANT", "USERS", "ACCOUNTS", "CREATED"],
        out.tenants.map((t) => [
          t.name,
          String(t.users),
          String(t.accounts),
          timeText(t.createdAt),
        ]),
      ),
    );
  },
  async show(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: json,
    });
    const out = await ApiClient.fromEnvironment().request<TenantView>(
      "GET",
      `/api/v1/tenants/${enc(one(positionals, "tenant show NAME"))}`,
    );
    return printResult(values.json, out, () => tenantLine(out));
  },
  async disable(argv) {
    const a = nameAndReason(
      argv,
      "tenant disable NAME --reason TEXT",
      "guang admin tenant disable: say why with --reason TEXT (its people see it when their jobs are refused)",
    );
    const out = await ApiClient.fromEnvironment().request<TenantView>(
      "POST",
      `/api/v1/tenants/${enc(a.name)}/disable`,
      { reason: a.reason },
    );
    return printResult(a.json, out, () => tenantLine(out));
  },
  async enable(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: json,
    });
    const out = await ApiClient.fromEnvironment().request<TenantView>(
      "POST",
      `/api/v1/tenants/${enc(one(positionals, "tenant enable NAME"))}/enable`,
    );
    return printResult(values.json, out, () => tenantLine(out));
  },
  async create(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...json,
        admin: { type: "string" },
        email: { type: "string" },
        "password-stdin": { type: "boolean" },
      },
    });
    const name = one(positionals, "tenant create NAME --admin USER");
    if (!values.admin)
      throw invalidInput("guang admin tenant create: name its first admin with --admin USER");
    const out = await ApiClient.fromEnvironment().request<{
      tenant: { name: string };
      admin: User;
      password: string | null;
    }>("POST", "/api/v1/tenants", {
      name,
      admin: {
        username: values.admin,
        ...(values.email ? { email: values.email } : {}),
        ...(await password(values)),
      },
    });
    return printResult(
      values.json,
      out,
      () =>
        `Created tenant ${out.tenant.name} with tenant admin ${out.admin.username}${generated(out, out.admin.username)}`,
    );
  },
});

const allowedOptions = {
  partitions: { type: "string" },
  qos: { type: "string" },
  clusters: { type: "string" },
} as const;

function allowedFrom(values: Record<string, unknown>): Record<string, string[]> | undefined {
  const a: Record<string, string[]> = {};
  for (const k of ["partitions", "qos", "clusters"]) {
    const v = listFlag(values[k]);
    if (v) a[k] = v;
  }
  return Object.keys(a).length ? a : undefined;
}

const account = subcommands("admin account", ADMIN_HELP, {
  async list(argv) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: { ...json, tenant: { type: "string" } },
    });
    const out = await ApiClient.fromEnvironment().request<{ accounts: AccountView[] }>(
      "GET",
      `/api/v1/accounts${values.tenant ? `?tenant=${enc(values.tenant)}` : ""}`,
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
    const out = await ApiClient.fromEnvironment().request<AccountView>(
      "GET",
      `/api/v1/accounts/${enc(one(positionals, "account show NAME"))}`,
    );
    return printResult(values.json, out, () => accountDetail(out));
  },
  async create(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...json,
        owner: { type: "string" },
        tenant: { type: "string" },
        ...LIMIT_OPTIONS,
        ...allowedOptions,
      },
    });
    const name = one(positionals, "account create NAME --owner USER");
    if (!values.owner)
      throw invalidInput("guang admin account create: name its owner with --owner USER");
    const limits = limitsFromFlags(values);
    const allowed = allowedFrom(values);
    const out = await ApiClient.fromEnvironment().request<AccountView>("POST", "/api/v1/accounts", {
      name,
      owner: values.owner,
      ...(values.tenant ? { tenant: values.tenant } : {}),
      ...(limits ? { limits } : {}),
      ...(allowed ? { allowed } : {}),
    });
    return printResult(values.json, out, () => accountDetail(out));
  },
  async set(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { ...json, ...LIMIT_OPTIONS, ...allowedOptions },
    });
    const name = one(positionals, "account set NAME ...");
    const limits = limitsFromFlags(values);
    const allowed = allowedFrom(values);
    const out = await ApiClient.fromEnvironment().request<AccountView>(
      "PATCH",
      `/api/v1/accounts/${enc(name)}`,
      { ...(limits ? { limits } : {}), ...(allowed ? { allowed } : {}) },
    );
    return printResult(values.json, out, () => accountDetail(out));
  },
  async block(argv) {
    const a = nameAndReason(
      argv,
      "account block NAME --reason TEXT",
      "guang admin account block: say why with --reason TEXT (the account's members see it)",
    );
    const out = await ApiClient.fromEnvironment().request<AccountView>(
      "POST",
      `/api/v1/accounts/${enc(a.name)}/block`,
      { reason: a.reason },
    );
    return printResult(a.json, out, () => accountDetail(out));
  },
  async unblock(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: json,
    });
    const out = await ApiClient.fromEnvironment().request<AccountView>(
      "POST",
      `/api/v1/accounts/${enc(one(positionals, "account unblock NAME"))}/unblock`,
    );
    return printResult(values.json, out, () => accountDetail(out));
  },
});

const audit: Handler = async (argv) => {
  const filters = ["tenant", "actor", "action", "result", "from", "to", "limit"] as const;
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      ...json,
      csv: { type: "boolean" },
      ...Object.fromEntries(filters.map((f) => [f, { type: "string" }])),
    },
  });
  const q = new URLSearchParams();
  const given = values as Record<string, unknown>;
  for (const f of filters) if (typeof given[f] === "string") q.set(f, given[f] as string);
  const client = ApiClient.fromEnvironment();
  if (values.csv) {
    q.set("format", "csv");
    process.stdout.write((await client.text(`/api/v1/audit?${q}`)).text);
    return 0;
  }
  const out = await client.request<{ records: AuditView[] }>("GET", `/api/v1/audit?${q}`);
  return printResult(values.json as boolean | undefined, out, () =>
    table(
      ["TIME", "TENANT", "ACTOR", "FROM", "ACTION", "TARGET", "RESULT"],
      out.records.map((r) => [
        timeText(r.at),
        r.tenant ?? "-",
        r.actor,
        r.ip,
        r.action,
        r.target,
        r.result,
      ]),
    ),
  );
};

const cluster = subcommands("admin cluster", ADMIN_HELP, {
  async disable(argv) {
    const a = nameAndReason(
      argv,
      "cluster disable NAME --reason TEXT",
      "say why with --reason (users see it when they submit)",
    );
    const name = a.name;
    const r = await ApiClient.fromEnvironment().request("PATCH", `/api/v1/clusters/${enc(name)}`, {
      enabled: false,
      reason: a.reason,
    });
    return printResult(
      a.json,
      r,
      () => `cluster ${name} disabled: it takes no new jobs; its jobs run on`,
    );
  },
  async enable(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: json,
    });
    const name = one(positionals, "cluster enable NAME");
    const r = await ApiClient.fromEnvironment().request("PATCH", `/api/v1/clusters/${enc(name)}`, {
      enabled: true,
    });
    return printResult(values.json, r, () => `cluster ${name} enabled`);
  },
});

export const adminCommand = subcommands("admin", ADMIN_HELP, {
  tenant,
  user,
  account,
  cluster,
  audit,
});
export { ADMIN_HELP } from "./admin-shared.js";
