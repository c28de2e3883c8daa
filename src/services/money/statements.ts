import { invalidInput } from "../../core/errors.js";
import { formatMoney, money } from "../../core/money.js";
import { balanceAt, listWallets, movementsByKind, walletOf } from "../../store/ledger.js";
import type { Db } from "../../store/open.js";
import { grantsDuring } from "../../store/grants.js";
import { findTenantById } from "../../store/tenants.js";
import { listAccounts } from "../../store/accounts.js";
import type { Actor } from "../access/actor.js";
import type { ReportService, UsageLine } from "../reports/reports.js";
import { accountNamed, tenantNamed } from "../tenancy/tenancy-lookup.js";

export interface Statement {
  /** "tenant" or "account". */
  of: string;
  name: string;
  tenant: string;
  month: string;
  from: string;
  to: string;
  currency: string;
  opening: string;
  closing: string;
  /** Money in (+) and out (−) by kind: recharge, transfer, charge, refund, adjustment. */
  movements: { kind: string; amount: string; count: number }[];
  usageByPartition: UsageLine[];
  usageByUser: UsageLine[];
  /** For a tenant: its accounts' usage. */
  usageByAccount: UsageLine[];
  /** Grants in force during the month, with what is left of them now. */
  grants: {
    account: string;
    resource: string;
    hours: number;
    leftHours: number;
    startsAt: string;
    endsAt: string;
    expired: boolean;
  }[];
}

/** A month's statement of a tenant (all its money, its accounts' included) or of one account. */
export class StatementService {
  constructor(
    private readonly db: Db,
    private readonly reports: ReportService,
    private readonly currency: string,
  ) {}

  async monthly(
    actor: Actor,
    q: { tenant?: string; account?: string; month: string },
  ): Promise<Statement> {
    const m = /^(\d{4})-(\d{2})$/.exec(q.month);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12)
      throw invalidInput(`month "${q.month}" is not a month: write it as 2026-11`);
    if ((q.tenant === undefined) === (q.account === undefined))
      throw invalidInput("a statement is of a tenant or of an account: give one of them");
    const from = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)).toISOString();
    const to = new Date(Date.UTC(Number(m[1]), Number(m[2]), 1)).toISOString();
    let walletIds: number[];
    let name: string;
    let tenant: string;
    let accountIds: number[];
    if (q.account !== undefined) {
      const a = await accountNamed(this.db, actor, q.account, "money.read");
      walletIds = (await listWallets(this.db, { accountId: a.id })).map((w) => w.id);
      accountIds = [a.id];
      name = a.name;
      tenant = (await findTenantById(this.db, a.tenant_id))!.name;
    } else {
      const t = await tenantNamed(this.db, actor, q.tenant!, "money.read");
      walletIds = (await listWallets(this.db, { tenantId: t.id })).map((w) => w.id);
      accountIds = (await listAccounts(this.db, { tenantId: t.id })).map((x) => x.id);
      name = tenant = t.name;
    }
    const usage = (groupBy: string) =>
      this.reports
        .usage(actor, {
          from,
          to,
          groupBy,
          ...(q.account !== undefined ? { account: q.account } : { tenant: q.tenant }),
        })
        .then((r) => r.lines);
    const movements = (await movementsByKind(this.db, walletIds, from, to)).filter(
      (x) => x.amount !== 0,
    );
    return {
      of: q.account !== undefined ? "account" : "tenant",
      name,
      tenant,
      month: q.month,
      from,
      to,
      currency: this.currency,
      opening: formatMoney(money(await balanceAt(this.db, walletIds, from))),
      closing: formatMoney(money(await balanceAt(this.db, walletIds, to))),
      movements: movements.map((x) => ({
        kind: x.kind,
        amount: formatMoney(money(x.amount)),
        count: x.count,
      })),
      usageByPartition: await usage("partition"),
      usageByUser: await usage("user"),
      usageByAccount: q.account !== undefined ? [] : await usage("account"),
      grants: await this.grantsIn(accountIds, from, to),
    };
  }

  private async grantsIn(
    accountIds: number[],
    from: string,
    to: string,
  ): Promise<Statement["grants"]> {
    if (accountIds.length === 0) return [];
    const rows = await grantsDuring(this.db, accountIds, from, to);
    const hours = (s: number) => Math.round((s / 3600) * 10000) / 10000;
    const out: Statement["grants"] = [];
    for (const g of rows) {
      const left = (
        await walletOf(this.db, { kind: "grant", tenantId: null, accountId: null, grantId: g.id })
      ).balance;
      out.push({
        account: g.name,
        resource: g.resource,
        hours: hours(Number(g.seconds)),
        leftHours: hours(left),
        startsAt: g.starts_at,
        endsAt: g.ends_at,
        expired: g.expired === 1,
      });
    }
    return out;
  }
}
