import { z } from "zod";
import { LIMIT_NAMES } from "../../core/account-limits.js";
import { slurmDuration } from "../../core/duration-schema.js";

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

export const limits = z.strictObject({
  maxRunningJobs: count,
  maxSubmitJobs: count,
  maxCpus: count,
  maxGpus: count,
  maxTimeLimit: slurmDuration.nullable().optional(),
});
// keep the schema and the list of limit names in step
void (LIMIT_NAMES satisfies readonly (keyof z.infer<typeof limits>)[]);

const names = z.array(z.string().min(1)).max(1000);
export const allowed = z.strictObject({
  clusters: names.optional(),
  partitions: names.optional(),
  qos: names.optional(),
});

// Answers of the tenancy routes (tenants, users, accounts, members).

const accountLimits = z
  .strictObject({
    maxRunningJobs: z.number().optional(),
    maxSubmitJobs: z.number().optional(),
    maxCpus: z.number().optional(),
    maxGpus: z.number().optional(),
    maxTimeLimit: z.number().optional(),
  })
  .meta({ id: "AccountLimits" });

const accountAllowed = z
  .strictObject({
    clusters: z.array(z.string()).optional(),
    partitions: z.array(z.string()).optional(),
    qos: z.array(z.string()).optional(),
  })
  .meta({ id: "AccountAllowed" });

/** An account as the API shows it: state and who blocked it, limits, what it may use, members. */
export const accountView = z
  .strictObject({
    name: z.string(),
    tenant: z.string(),
    state: z.enum(["active", "blocked"]),
    blocks: z.array(
      z.strictObject({
        kind: z.string(),
        by: z.string().nullable(),
        reason: z.string(),
        at: z.string(),
      }),
    ),
    limits: accountLimits,
    allowed: accountAllowed,
    members: z.number(),
    role: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "AccountView" });

/** A member of an account: role and own limits. */
export const memberView = z
  .strictObject({
    user: z.string(),
    role: z.enum(["owner", "member", "admin"]),
    limits: accountLimits,
  })
  .meta({ id: "MemberView" });

/** A tenant (an institution) and how many users and accounts it has. */
export const tenantView = z
  .strictObject({
    name: z.string(),
    users: z.number(),
    accounts: z.number(),
    createdAt: z.string(),
    disabled: z
      .strictObject({ by: z.string().nullable(), at: z.string(), reason: z.string() })
      .nullable(),
  })
  .meta({ id: "TenantView" });

/** A user as the API shows them (never a password hash). */
export const userView = z
  .strictObject({
    username: z.string(),
    tenant: z.string(),
    roles: z.array(z.string()),
    email: z.string().nullable(),
    source: z.string(),
    posix: z
      .strictObject({
        name: z.string(),
        uid: z.number().nullable(),
        gid: z.number().nullable(),
        home: z.string().nullable(),
      })
      .nullable(),
    disabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
    accounts: z
      .array(
        z.strictObject({
          name: z.string(),
          role: z.string(),
        }),
      )
      .optional(),
  })
  .meta({ id: "UserView" });
