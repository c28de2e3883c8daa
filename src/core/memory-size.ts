import { invalidInput } from "./errors.js";

const UNITS: Record<string, number> = { K: 1 / 1024, M: 1, G: 1024, T: 1024 * 1024 };

/** Slurm memory sizes: a whole number with an optional K/M/G/T suffix, in MiB by default. */
export function parseMemoryMiB(text: string, option: string): number {
  const m = /^(\d+)([KMGT])?B?$/i.exec(text.trim());
  if (!m)
    throw invalidInput(
      `invalid ${option} "${text}": give a size like 500M, 4G or 1T (MiB when no unit)`,
    );
  const mib = Math.ceil(Number(m[1]) * UNITS[(m[2] ?? "M").toUpperCase()]!);
  if (mib === 0)
    throw invalidInput(
      `${option}=0 (all the node's memory) is not supported: give an amount such as 4G`,
    );
  return mib;
}
