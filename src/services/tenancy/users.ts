import { invalidInput, notFound } from "../../core/errors.js";
import { checkName } from "../../core/names.js";
import { isPlatformRole, USER_ROLES, type UserRole } from "../../core/roles.js";
import { accountsOfUser } from "../../store/accounts.js";
import type { Db } from "../../store/open.js";
import { nowIso } from "../../store/open.js";
import { findTenant, findTenantById } from "../../store/tenants.js";
import { revokeUserTokens } from "../../store/tokens.js";
import {
  createUser,
  findPosixHolder,
  findUserById,
  findUserByName,
  searchUsers,
  updateUser,
  type UserRow,
} from "../../store/users.js";
import type { IdentityPolicy } from "../../backends/unix-identity.js";
import { conflict, forbidden, hasRole, type Actor } from "../access/actor.js";
import { audited } from "../access/audit.js";
import { checkPassword } from "../identity/password-policy.js";
import { hashPassword, randomPassword } from "../identity/passwords.js";
import { authorize, reachesEveryTenant } from "../access/permissions.js";
import { userNamed } from "./tenancy-lookup.js";

export interface PosixInput {
  name?: string;
  uid?: number;
  gid?: number;
  home?: string;
}

export interface NewUserInput {
  username: string;
  /** Center staff name the tenant; a tenant admin creates users in their own. */
  tenant?: string;
  /** Absent: a random one, returned once. */
  password?: string;
  roles?: string[];
  email?: string;
  posix?: PosixInput;
}

export interface UserPatch {
  roles?: string[];
  email?: string | null;
  posix?: PosixInput | null;
  disabled?: boolean;
  /** Sets a new password (ends the user's sessions). */
  password?: string;
  /** Lifts a lockout after failed sign-ins. */
  unlock?: boolean;
}

export interface UserView {
  username: string;
  tenant: string;
  roles: string[];
  email: string | null;
  source: string;
  posix: { name: string; uid: number | null; gid: number | null; home: string | null } | null;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
  accounts?: { name: string; role: string }[];
}

function userRoles(row: Pick<UserRow, "roles">): UserRole[] {
  return JSON.parse(row.roles) as UserRole[];
}

export function userView(u: UserRow, tenant: string): UserView {
  return {
    username: u.username,
    tenant,
    roles: userRoles(u),
    email: u.email,
    source: u.source,
    posix:
      u.unix_user === null ? null : { name: u.unix_user, uid: u.uid, gid: u.gid, home: u.home_dir },
    disabled: u.disabled_at !== null,
    lockedUntil: u.locked_until !== null && u.locked_until > nowIso() ? u.locked_until : null,
    createdAt: u.created_at,
  };
}

/** Who may grant which role: platform roles by a center admin, tenant roles by a center or tenant admin. */
function checkRoles(actor: Actor, roles: string[]): UserRole[] {
  for (const r of roles) {
    if (!(USER_ROLES as readonly string[]).includes(r))
      throw invalidInput(
        `role ${r} does not exist; roles: ${USER_ROLES.join(", ")} (account roles are given with account members)`,
      );
    if (isPlatformRole(r) && !hasRole(actor, "center-admin"))
      throw forbidden(`only a center admin may grant ${r}`);
  }
  return [...new Set(roles)] as UserRole[];
}

/** Validates a POSIX identity and checks no other user holds its uid or name. */
async function checkPosix(db: Db, p: PosixInput, username: string, exceptId = 0) {
  const name = p.name ?? username;
  checkName("Unix user", name);
  for (const [k, v] of [
    ["uid", p.uid],
    ["gid", p.gid],
  ] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1 || v > 2 ** 31 - 2)) {
      throw invalidInput(
        `posix.${k} ${v} is not valid: a whole number from 1 to ${2 ** 31 - 2} (jobs never run as root)`,
      );
    }
  }
  if ((p.uid === undefined) !== (p.gid === undefined))
    throw invalidInput(
      "give posix.uid and posix.gid together (or neither, to take them from the machine's passwd)",
    );
  if (p.home !== undefined && !p.home.startsWith("/"))
    throw invalidInput(`posix.home ${p.home} must be an absolute path`);
  const holder = await findPosixHolder(db, p.uid ?? null, name, exceptId);
  if (holder)
    throw conflict(
      `user ${holder.username} already has ${holder.uid === p.uid ? `uid ${p.uid}` : `Unix name ${name}`}; one POSIX identity belongs to one user`,
    );
  return { unix_user: name, uid: p.uid ?? null, gid: p.gid ?? null, home_dir: p.home ?? null };
}

/** A new user's name and password checked and the password hashed: before the transaction, as hashing takes a while. */
export async function prepareUser(
  input: NewUserInput,
  minPasswordLength: number,
): Promise<{ hash: string; password: string | null }> {
  checkName("user", input.username);
  if (input.password !== undefined) {
    checkPassword(input.password, input.username, minPasswordLength);
    return { hash: await hashPassword(input.password), password: null };
  }
  const password = randomPassword();
  return { hash: await hashPassword(password), password };
}

/** Creates a prepared user inside a caller's transaction (tenant creation makes its first admin this way too). */
export async function insertUser(
  trx: Db,
  tenantId: number,
  input: NewUserInput,
  hash: string,
  roles: UserRole[],
): Promise<number> {
  if (await findUserByName(trx, input.username))
    throw conflict(`user ${input.username} already exists; pick another name`);
  const posix = input.posix ? await checkPosix(trx, input.posix, input.username) : null;
  return createUser(trx, {
    tenantId,
    username: input.username,
    passwordHash: hash,
    roles,
    email: input.email ?? null,
    unixUser: posix?.unix_user ?? null,
    uid: posix?.uid ?? null,
    gid: posix?.gid ?? null,
    homeDir: posix?.home_dir ?? null,
  });
}

/** People: tenant admins manage their tenant's users; center admins everyone's. */
export class UserService {
  constructor(
    private readonly db: Db,
    private readonly o: {
      minPasswordLength: number;
      onAccessChange: () => Promise<void>;
      identity: IdentityPolicy;
      /** A password an admin sets must be changed by its user at the next sign-in. */
      forcePasswordChange: boolean;
      /** Every session and token of the user was revoked: its streams end. */
      onTokensRevoked: (userId: number) => void;
      /** An admin unlocked the user: sign-in back-off for the name ends. */
      onUnlock: (username: string) => void;
    },
  ) {}

  /**
   * A POSIX identity decides whose rights a user's work has on the machines: the center's to
   * give (or the directory's), never a tenant's, and never a system account.
   */
  private checkIdentity(actor: Actor, p: PosixInput | null | undefined, username: string): void {
    if (p === undefined) return;
    if (!hasRole(actor, "center-admin"))
      throw forbidden(
        `only a center admin may set a user's Unix identity; ask one to run: guang admin user set ${username} --unix-name NAME`,
      );
    if (p === null) return;
    this.o.identity.checkMapping({
      name: p.name ?? username,
      uid: p.uid ?? null,
      gid: p.gid ?? null,
      home: p.home ?? null,
    });
  }

  /** Users in the actor's reach (one tenant, or all for the center); a page and a search where asked. */
  async list(
    actor: Actor,
    tenant?: string,
    page?: { q?: string; offset?: number; limit?: number },
  ): Promise<{ users: UserView[]; total: number }> {
    let tenantId = actor.tenantId;
    let everyone = false;
    if (tenant !== undefined) {
      const t = await findTenant(this.db, tenant);
      if (!t) throw notFound(`tenant ${tenant} does not exist`);
      tenantId = t.id;
    } else everyone = reachesEveryTenant(actor, "user.list");
    if (!everyone)
      authorize(actor, "user.list", { tenantId, what: `tenant ${tenant ?? "of yours"}` });
    const { rows, total } = await searchUsers(this.db, {
      ...(everyone ? {} : { tenantId }),
      ...(page?.q ? { q: page.q } : {}),
      offset: page?.offset ?? 0,
      limit: page?.limit ?? 1_000_000,
    });
    const names = new Map<number, string>();
    const users: UserView[] = [];
    for (const r of rows) {
      if (!names.has(r.tenant_id))
        names.set(r.tenant_id, (await findTenantById(this.db, r.tenant_id))?.name ?? "?");
      users.push(userView(r, names.get(r.tenant_id)!));
    }
    return { users, total };
  }

  async get(actor: Actor, username: string): Promise<UserView> {
    const u = await userNamed(this.db, actor, username, "user.read");
    const t = await findTenantById(this.db, u.tenant_id);
    return {
      ...userView(u, t!.name),
      accounts: (await accountsOfUser(this.db, u.id)).map((a) => ({ name: a.name, role: a.role })),
    };
  }

  async create(
    actor: Actor,
    input: NewUserInput,
  ): Promise<{ user: UserView; password: string | null }> {
    this.checkIdentity(actor, input.posix, input.username);
    const { hash, password } = await prepareUser(input, this.o.minPasswordLength);
    return audited(
      this.db,
      actor,
      {
        action: "user.create",
        target: `user ${input.username}`,
        details: { tenant: input.tenant, roles: input.roles ?? [], posix: input.posix ?? null },
      },
      async (trx, e) => {
        let tenant = await findTenantById(trx, actor.tenantId);
        if (input.tenant !== undefined) {
          tenant = await findTenant(trx, input.tenant);
          if (!tenant) throw notFound(`tenant ${input.tenant} does not exist`);
        }
        e.tenantId = tenant!.id;
        authorize(actor, "user.create", { tenantId: tenant!.id, what: `tenant ${tenant!.name}` });
        const roles = checkRoles(actor, input.roles ?? []);
        const id = await insertUser(trx, tenant!.id, input, hash, roles);
        const row = (await findUserById(trx, id))!;
        return { user: userView(row, tenant!.name), password };
      },
    );
  }

  async update(actor: Actor, username: string, patch: UserPatch): Promise<UserView> {
    this.checkIdentity(actor, patch.posix, username);
    const details: Record<string, unknown> = { ...patch };
    if (patch.password !== undefined) details.password = "(set)";
    const hash = patch.password !== undefined ? await hashPassword(patch.password) : null;
    let revokedUser: number | null = null;
    let unlocked: string | null = null;
    await audited(
      this.db,
      actor,
      { action: "user.update", target: `user ${username}`, details },
      async (trx, e) => {
        const u = await userNamed(trx, actor, username, "user.update");
        e.tenantId = u.tenant_id;
        // the center's staff live in a tenant too; its tenant admins must not disable them or reset their passwords
        if (userRoles(u).some(isPlatformRole) && !hasRole(actor, "center-admin"))
          throw forbidden(`user ${username} is center staff; only a center admin may change them`);
        const set: Record<string, unknown> = {};
        if (patch.roles !== undefined) {
          const roles = checkRoles(actor, patch.roles);
          // taking a platform role away is a center admin's decision too
          for (const r of userRoles(u))
            if (isPlatformRole(r) && !roles.includes(r) && !hasRole(actor, "center-admin"))
              throw forbidden(`only a center admin may take ${r} away`);
          if (
            u.id === actor.userId &&
            hasRole(actor, "center-admin") &&
            !roles.includes("center-admin")
          )
            throw conflict(
              "you cannot take the center-admin role from yourself; ask another center admin",
            );
          set.roles = JSON.stringify(roles);
        }
        if (patch.email !== undefined) set.email = patch.email;
        if (patch.posix !== undefined)
          Object.assign(
            set,
            patch.posix === null
              ? { unix_user: null, uid: null, gid: null, home_dir: null }
              : await checkPosix(trx, patch.posix, u.username, u.id),
          );
        if (patch.disabled !== undefined) {
          if (patch.disabled && u.id === actor.userId)
            throw conflict("you cannot disable yourself");
          set.disabled_at = patch.disabled ? (u.disabled_at ?? nowIso()) : null;
        }
        if (patch.password !== undefined) {
          if (u.source !== "local")
            throw conflict(
              `user ${username} signs in through ${u.source}; their password is kept there`,
            );
          checkPassword(patch.password, u.username, this.o.minPasswordLength);
          set.password_hash = hash;
        }
        if (patch.password !== undefined && this.o.forcePasswordChange && u.id !== actor.userId)
          set.must_change_password = 1;
        if (patch.unlock || patch.password !== undefined)
          Object.assign(set, { failed_logins: 0, locked_until: null });
        if (Object.keys(set).length === 0)
          throw invalidInput(
            "nothing to change: give roles, email, posix, disabled, password or unlock",
          );
        await updateUser(trx, u.id, set);
        // a new password (or a disabled user) ends every way in: sessions and API tokens
        if (patch.disabled || patch.password !== undefined) {
          await revokeUserTokens(trx, u.id, true);
          revokedUser = u.id;
        }
        if (patch.unlock) unlocked = u.username;
      },
    );
    if (revokedUser !== null) this.o.onTokensRevoked(revokedUser);
    if (unlocked !== null) this.o.onUnlock(unlocked);
    await this.o.onAccessChange();
    return this.get(actor, username);
  }
}
