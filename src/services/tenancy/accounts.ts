import type { AccountAllowed, AccountLimits } from "../../core/account-limits.js";
import { LIMIT_NAMES } from "../../core/account-limits.js";
import { invalidInput, notFound } from "../../core/errors.js";
import { checkName } from "../../core/names.js";
import {
  addMember,
  blocksOf,
  clearBlock,
  createAccount,
  findAccount,
  listAccounts,
  membersOf,
  setBlock,
  updateAccount,
} from "../../store/accounts.js";
import type { Db } from "../../store/open.js";
import { findTenant, findTenantById } from "../../store/tenants.js";
import { findUserByName } from "../../store/users.js";
import { conflict, isCenterStaff, type Actor } from "../access/actor.js";
import { audited } from "../access/audit.js";
import { authorize, reachesWholeTenant } from "../access/permissions.js";
import { accountNamed } from "./tenancy-lookup.js";

/** A change of limits: a number sets one, null lifts it. */
export type LimitsPatch = { [K in keyof AccountLimits]?: number | null };

export interface AccountView {
  name: string;
  tenant: string;
  state: "active" | "blocked";
  blocks: { kind: string; by: string | null; reason: string; at: string }[];
  limits: AccountLimits;
  allowed: AccountAllowed;
  members: number;
  /** The asker's role in it, if a member. */
  role: string | null;
  createdAt: string;
}

/** What the center offers, to check an account's allowed lists against. */
export interface Offer {
  clusters: string[];
  /** Of every cluster (an account's allowed partitions may be on any). */
  partitions: string[];
  qos: string[];
  partitionsOf(cluster: string): string[];
}

export function applyLimits(current: AccountLimits, patch: LimitsPatch): AccountLimits {
  const out: AccountLimits = { ...current };
  for (const k of LIMIT_NAMES) {
    const v = patch[k];
    if (v === undefined) continue;
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

/**
 * Makes an account with its owner inside the caller's transaction (the name free, the owner
 * one of the tenant's users): by an admin's hand, and by approving an application.
 */
export async function openAccount(
  trx: Db,
  tenant: {
    id: number;
    name: string;
    disabled_at: string | null;
    disabled_by: number | null;
    disabled_reason: string | null;
  },
  input: { name: string; owner: string; limits?: LimitsPatch; allowed?: AccountAllowed },
): Promise<number> {
  if (await findAccount(trx, input.name))
    throw conflict(`account ${input.name} already exists; pick another name`);
  const owner = await findUserByName(trx, input.owner);
  if (!owner || owner.tenant_id !== tenant.id)
    throw invalidInput(
      `user ${input.owner} does not exist in tenant ${tenant.name}; an account's owner is one of its tenant's users`,
    );
  const id = await createAccount(
    trx,
    tenant.id,
    input.name,
    JSON.stringify(applyLimits({}, input.limits ?? {})),
    JSON.stringify(input.allowed ?? {}),
  );
  await addMember(trx, id, owner.id, "owner");
  if (tenant.disabled_at)
    await setBlock(trx, id, "tenant", tenant.disabled_by, tenant.disabled_reason ?? "");
  return id;
}

/** Projects: created by tenant admins, managed by their owners; the scheduler keeps their limits. */
export class AccountService {
  constructor(
    private readonly db: Db,
    private readonly o: { offer: () => Offer; changed: () => Promise<void> },
  ) {}

  /** Refuses allowed lists that name clusters, partitions or QoS the center does not have. */
  checkAllowed(allowed: AccountAllowed): void {
    const offer = this.o.offer();
    for (const [k, known] of [
      ["clusters", offer.clusters],
      ["partitions", offer.partitions],
      ["qos", offer.qos],
    ] as const) {
      for (const v of allowed[k] ?? [])
        if (!known.includes(v))
          throw invalidInput(`allowed.${k}: ${v} does not exist; there are: ${known.join(", ")}`);
    }
  }

  private async view(
    actor: Actor,
    rows: Awaited<ReturnType<typeof listAccounts>>,
  ): Promise<AccountView[]> {
    const blocks = await blocksOf(
      this.db,
      rows.map((r) => r.id),
    );
    const out: AccountView[] = [];
    for (const r of rows) {
      const b = blocks.filter((x) => x.account_id === r.id);
      out.push({
        name: r.name,
        tenant: r.tenant,
        state: b.length ? "blocked" : "active",
        blocks: b.map((x) => ({ kind: x.kind, by: x.by, reason: x.reason, at: x.at })),
        limits: JSON.parse(r.limits) as AccountLimits,
        allowed: JSON.parse(r.allowed) as AccountAllowed,
        members: (await membersOf(this.db, r.id)).length,
        role: actor.accounts.get(r.id) ?? null,
        createdAt: r.created_at,
      });
    }
    return out;
  }

  /** Center staff see all accounts (or one tenant's); tenant staff their tenant's; everyone else the accounts they belong to. */
  async list(actor: Actor, tenant?: string): Promise<AccountView[]> {
    if (tenant !== undefined) {
      const t = await findTenant(this.db, tenant);
      if (!t || !(isCenterStaff(actor) || t.id === actor.tenantId))
        throw notFound(`tenant ${tenant} does not exist`);
      if (!reachesWholeTenant(actor, "account.read", t.id))
        return this.view(actor, await listAccounts(this.db, { ids: [...actor.accounts.keys()] }));
      return this.view(actor, await listAccounts(this.db, { tenantId: t.id }));
    }
    if (isCenterStaff(actor)) return this.view(actor, await listAccounts(this.db, {}));
    if (reachesWholeTenant(actor, "account.read", actor.tenantId))
      return this.view(actor, await listAccounts(this.db, { tenantId: actor.tenantId }));
    return this.view(actor, await listAccounts(this.db, { ids: [...actor.accounts.keys()] }));
  }

  async get(actor: Actor, name: string): Promise<AccountView> {
    const a = await accountNamed(this.db, actor, name, "account.read");
    return (await this.view(actor, await listAccounts(this.db, { ids: [a.id] })))[0]!;
  }

  async create(
    actor: Actor,
    input: {
      name: string;
      tenant?: string;
      owner: string;
      limits?: LimitsPatch;
      allowed?: AccountAllowed;
    },
  ): Promise<AccountView> {
    checkName("account", input.name);
    if (input.allowed) this.checkAllowed(input.allowed);
    await audited(
      this.db,
      actor,
      {
        action: "account.create",
        target: `account ${input.name}`,
        details: { owner: input.owner, limits: input.limits ?? {}, allowed: input.allowed ?? {} },
      },
      async (trx, e) => {
        const tenant =
          input.tenant === undefined
            ? await findTenantById(trx, actor.tenantId)
            : await findTenant(trx, input.tenant);
        if (!tenant) throw notFound(`tenant ${input.tenant} does not exist`);
        e.tenantId = tenant.id;
        authorize(actor, "account.create", { tenantId: tenant.id, what: `tenant ${tenant.name}` });
        await openAccount(trx, tenant, input);
      },
    );
    await this.o.changed();
    return this.get(actor, input.name);
  }

  async update(
    actor: Actor,
    name: string,
    patch: { limits?: LimitsPatch; allowed?: AccountAllowed },
  ): Promise<AccountView> {
    if (patch.limits === undefined && patch.allowed === undefined)
      throw invalidInput("nothing to change: give limits or allowed");
    if (patch.allowed) this.checkAllowed(patch.allowed);
    await audited(
      this.db,
      actor,
      { action: "account.update", target: `account ${name}`, details: { ...patch } },
      async (trx, e) => {
        const a = await accountNamed(trx, actor, name, "account.update");
        e.tenantId = a.tenant_id;
        const set: { limits?: string; allowed?: string } = {};
        if (patch.limits)
          set.limits = JSON.stringify(
            applyLimits(JSON.parse(a.limits) as AccountLimits, patch.limits),
          );
        if (patch.allowed) set.allowed = JSON.stringify(patch.allowed);
        await updateAccount(trx, a.id, set);
      },
    );
    await this.o.changed();
    return this.get(actor, name);
  }

  /** Blocks an account: new jobs are refused and waiting ones stay waiting; running ones go on. */
  async block(actor: Actor, name: string, reason: string): Promise<AccountView> {
    await audited(
      this.db,
      actor,
      { action: "account.block", target: `account ${name}`, details: { reason } },
      async (trx, e) => {
        const a = await accountNamed(trx, actor, name, "account.block");
        e.tenantId = a.tenant_id;
        await setBlock(trx, a.id, "admin", actor.userId, reason);
      },
    );
    await this.o.changed();
    return this.get(actor, name);
  }

  async unblock(actor: Actor, name: string): Promise<AccountView> {
    await audited(
      this.db,
      actor,
      { action: "account.unblock", target: `account ${name}`, details: {} },
      async (trx, e) => {
        const a = await accountNamed(trx, actor, name, "account.block");
        e.tenantId = a.tenant_id;
        if (!(await clearBlock(trx, a.id, "admin")))
          throw conflict(`account ${name} is not blocked by an admin`);
      },
    );
    await this.o.changed();
    return this.get(actor, name);
  }
}
