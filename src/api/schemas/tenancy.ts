import { z } from "zod";
import { LIMIT_NAMES } from "../../core/account-limits.js";
import { parseSlurmDuration } from "../../core/duration.js";
import { isGuangError } from "../../core/errors.js";

/** Request bodies of the tenancy routes (shared by users, tenants and accounts). */
export const posix = z.strictObject({
  name: z.string().optional(),
  uid: z.number().int().optional(),
  gid: z.number().int().optional(),
  home: z.string().optional(),
});

export const newUser = z.strictObject({
  username: z.string().min(1).max(64),
  tenant: z.string().optional(),
  password: z.string().min(1).max(4096).optional(),
  roles: z.array(z.string()).max(10).optional(),
  email: z.email().optional(),
  posix: posix.optional(),
});

const count = z.number().int().min(0).max(10_000_000).nullable().optional();

/** Seconds, or a Slurm time ("2-00:00:00", "90"): the way people write time limits. */
const timeLimit = z
  .union([z.number().int().positive(), z.string()])
  .nullable()
  .optional()
  .transform((v, ctx) => {
    if (typeof v !== "string") return v;
    try {
      const s = parseSlurmDuration(v);
      if (!Number.isFinite(s)) return null;
      return s;
    } catch (e) {
      ctx.addIssue({ code: "custom", message: isGuangError(e) ? e.message : String(e) });
      return z.NEVER;
    }
  });

export const limits = z.strictObject({
  maxRunningJobs: count,
  maxSubmitJobs: count,
  maxCpus: count,
  maxGpus: count,
  maxTimeLimit: timeLimit,
});
// keep the schema and the list of limit names in step
void (LIMIT_NAMES satisfies readonly (keyof z.infer<typeof limits>)[]);

const names = z.array(z.string().min(1)).max(1000);
export const allowed = z.strictObject({
  clusters: names.optional(),
  partitions: names.optional(),
  qos: names.optional(),
});
