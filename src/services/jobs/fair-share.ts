import { decayUsage, fairTreeFactors, type ShareNode } from "../../scheduler/fairshare.js";
import { shareTree, usageSince } from "../../store/fair-share.js";
import { membersOf } from "../../store/accounts.js";
import type { Db } from "../../store/open.js";
import type { Actor } from "../access/actor.js";
import { accountNamed } from "../tenancy/tenancy-lookup.js";

/** Usage older than this many half-lives weighs less than 1/64 of new: it is left out. */
const HALF_LIVES_KEPT = 6;

export interface FairShareView {
  account: string;
  users: { user: string; usageCoreHours: number; factor: number }[];
}

/**
 * Fair share for the live scheduler, as Slurm's Fair Tree computes it over tenant → account
 * → user (scheduler/fairshare.ts), from the core-seconds of ended jobs in the store, decayed
 * with a half-life. Usage is read again on a timer; the factors are also recomputed after
 * changes of accounts or members. The scheduler reads the last result at each pass.
 */
export class FairShare {
  private factors = new Map<string, number>();
  private usage = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly halfLifeS: number,
  ) {}

  /** Decayed usage by leaf, as last read from the store. */
  private leafUsage = new Map<string, number>();

  /**
   * Recomputes the factors: over the accounts and members as they are now, and (unless
   * `readUsage` is false: an access change, which moves no usage) with usage read again.
   */
  async reload(readUsage = true, nowMs = Date.now()): Promise<void> {
    const { tenants, accounts, members } = await shareTree(this.db);
    // only users are leaves: an account without members, or a tenant without accounts, takes no part
    const roots: ShareNode[] = tenants
      .map((t) => ({
        name: `t${t.id}`,
        children: accounts
          .filter((a) => a.tenant_id === t.id)
          .map((a) => ({
            name: `a${a.id}`,
            children: members
              .filter((m) => m.account_id === a.id)
              .map((m) => ({ name: `u${m.user_id}` })),
          }))
          .filter((a) => a.children.length > 0),
      }))
      .filter((t) => t.children.length > 0);
    if (readUsage) {
      const now = nowMs / 1000;
      const fresh = new Map<string, number>();
      for (const j of await usageSince(
        this.db,
        new Date(nowMs - HALF_LIVES_KEPT * this.halfLifeS * 1000).toISOString(),
      )) {
        const key = `t${j.tenant_id}/a${j.account_id}/u${j.user_id}`;
        fresh.set(
          key,
          (fresh.get(key) ?? 0) +
            decayUsage(Number(j.core_seconds), Date.parse(j.end_time!) / 1000, now, this.halfLifeS),
        );
      }
      this.leafUsage = fresh;
    }
    const usage = this.leafUsage;
    const byLeaf = fairTreeFactors(roots, usage);
    const factors = new Map<string, number>();
    const used = new Map<string, number>();
    for (const [key, f] of byLeaf) {
      const [, a, u] = key.split("/");
      factors.set(`${a!.slice(1)}:${u!.slice(1)}`, f);
      used.set(`${a!.slice(1)}:${u!.slice(1)}`, usage.get(key) ?? 0);
    }
    this.factors = factors;
    this.usage = used;
  }

  /** A user's factor in an account, [0, 1] (1: the most deserving; one not yet counted: 1). */
  of(accountId: number, userId: number): number {
    return this.factors.get(`${accountId}:${userId}`) ?? 1;
  }

  /** An account's members with their decayed usage and factor, like sshare. */
  async view(actor: Actor, account: string): Promise<FairShareView> {
    const a = await accountNamed(this.db, actor, account, "member.list");
    const users = (await membersOf(this.db, a.id)).map((m) => ({
      user: m.username,
      usageCoreHours: Math.round(((this.usage.get(`${a.id}:${m.id}`) ?? 0) / 3600) * 1000) / 1000,
      factor: Math.round(this.of(a.id, m.id) * 10000) / 10000,
    }));
    return { account: a.name, users };
  }
}
