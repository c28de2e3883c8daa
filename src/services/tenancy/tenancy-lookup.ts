import { notFound } from "../../core/errors.js";
import { findAccount } from "../../store/accounts.js";
import type { Db } from "../../store/open.js";
import { findTenant } from "../../store/tenants.js";
import { findUserByName } from "../../store/users.js";
import type { Actor } from "../access/actor.js";
import { authorize, type Action } from "../access/permissions.js";

/**
 * Finds a named tenant, account or user and checks the actor may do `action` on it. A
 * missing one and one of a tenant the actor cannot see get the same answer.
 */
export async function tenantNamed(db: Db, actor: Actor, name: string, action: Action) {
  const t = await findTenant(db, name);
  if (!t) throw notFound(`tenant ${name} does not exist`);
  authorize(actor, action, {
    tenantId: t.id,
    userId: t.id === actor.tenantId ? actor.userId : undefined,
    what: `tenant ${name}`,
  });
  return t;
}

export async function accountNamed(db: Db, actor: Actor, name: string, action: Action) {
  const a = await findAccount(db, name);
  if (!a) throw notFound(`account ${name} does not exist`);
  authorize(actor, action, { tenantId: a.tenant_id, accountId: a.id, what: `account ${name}` });
  return a;
}

export async function userNamed(db: Db, actor: Actor, name: string, action: Action) {
  const u = await findUserByName(db, name);
  if (!u) throw notFound(`user ${name} does not exist`);
  authorize(actor, action, { tenantId: u.tenant_id, userId: u.id, what: `user ${name}` });
  return u;
}
