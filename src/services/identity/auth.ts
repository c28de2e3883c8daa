import { createHash, timingSafeEqual } from "node:crypto";
import { hashToken, newToken } from "./token-secrets.js";
import type { PosixIdentity } from "../../backends/backend.js";
import { GuangError, invalidInput } from "../../core/errors.js";
import type { MemberRole, UserRole } from "../../core/roles.js";
import { accountsOfUser } from "../../store/accounts.js";
import type { Db } from "../../store/open.js";
import { nowIso } from "../../store/open.js";
import { findTenantById } from "../../store/tenants.js";
import { findLiveToken, insertToken, revokeToken, revokeUserTokens } from "../../store/tokens.js";
import {
  findUserById,
  findUserByName,
  setPasswordHash,
  updateUser,
  type UserRow,
} from "../../store/users.js";
import { unauthorized, type Actor } from "../access/actor.js";
import { auditDone, auditSignIn } from "../access/audit.js";
import { SignInBackoff } from "./sign-in-backoff.js";
import { provisionUser } from "./external-users.js";
import { LdapDirectory } from "./ldap-directory.js";
import { checkPassword } from "./password-policy.js";
import { hashPassword, verifyPassword } from "./passwords.js";
import { RateLimit } from "../access/rate-limit.js";
import type { LdapConfig, OidcConfig } from "./provider-config.js";

/** How sign-in behaves. */
export interface AuthConfig {
  sessionTtl: number;
  passwordMinLength: number;
  /** log2 of scrypt's N for new password hashes. */
  passwordHashCost: number;
  lockoutAttempts: number;
  lockoutMs: number;
  attemptsPerIpPerMinute: number;
  attemptsPerUserPerMinute: number;
  tokenMaxDays: number;
  forcePasswordChange: boolean;
  maxStreamsPerUser: number;
  ldap: LdapConfig | null;
  oidc: OidcConfig | null;
}

const CACHE_MS = 5000;

/**
 * The CSRF token of a browser session, derived from its secret: a page of another site
 * can make the browser send the (HttpOnly) cookie but cannot read it, so it cannot know this.
 */
function csrfTokenFor(sessionToken: string): string {
  return createHash("sha256").update(`csrf\0${sessionToken}`).digest("base64url");
}

// Compared against when the user does not exist, so a wrong name costs as long as a wrong password.
const DUMMY_HASH =
  "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

/** What a request carries that proves who sends it. */
export interface Credentials {
  authorization?: string;
  /** The session cookie's value. */
  session?: string;
  /** The X-CSRF-Token header (needed with the cookie on requests that change things). */
  csrf?: string;
  method: string;
  ip: string;
}

export interface SignedIn {
  token: string;
  expiresAt: string;
  user: string;
  csrfToken: string;
  /** The password was chosen by someone else: change it (POST /auth/password) before anything else. */
  mustChangePassword: boolean;
}

export function posixOf(
  u: Pick<UserRow, "unix_user" | "uid" | "gid" | "home_dir">,
): PosixIdentity | null {
  return u.unix_user === null
    ? null
    : { name: u.unix_user, uid: u.uid, gid: u.gid, home: u.home_dir };
}

/** Sign-in (local passwords, LDAP), sessions, and who a request's credentials name (a session or an API token). */
export class AuthService {
  private readonly perIp: RateLimit;
  private readonly perUser: RateLimit;
  private readonly ldap: LdapDirectory | null;
  private readonly backoff: SignInBackoff;

  constructor(
    private readonly db: Db,
    private readonly cfg: AuthConfig,
  ) {
    this.perIp = new RateLimit(
      cfg.attemptsPerIpPerMinute,
      60000,
      "sign-in attempts from this address",
    );
    this.perUser = new RateLimit(
      cfg.attemptsPerUserPerMinute,
      60000,
      "sign-in attempts for this user from your address",
    );
    this.backoff = new SignInBackoff(cfg.lockoutAttempts, cfg.lockoutMs);
    this.ldap = cfg.ldap ? new LdapDirectory(cfg.ldap) : null;
  }

  /**
   * Password sign-in: local users against their hash, LDAP users (and unknown names, when a
   * directory is configured) against the directory. Rate-limited per address and per name
   * from that address; after `lockoutAttempts` failures of a name from an address, that
   * pair backs off exponentially. Unknown names, wrong passwords and disabled users get the
   * same answer after the same work.
   */
  async login(username: string, password: string, ip: string): Promise<SignedIn> {
    try {
      this.backoff.check(username, ip);
      this.perIp.hit(ip);
      this.perUser.hit(`${username.toLowerCase()}\0${ip}`);
    } catch (e) {
      // the first refusal of a flood is recorded; the rest of it would only fill the log
      if ((e as GuangError).details?.firstRefusal)
        await auditSignIn(
          this.db,
          { userId: null, username, ip, tenantId: null },
          "password",
          "too_many_attempts",
        );
      throw e;
    }
    const fail = async (
      result: string,
      user: UserRow | undefined,
      message = "wrong username or password",
    ) => {
      this.backoff.failed(username, ip);
      await auditSignIn(
        this.db,
        { userId: user?.id ?? null, username, ip, tenantId: user?.tenant_id ?? null },
        user?.source ?? "password",
        result,
      );
      throw unauthorized(message);
    };
    let user = await findUserByName(this.db, username);
    // directories compare names without case; Guang's names are lower-case
    if (this.ldap && !user && username !== username.toLowerCase()) {
      username = username.toLowerCase();
      user = await findUserByName(this.db, username);
    }
    if (this.ldap && (!user || user.source === "ldap")) {
      const entry = await this.ldap.authenticate(username, password).catch(async (e: unknown) => {
        await auditSignIn(
          this.db,
          { userId: user?.id ?? null, username, ip, tenantId: user?.tenant_id ?? null },
          "ldap",
          "directory_unavailable",
        );
        throw e;
      });
      if (!entry) return fail("wrong_password", user);
      try {
        user = await provisionUser(
          this.db,
          {
            source: "ldap",
            username,
            externalId: entry.dn,
            tenantValue: entry.tenantValue,
            email: entry.email,
            posix: entry,
          },
          this.cfg.ldap!,
        );
      } catch (e) {
        await auditSignIn(
          this.db,
          { userId: user?.id ?? null, username, ip, tenantId: user?.tenant_id ?? null },
          "ldap",
          (e as GuangError).code ?? "error",
          { message: (e as Error).message },
        );
        throw e;
      }
      return this.openSession(user, ip, "ldap");
    }
    const ok = await verifyPassword(
      password,
      user?.source === "local" ? user.password_hash : DUMMY_HASH,
    );
    if (!user || !ok) return fail("wrong_password", user);
    // an admin's lock (or one from before back-off) still holds, and reads as a wrong password
    if (user.locked_until && user.locked_until > nowIso()) return fail("locked", user);
    if (user.disabled_at !== null) return fail("disabled", user);
    this.backoff.succeeded(username, ip);
    return this.openSession(user, ip, "password");
  }

  /** A session for a user an identity provider vouched for (OIDC). */
  async openSession(user: UserRow, ip: string, method: string): Promise<SignedIn> {
    if (user.disabled_at !== null) {
      await auditSignIn(
        this.db,
        { userId: user.id, username: user.username, ip, tenantId: user.tenant_id },
        method,
        "disabled",
      );
      throw unauthorized(`user ${user.username} is disabled; ask a tenant admin`);
    }
    const token = newToken();
    const expiresAt = nowIso(Date.now() + this.cfg.sessionTtl * 1000);
    await insertToken(this.db, {
      userId: user.id,
      name: "login",
      tokenHash: hashToken(token),
      kind: "session",
      expiresAt,
    });
    await auditSignIn(
      this.db,
      { userId: user.id, username: user.username, ip, tenantId: user.tenant_id },
      method,
      "ok",
    );
    return {
      token,
      expiresAt,
      user: user.username,
      csrfToken: csrfTokenFor(token),
      mustChangePassword: user.must_change_password === 1,
    };
  }

  /** Ends a session (sign-out). */
  async logout(actor: Actor, token: string): Promise<void> {
    const hash = hashToken(token);
    const row = await findLiveToken(this.db, hash, nowIso());
    if (row) await revokeToken(this.db, actor.userId, row.tokenId);
    this.forget();
    this.onRevokedToken(hash);
  }

  /**
   * Recently seen tokens, for a few seconds: a busy client sends hundreds of requests a
   * second. Changes through this process empty it at once; another process's changes take
   * effect within CACHE_MS.
   */
  private readonly recent = new Map<
    string,
    { actor: Omit<Actor, "ip">; until: number; expires: number }
  >();

  forget(): void {
    this.recent.clear();
  }

  /** An admin's unlock: the name may be tried again at once, from every address. */
  unlock(username: string): void {
    this.backoff.forgive(username);
    this.perUser.forgetPrefix(`${username.toLowerCase()}\0`);
  }

  /** Whether a token (by its hash) is still live: long-lived streams ask now and then. */
  async isLive(hash: string): Promise<boolean> {
    return (await findLiveToken(this.db, hash, nowIso())) !== undefined;
  }

  /** Set by the composition root: ends the streams of one token. */
  onRevokedToken: (hash: string) => void = () => {};
  /** Set by the composition root: ends the streams of a user's tokens but `except` (a token hash). */
  onRevokedUser: (userId: number, except: string | null) => void = () => {};

  /** The actor behind a request: a bearer token, or a session cookie (with its CSRF token on writes). */
  async authenticate(c: Credentials): Promise<Actor> {
    const m = /^Bearer\s+(\S+)$/i.exec(c.authorization ?? "");
    let token: string;
    if (m) token = m[1]!;
    else if (c.session) {
      token = c.session;
      if (!["GET", "HEAD"].includes(c.method)) {
        const want = Buffer.from(csrfTokenFor(token));
        const got = Buffer.from(c.csrf ?? "");
        if (got.length !== want.length || !timingSafeEqual(got, want)) {
          throw new GuangError(
            "csrf",
            403,
            "this request came with the session cookie but without its X-CSRF-Token header (the csrfToken given at sign-in)",
          );
        }
      }
    } else
      throw unauthorized(
        "this needs a token: send 'Authorization: Bearer TOKEN' (get one with POST /api/v1/auth/login or 'guang login')",
      );
    const hash = hashToken(token);
    const now = Date.now();
    const hit = this.recent.get(hash);
    if (hit && hit.until > now && hit.expires > now)
      return { ...hit.actor, ip: c.ip, credential: hash };
    const row = await findLiveToken(this.db, hash, nowIso(now));
    if (!row) throw unauthorized("the token is unknown, revoked or expired: log in again");
    const actor = await this.loadActor(row.userId);
    if (this.recent.size > 10000) this.recent.clear();
    this.recent.set(hash, {
      actor,
      until: now + CACHE_MS,
      expires: row.expires_at ? Date.parse(row.expires_at) : Infinity,
    });
    return { ...actor, ip: c.ip, credential: hash };
  }

  /** Who a peer center's verified call acts as: its user here, as that user's token would make them; null if none or disabled. */
  async actorNamed(username: string, ip: string): Promise<Actor | null> {
    const u = await findUserByName(this.db, username);
    if (!u || u.disabled_at) return null;
    return { ...(await this.loadActor(u.id)), ip, credential: `peer:${username}` };
  }

  private async loadActor(userId: number): Promise<Omit<Actor, "ip">> {
    const u = (await findUserById(this.db, userId))!;
    const accounts = new Map<number, MemberRole>(
      (await accountsOfUser(this.db, userId)).map((a) => [a.id, a.role]),
    );
    return {
      userId,
      username: u.username,
      tenantId: u.tenant_id,
      roles: JSON.parse(u.roles) as UserRole[],
      accounts,
      posix: posixOf(u),
      ...(u.must_change_password ? { mustChangePassword: true } : {}),
    };
  }

  /** Who the actor is, with tenant, roles and accounts. */
  async whoami(actor: Actor) {
    const tenant = await findTenantById(this.db, actor.tenantId);
    const accounts = await accountsOfUser(this.db, actor.userId);
    return {
      user: actor.username,
      tenant: tenant?.name ?? null,
      roles: actor.roles,
      accounts: accounts.map((a) => ({ name: a.name, role: a.role })),
      posix: actor.posix,
    };
  }

  /**
   * Changes one's own password (the current one must be given): every other session and
   * token of the user ends; the one the change came with stays. Throttled like sign-in.
   */
  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    this.backoff.check(actor.username, actor.ip);
    this.perIp.hit(actor.ip);
    this.perUser.hit(`${actor.username}\0${actor.ip}`);
    const user = await findUserById(this.db, actor.userId);
    if (!user || user.source !== "local")
      throw invalidInput(
        `your password is kept by ${user?.source ?? "another system"}; change it there`,
      );
    if (!(await verifyPassword(current, user.password_hash))) {
      this.backoff.failed(actor.username, actor.ip);
      await auditDone(
        this.db,
        actor,
        {
          action: "auth.password",
          target: `user ${user.username}`,
          tenantId: user.tenant_id,
          details: {},
        },
        "wrong_password",
      );
      throw unauthorized("the current password is wrong");
    }
    checkPassword(next, user.username, this.cfg.passwordMinLength);
    if (next === current) throw invalidInput("the new password is the same as the current one");
    const hash = await hashPassword(next);
    await this.db.transaction().execute(async (trx) => {
      await setPasswordHash(trx, actor.userId, hash);
      await updateUser(trx, actor.userId, { must_change_password: 0 });
      await revokeUserTokens(trx, actor.userId, true, actor.credential ?? null);
      await auditDone(trx, actor, {
        action: "auth.password",
        target: `user ${user.username}`,
        tenantId: user.tenant_id,
        details: { otherSessionsEnded: true },
      });
    });
    this.forget();
    this.onRevokedUser(actor.userId, actor.credential ?? null);
  }
}
