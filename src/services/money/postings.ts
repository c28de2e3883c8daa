import { MONEY_MAX, type Money } from "../../core/money.js";
import { insertTransaction, type NewTransaction } from "../../store/ledger.js";
import type { Db } from "../../store/open.js";

/** A change in an account's money that people are told of (and the scheduler, for blocks). */
export interface MoneyEvent {
  accountId: number;
  kind: "blocked" | "unblocked" | "low-balance";
  /** What the account can spend now, and the level crossed (money units). */
  available: Money;
  level: Money;
}

/**
 * Checks a transaction and writes it: at least two postings, none zero, each within bounds,
 * summing to zero. Every movement of money goes through here.
 */
export async function post(trx: Db, t: NewTransaction): Promise<number> {
  if (t.postings.length < 2) throw new Error("a ledger transaction needs two postings at least");
  let sum = 0;
  for (const p of t.postings) {
    if (!Number.isSafeInteger(p.amount) || p.amount === 0 || Math.abs(p.amount) > MONEY_MAX)
      throw new Error(`invalid posting amount ${p.amount}`);
    sum += p.amount;
  }
  if (sum !== 0) throw new Error(`ledger transaction does not balance: its postings sum to ${sum}`);
  return insertTransaction(trx, t);
}
