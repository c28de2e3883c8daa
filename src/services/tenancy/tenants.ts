import { checkName } from "../../core/names.js";
import type { Db } from "../../store/open.js";
import { createTenant, findTenant, listTenants } from "../../store/tenants.js";
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
}

function tenantView(r: {
  name: string;
  users: unknown;
  accounts: unknown;
  created_at: string;
}): TenantView {
  return {
    name: r.name,
    users: Number(r.users),
    accounts: Number(r.accounts),
    createdAt: r.created_at,
  };
}

/** Institutions: the center creates them, each with its first tenant admin. */
export class TenantService {
  constructor(
    private readonly db: Db,
    private readonly o: { minPasswordLength: number },
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
}
