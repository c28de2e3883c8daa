import { hashToken, newToken } from "./token-secrets.js";
import type { AuthService } from "./auth.js";
import { invalidInput, notFound } from "../../core/errors.js";
import type { Db } from "../../store/open.js";
import { nowIso } from "../../store/open.js";
import { insertToken, listTokens, revokeToken, tokenHashOf } from "../../store/tokens.js";
import { type Actor } from "../access/actor.js";

/** API tokens: a user makes, lists and revokes their own; each lives at most auth.tokenMaxDays. */
export class ApiTokenService {
  constructor(
    private readonly db: Db,
    private readonly maxDays: number,
    /** Told of a revocation, so that the sign-in cache and open event streams drop the token. */
    private readonly auth: AuthService,
  ) {}

  async createToken(
    actor: Actor,
    name: string,
    expiresInDays: number | null,
  ): Promise<{ id: number; name: string; token: string; expiresAt: string | null }> {
    if (!/^[\w.@-]{1,64}$/.test(name))
      throw invalidInput("a token name is 1 to 64 letters, digits, '.', '_', '-' or '@'");
    const most = this.maxDays;
    if (expiresInDays !== null && expiresInDays > most)
      throw invalidInput(
        `an API token lives at most ${most} days on this center (auth.tokenMaxDays); ask for fewer`,
      );
    const token = newToken();
    // a token without an end is given the longest life the center allows
    const expiresAt = nowIso(Date.now() + (expiresInDays ?? most) * 86400000);
    const id = await insertToken(this.db, {
      userId: actor.userId,
      name,
      tokenHash: hashToken(token),
      kind: "api",
      expiresAt,
    });
    return { id, name, token, expiresAt };
  }

  async listTokens(actor: Actor) {
    const rows = await listTokens(this.db, actor.userId);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      revokedAt: r.revoked_at,
    }));
  }

  async revokeToken(actor: Actor, id: number): Promise<void> {
    const hash = await tokenHashOf(this.db, actor.userId, id);
    if (!(await revokeToken(this.db, actor.userId, id)))
      throw notFound(`you have no live token ${id}`);
    this.auth.forget();
    if (hash) this.auth.onRevokedToken(hash);
  }
}
