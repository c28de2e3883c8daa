import { checkName } from "../../core/names.js";
import type { Db } from "../../store/open.js";
import { createTenant, findTenant, listTenants, setTenantDisabled } from "../../store/tenants.js";
import { clearBlock, listAccounts, setBlock } from "../../store/accounts.js";
import { invalidInput } from "../../core/errors.js";
import { findUserById } from "../../store/users.js";
import { conflict, isCenterStaff, type Actor } from "../access/actor.js";
import { audited } from "../access/audit.js";
import { authorize } from "../access/permissions.js";
import { tenantNamed } from "./tenancy-lookup.js";
import { insertUser, prepareUser, userView, type NewUserInput, type UserView } from "./users.js";

export interface TenantView {
  name: string;
  users: number;
  accounts: number;
  createdAt: string;
  /** Who disabled it, when and why; null while it is active. */
  disabled: { by: string | null; at: string; reason: string } | null;
}

function tenantView(r: Awaited<ReturnType<typeof listTenants>>[number]): TenantView {
  return {
    name: r.name,
    users: Number(r.users),
    accounts: Number(r.accounts),
    createdAt: r.created_at,
    disabled: r.disabled_at
      ? { by: r.disabled_by ?? null, at: r.disabled_at, reason: r.disabled_reason ?? "" }
      : null,
  };
}

/** Institutions: the center creates them, each with its first tenant admin. */
export class TenantService {
  constructor(
    private readonly db: Db,
    private readonly o: { minPasswordLength: number; changed: () => Promise<void> },
  ) {}

  /** Center staff see every tenant; everyone else their own. */
  async list(actor: Actor): Promise<TenantView[]> {
    return (await listTenants(this.db, isCenterStaff(actor) ? undefined : actor.tenantId)).map(
      tenantView,
    );
  }

  async get(actor: Actor, name: string): Promise<TenantView> {
    const t = await tenantNamed(this.db, actor, name, "tenant.read");
    return tenantView((await listTenants(this.db, t.id))[0]!);
  }

  async create(
    actor: Actor,
    name: string,
    admin: NewUserInput,
  ): Promise<{ tenant: TenantView; admin: UserView; password: string | null }> {
    authorize(actor, "tenant.create", { tenantId: actor.tenantId, what: "tenants" });
    checkName("tenant", name);
    const prepared = await prepareUser(admin, this.o.minPasswordLength);
    return audited(
      this.db,
      actor,
      {
        action: "tenant.create",
        target: `tenant ${name}`,
        tenantId: null,
        details: { admin: admin.username },
      },
      async (trx, e) => {
        if (await findTenant(trx, name))
          throw conflict(`tenant ${name} already exists; pick another name`);
        const id = await createTenant(trx, name);
        e.tenantId = id;
        const userId = await insertUser(trx, id, admin, prepared.hash, ["tenant-admin"]);
        const row = (await findUserById(trx, userId))!;
        return {
          tenant: tenantView((await listTenants(trx, id))[0]!),
          admin: userView(row, name),
          password: prepared.password,
        };
      },
    );
  }

  /**
   * Disables a tenant (its contract ended, say): each of its accounts, and any made while it
   * is disabled, takes no new jobs and says why; waiting jobs wait; its people still sign in.
   */
  async disable(actor: Actor, name: string, reason: string): Promise<TenantView> {
    const why = reason.trim();
    if (!why) throw invalidInput("say why the tenant is disabled (its people see it)");
    await audited(
      this.db,
      actor,
      { action: "tenant.disable", target: `tenant ${name}`, details: { reason: why } },
      async (trx, e) => {
        const t = await tenantNamed(trx, actor, name, "tenant.disable");
        e.tenantId = t.id;
        if (t.disabled_at)
          throw conflict(`tenant ${name} is already disabled since ${t.disabled_at}`);
        await setTenantDisabled(trx, t.id, { by: actor.userId, reason: why });
        for (const a of await listAccounts(trx, { tenantId: t.id }))
          await setBlock(trx, a.id, "tenant", actor.userId, why);
      },
    );
    await this.o.changed();
    return this.get(actor, name);
  }

  async enable(actor: Actor, name: string): Promise<TenantView> {
    await audited(
      this.db,
      actor,
      { action: "tenant.enable", target: `tenant ${name}`, details: {} },
      async (trx, e) => {
        const t = await tenantNamed(trx, actor, name, "tenant.disable");
        e.tenantId = t.id;
        if (!t.disabled_at) throw conflict(`tenant ${name} is not disabled`);
        await setTenantDisabled(trx, t.id, null);
        for (const a of await listAccounts(trx, { tenantId: t.id }))
          await clearBlock(trx, a.id, "tenant");
      },
    );
    await this.o.changed();
    return this.get(actor, name);
  }
}
