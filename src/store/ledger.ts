import type { Db } from "./open.js";
import { nowIso } from "./open.js";
import type { LedgerTransactionTable, WalletTable } from "./schema.js";

type WalletKind = WalletTable["kind"];

export interface WalletOwner {
  kind: WalletKind;
  tenantId: number | null;
  accountId: number | null;
  /** For a grant's wallets. */
  grantId?: number;
}

function ownerKey(o: WalletOwner): string {
  if (o.kind === "grant" || o.kind === "grant-hold") return `${o.kind}:${o.grantId}`;
  return o.kind === "tenant"
    ? `tenant:${o.tenantId}`
    : o.kind === "account" || o.kind === "account-hold"
      ? `${o.kind}:${o.accountId}`
      : o.kind;
}

/** The wallet of an owner, made on first use (by whichever of two concurrent callers comes first). */
export async function walletOf(db: Db, o: WalletOwner): Promise<{ id: number; balance: number }> {
  const key = ownerKey(o);
  const find = () =>
    db
      .selectFrom("wallets")
      .select(["id", "balance"])
      .where("owner_key", "=", key)
      .executeTakeFirst();
  const found = await find();
  if (found) return { id: found.id, balance: Number(found.balance) };
  await db
    .insertInto("wallets")
    .values({
      owner_key: key,
      kind: o.kind,
      tenant_id: o.tenantId,
      account_id: o.accountId,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.column("owner_key").doNothing())
    .execute();
  const made = (await find())!;
  return { id: made.id, balance: Number(made.balance) };
}

export interface NewTransaction {
  kind: LedgerTransactionTable["kind"];
  actorId: number | null;
  reason: string | null;
  jobId?: number | null;
  idempotencyKey?: string | null;
  postings: { walletId: number; amount: number }[];
}

/** Writes a transaction and its postings and moves the cached balances; the caller's transaction makes it atomic. */
export async function insertTransaction(db: Db, t: NewTransaction): Promise<number> {
  const { id } = await db
    .insertInto("ledger_transactions")
    .values({
      at: nowIso(),
      kind: t.kind,
      actor_id: t.actorId,
      reason: t.reason,
      job_id: t.jobId ?? null,
      idempotency_key: t.idempotencyKey ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const p of t.postings) {
    await db
      .insertInto("ledger_postings")
      .values({ transaction_id: id, wallet_id: p.walletId, amount: p.amount })
      .execute();
    await db
      .updateTable("wallets")
      .set((eb) => ({ balance: eb("balance", "+", p.amount) }))
      .where("id", "=", p.walletId)
      .execute();
  }
  return id;
}

/** Locks wallets for the rest of the transaction (PostgreSQL), so a balance checked is the balance spent from. */
export async function lockWallets(
  db: Db,
  ids: number[],
  dialect: "sqlite" | "postgres",
): Promise<void> {
  if (dialect === "postgres" && ids.length)
    await db
      .selectFrom("wallets")
      .select("id")
      .where("id", "in", ids)
      .orderBy("id")
      .forUpdate()
      .execute();
}

/** Wallets with their owners' names: all, one tenant's (its own and its accounts'), or one account's. */
export async function listWallets(db: Db, f: { tenantId?: number; accountId?: number }) {
  let q = db
    .selectFrom("wallets")
    .leftJoin("tenants", "tenants.id", "wallets.tenant_id")
    .leftJoin("accounts", "accounts.id", "wallets.account_id")
    .select([
      "wallets.id",
      "wallets.kind",
      "wallets.balance",
      "tenants.name as tenant",
      "accounts.name as account",
    ])
    .orderBy("wallets.id");
  if (f.tenantId !== undefined) q = q.where("wallets.tenant_id", "=", f.tenantId);
  if (f.accountId !== undefined) q = q.where("wallets.account_id", "=", f.accountId);
  return q.execute();
}

/** Transactions touching any of these wallets (all when undefined), newest first, with all their postings. */
export async function listTransactions(
  db: Db,
  f: { walletIds?: number[]; beforeId?: number; limit: number },
) {
  let q = db
    .selectFrom("ledger_transactions")
    .leftJoin("users", "users.id", "ledger_transactions.actor_id")
    .selectAll("ledger_transactions")
    .select("users.username as actor");
  if (f.walletIds !== undefined) {
    if (f.walletIds.length === 0) return [];
    const ids = f.walletIds;
    q = q.where("ledger_transactions.id", "in", (eb) =>
      eb.selectFrom("ledger_postings").select("transaction_id").where("wallet_id", "in", ids),
    );
  }
  if (f.beforeId !== undefined) q = q.where("ledger_transactions.id", "<", f.beforeId);
  const txs = await q.orderBy("ledger_transactions.id", "desc").limit(f.limit).execute();
  if (txs.length === 0) return [];
  const postings = await db
    .selectFrom("ledger_postings")
    .select(["transaction_id", "wallet_id", "amount"])
    .where(
      "transaction_id",
      "in",
      txs.map((t) => t.id),
    )
    .orderBy("id")
    .execute();
  return txs.map((t) => ({ ...t, postings: postings.filter((p) => p.transaction_id === t.id) }));
}

/** What has been refunded of a job's charge so far (money units). */
export async function refundedFor(db: Db, jobId: number): Promise<number> {
  const r = await db
    .selectFrom("ledger_postings")
    .innerJoin("ledger_transactions", "ledger_transactions.id", "ledger_postings.transaction_id")
    .innerJoin("wallets", "wallets.id", "ledger_postings.wallet_id")
    .select((eb) => eb.fn.sum<number>("ledger_postings.amount").as("s"))
    .where("ledger_transactions.job_id", "=", jobId)
    .where("ledger_transactions.kind", "=", "refund")
    .where("wallets.kind", "=", "account")
    .executeTakeFirst();
  return Number(r?.s ?? 0);
}

/** The sum of a set of wallets' postings before a time (their balance then). */
export async function balanceAt(db: Db, walletIds: number[], at: string): Promise<number> {
  if (walletIds.length === 0) return 0;
  const r = await db
    .selectFrom("ledger_postings")
    .innerJoin("ledger_transactions", "ledger_transactions.id", "ledger_postings.transaction_id")
    .select((eb) => eb.fn.sum<number>("ledger_postings.amount").as("s"))
    .where("ledger_postings.wallet_id", "in", walletIds)
    .where("ledger_transactions.at", "<", at)
    .executeTakeFirst();
  return Number(r?.s ?? 0);
}

/** Money into (+) and out of (−) a set of wallets over [from, to), by kind of transaction. */
export async function movementsByKind(
  db: Db,
  walletIds: number[],
  from: string,
  to: string,
): Promise<{ kind: string; amount: number; count: number }[]> {
  if (walletIds.length === 0) return [];
  const rows = await db
    .selectFrom("ledger_postings")
    .innerJoin("ledger_transactions", "ledger_transactions.id", "ledger_postings.transaction_id")
    .select([
      "ledger_transactions.kind",
      (eb) => eb.fn.sum<number>("ledger_postings.amount").as("s"),
      (eb) => eb.fn.countAll<number>().as("n"),
    ])
    .where("ledger_postings.wallet_id", "in", walletIds)
    .where("ledger_transactions.at", ">=", from)
    .where("ledger_transactions.at", "<", to)
    .groupBy("ledger_transactions.kind")
    .orderBy("ledger_transactions.kind")
    .execute();
  return rows.map((r) => ({ kind: r.kind, amount: Number(r.s), count: Number(r.n) }));
}
