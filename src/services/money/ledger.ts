import { formatMoney, MONEY_MAX, parseMoney, type Money } from "../../core/money.js";
import { invalidInput, notFound } from "../../core/errors.js";
import {
  insertTransaction,
  listTransactions,
  listWallets,
  lockWallets,
  refundedFor,
  walletOf,
  type NewTransaction,
} from "../../store/ledger.js";
import type { Db } from "../../store/open.js";
import type { Dialect } from "../../store/dialect.js";
import { lockJob } from "../../store/jobs.js";
import { blocksOf, findAccountById, type AccountRow } from "../../store/accounts.js";
import { findTenantById } from "../../store/tenants.js";
import type { Billing, MoneyEvent } from "./billing.js";
import { conflict, forbidden, hasRole, isCenterStaff, type Actor } from "../access/actor.js";
import { audited } from "../access/audit.js";
import { authorize, reachesEveryTenant, reachesWholeTenant } from "../access/permissions.js";
import { accountNamed, tenantNamed } from "../tenancy/tenancy-lookup.js";

/** An amount as people and programs send it: a decimal string in the center's currency. */
export interface AmountInput {
  amount: string;
  /** Must be the center's currency when given. */
  currency?: string;
  reason?: string;
}

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

/**
 * Checks a transaction and writes it: at least two postings, none zero, each within bounds,
 * summing to zero. Every movement of money goes through here.
 */
export async function post(trx: Db, t: NewTransaction): Promise<number> {
  if (t.postings.length < 2) throw new Error("a ledger transaction needs two postings at least");
  let sum = 0;
  for (const p of t.postings) {
    if (!Number.isSafeInteger(p.amount) || p.amount === 0 || Math.abs(p.amount) > MONEY_MAX)
      throw new Error(`invalid posting amount ${p.amount}`);
    sum += p.amount;
  }
  if (sum !== 0) throw new Error(`ledger transaction does not balance: its postings sum to ${sum}`);
  return insertTransaction(trx, t);
}

/** Money moved by people: the center's finance recharges tenants, a tenant's finance moves money to its accounts, corrections with a reason. */
export class LedgerService {
  constructor(
    private readonly db: Db,
    private readonly o: {
      dialect: Dialect;
      currency: string;
      billing: Billing;
      moneyChanged: (events: MoneyEvent[]) => Promise<void>;
    },
  ) {}

  /** A positive amount (or, for adjustments, a nonzero one) in the center's currency. */
  private amount(input: AmountInput, signed: boolean): Money {
    if (input.currency !== undefined && input.currency !== this.o.currency) {
      throw invalidInput(
        `currency ${input.currency} is not this center's: it keeps accounts in ${this.o.currency}`,
      );
    }
    const units = parseMoney(input.amount);
    if (units === 0 || (!signed && units < 0))
      throw invalidInput(
        `amount ${input.amount} must be ${signed ? "other than zero" : "greater than zero"}`,
      );
    if (Math.abs(units) > MONEY_MAX)
      throw invalidInput(
        `amount ${input.amount} is larger than any the ledger takes (${formatMoney(MONEY_MAX)})`,
      );
    return units;
  }

  private money(units: number): string {
    return `${formatMoney(units)} ${this.o.currency}`;
  }

  /** The center's finance puts money into a tenant's wallet (it came from outside: the center's funds). */
  async recharge(actor: Actor, tenant: string, input: AmountInput): Promise<WalletView> {
    const amount = this.amount(input, false);
    const reason = input.reason?.trim() || null;
    await audited(
      this.db,
      actor,
      {
        action: "money.recharge",
        target: `tenant ${tenant}`,
        details: { amount: input.amount, currency: this.o.currency, reason },
      },
      async (trx, e) => {
        const t = await tenantNamed(trx, actor, tenant, "money.recharge");
        e.tenantId = t.id;
        const funds = await walletOf(trx, {
          kind: "center-funds",
          tenantId: null,
          accountId: null,
        });
        const to = await walletOf(trx, { kind: "tenant", tenantId: t.id, accountId: null });
        await post(trx, {
          kind: "recharge",
          actorId: actor.userId,
          reason,
          postings: [
            { walletId: funds.id, amount: -amount },
            { walletId: to.id, amount },
          ],
        });
      },
    );
    return (await this.balances(actor, { tenant })).find((w) => w.kind === "tenant")!;
  }

  /** A tenant's finance moves money from the tenant's wallet to one of its accounts; never more than the tenant has. */
  async transfer(actor: Actor, account: string, input: AmountInput): Promise<WalletView> {
    const amount = this.amount(input, false);
    const reason = input.reason?.trim() || null;
    const events = await audited(
      this.db,
      actor,
      {
        action: "money.transfer",
        target: `account ${account}`,
        details: { amount: input.amount, currency: this.o.currency, reason },
      },
      async (trx, e) => {
        const a = await accountNamed(trx, actor, account, "money.transfer");
        e.tenantId = a.tenant_id;
        const from = await walletOf(trx, {
          kind: "tenant",
          tenantId: a.tenant_id,
          accountId: null,
        });
        const to = await walletOf(trx, { kind: "account", tenantId: a.tenant_id, accountId: a.id });
        await lockWallets(trx, [from.id, to.id], this.o.dialect);
        const has = (
          await walletOf(trx, { kind: "tenant", tenantId: a.tenant_id, accountId: null })
        ).balance;
        if (has < amount) {
          const t = await findTenantById(trx, a.tenant_id);
          throw conflict(
            `tenant ${t!.name} has ${this.money(has)}; moving ${this.money(amount)} to account ${account} needs ${this.money(amount - has)} more (a recharge by the center's finance)`,
            { missing: formatMoney(amount - has) },
          );
        }
        await post(trx, {
          kind: "transfer",
          actorId: actor.userId,
          reason,
          postings: [
            { walletId: from.id, amount: -amount },
            { walletId: to.id, amount },
          ],
        });
        // money coming back lifts a block for money at once
        return this.o.billing.checkBlock(trx, a);
      },
    );
    if (events.length) await this.o.moneyChanged(events);
    return (await this.balances(actor, { account })).find((w) => w.kind === "account")!;
  }

  /** A correction by the center's finance, up or down, with a reason; it never takes a wallet below zero. */
  async adjust(
    actor: Actor,
    target: { tenant?: string; account?: string },
    input: AmountInput,
  ): Promise<WalletView> {
    const amount = this.amount(input, true);
    const reason = input.reason?.trim();
    if (!reason)
      throw invalidInput(
        "an adjustment needs a reason (it is kept in the ledger and the audit log)",
      );
    if ((target.tenant === undefined) === (target.account === undefined))
      throw invalidInput("adjust either a tenant or an account: give one of them");
    const what =
      target.tenant !== undefined ? `tenant ${target.tenant}` : `account ${target.account}`;
    const events = await audited(
      this.db,
      actor,
      {
        action: "money.adjust",
        target: what,
        details: { amount: input.amount, currency: this.o.currency, reason },
      },
      async (trx, e) => {
        let owner;
        let account: AccountRow | null = null;
        if (target.tenant !== undefined) {
          const t = await tenantNamed(trx, actor, target.tenant, "money.adjust");
          owner = { kind: "tenant" as const, tenantId: t.id, accountId: null };
        } else {
          account = await accountNamed(trx, actor, target.account!, "money.adjust");
          owner = { kind: "account" as const, tenantId: account.tenant_id, accountId: account.id };
        }
        e.tenantId = owner.tenantId;
        const funds = await walletOf(trx, {
          kind: "center-funds",
          tenantId: null,
          accountId: null,
        });
        const w = await walletOf(trx, owner);
        await lockWallets(trx, [funds.id, w.id], this.o.dialect);
        const has = (await walletOf(trx, owner)).balance;
        if (has + amount < 0)
          throw conflict(
            `${what} has ${this.money(has)}; taking ${this.money(-amount)} would leave it below zero`,
          );
        await post(trx, {
          kind: "adjustment",
          actorId: actor.userId,
          reason,
          postings: [
            { walletId: funds.id, amount: -amount },
            { walletId: w.id, amount },
          ],
        });
        return account ? this.o.billing.checkBlock(trx, account) : [];
      },
    );
    if (events.length) await this.o.moneyChanged(events);
    return (await this.balances(actor, target)).find(
      (x) => x.kind === (target.tenant !== undefined ? "tenant" : "account"),
    )!;
  }

  /**
   * Gives back (part of) a job's charge to its account, with a reason: from the center's
   * revenue, never more than the job was charged less what was refunded already.
   */
  async refund(
    actor: Actor,
    jobId: number,
    input: AmountInput,
  ): Promise<{ job: number; refunded: string; currency: string }> {
    const amount = this.amount(input, false);
    const reason = input.reason?.trim();
    if (!reason)
      throw invalidInput("a refund needs a reason (it is kept in the ledger and the audit log)");
    await audited(
      this.db,
      actor,
      {
        action: "money.refund",
        target: `job ${jobId}`,
        details: { amount: input.amount, currency: this.o.currency, reason },
      },
      async (trx, e) => {
        // two refunds of one job must not both see the same amount left
        await lockJob(trx, jobId, this.o.dialect);
        const job = await trx
          .selectFrom("jobs")
          .select(["id", "account_id", "cost_units"])
          .where("id", "=", jobId)
          .executeTakeFirst();
        const account = job ? await findAccountById(trx, job.account_id) : undefined;
        if (!job || !account) throw notFound(`job ${jobId} does not exist`);
        authorize(actor, "money.refund", {
          tenantId: account.tenant_id,
          accountId: account.id,
          what: `job ${jobId}`,
        });
        e.tenantId = account.tenant_id;
        if (job.cost_units === null)
          throw conflict(
            `job ${jobId} has not been charged yet (it has not ended); refund it once it has`,
          );
        const refunded = await refundedFor(trx, jobId);
        const left = Number(job.cost_units) - refunded;
        if (amount > left)
          throw conflict(
            `job ${jobId} was charged ${this.money(Number(job.cost_units))}${refunded ? ` and ${this.money(refunded)} of it refunded already` : ""}; at most ${this.money(left)} can be refunded`,
          );
        const revenue = await walletOf(trx, {
          kind: "center-revenue",
          tenantId: null,
          accountId: null,
        });
        const to = await walletOf(trx, {
          kind: "account",
          tenantId: account.tenant_id,
          accountId: account.id,
        });
        await post(trx, {
          kind: "refund",
          actorId: actor.userId,
          reason,
          jobId,
          postings: [
            { walletId: revenue.id, amount: -amount },
            { walletId: to.id, amount },
          ],
        });
        return this.o.billing.checkBlock(trx, account);
      },
    ).then((events) => (events.length ? this.o.moneyChanged(events) : undefined));
    return { job: jobId, refunded: formatMoney(amount), currency: this.o.currency };
  }

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
        await trx.updateTable("accounts").set(set).where("id", "=", a.id).execute();
        return this.o.billing.checkBlock(trx, { ...a, ...set } as AccountRow);
      },
    );
    if (events.length) await this.o.moneyChanged(events);
    return this.billingOf(actor, account);
  }

  async billingOf(actor: Actor, account: string): Promise<AccountBilling> {
    const a = await accountNamed(this.db, actor, account, "money.read");
    const blocked = (await blocksOf(this.db, [a.id])).find((b) => b.kind === "money");
    return {
      account: a.name,
      available: formatMoney(await this.o.billing.available(this.db, a)),
      threshold: formatMoney(Number(a.threshold)),
      lowBalance: formatMoney(Number(a.low_balance)),
      creditLimit: formatMoney(Number(a.credit_limit)),
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
        balance: formatMoney(Number(w.balance)),
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
          amount: formatMoney(Number(p.amount)),
        })),
      })),
      next: rows.length > limit ? page[page.length - 1]!.id : null,
    };
  }
}
