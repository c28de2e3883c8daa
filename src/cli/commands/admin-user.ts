import { parseArgs } from "node:util";
import type { UserView } from "../../client/api-types.js";
import { invalidInput } from "../../core/errors.js";
import { ApiClient } from "../client.js";
import { printResult, table } from "../format.js";
import { readSecrets } from "../prompt.js";
import { subcommands } from "../subcommands.js";
import { ADMIN_HELP, json, enc, one } from "./admin-shared.js";

export async function password(values: {
  "password-stdin"?: boolean;
}): Promise<{ password?: string }> {
  if (!values["password-stdin"]) return {};
  const [pw] = await readSecrets([""]);
  if (!pw) throw invalidInput("--password-stdin: no password on stdin");
  return { password: pw };
}

export function userTable(users: UserView[]): string {
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

export function userDetail(u: UserView): string {
  return [
    `User=${u.username} Tenant=${u.tenant} Source=${u.source} State=${u.disabled ? "disabled" : u.lockedUntil ? `locked until ${u.lockedUntil}` : "active"}`,
    `   Roles=${u.roles.join(",") || "(none)"} Email=${u.email ?? "-"}`,
    `   Posix: ${u.posix ? `name=${u.posix.name} uid=${u.posix.uid ?? "(from passwd)"} gid=${u.posix.gid ?? "(from passwd)"} home=${u.posix.home ?? "-"}` : "(none)"}`,
    `   Accounts: ${(u.accounts ?? []).map((a) => `${a.name}(${a.role})`).join(" ") || "-"}`,
  ].join("\n");
}

export function generated(out: { password: string | null }, who: string): string {
  return out.password ? `\nInitial password of ${who} (shown once): ${out.password}` : "";
}

export const posixOptions = {
  "unix-name": { type: "string" },
  uid: { type: "string" },
  gid: { type: "string" },
  home: { type: "string" },
} as const;

export function posixFrom(values: Record<string, unknown>): Record<string, unknown> | undefined {
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

export const user = subcommands("admin user", ADMIN_HELP, {
  async list(argv) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: { ...json, tenant: { type: "string" } },
    });
    const out = await ApiClient.fromEnvironment().request<{ users: UserView[] }>(
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
    const out = await ApiClient.fromEnvironment().request<UserView>(
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
    const out = await ApiClient.fromEnvironment().request<{
      user: UserView;
      password: string | null;
    }>("POST", "/api/v1/users", {
      username: name,
      ...(values.tenant ? { tenant: values.tenant } : {}),
      ...(values.role ? { roles: values.role } : {}),
      ...(values.email ? { email: values.email } : {}),
      ...(posix ? { posix } : {}),
      ...(await password(values)),
    });
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
    const out = await ApiClient.fromEnvironment().request<UserView>(
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
