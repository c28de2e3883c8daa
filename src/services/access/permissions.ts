import type { UserRole } from "../../core/roles.js";
import { notFound } from "../../core/errors.js";
import { forbidden, isCenterStaff, type Actor } from "./actor.js";

/**
 * The permission model, written down once: which roles may do each action, and over which
 * scope each role reaches. Every route names its action; services check the object through
 * `authorize`. A role reaches:
 *   center-*  → every tenant;       tenant-*  → its own tenant;
 *   account-* → that one account;   self      → the user's own things;
 *   anyone    → any signed-in user (what they get back is filtered to what they may see).
 */
export type Role =
  UserRole | "account-owner" | "account-admin" | "account-member" | "self" | "anyone";
type Scope = "center" | "tenant" | "account" | "self" | "any";

const ROLE_SCOPE: Record<Role, Scope> = {
  "center-admin": "center",
  "center-finance": "center",
  "tenant-admin": "tenant",
  "tenant-finance": "tenant",
  "account-owner": "account",
  "account-admin": "account",
  "account-member": "account",
  self: "self",
  anyone: "any",
};

const ACCOUNT_MANAGERS: Role[] = ["center-admin", "tenant-admin", "account-owner", "account-admin"];
const ACCOUNT_READERS: Role[] = [
  "center-admin",
  "center-finance",
  "tenant-admin",
  "tenant-finance",
  "account-owner",
  "account-admin",
  "account-member",
];

export const PERMISSIONS = {
  public: ["anyone"],
  "session.read": ["anyone"],
  "password.change": ["self"],
  "token.manage": ["self"],
  "profile.update": ["self"],
  "files.use": ["self"],
  // a home's and an account's storage: its user, the account's people, and the admins over them
  "storage.read": [...ACCOUNT_READERS, "self"],
  "storage.quota": ["center-admin", "tenant-admin"],
  "storage.charge": ["center-admin", "center-finance"],
  "tenant.list": ["anyone"],
  "tenant.read": ["center-admin", "center-finance", "tenant-admin", "tenant-finance", "self"],
  "tenant.create": ["center-admin"],
  "tenant.disable": ["center-admin"],
  "user.list": ["center-admin", "tenant-admin"],
  "user.read": ["center-admin", "tenant-admin", "self"],
  "user.create": ["center-admin", "tenant-admin"],
  "user.update": ["center-admin", "tenant-admin"],
  "account.list": ["anyone"],
  "account.read": ACCOUNT_READERS,
  "account.create": ["center-admin", "tenant-admin"],
  "account.update": ["center-admin", "tenant-admin"],
  "account.block": ["center-admin", "tenant-admin"],
  "member.list": ACCOUNT_READERS,
  "member.manage": ACCOUNT_MANAGERS,
  "audit.read": ["center-admin", "center-finance", "tenant-admin"],
  // what an account can still spend, and its grants left: for everyone who works in it
  "money.spendable": ACCOUNT_READERS,
  "money.read": [
    "center-admin",
    "center-finance",
    "tenant-admin",
    "tenant-finance",
    "account-owner",
    "account-admin",
  ],
  "money.recharge": ["center-finance"],
  "money.transfer": ["center-finance", "tenant-finance"],
  "money.adjust": ["center-finance"],
  "money.settings": ["center-finance", "tenant-finance"],
  "money.refund": ["center-finance"],
  "money.grant": ["center-finance"],
  "statement.send": ["center-finance", "tenant-finance"],
  // applications: anyone applies (for their own tenant); its admins decide
  "application.submit": ["self"],
  "application.read": ["center-admin", "tenant-admin", "self"],
  "application.decide": ["center-admin", "tenant-admin"],
  "price.read": ["anyone"],
  "report.read": ["anyone"],
  // the whole center at a glance, every institution named: the center's staff (the wall's account)
  "screen.read": ["center-admin", "center-finance"],
  "price.manage": ["center-admin", "center-finance"],
  "job.submit": ["self"],
  "job.list": ["anyone"],
  "job.read": ["center-admin", "tenant-admin", "account-owner", "account-admin", "self"],
  "job.control": ["center-admin", "tenant-admin", "account-owner", "account-admin", "self"],
  "qos.read": ["anyone"],
  "qos.manage": ["center-admin"],
  "cluster.read": ["anyone"],
  "cluster.manage": ["center-admin"],
  "event.read": ["anyone"],
  "network.read": ["center-admin", "center-finance"],
  // a peer center reads its own statement too (the service checks which)
  "network.statement": ["anyone"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

/** Each action in the words of a refusal ("you may not ..."), for people rather than code. */
const ACTION_WORDS: Record<Action, string> = {
  public: "read this",
  "session.read": "read this session",
  "password.change": "change this password",
  "token.manage": "manage these API tokens",
  "profile.update": "change this profile",
  "files.use": "use these files",
  "storage.read": "see this storage",
  "storage.quota": "set storage quotas",
  "storage.charge": "charge storage",
  "tenant.list": "list tenants",
  "tenant.read": "see this tenant",
  "tenant.create": "create tenants",
  "tenant.disable": "disable or enable tenants",
  "user.list": "list users",
  "user.read": "see this user",
  "user.create": "create users",
  "user.update": "change users",
  "account.list": "list accounts",
  "account.read": "see this account",
  "account.create": "create accounts",
  "account.update": "change accounts",
  "account.block": "block or unblock accounts",
  "member.list": "list an account's members",
  "member.manage": "add or remove an account's members",
  "audit.read": "read the audit log",
  "money.spendable": "see what an account can spend",
  "money.read": "see balances and the ledger",
  "money.recharge": "recharge a tenant's wallet",
  "money.transfer": "move money to an account",
  "money.adjust": "adjust a balance",
  "money.settings": "change an account's money settings (credit and whitelist need center finance)",
  "money.refund": "refund a job",
  "money.grant": "give grants of core- or GPU-hours",
  "statement.send": "send statements by e-mail",
  "application.submit": "apply",
  "application.read": "see this application",
  "application.decide": "decide applications",
  "price.read": "read prices",
  "report.read": "read reports",
  "screen.read": "see the center screen",
  "price.manage": "set prices or discounts",
  "job.submit": "submit jobs",
  "job.list": "list jobs",
  "job.read": "see this job",
  "job.control": "cancel, hold or release this job",
  "qos.read": "read QoS",
  "qos.manage": "define QoS",
  "cluster.read": "see clusters",
  "cluster.manage": "enable or disable clusters",
  "event.read": "follow events",
  "network.read": "see the network of centers",
  "network.statement": "see a settlement statement between centers",
};

/** "you may not recharge a tenant's wallet (money.recharge) on tenant chem; that needs the role center-finance". */
export function refusal(action: Action, what: string | null): string {
  const roles = PERMISSIONS[action] as readonly Role[];
  const needs =
    roles.length === 1 ? `the role ${roles[0]}` : `one of the roles ${roles.join(", ")}`;
  return `you may not ${ACTION_WORDS[action]} (${action})${what ? ` on ${what}` : ""}; that needs ${needs}`;
}

/** The object an action is about: its tenant, and its account or its user where it has one. */
export interface Target {
  tenantId: number;
  accountId?: number;
  userId?: number;
  /** How to name it in a refusal ("account phys"). */
  what: string;
}

function holds(actor: Actor, role: Role, t: Target | null): boolean {
  switch (ROLE_SCOPE[role]) {
    case "any":
      return true;
    case "center":
      return actor.roles.includes(role as UserRole);
    case "tenant":
      return (
        actor.roles.includes(role as UserRole) && (t === null || t.tenantId === actor.tenantId)
      );
    case "account": {
      const want = role.slice("account-".length);
      if (t === null) return [...actor.accounts.values()].includes(want as never);
      return (
        t.accountId !== undefined &&
        t.tenantId === actor.tenantId &&
        actor.accounts.get(t.accountId) === want
      );
    }
    case "self":
      return t === null || t.userId === actor.userId;
  }
}

/** Whether the actor may do the action on this object (or, with null, on some object). */
export function may(actor: Actor, action: Action, t: Target | null): boolean {
  return (PERMISSIONS[action] as readonly Role[]).some((r) => holds(actor, r, t));
}

/** Whether the actor may see anything of the target's tenant: its own, or every one for center staff. */
export function seesTenant(actor: Actor, tenantId: number): boolean {
  return tenantId === actor.tenantId || isCenterStaff(actor);
}

/**
 * Refuses unless the actor may do the action on the target. An object of a tenant the
 * actor cannot see is "not found", worded as for an object that does not exist: a
 * refusal must not tell whether it exists.
 */
export function authorize(actor: Actor, action: Action, t: Target): void {
  if (may(actor, action, t)) return;
  if (!seesTenant(actor, t.tenantId)) throw notFound(`${t.what} does not exist`);
  throw forbidden(refusal(action, t.what));
}

/** Whether the actor may do the action in every tenant (center roles), not just its own. */
export function reachesEveryTenant(actor: Actor, action: Action): boolean {
  return may(actor, action, { tenantId: -1, what: "" });
}

/** Whether the actor may do the action on every account of a tenant (tenant or center roles), not just on its own accounts. */
export function reachesWholeTenant(actor: Actor, action: Action, tenantId: number): boolean {
  return may(actor, action, { tenantId, accountId: -1, what: "" });
}
