import type { Db } from "../../store/open.js";
import type { Actor } from "../access/actor.js";
import { reachesEveryTenant, reachesWholeTenant } from "../access/permissions.js";
import { accountNamed, tenantNamed } from "../tenancy/tenancy-lookup.js";

/** Which jobs a report may count: a tenant's, some accounts', or one user's; none: all. */
export interface ReportScope {
  tenantId?: number;
  accountIds?: number[];
  userId?: number;
}

/**
 * What a report counts for this asker: the center everything, a tenant's staff their tenant,
 * account managers their accounts, everyone else their own jobs; a named tenant or account
 * only where the asker may read its money.
 */
export async function reportScope(
  db: Db,
  actor: Actor,
  q: { tenant?: string; account?: string },
): Promise<ReportScope> {
  if (q.account !== undefined)
    return { accountIds: [(await accountNamed(db, actor, q.account, "money.read")).id] };
  if (q.tenant !== undefined)
    return { tenantId: (await tenantNamed(db, actor, q.tenant, "money.read")).id };
  if (reachesEveryTenant(actor, "money.read")) return {};
  if (reachesWholeTenant(actor, "money.read", actor.tenantId)) return { tenantId: actor.tenantId };
  const managed = [...actor.accounts].filter(([, role]) => role !== "member").map(([id]) => id);
  return managed.length ? { accountIds: managed } : { userId: actor.userId };
}
