import type { RulesSource } from "../backends/backend.js";
import type { AccountAllowed, AccountLimits, BlockKind } from "../core/account-limits.js";
import { NO_RULES, type AssocRules } from "../scheduler/assoc-limits.js";
import { allBlocks, allMembers } from "../store/accounts.js";
import type { Db } from "../store/open.js";

interface AccountEntry {
  limits: AccountLimits;
  allowed: AccountAllowed;
  blocks: Set<BlockKind>;
}

/**
 * Every account's limits, members' limits and blocks, in memory: the scheduler consults
 * them at every pass for every waiting job. Reloaded from the store after each change
 * (changes are rare; passes are not).
 */
export class AccountRules implements RulesSource {
  private accounts = new Map<number, AccountEntry>();
  private members = new Map<string, AccountLimits>();

  constructor(private readonly db: Db) {}

  async reload(): Promise<void> {
    const accounts = new Map<number, AccountEntry>();
    for (const a of await this.db.selectFrom("accounts").select(["id", "limits", "allowed"]).execute()) {
      accounts.set(a.id, { limits: JSON.parse(a.limits) as AccountLimits, allowed: JSON.parse(a.allowed) as AccountAllowed, blocks: new Set() });
    }
    for (const b of await allBlocks(this.db)) accounts.get(b.account_id)?.blocks.add(b.kind);
    const members = new Map<string, AccountLimits>();
    for (const m of await allMembers(this.db)) members.set(`${m.account_id}:${m.user_id}`, JSON.parse(m.limits) as AccountLimits);
    this.accounts = accounts;
    this.members = members;
  }

  of(accountId: number, userId: number): AssocRules {
    const a = this.accounts.get(accountId);
    if (!a) return NO_RULES;
    return { account: a.limits, member: this.members.get(`${accountId}:${userId}`) ?? {}, blocked: a.blocks.size > 0 };
  }
}
