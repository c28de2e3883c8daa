import type { AccountLimits } from "../../core/account-limits.js";
import { invalidInput, notFound } from "../../core/errors.js";
import { MEMBER_ROLES, type MemberRole } from "../../core/roles.js";
import {
  addMember,
  countActiveJobs,
  countOwners,
  findMember,
  membersOf,
  removeMember,
  updateMember,
} from "../../store/accounts.js";
import type { Db } from "../../store/open.js";
import { findTenantById } from "../../store/tenants.js";
import { findUserByName } from "../../store/users.js";
import { conflict, forbidden, type Actor } from "../access/actor.js";
import { applyLimits, type LimitsPatch } from "./accounts.js";
import { audited } from "../access/audit.js";
import { may } from "../access/permissions.js";
import { accountNamed } from "./tenancy-lookup.js";

export interface MemberView {
  user: string;
  role: MemberRole;
  limits: AccountLimits;
}

function checkRole(role: string): MemberRole {
  if (!(MEMBER_ROLES as readonly string[]).includes(role))
    throw invalidInput(
      `role ${role} does not exist; an account member is one of: ${MEMBER_ROLES.join(", ")}`,
    );
  return role as MemberRole;
}

/** Owners and admins of an account (and tenant and center admins) manage its members; only owners make owners. */
export class MemberService {
  constructor(
    private readonly db: Db,
    private readonly o: { changed: () => Promise<void> },
  ) {}

  async list(actor: Actor, account: string): Promise<MemberView[]> {
    const a = await accountNamed(this.db, actor, account, "member.list");
    return (await membersOf(this.db, a.id)).map((m) => ({
      user: m.username,
      role: m.role,
      limits: JSON.parse(m.limits) as AccountLimits,
    }));
  }

  /** Making or unmaking an owner or admin needs more than an account admin. */
  private checkGrant(actor: Actor, accountId: number, tenantId: number, role: MemberRole): void {
    if (role === "member") return;
    const above =
      may(actor, "member.manage", { tenantId, what: "" }) ||
      actor.accounts.get(accountId) === "owner";
    if (!above)
      throw forbidden(
        `only an owner of the account (or a tenant admin) may make or unmake an ${role}`,
      );
  }

  async add(
    actor: Actor,
    account: string,
    input: { user: string; role?: string; limits?: LimitsPatch },
  ): Promise<MemberView[]> {
    const role = checkRole(input.role ?? "member");
    await audited(
      this.db,
      actor,
      {
        action: "member.add",
        target: `account ${account} user ${input.user}`,
        details: { role, limits: input.limits ?? {} },
      },
      async (trx, e) => {
        const a = await accountNamed(trx, actor, account, "member.manage");
        e.tenantId = a.tenant_id;
        this.checkGrant(actor, a.id, a.tenant_id, role);
        const u = await findUserByName(trx, input.user);
        if (!u || u.tenant_id !== a.tenant_id) {
          const t = await findTenantById(trx, a.tenant_id);
          throw invalidInput(
            `user ${input.user} does not exist in tenant ${t!.name}; an account's members are users of its tenant`,
          );
        }
        if (await findMember(trx, a.id, u.id))
          throw conflict(
            `user ${input.user} is already a member of account ${account}; change the role or limits instead`,
          );
        await addMember(trx, a.id, u.id, role, JSON.stringify(applyLimits({}, input.limits ?? {})));
      },
    );
    await this.o.changed();
    return this.list(actor, account);
  }

  async update(
    actor: Actor,
    account: string,
    user: string,
    patch: { role?: string; limits?: LimitsPatch },
  ): Promise<MemberView[]> {
    if (patch.role === undefined && patch.limits === undefined)
      throw invalidInput("nothing to change: give role or limits");
    const role = patch.role === undefined ? undefined : checkRole(patch.role);
    await audited(
      this.db,
      actor,
      { action: "member.update", target: `account ${account} user ${user}`, details: { ...patch } },
      async (trx, e) => {
        const a = await accountNamed(trx, actor, account, "member.manage");
        e.tenantId = a.tenant_id;
        const m = await this.member(trx, a.id, account, user);
        const set: { role?: MemberRole; limits?: string } = {};
        if (role !== undefined && role !== m.role) {
          this.checkGrant(actor, a.id, a.tenant_id, role);
          this.checkGrant(actor, a.id, a.tenant_id, m.role);
          if (m.role === "owner" && (await countOwners(trx, a.id)) <= 1)
            throw conflict(
              `user ${user} is the last owner of account ${account}; make someone else owner first`,
            );
          set.role = role;
        }
        if (patch.limits)
          set.limits = JSON.stringify(
            applyLimits(JSON.parse(m.limits) as AccountLimits, patch.limits),
          );
        if (Object.keys(set).length) await updateMember(trx, a.id, m.user_id, set);
      },
    );
    await this.o.changed();
    return this.list(actor, account);
  }

  async remove(actor: Actor, account: string, user: string): Promise<MemberView[]> {
    await audited(
      this.db,
      actor,
      { action: "member.remove", target: `account ${account} user ${user}`, details: {} },
      async (trx, e) => {
        const a = await accountNamed(trx, actor, account, "member.manage");
        e.tenantId = a.tenant_id;
        const m = await this.member(trx, a.id, account, user);
        this.checkGrant(actor, a.id, a.tenant_id, m.role);
        if (m.role === "owner" && (await countOwners(trx, a.id)) <= 1)
          throw conflict(
            `user ${user} is the last owner of account ${account}; an account keeps at least one owner`,
          );
        // as sacctmgr does: a member with work under way stays until it is done or cancelled
        const active = (await countActiveJobs(trx, a.id, m.user_id)).user;
        if (active > 0)
          throw conflict(
            `user ${user} has ${active} job(s) pending or running in account ${account}; they end or are cancelled first (guang jobs -A ${account})`,
          );
        await removeMember(trx, a.id, m.user_id);
      },
    );
    await this.o.changed();
    return this.list(actor, account);
  }

  private async member(trx: Db, accountId: number, account: string, user: string) {
    const u = await findUserByName(trx, user);
    const m = u ? await findMember(trx, accountId, u.id) : undefined;
    if (!m) throw notFound(`user ${user} is not a member of account ${account}`);
    return m;
  }
}
