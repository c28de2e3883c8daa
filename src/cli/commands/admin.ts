import { parseArgs } from "node:util";
import { invalidInput } from "../../core/errors.js";
import { ApiClient } from "../client.js";
import { printResult, table } from "../format.js";
import { LIMIT_OPTIONS, limitsFromFlags, listFlag } from "../limit-flags.js";
import { readSecrets } from "../prompt.js";
import { subcommands, type Handler } from "../subcommands.js";
import type { AuditView } from "../../services/access/audit.js";
import type { AccountView } from "../../services/tenancy/accounts.js";
import type { TenantView } from "../../services/tenancy/tenants.js";
import type { UserView } from "../../services/tenancy/users.js";
import { accountDetail, accountTable } from "./account.js";

export const ADMIN_HELP = `usage: guang admin <tenant|user|account|cluster|audit> ...   (for center and tenant admins)

  tenant list | show NAME
  tenant create NAME --admin USER [--email E] [--password-stdin]
  user list [--tenant T] | show NAME
  user create NAME [--tenant T] [--role R]... [--email E] [--unix-name N] [--uid N --gid N] [--home DIR] [--password-stdin]
  user set NAME [--role R]... [--no-roles] [--email E] [--unix-name N] [--uid N --gid N] [--home DIR]
                [--disable | --enable] [--unlock] [--password-stdin]
  account list [--tenant T] | show NAME
  account create NAME --owner USER [--tenant T] [limits] [--partitions a,b] [--qos a,b] [--clusters a,b]
  account set NAME [limits] [--partitions a,b] [--qos a,b] [--clusters a,b]
  account block NAME --reason TEXT | unblock NAME
  cluster disable NAME --reason TEXT | enable NAME   (center admins: a disabled cluster takes no new jobs)
  audit [--tenant T] [--actor U] [--action A] [--result ok|denied|CODE] [--from TIME] [--to TIME] [--limit N] [--csv]

limits: --max-running-jobs N --max-submit-jobs N --max-cpus N --max-gpus N --max-time TIME ("none" lifts one)
Without --password-stdin a password is generated and shown once. Every subcommand takes --json.
Members of an account: guang account members.
`;

const json = { json: { type: "boolean" } } as const;
const enc = encodeURIComponent;

type User = UserView;

function one(positionals: string[], usage: string): string {
  if (positionals.length !== 1) throw invalidInput(`usage: guang admin ${usage}`);
  return positionals[0]!;
}

async function password(values: { "password-stdin"?: boolean }): Promise<{ password?: string }> {
  if (!values["password-stdin"]) return {};
  const [pw] = await readSecrets([""]);
  if (!pw) throw invalidInput("--password-stdin: no password on stdin");
  return { password: pw };
}

function userTable(users: User[]): string {
  return table(
    ["USER", "TENANT", "ROLES", "SOURCE", "UNIX", "UID", "STATE"],
    users.map((u) => [
      u.username,
      u.tenant,
      u.roles.join(",") || "-",
      u.source,
      u.posix?.name ?? "-",
      u.posix?.uid === null || !u.posix ? "-" : String(u.posix.uid),
      u.disabled ? "disabled" : u.lockedUntil ? "locked" : "active",
    ]),
  );
}

function userDetail(u: User): string {
  return [
    `User=${u.username} Tenant=${u.tenant} Source=${u.source} State=${u.disabled ? "disabled" : u.lockedUntil ? `locked until ${u.lockedUntil}` : "active"}`,
    `   Roles=${u.roles.join(",") || "(none)"} Email=${u.email ?? "-"}`,
    `   Posix: ${u.posix ? `name=${u.posix.name} uid=${u.posix.uid ?? "(from passwd)"} gid=${u.posix.gid ?? "(from passwd)"} home=${u.posix.home ?? "-"}` : "(none)"}`,
    `   Accounts: ${(u.accounts ?? []).map((a) => `${a.name}(${a.role})`).join(" ") || "-"}`,
  ].join("\n");
}

function generated(out: { password: string | null }, who: string): string {
  return out.password ? `\nInitial password of ${who} (shown once): ${out.password}` : "";
}

const posixOptions = {
  "unix-name": { type: "string" },
  uid: { type: "string" },
  gid: { type: "string" },
  home: { type: "string" },
} as const;

function posixFrom(values: Record<string, unknown>): Record<string, unknown> | undefined {
  const p: Record<string, unknown> = {};
  if (typeof values["unix-name"] === "string") p.name = values["unix-name"];
  for (const k of ["uid", "gid"]) {
    const v = values[k];
    if (typeof v !== "string") continue;
    if (!/^\d+$/.test(v)) throw invalidInput(`--${k} ${v}: give a number`);
    p[k] = Number(v);
  }
  if (typeof values.home === "string") p.home = values.home;
  return Object.keys(p).length ? p : undefined;
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
        out.tenants.map((t) => [t.name, String(t.users), String(t.accounts), t.createdAt]),
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
    return printResult(
      values.json,
      out,
      () =>
        `Tenant=${out.name} Users=${out.users} Accounts=${out.accounts} Created=${out.createdAt}`,
    );
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

const user = subcommands("admin user", ADMIN_HELP, {
  async list(argv) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: { ...json, tenant: { type: "string" } },
    });
    const out = await ApiClient.fromEnvironment().request<{ users: User[] }>(
      "GET",
      `/api/v1/users${values.tenant ? `?tenant=${enc(values.tenant)}` : ""}`,
    );
    return printResult(values.json, out, () => userTable(out.users));
  },
  async show(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: json,
    });
    const out = await ApiClient.fromEnvironment().request<User>(
      "GET",
      `/api/v1/users/${enc(one(positionals, "user show NAME"))}`,
    );
    return printResult(values.json, out, () => userDetail(out));
  },
  async create(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...json,
        tenant: { type: "string" },
        role: { type: "string", multiple: true },
        email: { type: "string" },
        "password-stdin": { type: "boolean" },
        ...posixOptions,
      },
    });
    const name = one(positionals, "user create NAME");
    const posix = posixFrom(values);
    const out = await ApiClient.fromEnvironment().request<{ user: User; password: string | null }>(
      "POST",
      "/api/v1/users",
      {
        username: name,
        ...(values.tenant ? { tenant: values.tenant } : {}),
        ...(values.role ? { roles: values.role } : {}),
        ...(values.email ? { email: values.email } : {}),
        ...(posix ? { posix } : {}),
        ...(await password(values)),
      },
    );
    return printResult(
      values.json,
      out,
      () =>
        `Created user ${out.user.username} in tenant ${out.user.tenant}${generated(out, out.user.username)}`,
    );
  },
  async set(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...json,
        role: { type: "string", multiple: true },
        "no-roles": { type: "boolean" },
        email: { type: "string" },
        disable: { type: "boolean" },
        enable: { type: "boolean" },
        unlock: { type: "boolean" },
        "password-stdin": { type: "boolean" },
        ...posixOptions,
      },
    });
    const name = one(positionals, "user set NAME ...");
    if (values.disable && values.enable)
      throw invalidInput("--disable and --enable contradict each other");
    const posix = posixFrom(values);
    const out = await ApiClient.fromEnvironment().request<User>(
      "PATCH",
      `/api/v1/users/${enc(name)}`,
      {
        ...(values.role ? { roles: values.role } : values["no-roles"] ? { roles: [] } : {}),
        ...(values.email ? { email: values.email } : {}),
        ...(posix ? { posix } : {}),
        ...(values.disable ? { disabled: true } : values.enable ? { disabled: false } : {}),
        ...(values.unlock ? { unlock: true } : {}),
        ...(await password(values)),
      },
    );
    return printResult(values.json, out, () => userDetail(out));
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
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { ...json, reason: { type: "string" } },
    });
    const name = one(positionals, "account block NAME --reason TEXT");
    if (!values.reason)
      throw invalidInput(
        "guang admin account block: say why with --reason TEXT (the account's members see it)",
      );
    const out = await ApiClient.fromEnvironment().request<AccountView>(
      "POST",
      `/api/v1/accounts/${enc(name)}/block`,
      { reason: values.reason },
    );
    return printResult(values.json, out, () => accountDetail(out));
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
      out.records.map((r) => [r.at, r.tenant ?? "-", r.actor, r.ip, r.action, r.target, r.result]),
    ),
  );
};

const cluster = subcommands("admin cluster", ADMIN_HELP, {
  async disable(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { reason: { type: "string" }, ...json },
    });
    const name = one(positionals, "cluster disable NAME --reason TEXT");
    if (!values.reason) throw invalidInput("say why with --reason (users see it when they submit)");
    const r = await ApiClient.fromEnvironment().request("PATCH", `/api/v1/clusters/${enc(name)}`, {
      enabled: false,
      reason: values.reason,
    });
    return printResult(
      values.json,
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
