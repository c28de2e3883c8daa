import { invalidInput } from "./errors.js";

const UNITS = ["", "K", "M", "G", "T", "P"];

/**
 * Bytes as a person reads them, in powers of 1024: "1.5 GiB", or compact as `quota -s` and
 * `ls -h` write them: "1.5G". Whole bytes below 1 KiB.
 */
export function formatBytes(n: number, compact = false): string {
  let v = n;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  const num = u === 0 ? String(v) : v.toFixed(1);
  if (compact) return `${num}${UNITS[u]}`;
  return `${num} ${u === 0 ? "B" : `${UNITS[u]}iB`}`;
}

/** "500M", "10G", "1.5T", "4096" (bytes) → bytes; K, M, G, T, P are powers of 1024. */
export function parseBytes(text: string, what: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([KMGTP]?)(?:i?B)?$/i.exec(text.trim());
  if (!m)
    throw invalidInput(`${what} "${text}" is not a size: write e.g. 500M, 10G or 1.5T (or bytes)`);
  const n = Math.round(Number(m[1]) * 1024 ** UNITS.indexOf(m[2]!.toUpperCase()));
  if (!Number.isSafeInteger(n)) throw invalidInput(`${what} "${text}" is too large`);
  return n;
}
