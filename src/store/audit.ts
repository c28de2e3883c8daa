import type { Insertable, Selectable } from "kysely";
import type { Db } from "./open.js";
import type { AuditTable } from "./schema.js";

export type AuditRow = Selectable<AuditTable>;

/** The only write the audit log allows. */
export async function appendAudit(db: Db, row: Insertable<AuditTable>): Promise<void> {
  await db.insertInto("audit_log").values(row).execute();
}

export interface AuditFilter {
  tenantId?: number;
  actor?: string;
  action?: string;
  result?: string;
  from?: string;
  to?: string;
  beforeId?: number;
  limit: number;
}

/** Newest first; keyset paging by id. */
export async function queryAudit(db: Db, f: AuditFilter): Promise<AuditRow[]> {
  let q = db.selectFrom("audit_log").selectAll();
  if (f.tenantId !== undefined) q = q.where("tenant_id", "=", f.tenantId);
  if (f.actor !== undefined) q = q.where("actor", "=", f.actor);
  // "account" matches account.create, account.block, ...
  if (f.action !== undefined) {
    const a = f.action;
    q = q.where((eb) => eb.or([eb("action", "=", a), eb("action", "like", `${a}.%`)]));
  }
  if (f.result !== undefined)
    q = f.result === "denied" ? q.where("result", "!=", "ok") : q.where("result", "=", f.result);
  if (f.from !== undefined) q = q.where("at", ">=", f.from);
  if (f.to !== undefined) q = q.where("at", "<", f.to);
  if (f.beforeId !== undefined) q = q.where("id", "<", f.beforeId);
  return q.orderBy("id", "desc").limit(f.limit).execute();
}
