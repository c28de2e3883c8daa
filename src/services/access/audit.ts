import { isGuangError, notFound } from "../../core/errors.js";
import { appendAudit, queryAudit, type AuditRow } from "../../store/audit.js";
import { toCsv } from "../formats/csv.js";
import type { Db } from "../../store/open.js";
import { nowIso } from "../../store/open.js";
import { findTenant, findTenantById } from "../../store/tenants.js";
import type { Actor } from "./actor.js";
import { authorize, reachesEveryTenant } from "./permissions.js";

/** One audited action: who (the actor), what, on what, for which tenant, and details (never secrets). */
export interface AuditEntry {
  action: string;
  target: string;
  /** The tenant it concerns; the use case sets it once it knows (null: center-wide). */
  tenantId: number | null;
  details: Record<string, unknown>;
}

function row(
  actor: { userId: number | null; username: string; ip: string },
  e: AuditEntry,
  result: string,
) {
  return {
    at: nowIso(),
    tenant_id: e.tenantId,
    actor_id: actor.userId,
    actor: actor.username,
    ip: actor.ip,
    action: e.action,
    target: e.target,
    result,
    details: JSON.stringify(e.details),
  };
}

/**
 * Runs a use case in one transaction with its audit record: the change and its record are
 * written together, or neither. A refusal is recorded too, with its error code, after the
 * rollback.
 */
export async function audited<T>(
  db: Db,
  actor: Actor,
  entry: Omit<AuditEntry, "tenantId"> & { tenantId?: number | null },
  fn: (trx: Db, e: AuditEntry) => Promise<T>,
): Promise<T> {
  const e: AuditEntry = {
    ...entry,
    tenantId: entry.tenantId === undefined ? actor.tenantId : entry.tenantId,
  };
  try {
    return await db.transaction().execute(async (trx) => {
      const out = await fn(trx, e);
      await appendAudit(trx, row(actor, e, "ok"));
      return out;
    });
  } catch (err) {
    try {
      await appendAudit(db, row(actor, e, isGuangError(err) ? err.code : "error"));
    } catch {
      // the refusal is what the caller needs to see
    }
    throw err;
  }
}

/** An action that wrote nothing of its own to the store (an admin cancelling someone's job): its record alone. */
export async function auditDone(db: Db, actor: Actor, e: AuditEntry, result = "ok"): Promise<void> {
  await appendAudit(db, row(actor, e, result));
}

/** What the platform itself found or did (drift put right on a cluster): actor "guang". */
export async function auditSystem(db: Db, e: AuditEntry, result = "ok"): Promise<void> {
  await appendAudit(db, row({ userId: null, username: "guang", ip: "-" }, e, result));
}

/** A sign-in, or a failed one (no transaction of its own: nothing else is written with it). */
export async function auditSignIn(
  db: Db,
  who: { userId: number | null; username: string; ip: string; tenantId: number | null },
  method: string,
  result: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await appendAudit(
    db,
    row(
      who,
      {
        action: "auth.login",
        target: `user ${who.username}`,
        tenantId: who.tenantId,
        details: { method, ...details },
      },
      result,
    ),
  );
}

export interface AuditQuery {
  tenant?: string;
  actor?: string;
  action?: string;
  result?: string;
  from?: string;
  to?: string;
  before?: number;
  limit?: number;
}

export interface AuditView {
  id: number;
  at: string;
  tenant: string | null;
  actor: string;
  ip: string;
  action: string;
  target: string;
  result: string;
  details: Record<string, unknown>;
}

const CSV_COLUMNS = [
  "id",
  "at",
  "tenant",
  "actor",
  "ip",
  "action",
  "target",
  "result",
  "details",
] as const;

export function auditCsv(rows: AuditView[]): string {
  return toCsv(CSV_COLUMNS, rows as unknown as Record<string, unknown>[]);
}

/** Reading the audit log: a tenant's admins read their tenant's records; the center reads all. */
export class AuditService {
  constructor(private readonly db: Db) {}

  async list(actor: Actor, q: AuditQuery): Promise<{ records: AuditView[]; next: number | null }> {
    let tenantId: number | undefined;
    if (q.tenant !== undefined) {
      const t = await findTenant(this.db, q.tenant);
      if (!t) throw notFound(`tenant ${q.tenant} does not exist`);
      authorize(actor, "audit.read", { tenantId: t.id, what: `tenant ${q.tenant}` });
      tenantId = t.id;
    } else if (!reachesEveryTenant(actor, "audit.read")) {
      // not center staff: their own tenant only
      authorize(actor, "audit.read", { tenantId: actor.tenantId, what: "your tenant" });
      tenantId = actor.tenantId;
    }
    const limit = q.limit ?? 100;
    const rows = await queryAudit(this.db, {
      tenantId,
      actor: q.actor,
      action: q.action,
      result: q.result,
      from: q.from,
      to: q.to,
      beforeId: q.before,
      limit: limit + 1,
    });
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const names = new Map<number, string | null>();
    const records: AuditView[] = [];
    for (const r of page) records.push(await this.view(r, names));
    return { records, next: more ? page[page.length - 1]!.id : null };
  }

  private async view(r: AuditRow, names: Map<number, string | null>): Promise<AuditView> {
    let tenant: string | null = null;
    if (r.tenant_id !== null) {
      if (!names.has(r.tenant_id))
        names.set(r.tenant_id, (await findTenantById(this.db, r.tenant_id))?.name ?? null);
      tenant = names.get(r.tenant_id) ?? null;
    }
    return {
      id: r.id,
      at: r.at,
      tenant,
      actor: r.actor,
      ip: r.ip,
      action: r.action,
      target: r.target,
      result: r.result,
      details: JSON.parse(r.details) as Record<string, unknown>,
    };
  }
}
