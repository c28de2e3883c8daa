import { formatMoney, parseMoney, type Money, money } from "../../core/money.js";
import { invalidInput } from "../../core/errors.js";
import { listTransactions, listWallets } from "../../store/ledger.js";
import type { Db } from "../../store/open.js";
import { blocksOf, setAccountBilling, type AccountRow } from "../../store/accounts.js";
import { findTenantById } from "../../store/tenants.js";
import type { Billing } from "./billing.js";
import { activeGrants } from "./grant-ledger.js";
import { grantsInForce } from "../../store/grants.js";
import type { MoneyEvent } from "./postings.js";
import { forbidden, hasRole, isCenterStaff, type Actor } from "../access/actor.js";
import { audited } from "../access/audit.js";
import { authorize, reachesEveryTenant, reachesWholeTenant } from "../access/permissions.js";
import { accountNamed, tenantNamed } from "../tenancy/tenancy-lookup.js";

export interface AccountBilling {
  account: string;
  /** Balance + credit: what new jobs' holds may take. */
  available: string;
  threshold: string;
  /** Below this, its people are warned by e-mail. */
  lowBalance: string;
  creditLimit: string;
  whitelisted: boolean;
  /** Why it is blocked for money, or null. */
  blockedForMoney: string | null;
  currency: string;
}

export interface WalletView {
  kind: string;
  tenant: string | null;
  account: string | null;
  balance: string;
  currency: string;
}

export interface TransactionView {
  id: number;
  at: string;
  kind: string;
  actor: string | null;
  reason: string | null;
  jobId: number | null;
  postings: { wallet: string; amount: string }[];
}

/** What an account's members see of its money: what it can spend, not the ledger. */
export interface Spendable {
  account: string;
  /** Balance + credit, holds of waiting and running jobs taken out. */
  available: string;
  currency: string;
  grantsLeft: { coreHours: number; gpuHours: number };
  /** What the grants in force gave, used or not: with grantsLeft, how much is used. */
  grantsGiven: { coreHours: number; gpuHours: number };
  /** Below the account's low-balance mark: its people are warned before it is blocked. */
  low: boolean;
  blockedForMoney: string | null;
}

/** What the people of a tenant or account see of their money, and an account's money settings. */
export class WalletService {
  constructor(
    private readonly db: Db,
    private readonly o: {
      currency: string;
      billing: Billing;
      moneyChanged: (events: MoneyEvent[]) => Promise<void>;
    },
  ) {}

  /** An account's money settings: the threshold under which it is blocked, its credit, and whether it is never blocked. */
  async setBilling(
    actor: Actor,
    account: string,
    input: { threshold?: string; creditLimit?: string; whitelisted?: boolean; lowBalance?: string },
  ): Promise<AccountBilling> {
    const set: {
      threshold?: number;
      credit_limit?: number;
      whitelisted?: number;
      low_balance?: number;
    } = {};
    if (input.lowBalance !== undefined)
      set.low_balance = this.nonNegative(input.lowBalance, "lowBalance");
    if (input.threshold !== undefined)
      set.threshold = this.nonNegative(input.threshold, "threshold");
    if (input.creditLimit !== undefined)
      set.credit_limit = this.nonNegative(input.creditLimit, "creditLimit");
    if (input.whitelisted !== undefined) set.whitelisted = input.whitelisted ? 1 : 0;
    if (Object.keys(set).length === 0)
      throw invalidInput(
        "nothing to change: give threshold, creditLimit, lowBalance or whitelisted",
      );
    const events = await audited(
      this.db,
      actor,
      { action: "money.settings", target: `account ${account}`, details: { ...input } },
      async (trx, e) => {
        const a = await accountNamed(trx, actor, account, "money.settings");
        e.tenantId = a.tenant_id;
        // credit and exemption from blocks spend the center's money, not the tenant's: the center's finance decides them
        if (
          (input.creditLimit !== undefined || input.whitelisted !== undefined) &&
          !hasRole(actor, "center-finance")
        ) {
          throw forbidden(
            `only the center's finance may set an account's creditLimit or whitelisted; a tenant's finance sets threshold and lowBalance`,
          );
        }
        await setAccountBilling(trx, a.id, set);
        return this.o.billing.checkBlock(trx, { ...a, ...set } as AccountRow);
      },
    );
    if (events.length) await this.o.moneyChanged(events);
    return this.billingOf(actor, account);
  }

  /** What an account can spend and its grants left, for anyone who works in it. */
  async spendable(actor: Actor, account: string): Promise<Spendable> {
    const a = await accountNamed(this.db, actor, account, "money.spendable");
    const now = new Date().toISOString();
    const left = await activeGrants(this.db, a.id, now);
    const given = await grantsInForce(this.db, a.id, now);
    const hours = (r: "cpu" | "gpu", gs: { resource: string; seconds: number }[]) =>
      Math.round(
        (gs.filter((g) => g.resource === r).reduce((n, g) => n + g.seconds, 0) / 3600) * 100,
      ) / 100;
    const leftSeconds = left.map((g) => ({ resource: g.resource, seconds: g.left }));
    const blocked = (await blocksOf(this.db, [a.id])).find((b) => b.kind === "money");
    const available = await this.o.billing.available(this.db, a);
    return {
      account: a.name,
      available: formatMoney(available),
      currency: this.o.currency,
      grantsLeft: { coreHours: hours("cpu", leftSeconds), gpuHours: hours("gpu", leftSeconds) },
      grantsGiven: { coreHours: hours("cpu", given), gpuHours: hours("gpu", given) },
      low: Number(a.low_balance) > 0 && available < Number(a.low_balance),
      blockedForMoney: blocked ? blocked.reason : null,
    };
  }

  async billingOf(actor: Actor, account: string): Promise<AccountBilling> {
    const a = await accountNamed(this.db, actor, account, "money.read");
    const blocked = (await blocksOf(this.db, [a.id])).find((b) => b.kind === "money");
    return {
      account: a.name,
      available: formatMoney(await this.o.billing.available(this.db, a)),
      threshold: formatMoney(money(Number(a.threshold))),
      lowBalance: formatMoney(money(Number(a.low_balance))),
      creditLimit: formatMoney(money(Number(a.credit_limit))),
      whitelisted: a.whitelisted === 1,
      blockedForMoney: blocked ? blocked.reason : null,
      currency: this.o.currency,
    };
  }

  private nonNegative(text: string, what: string): Money {
    const m = parseMoney(text, what);
    if (m < 0) throw invalidInput(`${what} ${text} must not be negative`);
    return m;
  }

  /** Balances the actor may see: one tenant's (its wallet and its accounts'), one account's, or everything for the center. */
  async balances(actor: Actor, f: { tenant?: string; account?: string }): Promise<WalletView[]> {
    let rows;
    if (f.account !== undefined) {
      const a = await accountNamed(this.db, actor, f.account, "money.read");
      rows = await listWallets(this.db, { accountId: a.id });
      if (rows.length === 0)
        rows = [
          {
            id: 0,
            kind: "account" as const,
            balance: 0,
            tenant: (await findTenantById(this.db, a.tenant_id))!.name,
            account: a.name,
          },
        ];
    } else {
      const t =
        f.tenant !== undefined
          ? await tenantNamed(this.db, actor, f.tenant, "money.read")
          : undefined;
      if (t === undefined && reachesEveryTenant(actor, "money.read"))
        rows = await listWallets(this.db, {});
      else {
        const tenantId = t?.id ?? actor.tenantId;
        if (reachesWholeTenant(actor, "money.read", tenantId))
          rows = await listWallets(this.db, { tenantId });
        else {
          // an account's owner or admin: the wallets of the accounts they manage
          const mine = [...actor.accounts]
            .filter(([, role]) => role !== "member")
            .map(([id]) => id);
          if (mine.length === 0)
            authorize(actor, "money.read", {
              tenantId,
              what: t ? `tenant ${t.name}` : "your tenant",
            });
          rows = [];
          for (const id of mine) rows.push(...(await listWallets(this.db, { accountId: id })));
        }
        if (rows.length === 0 && t)
          rows = [{ id: 0, kind: "tenant" as const, balance: 0, tenant: t.name, account: null }];
      }
    }
    const staff = isCenterStaff(actor);
    return rows
      .filter((w) => staff || (w.kind !== "center-funds" && w.kind !== "center-revenue"))
      .map((w) => ({
        kind: w.kind,
        tenant: w.tenant,
        account: w.account,
        balance: formatMoney(money(Number(w.balance))),
        currency: this.o.currency,
      }));
  }

  /** Transactions on the wallets the actor may see, newest first. */
  async transactions(
    actor: Actor,
    f: { tenant?: string; account?: string; before?: number; limit?: number },
  ): Promise<{ transactions: TransactionView[]; next: number | null }> {
    let walletIds: number[] | undefined;
    if (f.account !== undefined) {
      const a = await accountNamed(this.db, actor, f.account, "money.read");
      walletIds = (await listWallets(this.db, { accountId: a.id })).map((w) => w.id);
    } else if (f.tenant !== undefined) {
      const t = await tenantNamed(this.db, actor, f.tenant, "money.read");
      if (!reachesWholeTenant(actor, "money.read", t.id))
        authorize(actor, "money.read", { tenantId: t.id, accountId: -1, what: `tenant ${t.name}` });
      walletIds = (await listWallets(this.db, { tenantId: t.id })).map((w) => w.id);
    } else if (!reachesEveryTenant(actor, "money.read")) {
      if (!reachesWholeTenant(actor, "money.read", actor.tenantId))
        authorize(actor, "money.read", {
          tenantId: actor.tenantId,
          accountId: -1,
          what: "your tenant",
        });
      walletIds = (await listWallets(this.db, { tenantId: actor.tenantId })).map((w) => w.id);
    }
    const limit = f.limit ?? 100;
    const rows = await listTransactions(this.db, {
      walletIds,
      beforeId: f.before,
      limit: limit + 1,
    });
    const names = new Map(
      (await listWallets(this.db, {})).map((w) => [
        w.id,
        w.kind === "tenant"
          ? `tenant:${w.tenant}`
          : w.kind === "account"
            ? `account:${w.account}`
            : w.kind,
      ]),
    );
    const page = rows.slice(0, limit);
    return {
      transactions: page.map((t) => ({
        id: t.id,
        at: t.at,
        kind: t.kind,
        actor: t.actor,
        reason: t.reason,
        jobId: t.job_id,
        postings: t.postings.map((p) => ({
          wallet: names.get(p.wallet_id) ?? `#${p.wallet_id}`,
          amount: formatMoney(money(Number(p.amount))),
        })),
      })),
      next: rows.length > limit ? page[page.length - 1]!.id : null,
    };
  }
}
