import type { AccountAllowed } from "../../core/account-limits.js";
import { invalidInput } from "../../core/errors.js";
import { checkName } from "../../core/names.js";
import { findUserByName } from "../../store/users.js";
import type { Db } from "../../store/open.js";
import { grantPeriod } from "../money/grants.js";
import type { LimitsPatch } from "../tenancy/accounts.js";

/** The fields of research an application names (ColdFront's "field of science", shortened). */
export const FIELDS = [
  "life-sciences",
  "medical",
  "environment",
  "ai",
  "physics",
  "chemistry",
  "materials",
  "engineering",
  "earth",
  "other",
] as const;

/** What is asked: a new account, more hours (and time) for one, or higher limits for one. */
export type ApplicationRequest =
  | {
      kind: "account";
      name: string;
      title: string;
      purpose: string;
      field: (typeof FIELDS)[number];
      pi: string;
      members: string[];
      clusters: string[];
      coreHours: number;
      gpuHours: number;
      startsAt?: string;
      endsAt?: string;
    }
  | {
      kind: "extend";
      account: string;
      purpose: string;
      coreHours: number;
      gpuHours: number;
      endsAt?: string;
    }
  | { kind: "limits"; account: string; purpose: string; limits: LimitsPatch };

/** The account an application is about: the one asked for, or the one it concerns. */
export function accountOf(r: ApplicationRequest): string {
  return r.kind === "account" ? r.name : r.account;
}

/** A short title for lists and mails: the project's, or what is asked of which account. */
export function titleOf(r: ApplicationRequest): string {
  if (r.kind === "account") return r.title;
  return r.kind === "extend" ? `more hours for ${r.account}` : `higher limits for ${r.account}`;
}

/**
 * Checks what an application asks before it is stored or approved, in the applicant's
 * words: a free and valid name, members of the tenant, clusters that exist, hours with a
 * period that ends in the future.
 */
export async function checkRequest(
  db: Db,
  r: ApplicationRequest,
  tenant: { id: number; name: string },
  checkAllowed: (a: AccountAllowed) => void,
): Promise<void> {
  if (r.kind === "account") {
    checkName("account", r.name);
    for (const m of r.members) {
      const u = await findUserByName(db, m);
      if (!u || u.tenant_id !== tenant.id)
        throw invalidInput(
          `member ${m} is not a user of tenant ${tenant.name}: an account's members are users of its tenant; ask your tenant admin to add them first`,
        );
    }
    if (r.clusters.length) checkAllowed({ clusters: r.clusters });
  }
  if (r.kind === "limits") {
    if (!Object.values(r.limits).some((v) => v !== undefined))
      throw invalidInput("say which limits you need: e.g. maxCpus or maxTimeLimit");
    return;
  }
  for (const [what, hours] of [
    ["coreHours", r.coreHours],
    ["gpuHours", r.gpuHours],
  ] as const)
    if (!Number.isFinite(hours) || hours < 0)
      throw invalidInput(`${what} is ${hours}: ask for zero or more hours`);
  if (r.kind === "extend" && r.coreHours + r.gpuHours <= 0)
    throw invalidInput("ask for more than zero core-hours or GPU-hours");
  if (r.coreHours + r.gpuHours > 0) {
    if (!r.endsAt)
      throw invalidInput("endsAt is needed: until when the hours are for (e.g. 2027-06-30)");
    grantPeriod({
      resource: "cpu",
      hours: r.coreHours || r.gpuHours,
      endsAt: r.endsAt,
      ...(r.kind === "account" && r.startsAt ? { startsAt: r.startsAt } : {}),
    });
  }
}
