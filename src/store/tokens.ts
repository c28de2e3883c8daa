import type { Db } from "./open.js";
import { nowIso } from "./open.js";

export interface NewToken {
  userId: number;
  name: string;
  tokenHash: string;
  kind: "session" | "api";
  expiresAt: string | null;
}

export async function insertToken(db: Db, t: NewToken): Promise<number> {
  const r = await db
    .insertInto("api_tokens")
    .values({
      user_id: t.userId,
      name: t.name,
      token_hash: t.tokenHash,
      kind: t.kind,
      created_at: nowIso(),
      expires_at: t.expiresAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A live token and its user, or undefined when unknown, revoked or expired. */
export async function findLiveToken(db: Db, tokenHash: string, now: string) {
  return db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .select(["api_tokens.id as tokenId", "api_tokens.expires_at", "users.id as userId"])
    .where("api_tokens.token_hash", "=", tokenHash)
    .where("api_tokens.revoked_at", "is", null)
    .where("users.disabled_at", "is", null)
    .where((eb) =>
      eb.or([eb("api_tokens.expires_at", "is", null), eb("api_tokens.expires_at", ">", now)]),
    )
    .executeTakeFirst();
}

export async function listTokens(db: Db, userId: number) {
  return db
    .selectFrom("api_tokens")
    .select(["id", "name", "kind", "created_at", "expires_at", "revoked_at", "last_used_at"])
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
}

/** Ends every session of a user (disabled, or password changed by an admin); API tokens stay unless `all`. */
/** Revokes a user's sessions (and with `all`, API tokens too), but the one of hash `except`. */
export async function revokeUserTokens(
  db: Db,
  userId: number,
  all: boolean,
  except: string | null = null,
): Promise<void> {
  let q = db
    .updateTable("api_tokens")
    .set({ revoked_at: nowIso() })
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null);
  if (!all) q = q.where("kind", "=", "session");
  if (except !== null) q = q.where("token_hash", "!=", except);
  await q.execute();
}

/** Revokes one of the user's tokens; false when the user has no such live token. */
export async function revokeToken(db: Db, userId: number, id: number): Promise<boolean> {
  const r = await db
    .updateTable("api_tokens")
    .set({ revoked_at: nowIso() })
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The hash of one of the user's tokens (to end what was opened with it). */
export async function tokenHashOf(db: Db, userId: number, id: number): Promise<string | null> {
  const r = await db
    .selectFrom("api_tokens")
    .select("token_hash")
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return r?.token_hash ?? null;
}
