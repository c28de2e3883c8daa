import { invalidInput } from "../core/errors.js";

/** Limit flags shared by accounts and members, as sacctmgr names them in spirit: --max-cpus 64, --max-time 2-00:00:00; "none" lifts one. */
export const LIMIT_OPTIONS = {
  "max-running-jobs": { type: "string" },
  "max-submit-jobs": { type: "string" },
  "max-cpus": { type: "string" },
  "max-gpus": { type: "string" },
  "max-time": { type: "string" },
} as const;

const FIELDS: Record<keyof typeof LIMIT_OPTIONS, string> = {
  "max-running-jobs": "maxRunningJobs",
  "max-submit-jobs": "maxSubmitJobs",
  "max-cpus": "maxCpus",
  "max-gpus": "maxGpus",
  "max-time": "maxTimeLimit",
};

/** The limits the flags set (numbers, times as given for the server to read, null to lift), or undefined when none is given. */
export function limitsFromFlags(
  values: Record<string, unknown>,
): Record<string, number | string | null> | undefined {
  const out: Record<string, number | string | null> = {};
  for (const [flag, field] of Object.entries(FIELDS)) {
    const v = values[flag];
    if (typeof v !== "string") continue;
    if (v === "none") out[field] = null;
    else if (flag === "max-time") out[field] = v;
    else if (/^\d+$/.test(v)) out[field] = Number(v);
    else throw invalidInput(`--${flag} ${v}: give a whole number, or "none" to lift the limit`);
  }
  return Object.keys(out).length ? out : undefined;
}

/** "a,b" → ["a", "b"]. */
export function listFlag(v: unknown): string[] | undefined {
  return typeof v === "string"
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
}
