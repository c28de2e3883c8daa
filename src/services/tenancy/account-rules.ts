import type { DesiredAccount, RulesSource } from "../../backends/backend.js";
import type { AccountAllowed, AccountLimits, BlockKind } from "../../core/account-limits.js";
import { NO_RULES, type AssocRules } from "../../scheduler/assoc-limits.js";
import { allBlocks } from "../../store/accounts.js";
import type { Db } from "../../store/open.js";
import { accountsWithTenants, membersWithUsers } from "../../store/accounts.js";

interface AccountEntry {
  name: string;
  tenant: string;
  limits: AccountLimits;
  allowed: AccountAllowed;
  blocks: Set<BlockKind>;
}

interface MemberEntry {
  accountId: number;
  limits: AccountLimits;
  /** The member's Unix name (null: none, so it cannot run on clusters that run jobs as their users). */
  unix: string | null;
  disabled: boolean;
}

/**
 * Every account's limits, members' limits and blocks, in memory: the scheduler consults
 * them at every pass for every waiting job, and outside schedulers (Slurm) are kept in step
 * with them. Reloaded from the store after each change (changes are rare; passes are not).
 */
export class AccountRules implements RulesSource {
  private accounts = new Map<number, AccountEntry>();
  private members = new Map<string, MemberEntry>();

  constructor(private readonly db: Db) {}

  async reload(): Promise<void> {
    const accounts = new Map<number, AccountEntry>();
    const rows = await accountsWithTenants(this.db);
    for (const a of rows) {
      accounts.set(a.id, {
        name: a.name,
        tenant: a.tenant,
        limits: JSON.parse(a.limits) as AccountLimits,
        allowed: JSON.parse(a.allowed) as AccountAllowed,
        blocks: new Set(),
      });
    }
    for (const b of await allBlocks(this.db)) accounts.get(b.account_id)?.blocks.add(b.kind);
    const members = new Map<string, MemberEntry>();
    const memberRows = await membersWithUsers(this.db);
    for (const m of memberRows) {
      members.set(`${m.account_id}:${m.user_id}`, {
        accountId: m.account_id,
        limits: JSON.parse(m.limits) as AccountLimits,
        unix: m.unix_user,
        disabled: m.disabled_at !== null,
      });
    }
    this.accounts = accounts;
    this.members = members;
  }

  of(accountId: number, userId: number): AssocRules {
    const a = this.accounts.get(accountId);
    if (!a) return NO_RULES;
    return {
      account: a.limits,
      member: this.members.get(`${accountId}:${userId}`)?.limits ?? {},
      blocked: a.blocks.size > 0,
    };
  }

  /** Every account as an outside scheduler should have it: members with a Unix name, limits, blocked or not. */
  desiredAccounts(): DesiredAccount[] {
    const out = new Map<number, DesiredAccount>();
    for (const [id, a] of this.accounts)
      out.set(id, {
        name: a.name,
        tenant: a.tenant,
        limits: a.limits,
        blocked: a.blocks.size > 0,
        members: [],
      });
    // a disabled user keeps no place on the clusters
    for (const m of this.members.values())
      if (m.unix !== null && !m.disabled)
        out.get(m.accountId)?.members.push({ user: m.unix, limits: m.limits });
    return [...out.values()];
  }
}
