import type { PendingReason } from "../core/job-state.js";

/** Running limits of an account or of one member in it (absent: none). */
interface RunningLimits {
  maxRunningJobs?: number;
  maxCpus?: number;
  maxGpus?: number;
}

/** What binds a job of one account and user: the account's limits, the member's, and whether the account is blocked. */
export interface AssocRules {
  account: RunningLimits;
  member: RunningLimits;
  blocked: boolean;
}

export const NO_RULES: AssocRules = { account: {}, member: {}, blocked: false };

interface Use {
  jobs: number;
  cpus: number;
  gpus: number;
}

// In Slurm's words: an account's limits are its association's Grp* limits; a member's,
// the user association's (MaxJobs, and GrpTRES for CPUs and GPUs).
const ACCOUNT_REASONS = {
  jobs: "AssocGrpJobsLimit",
  cpus: "AssocGrpCpuLimit",
  gpus: "AssocGrpGRES",
} as const;
const MEMBER_REASONS = {
  jobs: "AssocMaxJobsLimit",
  cpus: "AssocGrpCpuLimit",
  gpus: "AssocGrpGRES",
} as const;

function over(
  u: Use,
  l: RunningLimits,
  cpus: number,
  gpus: number,
  r: typeof ACCOUNT_REASONS | typeof MEMBER_REASONS,
): PendingReason | null {
  if (l.maxRunningJobs !== undefined && u.jobs + 1 > l.maxRunningJobs) return r.jobs;
  if (l.maxCpus !== undefined && u.cpus + cpus > l.maxCpus) return r.cpus;
  if (l.maxGpus !== undefined && u.gpus + gpus > l.maxGpus) return r.gpus;
  return null;
}

/**
 * Counts what each account and member runs, and admits waiting jobs (in the order they are
 * offered, highest priority first) only while they keep within the limits: a job that
 * would go over waits with the limit's reason. Jobs admitted but not started by the pass
 * still count, so a pass can never start more than the limits allow.
 */
export class AssocCounter {
  private readonly use = new Map<string, Use>();

  private get(key: string): Use {
    let u = this.use.get(key);
    if (!u) this.use.set(key, (u = { jobs: 0, cpus: 0, gpus: 0 }));
    return u;
  }

  /** Counts a running job. */
  add(account: number, user: number, cpus: number, gpus: number): void {
    for (const u of [this.get(`a${account}`), this.get(`u${account}:${user}`)]) {
      u.jobs++;
      u.cpus += cpus;
      u.gpus += gpus;
    }
  }

  /** Null, and the job counted, when it keeps within the rules; otherwise why it waits. */
  admit(
    account: number,
    user: number,
    cpus: number,
    gpus: number,
    rules: AssocRules,
  ): PendingReason | null {
    if (rules.blocked) return "AccountBlocked";
    const a = this.get(`a${account}`);
    const m = this.get(`u${account}:${user}`);
    const why =
      over(a, rules.account, cpus, gpus, ACCOUNT_REASONS) ??
      over(m, rules.member, cpus, gpus, MEMBER_REASONS);
    if (why === null) this.add(account, user, cpus, gpus);
    return why;
  }
}
