import { createHash, randomBytes } from "node:crypto";
import { GuangError, invalidInput, notFound } from "../core/errors.js";
import type { Db } from "../store/open.js";
import { nowIso } from "../store/open.js";
import { findLiveToken, insertToken, listTokens, revokeToken } from "../store/tokens.js";
import { findUserById, findUserByName, setPasswordHash } from "../store/users.js";
import { unauthorized, type Actor } from "./actor.js";
import { hashPassword, verifyPassword } from "./passwords.js";

const TOKEN_PREFIX = "guang_";
const CACHE_MS = 5000;
const MAX_FAILURES = 5;
const FAIL_WINDOW_MS = 5 * 60_000;
const MIN_PASSWORD = 10;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

// Compared against when the user does not exist, so a wrong name costs as long as a wrong password.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly sessionTtlSeconds: number,
  ) {}

  /** Failed sign-ins per user name in the last FAIL_WINDOW_MS, to slow password guessing. */
  private readonly failures = new Map<string, number[]>();

  private checkThrottle(username: string, now: number): void {
    const recent = (this.failures.get(username) ?? []).filter((t) => t > now - FAIL_WINDOW_MS);
    this.failures.set(username, recent);
    if (recent.length >= MAX_FAILURES) {
      const wait = Math.ceil((recent[0]! + FAIL_WINDOW_MS - now) / 1000);
      throw new GuangError("too_many_attempts", 429, `too many failed sign-ins for ${username}; try again in ${wait} s`, { retryAfterSeconds: wait });
    }
  }

  /** Password sign-in: a session token that expires after the configured time. */
  async login(username: string, password: string): Promise<{ token: string; expiresAt: string; user: string }> {
    const now = Date.now();
    this.checkThrottle(username, now);
    const user = await findUserByName(this.db, username);
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok) {
      if (this.failures.size > 10000) this.failures.clear();
      this.failures.get(username)!.push(now);
      throw unauthorized("wrong username or password");
    }
    this.failures.delete(username);
    const token = newToken();
    const expiresAt = nowIso(Date.now() + this.sessionTtlSeconds * 1000);
    await insertToken(this.db, { userId: user.id, name: "login", tokenHash: hashToken(token), kind: "session", expiresAt });
    return { token, expiresAt, user: user.username };
  }

  /**
   * Recently seen tokens, for a few seconds: a busy client sends hundreds of requests a
   * second. Revoking through this process empties it at once; another process's revocation
   * takes effect within CACHE_MS.
   */
  private readonly recent = new Map<string, { actor: Actor; until: number; expires: number }>();

  /** The actor behind an `Authorization` header value. */
  async authenticate(header: string | undefined): Promise<Actor> {
    const m = /^Bearer\s+(\S+)$/i.exec(header ?? "");
    if (!m) throw unauthorized("this needs a token: send 'Authorization: Bearer TOKEN' (get one with POST /api/v1/auth/login or 'guang login')");
    const hash = hashToken(m[1]!);
    const now = Date.now();
    const hit = this.recent.get(hash);
    if (hit && hit.until > now && hit.expires > now) return hit.actor;
    const row = await findLiveToken(this.db, hash, nowIso(now));
    if (!row) throw unauthorized("the token is unknown, revoked or expired: log in again");
    const actor = { userId: row.userId, username: row.username, tenantId: row.tenant_id, centerAdmin: row.center_admin === 1, unixUser: row.unix_user };
    if (this.recent.size > 10000) this.recent.clear();
    this.recent.set(hash, { actor, until: now + CACHE_MS, expires: row.expires_at ? Date.parse(row.expires_at) : Infinity });
    return actor;
  }

  /** Changes one's own password; the current one must be given. */
  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const user = await findUserById(this.db, actor.userId);
    if (!user || !(await verifyPassword(current, user.password_hash))) throw unauthorized("the current password is wrong");
    if (next.length < MIN_PASSWORD) throw invalidInput(`a password has at least ${MIN_PASSWORD} characters`);
    if (next === current) throw invalidInput("the new password is the same as the current one");
    await setPasswordHash(this.db, actor.userId, await hashPassword(next));
  }

  async createToken(actor: Actor, name: string, expiresInDays: number | null): Promise<{ id: number; name: string; token: string; expiresAt: string | null }> {
    if (!/^[\w.@-]{1,64}$/.test(name)) throw invalidInput("a token name is 1 to 64 letters, digits, '.', '_', '-' or '@'");
    const token = newToken();
    const expiresAt = expiresInDays === null ? null : nowIso(Date.now() + expiresInDays * 86400000);
    const id = await insertToken(this.db, { userId: actor.userId, name, tokenHash: hashToken(token), kind: "api", expiresAt });
    return { id, name, token, expiresAt };
  }

  async listTokens(actor: Actor) {
    const rows = await listTokens(this.db, actor.userId);
    return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at }));
  }

  async revokeToken(actor: Actor, id: number): Promise<void> {
    if (!(await revokeToken(this.db, actor.userId, id))) throw notFound(`you have no live token ${id}`);
    this.recent.clear();
  }
}
