import { invalidInput } from "./errors.js";

/**
 * Money is an integer count of 1/10,000 of the currency unit (DESIGN.md): sums and
 * comparisons are exact, and a price of 0.0001 per core-second still adds up.
 */
export type Money = number & { readonly __money: unique symbol };

/**
 * Whole units as Money: the one door into the type, so that a float (a rate × seconds not
 * yet rounded) cannot pass for an amount. Refuses what is not a safe integer.
 */
export function money(units: number): Money {
  if (!Number.isSafeInteger(units)) throw new Error(`not a whole amount of money units: ${units}`);
  return units as Money;
}

const MONEY_SCALE = 10_000;

/** The largest amount a ledger takes in one posting: far above any real figure, still exact as a double. */
export const MONEY_MAX = 10 ** 15;

/** "1234.5" / "1234.5000" / "-3" → units; refuses more than four decimals, exponents, and separators. */
export function parseMoney(text: string, what = "amount"): Money {
  const m = /^(-)?(\d{1,11})(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!m)
    throw invalidInput(
      `${what} "${text}" is not an amount of money: write digits with at most four decimals, e.g. 1200.50`,
    );
  const units = Number(m[2]) * MONEY_SCALE + Number((m[3] ?? "").padEnd(4, "0"));
  return money(m[1] ? -units : units);
}

/** Units → "1234.50" (two decimals at least, four at most, as many as it needs). */
export function formatMoney(units: Money): string {
  const sign = units < 0 ? "-" : "";
  const abs = Math.abs(units);
  const whole = Math.floor(abs / MONEY_SCALE);
  const frac = String(abs % MONEY_SCALE)
    .padStart(4, "0")
    .replace(/0{1,2}$/, "");
  return `${sign}${whole}.${frac.length < 2 ? frac.padEnd(2, "0") : frac}`;
}
