import { invalidInput } from "../../core/errors.js";
import { walletOf } from "../../store/ledger.js";
import type { Db } from "../../store/open.js";
import { grantsDue, grantsOf, insertGrant, markGrantExpired } from "../../store/grants.js";
import { nowIso } from "../../store/open.js";
import type { Actor } from "../access/actor.js";
import { audited } from "../access/audit.js";
import { post } from "./postings.js";
import { accountNamed } from "../tenancy/tenancy-lookup.js";

export interface GrantInput {
  resource: "cpu" | "gpu";
  /** Core-hours or GPU-hours. */
  hours: number;
  /** Default: now. */
  startsAt?: string;
  endsAt: string;
  reason?: string;
}

export interface GrantView {
  id: number;
  account: string;
  resource: "cpu" | "gpu";
  hours: number;
  /** Not yet used or held. */
  leftHours: number;
  /** Held by waiting and running jobs. */
  heldHours: number;
  startsAt: string;
  endsAt: string;
  expired: boolean;
  reason: string | null;
}

const hours = (seconds: number) => Math.round((seconds / 3600) * 10000) / 10000;

/** An expired grant: whose, and what was left of it. */
export interface GrantExpiry {
  accountId: number;
  resource: "cpu" | "gpu";
  leftHours: number;
  endsAt: string;
}

function time(text: string, what: string): string {
  const ms = Date.parse(text);
  if (Number.isNaN(ms))
    throw invalidInput(
      `${what} "${text}" is not a time: give an ISO 8601 time such as 2027-12-31T23:59:59+08:00`,
    );
  return nowIso(ms);
}

/** A grant's hours and period, read and checked: more than zero hours, ending in the future, after it starts. */
export function grantPeriod(input: GrantInput): { startsAt: string; endsAt: string } {
  if (!(input.hours > 0) || !Number.isFinite(input.hours))
    throw invalidInput(`a grant gives more than zero hours, not ${input.hours}`);
  const startsAt =
    input.startsAt === undefined ? nowIso() : time(input.startsAt, "--from (startsAt)");
  const endsAt = time(input.endsAt, "--until (endsAt)");
  if (endsAt <= nowIso())
    throw invalidInput(
      `--until (endsAt) ${endsAt} has passed: a grant is for a period still to come or under way`,
    );
  if (endsAt <= startsAt)
    throw invalidInput(`the grant would end (${endsAt}) before it starts (${startsAt})`);
  return { startsAt, endsAt };
}

/**
 * Writes a grant (its period checked by grantPeriod) and issues its hours through the
 * ledger, inside the caller's transaction: giving one by hand, and approving an application.
 */
export async function issueGrant(
  trx: Db,
  accountId: number,
  g: GrantInput & { startsAt: string; endsAt: string },
  actorId: number | null,
): Promise<number> {
  const seconds = Math.round(g.hours * 3600);
  const id = await insertGrant(trx, {
    account_id: accountId,
    resource: g.resource,
    seconds,
    starts_at: g.startsAt,
    ends_at: g.endsAt,
    reason: g.reason?.trim() || null,
    created_by: actorId,
    created_at: nowIso(),
  });
  const issued = await walletOf(trx, { kind: "grant-issued", tenantId: null, accountId: null });
  const wallet = await walletOf(trx, {
    kind: "grant",
    tenantId: null,
    accountId: null,
    grantId: id,
  });
  await post(trx, {
    kind: "grant",
    actorId,
    reason: g.reason?.trim() || null,
    idempotencyKey: `grant:${id}`,
    postings: [
      { walletId: issued.id, amount: -seconds },
      { walletId: wallet.id, amount: seconds },
    ],
  });
  return id;
}

/**
 * Grants: core-hours or GPU-hours given to an account for a period (government-funded
 * research, say). Jobs use them before money; what is left at the end of the period expires.
 */
export class GrantService {
  constructor(private readonly db: Db) {}

  async give(actor: Actor, account: string, input: GrantInput): Promise<GrantView> {
    const period = grantPeriod(input);
    const id = await audited(
      this.db,
      actor,
      { action: "money.grant", target: `account ${account}`, details: { ...input } },
      async (trx, e) => {
        const a = await accountNamed(trx, actor, account, "money.grant");
        e.tenantId = a.tenant_id;
        return issueGrant(trx, a.id, { ...input, ...period }, actor.userId);
      },
    );
    return (await this.list(actor, account)).find((g) => g.id === id)!;
  }

  async list(actor: Actor, account: string): Promise<GrantView[]> {
    const a = await accountNamed(this.db, actor, account, "money.read");
    const rows = await grantsOf(this.db, a.id);
    const out: GrantView[] = [];
    for (const g of rows) {
      const left = (
        await walletOf(this.db, { kind: "grant", tenantId: null, accountId: null, grantId: g.id })
      ).balance;
      const held = (
        await walletOf(this.db, {
          kind: "grant-hold",
          tenantId: null,
          accountId: null,
          grantId: g.id,
        })
      ).balance;
      out.push({
        id: g.id,
        account: a.name,
        resource: g.resource,
        hours: hours(Number(g.seconds)),
        leftHours: hours(left),
        heldHours: hours(held),
        startsAt: g.starts_at,
        endsAt: g.ends_at,
        expired: g.expired === 1,
        reason: g.reason,
      });
    }
    return out;
  }

  /** Takes back what is left of grants whose period has ended (holds of running jobs come back to "expired" when they end). */
  async expire(now = nowIso()): Promise<GrantExpiry[]> {
    const due = await grantsDue(this.db, now);
    const out: GrantExpiry[] = [];
    for (const g of due) {
      await this.db.transaction().execute(async (trx) => {
        const w = await walletOf(trx, {
          kind: "grant",
          tenantId: null,
          accountId: null,
          grantId: g.id,
        });
        if (w.balance > 0) {
          const expired = await walletOf(trx, {
            kind: "grant-expired",
            tenantId: null,
            accountId: null,
          });
          await post(trx, {
            kind: "grant-expiry",
            actorId: null,
            reason: null,
            idempotencyKey: `grant-expiry:${g.id}`,
            postings: [
              { walletId: w.id, amount: -w.balance },
              { walletId: expired.id, amount: w.balance },
            ],
          });
        }
        await markGrantExpired(trx, g.id);
        out.push({
          accountId: g.account_id,
          resource: g.resource,
          leftHours: hours(w.balance),
          endsAt: g.ends_at,
        });
      });
    }
    return out;
  }
}
