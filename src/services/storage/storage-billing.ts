import { formatMoney, money, parseMoney } from "../../core/money.js";
import { invalidInput } from "../../core/errors.js";
import { findAccountById, listAccounts } from "../../store/accounts.js";
import { walletOf } from "../../store/ledger.js";
import { nowIso, type Db } from "../../store/open.js";
import {
  insertStoragePrice,
  latestUsage,
  listStoragePrices,
  storagePriceAt,
} from "../../store/storage.js";
import type { Actor } from "../access/actor.js";
import { audited } from "../access/audit.js";
import { authorize, reachesEveryTenant } from "../access/permissions.js";
import type { Billing } from "../money/billing.js";
import { post, type MoneyEvent } from "../money/postings.js";
import { tenantNamed } from "../tenancy/tenancy-lookup.js";

export interface StorageCharge {
  account: string;
  bytes: number;
  amount: string;
}

/** A day's share of a month's price: the days of that day's own month. */
function daysInMonth(day: string): number {
  const [y, m] = day.split("-").map(Number);
  return new Date(Date.UTC(y!, m!, 0)).getUTCDate();
}

/**
 * Storage as something sold: a price per GB-month (versioned like the others, per tenant
 * where it differs), and each day's charge to each account for what its project folder held
 * at the day's end — one ledger transaction per account and day, never two.
 */
export class StorageBilling {
  constructor(
    private readonly db: Db,
    private readonly o: {
      currency: string;
      billing: Billing;
      moneyChanged: (e: MoneyEvent[]) => Promise<void>;
    },
  ) {}

  async setPrice(actor: Actor, input: { gbMonth: string; tenant?: string; from?: string }) {
    const units = parseMoney(input.gbMonth, "the price per GB-month");
    if (units < 0) throw invalidInput("a price cannot be negative");
    const from = input.from ?? nowIso();
    if (Number.isNaN(Date.parse(from)))
      throw invalidInput(`from "${input.from}" is not a time: write e.g. 2027-01-01T00:00:00Z`);
    authorize(actor, "price.manage", { tenantId: actor.tenantId, what: "storage prices" });
    const id = await audited(
      this.db,
      actor,
      {
        action: "price.storage",
        target: `storage price${input.tenant ? ` for ${input.tenant}` : ""}`,
        tenantId: null,
        details: { ...input },
      },
      async (trx, e) => {
        const tenant = input.tenant
          ? await tenantNamed(trx, actor, input.tenant, "price.manage")
          : null;
        e.tenantId = tenant?.id ?? null;
        return insertStoragePrice(trx, {
          tenant_id: tenant?.id ?? null,
          gb_month: units,
          effective_from: new Date(from).toISOString(),
          created_by: actor.userId,
          created_at: nowIso(),
        });
      },
    );
    return {
      id,
      gbMonth: formatMoney(units),
      tenant: input.tenant ?? null,
      effectiveFrom: new Date(from).toISOString(),
    };
  }

  /** The storage prices, past and in force: the general ones and those of tenants the actor sees. */
  async prices(actor: Actor) {
    authorize(actor, "price.read", { tenantId: actor.tenantId, what: "storage prices" });
    const rows = await listStoragePrices(
      this.db,
      reachesEveryTenant(actor, "price.manage") ? null : [actor.tenantId],
    );
    return rows.map((r) => ({
      id: r.id,
      gbMonth: formatMoney(money(r.gb_month)),
      tenant: r.tenant,
      effectiveFrom: r.effective_from,
      currency: this.o.currency,
    }));
  }

  /** The price a tenant's accounts pay now, or null where none is set. */
  async priceNow(tenantId: number): Promise<string | null> {
    const p = await storagePriceAt(this.db, tenantId, nowIso());
    return p ? formatMoney(money(p.gb_month)) : null;
  }

  /**
   * Charges one day (YYYY-MM-DD, UTC) to every account whose project folder was counted by its
   * end: bytes/10^9 × the price in force that day ÷ the days of its month. A day charged once is
   * not charged again (its ledger key), so the nightly run and a retry meet safely.
   */
  async chargeDay(day: string): Promise<StorageCharge[]> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
      throw invalidInput(`day "${day}" is not a date: write YYYY-MM-DD`);
    const end = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
    if (end > nowIso())
      throw invalidInput(`${day} has not ended yet: a day is charged once it is over`);
    const accounts = await listAccounts(this.db, {});
    const usage = await latestUsage(
      this.db,
      "account",
      accounts.map((a) => a.id),
      end,
    );
    const charged: StorageCharge[] = [];
    const events: MoneyEvent[] = [];
    for (const a of accounts) {
      const u = usage.get(a.id);
      if (!u || u.bytes === 0) continue;
      const price = await storagePriceAt(this.db, a.tenant_id, `${day}T00:00:00.000Z`);
      if (!price || price.gb_month === 0) continue;
      const amount = Math.round(((u.bytes / 1e9) * price.gb_month) / daysInMonth(day));
      if (amount === 0) continue;
      const key = `storage:${a.id}:${day}`;
      const done = await this.db.transaction().execute(async (trx) => {
        const seen = await trx
          .selectFrom("ledger_transactions")
          .select("id")
          .where("idempotency_key", "=", key)
          .executeTakeFirst();
        if (seen) return false;
        const from = await walletOf(trx, {
          kind: "account",
          tenantId: a.tenant_id,
          accountId: a.id,
        });
        const to = await walletOf(trx, { kind: "center-revenue", tenantId: null, accountId: null });
        await post(trx, {
          kind: "storage",
          actorId: null,
          reason: `storage on ${day}: ${(u.bytes / 1e9).toFixed(3)} GB in ${u.path} at ${formatMoney(money(price.gb_month))}/GB-month`,
          jobId: null,
          idempotencyKey: key,
          postings: [
            { walletId: from.id, amount: -amount },
            { walletId: to.id, amount },
          ],
        });
        events.push(...(await this.o.billing.checkBlock(trx, (await findAccountById(trx, a.id))!)));
        return true;
      });
      if (done)
        charged.push({ account: a.name, bytes: u.bytes, amount: formatMoney(money(amount)) });
    }
    if (events.length) await this.o.moneyChanged(events);
    return charged;
  }
}
