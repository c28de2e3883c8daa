/**
 * Multifactor priority in the manner of Slurm's priority/multifactor: a weighted sum of
 * factors in [0, 1] — age, fair share, job size, partition, QoS — minus the job's nice.
 */
export interface PriorityWeights {
  age: number;
  fairshare: number;
  jobSize: number;
  partition: number;
  qos: number;
  /** Age at which the age factor reaches 1 (Slurm's PriorityMaxAge), seconds. */
  maxAge: number;
}

/** Defaults: fair share dominates, as most centers configure it; age breaks starvation. */
export const DEFAULT_WEIGHTS: Readonly<PriorityWeights> = Object.freeze({
  age: 1000,
  fairshare: 10000,
  jobSize: 1000,
  partition: 1000,
  qos: 2000,
  maxAge: 7 * 86400,
});

export interface PriorityFactors {
  submit: number;
  /** CPUs the job asks for. */
  cpus: number;
  /** Fair-share factor of the job's user in its account, [0, 1]. */
  fairshare: number;
  /** Partition factor, [0, 1]. */
  partition: number;
  /** QoS factor, [0, 1]. */
  qos: number;
  nice?: number;
}

export function jobPriority(
  f: PriorityFactors,
  now: number,
  totalCpus: number,
  w: PriorityWeights = DEFAULT_WEIGHTS,
): number {
  const age = w.maxAge > 0 ? Math.min(1, Math.max(0, now - f.submit) / w.maxAge) : 0;
  const size = totalCpus > 0 ? Math.min(1, f.cpus / totalCpus) : 0;
  return (
    w.age * age +
    w.fairshare * f.fairshare +
    w.jobSize * size +
    w.partition * f.partition +
    w.qos * f.qos -
    (f.nice ?? 0)
  );
}

/**
 * Queue order: higher priority first; ties by earlier submission, then by id — so the same
 * inputs always give the same order.
 */
export function compareQueued(
  a: { priority: number; submit: number; id: number },
  b: { priority: number; submit: number; id: number },
): number {
  return b.priority - a.priority || a.submit - b.submit || a.id - b.id;
}
