import { z } from "zod";
import { parseSlurmDuration } from "./duration.js";
import { isGuangError } from "./errors.js";

/**
 * A length of time as people write it — seconds, or a Slurm time ("90", "1:30:00",
 * "2-00:00:00", "UNLIMITED") — read into seconds, or null for unlimited. The one reader of
 * durations for the config file and the API's bodies.
 */
export const slurmDuration = z
  .union([z.number().int().positive(), z.string()])
  .transform((v, ctx) => {
    if (typeof v === "number") return v;
    try {
      const s = parseSlurmDuration(v);
      return Number.isFinite(s) ? s : null;
    } catch (e) {
      ctx.addIssue({ code: "custom", message: isGuangError(e) ? e.message : String(e) });
      return z.NEVER;
    }
  });
