import { GuangError } from "../../core/errors.js";
import { checkName } from "../../core/names.js";
import type { Db } from "../../store/open.js";
import { findTenant } from "../../store/tenants.js";
import {
  createUser,
  findPosixHolder,
  findUserByExternalId,
  findUserById,
  findUserByName,
  updateUser,
  type UserRow,
} from "../../store/users.js";

/** What an identity provider says about a person at sign-in. */
export interface ExternalIdentity {
  source: "ldap" | "oidc";
  username: string;
  /** A stable id at the provider (LDAP: the DN; OIDC: issuer and subject). */
  externalId: string;
  tenantValue: string | null;
  email: string | null;
  posix: { uid: number | null; gid: number | null; home: string | null } | null;
}

export interface TenantMapping {
  tenant?: string;
  tenantAttribute?: string;
  tenants?: Record<string, string>;
}

/** The tenant a provider's attribute or claim value maps to, else the configured one. */
function mappedTenant(m: TenantMapping, value: string | null): string | null {
  if (value !== null && m.tenantAttribute) {
    if (m.tenants) {
      if (m.tenants[value] !== undefined) return m.tenants[value]!;
    } else return value;
  }
  return m.tenant ?? null;
}

function refused(message: string): GuangError {
  return new GuangError("sign_in_refused", 403, message);
}

/**
 * Finds the Guang user of an external identity, creating them on their first sign-in in
 * the tenant the configuration maps, and keeps their POSIX identity as the provider says.
 */
export async function provisionUser(
  db: Db,
  id: ExternalIdentity,
  mapping: TenantMapping,
): Promise<UserRow> {
  try {
    checkName("user", id.username);
  } catch (e) {
    throw refused(`${id.source}: ${(e as Error).message}; ask the center to map this identity`);
  }
  return db.transaction().execute(async (trx) => {
    const user =
      (await findUserByExternalId(trx, `${id.source}:${id.externalId}`)) ??
      (await findUserByName(trx, id.username));
    if (
      user &&
      (user.source !== id.source ||
        (user.external_id !== null && user.external_id !== `${id.source}:${id.externalId}`))
    ) {
      throw refused(
        `user name ${id.username} belongs to another ${user.source} user of Guang; ask the center to resolve the clash`,
      );
    }
    const posix =
      id.posix && id.posix.uid !== null && id.posix.gid !== null
        ? { unix_user: id.username, uid: id.posix.uid, gid: id.posix.gid, home_dir: id.posix.home }
        : null;
    if (posix) {
      const holder = await findPosixHolder(trx, posix.uid, posix.unix_user, user?.id ?? 0);
      if (holder)
        throw refused(
          `${id.source} gives ${id.username} uid ${posix.uid}, which Guang user ${holder.username} already has; ask the center to resolve the clash`,
        );
    }
    if (!user) {
      const tenantName = mappedTenant(mapping, id.tenantValue);
      if (tenantName === null)
        throw refused(
          `${id.source} says nothing that maps ${id.username} to a tenant (${mapping.tenantAttribute ?? "no attribute"} = ${id.tenantValue ?? "none"}); ask the center`,
        );
      const tenant = await findTenant(trx, tenantName);
      if (!tenant)
        throw refused(
          `${id.source} maps ${id.username} to tenant ${tenantName}, which does not exist; a center admin creates it first`,
        );
      const uid = await createUser(trx, {
        tenantId: tenant.id,
        username: id.username,
        passwordHash: "!",
        source: id.source,
        externalId: `${id.source}:${id.externalId}`,
        email: id.email,
        unixUser: posix?.unix_user ?? null,
        uid: posix?.uid ?? null,
        gid: posix?.gid ?? null,
        homeDir: posix?.home_dir ?? null,
      });
      return (await findUserById(trx, uid))!;
    }
    if (user.disabled_at !== null)
      throw refused(`user ${id.username} is disabled; ask a tenant admin`);
    const set = {
      external_id: `${id.source}:${id.externalId}`,
      ...(id.email ? { email: id.email } : {}),
      ...(posix ?? {}),
    };
    await updateUser(trx, user.id, set);
    return { ...user, ...set };
  });
}
