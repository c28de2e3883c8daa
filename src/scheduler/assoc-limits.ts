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
// a QoS's per-user limits (MaxTRESPerUser)
const QOS_REASONS = {
  jobs: "QOSMaxJobsPerUserLimit",
  cpus: "QOSMaxCpuPerUserLimit",
  gpus: "QOSMaxGRESPerUser",
} as const;

/** A QoS's running limits per user (null: none). */
export interface QosUserLimits {
  maxCpusPerUser: number | null;
  maxGpusPerUser: number | null;
}

function over(
  u: Use,
  l: RunningLimits,
  cpus: number,
  gpus: number,
  r: typeof ACCOUNT_REASONS | typeof MEMBER_REASONS | typeof QOS_REASONS,
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

  /** Counts a running job (of a QoS: per user too). */
  add(account: number, user: number, cpus: number, gpus: number, qos: string): void {
    const keys = [`a${account}`, `u${account}:${user}`, `q${qos}:${user}`];
    for (const u of keys.map((k) => this.get(k))) {
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
    qos: string,
    qosLimits: QosUserLimits | null,
  ): PendingReason | null {
    if (rules.blocked) return "AccountBlocked";
    const a = this.get(`a${account}`);
    const m = this.get(`u${account}:${user}`);
    const q = qosLimits && {
      maxCpus: qosLimits.maxCpusPerUser ?? undefined,
      maxGpus: qosLimits.maxGpusPerUser ?? undefined,
    };
    const why =
      over(a, rules.account, cpus, gpus, ACCOUNT_REASONS) ??
      over(m, rules.member, cpus, gpus, MEMBER_REASONS) ??
      (q ? over(this.get(`q${qos}:${user}`), q, cpus, gpus, QOS_REASONS) : null);
    if (why === null) this.add(account, user, cpus, gpus, qos);
    return why;
  }
}
