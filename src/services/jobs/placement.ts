import type { Backend } from "../../backends/backend.js";
import type { PartitionConfig } from "../../backends/cluster-config.js";
import type { AccountAllowed } from "../../core/account-limits.js";
import { formatSlurmDuration } from "../../core/duration.js";
import { invalidInput, isGuangError } from "../../core/errors.js";
import type { JobOptions } from "../../core/job-spec.js";
import { formatMoney, type Money } from "../../core/money.js";
import type { AccountRow } from "../../store/accounts.js";
import { listClusterRows } from "../../store/clusters.js";
import { nowIso, type Db } from "../../store/open.js";
import type { Billing } from "../money/billing.js";
import type { JobLookup } from "./job-lookup.js";
import type { Actor } from "../access/actor.js";
import type { Placement, PlacementOption } from "../../core/placement.js";

interface Candidate extends PlacementOption {
  backend: Backend;
  part: PartitionConfig | null;
  startMs: number | null;
  /** Whole seconds from the cluster's now to the predicted start: clusters' clocks differ (a virtual one keeps its own). */
  waitS: number | null;
  price: Money | null;
}

/**
 * Chooses the cluster for a job that names several (or any): of those the account may use,
 * that take jobs and could ever run it, the one where it is predicted to start first (the
 * cluster's own plan), ties broken by the price of an hour, then by the order asked (for
 * "any": the account's allowed list, else the center's order). Slurm's `-M a,b` does the
 * same with `sbatch --test-only`; like it, the job is never moved once placed.
 */
export async function choosePlacement(
  ctx: { db: Db; lookup: JobLookup; billing: Billing; backends: ReadonlyMap<string, Backend> },
  opts: JobOptions,
  account: AccountRow,
  actor: Pick<Actor, "userId" | "username" | "posix">,
  qos: string,
  nowMs: number,
): Promise<{
  backend: Backend;
  part: PartitionConfig;
  placement: Placement;
  /** Seconds until it would start where it goes, and the price of an hour there. */
  waitS: number | null;
  price: Money | null;
}> {
  const asked = opts.clusters!;
  const allowed = (JSON.parse(account.allowed) as AccountAllowed).clusters;
  const names =
    asked === "any"
      ? [...(allowed ?? []), ...[...ctx.backends.keys()].filter((n) => !allowed?.includes(n))]
      : asked;
  for (const n of names)
    if (!ctx.backends.has(n))
      throw invalidInput(
        `cluster ${n} does not exist; clusters: ${[...ctx.backends.keys()].join(", ")}`,
        { cluster: n },
      );
  const disabled = new Map(
    (await listClusterRows(ctx.db)).filter((r) => r.disabled_at).map((r) => [r.name, r]),
  );
  const candidates: Candidate[] = [];
  for (const name of names) {
    const backend = ctx.backends.get(name)!;
    const c: Candidate = {
      cluster: name,
      partition: null,
      startsAt: null,
      perHour: null,
      refused: null,
      backend,
      part: null,
      startMs: null,
      waitS: null,
      price: null,
    };
    candidates.push(c);
    c.refused = await whyNot(ctx, c, opts, account, allowed, disabled.has(name), qos, nowMs);
    if (c.refused || !c.part) continue;
    const timeLimit = limitOf(opts, c.part);
    const now = backend.now?.() ?? Date.now();
    try {
      c.startMs =
        (await backend.predictStart?.({
          partition: c.part.name,
          request: opts.request,
          timeLimit: timeLimit ?? 10 * 365 * 86400,
          accountId: account.id,
          userId: actor.userId,
          qos,
          account: account.name,
          user: actor.username,
          posix: actor.posix ?? null,
        })) ?? null;
    } catch {
      // a cluster that cannot tell now is still a choice, after those that can
      c.startMs = null;
    }
    c.startsAt = c.startMs === null ? null : new Date(c.startMs).toISOString();
    c.waitS = c.startMs === null ? null : Math.max(0, Math.round((c.startMs - now) / 1000));
  }
  const open = candidates.filter((c) => c.refused === null);
  if (open.length === 0)
    throw invalidInput(
      `no cluster of ${asked === "any" ? "any" : asked.join(", ")} can take this job: ${candidates
        .map((c) => `${c.cluster}: ${c.refused}`)
        .join("; ")}`,
      { clusters: candidates.map((c) => c.cluster) },
    );
  const order = (c: Candidate) => [c.waitS ?? Infinity, c.price ?? Infinity];
  open.sort((a, b) => {
    const [sa, pa] = order(a);
    const [sb, pb] = order(b);
    return sa! - sb! || pa! - pb!;
  });
  const best = open[0]!;
  const considered = candidates.map(
    ({ cluster, partition, startsAt, perHour, refused }): PlacementOption => ({
      cluster,
      partition,
      startsAt,
      perHour,
      refused,
    }),
  );
  return {
    backend: best.backend,
    part: best.part!,
    placement: { asked, chosen: best.cluster, why: because(best, open), considered },
    waitS: best.waitS,
    price: best.price,
  };
}

/** Why the job cannot go to this cluster, or null (filling in its partition and price). */
async function whyNot(
  ctx: { db: Db; lookup: JobLookup; billing: Billing },
  c: Candidate,
  opts: JobOptions,
  account: AccountRow,
  allowed: string[] | undefined,
  disabled: boolean,
  qos: string,
  nowMs: number,
): Promise<string | null> {
  if (disabled) return "disabled: it takes no new jobs";
  if (allowed && !allowed.includes(c.cluster))
    return `account ${account.name} may not use it (it may use ${allowed.join(", ") || "none"})`;
  try {
    c.part = ctx.lookup.partition(c.backend, opts.partition);
  } catch (e) {
    if (isGuangError(e)) return e.message;
    throw e;
  }
  c.partition = c.part.name;
  const limit = limitOf(opts, c.part);
  if (c.part.maxTime !== null && (limit === null || limit > c.part.maxTime))
    return `partition ${c.part.name} allows ${formatSlurmDuration(c.part.maxTime)} at most`;
  const never = c.backend.whyNever(c.part.name, opts.request);
  if (never) return `the job could never run there: ${never}`;
  const at = nowIso(c.backend.now?.() ?? nowMs);
  const priced = await ctx.billing.perHour(ctx.db, account.tenant_id, {
    cluster: c.cluster,
    partition: c.part.name,
    qos,
    need: c.backend.need(opts.request),
    at,
  });
  if (!priced) return `partition ${c.part.name} has no price yet`;
  c.price = priced.perHour;
  c.perHour = formatMoney(priced.perHour);
  return null;
}

function limitOf(opts: JobOptions, part: PartitionConfig): number | null {
  const t = opts.timeLimit ?? part.defaultTime ?? part.maxTime;
  return t === undefined || t === Infinity ? null : t;
}

/** The choice in words. */
function because(best: Candidate, open: Candidate[]): string {
  if (open.length === 1) return `the only cluster of those asked that can take it`;
  const second = open[1]!;
  if (best.waitS !== null && (second.waitS === null || best.waitS < second.waitS))
    return `predicted to start first there (${waitText(best.waitS)}${second.waitS !== null ? `; ${second.cluster} ${waitText(second.waitS)}` : `; ${second.cluster} cannot tell`})`;
  if (best.price !== null && second.price !== null && best.price < second.price)
    return `as early as ${second.cluster}, and cheaper (${best.perHour} an hour against ${second.perHour})`;
  return `as early and as cheap as ${second.cluster}, and asked for first`;
}

function waitText(s: number): string {
  return s === 0 ? "now" : `in ${formatSlurmDuration(s)}`;
}
