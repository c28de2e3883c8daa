import { tighter, type AccountAllowed, type AccountLimits } from "../../core/account-limits.js";
import { formatSlurmDuration } from "../../core/duration.js";
import { GuangError } from "../../core/errors.js";
import { blocksOf, countActiveJobs, findMember } from "../../store/accounts.js";
import type { Db } from "../../store/open.js";
import type { AccountRow } from "../../store/accounts.js";
import { findTenantById } from "../../store/tenants.js";
import { checkStorageQuota } from "../storage/quota-check.js";

export interface SubmissionFacts {
  cluster: string;
  partition: string;
  qos: string;
  /** Seconds, null: unlimited. */
  timeLimit: number | null;
  /** Whether the user asked for the time (else a default, which the account's limit may shorten). */
  timeAsked: boolean;
  cpus: number;
  gpus: number;
  /** Jobs this submission adds (array tasks). */
  jobs: number;
}

function refused(message: string, details: Record<string, unknown> = {}): GuangError {
  return new GuangError("account_limit", 403, message, details);
}

/**
 * What an account's state, allowed lists and limits say about a submission, read inside the
 * submission's transaction (with the account locked) so that concurrent submissions cannot
 * both take the last free place. Returns the time limit to use.
 */
export async function checkSubmission(
  trx: Db,
  account: AccountRow,
  userId: number,
  f: SubmissionFacts,
): Promise<number | null> {
  const name = account.name;
  const blocks = await blocksOf(trx, [account.id]);
  const tenantBlock = blocks.find((b) => b.kind === "tenant");
  if (tenantBlock) {
    const t = await findTenantById(trx, account.tenant_id);
    throw refused(
      `tenant ${t!.name} is disabled by ${tenantBlock.by ?? "the center"} since ${tenantBlock.at}: ${tenantBlock.reason}; its accounts take no new jobs; ask the center`,
      { account: name },
    );
  }
  const adminBlock = blocks.find((b) => b.kind === "admin");
  if (adminBlock)
    throw refused(
      `account ${name} is blocked by ${adminBlock.by ?? "an admin"} since ${adminBlock.at}: ${adminBlock.reason}; ask your tenant admin`,
      { account: name },
    );
  await checkStorageQuota(trx, account, userId);
  const allowed = JSON.parse(account.allowed) as AccountAllowed;
  for (const [what, value, list] of [
    ["cluster", f.cluster, allowed.clusters],
    ["partition", f.partition, allowed.partitions],
    ["QoS", f.qos, allowed.qos],
  ] as const) {
    if (list && !list.includes(value))
      throw refused(
        `account ${name} may not use ${what} ${value}; it may use: ${list.join(", ") || "none"}`,
        { account: name },
      );
  }
  const a = JSON.parse(account.limits) as AccountLimits;
  const member = await findMember(trx, account.id, userId);
  const m = member ? (JSON.parse(member.limits) as AccountLimits) : {};
  const whose = (k: keyof AccountLimits) =>
    m[k] !== undefined && (a[k] === undefined || m[k]! <= a[k]!)
      ? `your limit in account ${name}`
      : `account ${name}`;

  let timeLimit = f.timeLimit;
  const maxTime = tighter(a.maxTimeLimit, m.maxTimeLimit);
  if (maxTime !== undefined && (timeLimit === null || timeLimit > maxTime)) {
    if (!f.timeAsked) timeLimit = maxTime;
    else
      throw refused(
        `time limit ${timeLimit === null ? "UNLIMITED" : formatSlurmDuration(timeLimit)} is longer than ${whose("maxTimeLimit")} allows (${formatSlurmDuration(maxTime)}); ask for less with -t`,
      );
  }
  for (const [k, need, unit] of [
    ["maxCpus", f.cpus, "CPUs"],
    ["maxGpus", f.gpus, "GPUs"],
  ] as const) {
    const max = tighter(a[k], m[k]);
    if (max !== undefined && need > max)
      throw refused(
        `the job asks for ${need} ${unit}; ${whose(k)} allows ${max} at once, so it could never start`,
      );
  }
  const maxSubmit = tighter(a.maxSubmitJobs, m.maxSubmitJobs);
  if (maxSubmit !== undefined) {
    const active = await countActiveJobs(trx, account.id, userId);
    const accountFull = a.maxSubmitJobs !== undefined && active.account + f.jobs > a.maxSubmitJobs;
    const memberFull = m.maxSubmitJobs !== undefined && active.user + f.jobs > m.maxSubmitJobs;
    if (accountFull || memberFull) {
      const [limit, now] = memberFull
        ? [m.maxSubmitJobs!, active.user]
        : [a.maxSubmitJobs!, active.account];
      throw refused(
        `${memberFull ? `your limit in account ${name}` : `account ${name}`} allows ${limit} jobs pending or running at once; ${now} are, and this submission adds ${f.jobs}; wait for some to end`,
        { limit, active: now },
      );
    }
  }
  return timeLimit;
}
