import { isGuangError } from "./errors.js";
import type { OptionItem } from "./sbatch.js";

/** The options that ask for resources: where a job that can never run is marked, likeliest first. */
export const RESOURCE_OPTIONS = [
  "gpus",
  "gres",
  "mem",
  "mem-per-cpu",
  "cpus-per-task",
  "ntasks",
  "nodes",
  "partition",
];

/**
 * Ties a submission's refusal to the `#SBATCH` line that caused it: a partition not allowed
 * to the `--partition` line, no money to the `--account` line. The refusal's words stay the
 * same; its details gain `line` and `option`, for an editor to mark the line (the portal).
 * `options` are the long names to look for, the likeliest cause first.
 */
export async function tiedToLine<T>(
  items: OptionItem[],
  options: string[],
  run: () => Promise<T> | T,
): Promise<T> {
  try {
    return await run();
  } catch (e) {
    markLine(items, options, e);
    throw e;
  }
}

/** As tiedToLine, for a refusal already caught. */
export function markLine(items: OptionItem[], options: string[], e: unknown): void {
  if (!isGuangError(e) || e.details.line !== undefined) return;
  for (const name of options) {
    const it = items.findLast((i) => i.name === name && i.line !== undefined);
    if (it) {
      e.details.line = it.line;
      e.details.option ??= `--${name}`;
      return;
    }
  }
}
