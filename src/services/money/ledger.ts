import { formatMoney, MONEY_MAX, parseMoney, type Money, money } from "../../core/money.js";
import { invalidInput, notFound } from "../../core/errors.js";
import { lockWallets, refundedFor, walletOf } from "../../store/ledger.js";
import type { Db } from "../../store/open.js";
import type { Dialect } from "../../store/dialect.js";
import { getJob, lockJob } from "../../store/jobs.js";
import { findAccountById, type AccountRow } from "../../store/accounts.js";
import { findTenantById } from "../../store/tenants.js";
import type { Billing } from "./billing.js";
import { post, type MoneyEvent } from "./postings.js";
import { WalletService, type WalletView } from "./wallets.js";
import { conflict, type Actor } from "../access/actor.js";
import { audited } from "../access/audit.js";
import { authorize } from "../access/permissions.js";
import { accountNamed, tenantNamed } from "../tenancy/tenancy-lookup.js";

/** An amount as people and programs send it: a decimal string in the center's currency. */
export interface AmountInput {
  amount: string;
  /** Must be the center's currency when given. */
  currency?: string;
  reason?: string;
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
  ) {
    this.wallets = new WalletService(db, o);
  }

  /** The views of the wallets a movement answers with. */
  private readonly wallets: WalletService;

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
        `amount ${input.amount} is larger than any the ledger takes (${formatMoney(money(MONEY_MAX))})`,
      );
    return units;
  }

  private money(units: number): string {
    return `${formatMoney(money(units))} ${this.o.currency}`;
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
    return (await this.wallets.balances(actor, { tenant })).find((w) => w.kind === "tenant")!;
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
            { missing: formatMoney(money(amount - has)) },
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
    return (await this.wallets.balances(actor, { account })).find((w) => w.kind === "account")!;
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
    return (await this.wallets.balances(actor, target)).find(
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
        const job = await getJob(trx, jobId);
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
}
