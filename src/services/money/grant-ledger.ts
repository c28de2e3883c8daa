import { walletOf } from "../../store/ledger.js";
import type { Db } from "../../store/open.js";
import { grantsInForce, isGrantExpired } from "../../store/grants.js";
import { post } from "./postings.js";

/** What a job holds of one grant, in resource-seconds. */
export interface GrantHold {
  grant: number;
  resource: "cpu" | "gpu";
  seconds: number;
}

export interface ActiveGrant {
  id: number;
  resource: "cpu" | "gpu";
  /** Resource-seconds left (held ones are out of it). */
  left: number;
}

/** The account's grants in force at `at`, the one ending first first (it is used first). */
export async function activeGrants(db: Db, accountId: number, at: string): Promise<ActiveGrant[]> {
  const rows = await grantsInForce(db, accountId, at);
  const out: ActiveGrant[] = [];
  for (const r of rows) {
    const w = await walletOf(db, { kind: "grant", tenantId: null, accountId: null, grantId: r.id });
    if (w.balance > 0) out.push({ id: r.id, resource: r.resource, left: w.balance });
  }
  return out;
}

/** Takes a job's worst case from the grants (in place: what is taken is no longer left); returns what it took. */
export function takeFromGrants(
  grants: ActiveGrant[],
  need: { core: number; gpu: number },
): { holds: GrantHold[]; core: number; gpu: number } {
  const holds: GrantHold[] = [];
  const covered = { core: 0, gpu: 0 };
  for (const g of grants) {
    const key = g.resource === "cpu" ? "core" : "gpu";
    const take = Math.min(g.left, need[key] - covered[key]);
    if (take <= 0) continue;
    g.left -= take;
    covered[key] += take;
    holds.push({ grant: g.id, resource: g.resource, seconds: take });
  }
  return { holds, ...covered };
}

/** Moves a job's grant holds out of the grants (in the submission's transaction). */
export async function holdGrants(db: Db, jobId: number, holds: GrantHold[]): Promise<void> {
  for (const h of holds) {
    const g = await walletOf(db, {
      kind: "grant",
      tenantId: null,
      accountId: null,
      grantId: h.grant,
    });
    const held = await walletOf(db, {
      kind: "grant-hold",
      tenantId: null,
      accountId: null,
      grantId: h.grant,
    });
    await post(db, {
      kind: "hold",
      actorId: null,
      reason: null,
      jobId,
      idempotencyKey: `grant-hold:${jobId}:${h.grant}`,
      postings: [
        { walletId: g.id, amount: -h.seconds },
        { walletId: held.id, amount: h.seconds },
      ],
    });
  }
}

/**
 * At a job's end: of what it held of each grant, what it used is consumed and the rest goes
 * back to the grant (or, when the grant has ended meanwhile, to what expired). Returns the
 * resource-seconds the grants covered.
 */
export async function settleGrants(
  db: Db,
  jobId: number,
  holds: GrantHold[],
  used: { core: number; gpu: number },
): Promise<{ core: number; gpu: number }> {
  const covered = { core: 0, gpu: 0 };
  for (const h of holds) {
    const key = h.resource === "cpu" ? "core" : "gpu";
    const use = Math.min(h.seconds, Math.max(0, Math.round(used[key] - covered[key])));
    covered[key] += use;
    const expired = await isGrantExpired(db, h.grant);
    const held = await walletOf(db, {
      kind: "grant-hold",
      tenantId: null,
      accountId: null,
      grantId: h.grant,
    });
    const postings = [{ walletId: held.id, amount: -h.seconds }];
    if (use > 0)
      postings.push({
        walletId: (await walletOf(db, { kind: "grant-used", tenantId: null, accountId: null })).id,
        amount: use,
      });
    if (h.seconds - use > 0) {
      const back = expired
        ? await walletOf(db, { kind: "grant-expired", tenantId: null, accountId: null })
        : await walletOf(db, { kind: "grant", tenantId: null, accountId: null, grantId: h.grant });
      postings.push({ walletId: back.id, amount: h.seconds - use });
    }
    await post(db, {
      kind: "charge",
      actorId: null,
      reason: null,
      jobId,
      idempotencyKey: `grant-settle:${jobId}:${h.grant}`,
      postings,
    });
  }
  return covered;
}
