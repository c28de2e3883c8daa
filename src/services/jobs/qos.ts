import type { QosUserLimits } from "../../scheduler/assoc-limits.js";
import { formatSlurmDuration } from "../../core/duration.js";
import { invalidInput } from "../../core/errors.js";
import { nowIso, type Db } from "../../store/open.js";
import { activeJobsInQos, findQos, listQos, saveQos, type QosRow } from "../../store/qos.js";
import { hasRole, type Actor } from "../access/actor.js";
import { audited } from "../access/audit.js";
import { forbidden } from "../access/actor.js";

/** A QoS as the API shows it (Slurm's sacctmgr show qos). Limits: null is none. */
export interface QosView {
  name: string;
  description: string | null;
  priority: number;
  maxJobsPerUser: number | null;
  maxCpusPerUser: number | null;
  maxGpusPerUser: number | null;
  maxCpusPerJob: number | null;
  maxGpusPerJob: number | null;
  /** Seconds. */
  maxWall: number | null;
  priceFactor: string;
}

/** What may be set of a QoS; absent keys keep their value, null removes a limit. */
export type QosInput = Partial<Omit<QosView, "name">>;

function view(r: QosRow): QosView {
  return {
    name: r.name,
    description: r.description,
    priority: r.priority,
    maxJobsPerUser: r.max_jobs_per_user,
    maxCpusPerUser: r.max_cpus_per_user,
    maxGpusPerUser: r.max_gpus_per_user,
    maxCpusPerJob: r.max_cpus_per_job,
    maxGpusPerJob: r.max_gpus_per_job,
    maxWall: r.max_wall,
    priceFactor: r.price_factor,
  };
}

/**
 * Service classes as data: each QoS has a priority (its share of the scheduler's QoS factor,
 * relative to the highest), limits checked at submission (jobs per user, cpus and GPUs per
 * job, longest time limit) and while scheduling (cpus and GPUs per user), and a price
 * factor applied to the partition's rates. `normal` is there from the first start.
 */
export class QosService {
  private byName = new Map<string, QosView>();
  private top = 0;

  constructor(
    private readonly db: Db,
    /** Told after a change, so that the scheduler sees it at once. */
    private readonly changed: () => Promise<void>,
  ) {}

  /** Reads every QoS again (at start, after a change, and now and then for other processes). */
  async reload(): Promise<void> {
    const rows = (await listQos(this.db)).map(view);
    this.byName = new Map(rows.map((q) => [q.name, q]));
    this.top = Math.max(0, ...rows.map((q) => q.priority));
  }

  /** The scheduler's QoS factor of a job, [0, 1]: its QoS's priority over the highest. */
  factor(name: string): number {
    const p = this.byName.get(name)?.priority ?? 0;
    return this.top > 0 ? Math.max(0, p) / this.top : 0;
  }

  /** Every QoS's name (what accounts may be allowed and prices may name). */
  names(): string[] {
    return [...this.byName.keys()];
  }

  userLimits(name: string): QosUserLimits | null {
    const q = this.byName.get(name);
    return q && (q.maxCpusPerUser !== null || q.maxGpusPerUser !== null) ? q : null;
  }

  async list(_actor: Actor): Promise<QosView[]> {
    return (await listQos(this.db)).map(view);
  }

  async set(actor: Actor, name: string, input: QosInput): Promise<QosView> {
    if (!hasRole(actor, "center-admin"))
      throw forbidden("only center admins set QoS; ask one (guang admin qos set)");
    if (!/^[a-z][a-z0-9_-]{0,31}$/.test(name))
      throw invalidInput(
        `QoS name "${name}" is lower-case letters, digits, '_' or '-' (e.g. high)`,
      );
    if (input.priceFactor !== undefined) {
      const f = Number(input.priceFactor);
      if (!/^\d+(\.\d{1,4})?$/.test(input.priceFactor) || !(f > 0) || f > 100)
        throw invalidInput(
          `priceFactor ${input.priceFactor} must be a decimal above 0 and at most 100 (e.g. 1.5), with up to 4 decimals`,
        );
    }
    const now = nowIso();
    await audited(
      this.db,
      actor,
      { action: "qos.set", target: `qos ${name}`, details: { ...input }, tenantId: null },
      async (trx) => {
        const found = await findQos(trx, name);
        await saveQos(trx, {
          name,
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.priority !== undefined ? { priority: input.priority } : {}),
          ...(input.maxJobsPerUser !== undefined
            ? { max_jobs_per_user: input.maxJobsPerUser }
            : {}),
          ...(input.maxCpusPerUser !== undefined
            ? { max_cpus_per_user: input.maxCpusPerUser }
            : {}),
          ...(input.maxGpusPerUser !== undefined
            ? { max_gpus_per_user: input.maxGpusPerUser }
            : {}),
          ...(input.maxCpusPerJob !== undefined ? { max_cpus_per_job: input.maxCpusPerJob } : {}),
          ...(input.maxGpusPerJob !== undefined ? { max_gpus_per_job: input.maxGpusPerJob } : {}),
          ...(input.maxWall !== undefined ? { max_wall: input.maxWall } : {}),
          ...(input.priceFactor !== undefined ? { price_factor: input.priceFactor } : {}),
          created_at: found?.created_at ?? now,
          updated_at: now,
        });
      },
    );
    await this.reload();
    await this.changed();
    return view((await findQos(this.db, name))!);
  }

  /**
   * Checks a submission against its QoS (in the submission's transaction): it must exist,
   * and the job stay within the QoS's limits. Returns the time limit, capped by the QoS's
   * longest when the job named none.
   */
  async check(
    trx: Db,
    qos: string,
    f: {
      userId: number;
      timeLimit: number | null;
      timeAsked: boolean;
      cpus: number;
      gpus: number;
      jobs: number;
    },
  ): Promise<number | null> {
    const q = await findQos(trx, qos);
    if (!q) {
      const names = (await listQos(trx)).map((x) => x.name);
      throw invalidInput(`QoS ${qos} does not exist; QoS: ${names.join(", ")} (guang qos)`, {
        qos,
      });
    }
    let limit = f.timeLimit;
    if (q.max_wall !== null && (limit === null || limit > q.max_wall)) {
      if (f.timeAsked)
        throw invalidInput(
          `QoS ${qos} allows at most ${formatSlurmDuration(q.max_wall)} (MaxWall); ask for less with -t, or use another QoS with -q`,
        );
      limit = q.max_wall;
    }
    if (q.max_cpus_per_job !== null && f.cpus > q.max_cpus_per_job)
      throw invalidInput(
        `QoS ${qos} allows at most ${q.max_cpus_per_job} cpus a job (MaxTRESPerJob); the job asks for ${f.cpus}`,
      );
    if (q.max_gpus_per_job !== null && f.gpus > q.max_gpus_per_job)
      throw invalidInput(
        `QoS ${qos} allows at most ${q.max_gpus_per_job} GPUs a job (MaxTRESPerJob); the job asks for ${f.gpus}`,
      );
    if (q.max_jobs_per_user !== null) {
      const have = await activeJobsInQos(trx, f.userId, qos);
      if (have + f.jobs > q.max_jobs_per_user)
        throw invalidInput(
          `QoS ${qos} allows ${q.max_jobs_per_user} waiting or running jobs a user (MaxSubmitJobsPerUser); you have ${have}, this submission adds ${f.jobs}`,
        );
    }
    return limit;
  }
}
