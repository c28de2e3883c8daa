import { allocTres, type JobAlloc } from "../../backends/backend.js";
import type { Tres } from "../../core/tres.js";
import { GuangError } from "../../core/errors.js";
import { formatMoney, type Money, money } from "../../core/money.js";
import {
  resourceCost,
  resourceSeconds,
  usageCost,
  type Rates,
  type ResourceSeconds,
} from "../../core/pricing.js";
import {
  blocksOf,
  clearBlock,
  setLowWarned,
  findAccountById,
  setBlock,
  type AccountRow,
} from "../../store/accounts.js";
import { walletOf } from "../../store/ledger.js";
import type { Db } from "../../store/open.js";
import { ratesAt } from "../../store/prices.js";
import { chargeRowOf, recordCharge, unchargedEndedJobs } from "../../store/jobs.js";
import {
  activeGrants,
  holdGrants,
  settleGrants,
  takeFromGrants,
  type GrantHold,
} from "./grant-ledger.js";
import { post, type MoneyEvent } from "./postings.js";

/** What one job holds at submission: money, and resource-seconds of grants. */
export interface HoldPlan {
  money: Money;
  grants: GrantHold[];
}

/** What a job asks for, to price its worst case at submission. */
export interface HoldRequest {
  cluster: string;
  partition: string;
  qos: string;
  /** Seconds; null: unlimited. */
  timeLimit: number | null;
  /** What one job holds at least. */
  need: Tres;
  /** How many jobs (array tasks) the submission makes, each holding as much. */
  jobs: number;
  at: string;
}

function noPrice(cluster: string, partition: string): GuangError {
  return new GuangError(
    "no_price",
    409,
    `partition ${partition} of cluster ${cluster} has no price yet, so no job can run there; the center's finance sets one (POST /api/v1/prices)`,
  );
}

/**
 * The life of a charge: the worst case is held at submission, and at the end the hold is
 * released and the real cost charged — once per job (the ledger's idempotency key), in
 * the same transaction that records the job's end. An account whose money falls below its
 * threshold is blocked, and unblocked when money comes back.
 */
export class Billing {
  constructor(readonly currency: string) {}

  private money(units: Money): string {
    return `${formatMoney(units)} ${this.currency}`;
  }

  /** What the account can still spend: its balance (holds are out of it already) and its credit. */
  async available(db: Db, account: AccountRow): Promise<Money> {
    const w = await walletOf(db, {
      kind: "account",
      tenantId: account.tenant_id,
      accountId: account.id,
    });
    return money(w.balance + Number(account.credit_limit));
  }

  /** What an hour of a job of this request costs the tenant at `at` (its price and discount); null: the partition has no price. */
  async perHour(
    db: Db,
    tenantId: number,
    r: { cluster: string; partition: string; qos: string; need: Tres; at: string },
  ) {
    const found = await ratesAt(db, {
      cluster: r.cluster,
      partition: r.partition,
      qos: r.qos,
      tenantId,
      at: r.at,
    });
    if (!found) return null;
    const hour = resourceSeconds({ tres: r.need, seconds: 3600 });
    return {
      found,
      perHour: resourceCost({ ...found.rates, minCharge: money(0) }, hour, found.discount),
    };
  }

  /**
   * What each job of a submission holds: of its grants first (core- or GPU-seconds of the
   * worst case), then money for the rest (price in force now × what the grants do not cover
   * × time limit). Refuses when there is no price or the account cannot cover them all.
   */
  async planHolds(db: Db, account: AccountRow, r: HoldRequest): Promise<HoldPlan[]> {
    const priced = await this.perHour(db, account.tenant_id, r);
    if (!priced) throw noPrice(r.cluster, r.partition);
    const { found, perHour } = priced;
    const free = perHour === 0 && found.rates.minCharge === 0;
    if (free) return Array.from({ length: r.jobs }, () => ({ money: money(0), grants: [] }));
    if (r.timeLimit === null)
      throw new GuangError(
        "invalid_input",
        400,
        `partition ${r.partition} costs ${this.money(perHour)} an hour for this job: give it a time limit (-t) so that its worst case can be held`,
      );
    const worst = resourceSeconds({ tres: r.need, seconds: r.timeLimit });
    const grants = await activeGrants(db, account.id, r.at);
    const plans: HoldPlan[] = [];
    for (let i = 0; i < r.jobs; i++) {
      const g = takeFromGrants(grants, { core: worst.coreSeconds, gpu: worst.gpuSeconds });
      plans.push({ money: this.uncoveredCost(found, worst, g), grants: g.holds });
    }
    const need = plans.reduce((x, p) => x + p.money, 0);
    const has = await this.available(db, account);
    if (has < need) {
      const each = plans[plans.length - 1]!.money;
      throw new GuangError(
        "insufficient_funds",
        402,
        `account ${account.name} can spend ${this.money(has)}; this submission needs ${this.money(money(need))} held (${r.jobs > 1 ? `${r.jobs} jobs, up to ${this.money(each)} each, ` : ""}the price × the request × the time limit, after grants), ${this.money(money(need - has))} more; ask your tenant's finance to move money to the account`,
        { missing: formatMoney(money(need - has)), needed: formatMoney(money(need)) },
      );
    }
    return plans;
  }

  /** Money for what grants do not cover; nothing when they cover it all (no minimum charge then). */
  private uncoveredCost(
    found: { rates: Rates; discount: number },
    x: ResourceSeconds,
    covered: { core: number; gpu: number },
  ): Money {
    const rest = {
      coreSeconds: Math.max(0, x.coreSeconds - covered.core),
      memMiBSeconds: x.memMiBSeconds,
      gpuSeconds: Math.max(0, x.gpuSeconds - covered.gpu),
      gpuType: x.gpuType,
    };
    const nothing =
      rest.coreSeconds === 0 &&
      rest.gpuSeconds === 0 &&
      (rest.memMiBSeconds === 0 || found.rates.memGiBHour === 0);
    return nothing && (covered.core > 0 || covered.gpu > 0)
      ? money(0)
      : resourceCost(found.rates, rest, found.discount);
  }

  /** Sets the holds of a job just written (in the submission's transaction). */
  async hold(db: Db, account: AccountRow, jobId: number, plan: HoldPlan): Promise<void> {
    await holdGrants(db, jobId, plan.grants);
    if (plan.money === 0) return;
    const from = await walletOf(db, {
      kind: "account",
      tenantId: account.tenant_id,
      accountId: account.id,
    });
    const to = await walletOf(db, {
      kind: "account-hold",
      tenantId: account.tenant_id,
      accountId: account.id,
    });
    await post(db, {
      kind: "hold",
      actorId: null,
      reason: null,
      jobId,
      idempotencyKey: `hold:${jobId}`,
      postings: [
        { walletId: from.id, amount: -plan.money },
        { walletId: to.id, amount: plan.money },
      ],
    });
  }

  /** The cost of a job from its start to `endTime` (or now): its allocation × elapsed × the price in force when it started. */
  async cost(
    db: Db,
    j: {
      accountId: number;
      tenantId: number;
      cluster: string;
      partition: string;
      qos: string;
      startTime: string | null;
      alloc: JobAlloc | null;
    },
    endMs: number,
  ): Promise<Money> {
    if (j.startTime === null || j.alloc === null) return money(0);
    // to the millisecond: jobs of less than a second are common, and each pays for what it ran
    const seconds = Math.max(0, (endMs - Date.parse(j.startTime)) / 1000);
    const found = await ratesAt(db, {
      cluster: j.cluster,
      partition: j.partition,
      qos: j.qos,
      tenantId: j.tenantId,
      at: j.startTime,
    });
    if (!found) return money(0);
    return usageCost(found.rates, { tres: allocTres(j.alloc), seconds }, found.discount);
  }

  /**
   * Releases an ended job's hold and charges its cost, once: a second call for the same job
   * (a report repeated after a crash) changes nothing. The charge is never more than was
   * held: the account was promised no more, and so it never goes below its credit (a job
   * submitted straight to a cluster, imported from its accounting, pays all it used). Returns
   * what changed for the account (a block, a warning).
   */
  async settle(db: Db, jobId: number): Promise<MoneyEvent[]> {
    const j = await chargeRowOf(db, jobId);
    // settled in the same transaction as its cost was written: once is all
    if (j.cost_units !== null) return [];
    const account = (await findAccountById(db, j.account_id))!;
    const hold = Number(j.hold_units);
    const alloc = j.alloc ? (JSON.parse(j.alloc) as JobAlloc) : null;
    const ran = j.start_time
      ? Math.max(0, (Date.parse(j.end_time ?? j.start_time) - Date.parse(j.start_time)) / 1000)
      : 0;
    const used = resourceSeconds({ tres: allocTres(alloc), seconds: ran });
    // a peer center's job costs what it charged us, with our margin: grants of ours are not used for it
    const peer = j.peer_charge_units !== null;
    const covered = await settleGrants(
      db,
      jobId,
      JSON.parse(j.grant_holds) as GrantHold[],
      peer ? { core: 0, gpu: 0 } : { core: used.coreSeconds, gpu: used.gpuSeconds },
    );
    let full = 0;
    if (peer) full = Math.round(Number(j.peer_charge_units) * (1 + (j.peer_margin ?? 0)));
    else if (j.start_time !== null && alloc !== null) {
      const found = await ratesAt(db, {
        cluster: j.cluster,
        partition: j.partition,
        qos: j.qos,
        tenantId: account.tenant_id,
        at: j.start_time,
      });
      if (found) full = this.uncoveredCost(found, used, covered);
    }
    // a job submitted straight to a cluster held nothing and was promised nothing: it pays what it used
    const cost = j.origin === "foreign" ? full : Math.min(full, hold);
    const postings: { walletId: number; amount: number }[] = [];
    if (hold > 0)
      postings.push({
        walletId: (
          await walletOf(db, {
            kind: "account-hold",
            tenantId: account.tenant_id,
            accountId: account.id,
          })
        ).id,
        amount: -hold,
      });
    if (cost > 0)
      postings.push({
        walletId: (await walletOf(db, { kind: "center-revenue", tenantId: null, accountId: null }))
          .id,
        amount: cost,
      });
    if (hold - cost !== 0)
      postings.push({
        walletId: (
          await walletOf(db, {
            kind: "account",
            tenantId: account.tenant_id,
            accountId: account.id,
          })
        ).id,
        amount: hold - cost,
      });
    if (postings.length >= 2)
      await post(db, {
        kind: cost > 0 ? "charge" : "release",
        actorId: null,
        reason: null,
        jobId,
        idempotencyKey: `settle:${jobId}`,
        postings,
      });
    await recordCharge(db, jobId, {
      cost_units: cost,
      tenant_id: account.tenant_id,
      core_seconds: used.coreSeconds,
      gpu_seconds: used.gpuSeconds,
      wait_seconds: j.start_time
        ? Math.max(0, (Date.parse(j.start_time) - Date.parse(j.submit_time)) / 1000)
        : null,
    });
    return cost > 0 ? this.checkBlock(db, account) : [];
  }

  /** Jobs that ended without being settled (a crash between their end and their charge, or from before billing): settles them. */
  async settleAll(db: Db): Promise<MoneyEvent[]> {
    const rows = await unchargedEndedJobs(db);
    const events: MoneyEvent[] = [];
    for (const r of rows)
      events.push(...(await db.transaction().execute((trx) => this.settle(trx, r.id))));
    return events;
  }

  /**
   * Blocks an account whose money fell below its threshold, and lifts such a block when it
   * no longer is; warns once when it falls below its low-balance level. Returns what changed.
   */
  async checkBlock(db: Db, account: AccountRow): Promise<MoneyEvent[]> {
    const has = await this.available(db, account);
    const events: MoneyEvent[] = [];
    const threshold = money(Number(account.threshold));
    const blocked = (await blocksOf(db, [account.id])).some((b) => b.kind === "money");
    const below = account.whitelisted === 0 && has < threshold;
    if (below && !blocked) {
      await setBlock(
        db,
        account.id,
        "money",
        null,
        `its money (${this.money(has)}) is below its threshold (${this.money(money(threshold))})`,
      );
      events.push({ accountId: account.id, kind: "blocked", available: has, level: threshold });
    } else if (!below && blocked && (await clearBlock(db, account.id, "money"))) {
      events.push({ accountId: account.id, kind: "unblocked", available: has, level: threshold });
    }
    const low = money(Number(account.low_balance));
    if (low > 0 && has < low && account.low_warned === 0) {
      await setLowWarned(db, account.id, true);
      events.push({ accountId: account.id, kind: "low-balance", available: has, level: low });
    } else if (has >= low && account.low_warned === 1) {
      await setLowWarned(db, account.id, false);
    }
    return events;
  }
}
