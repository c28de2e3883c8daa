import type { PendingReason } from "../core/job-state.js";
import type { Allocation } from "./allocation.js";
import type { ClusterModel } from "./cluster.js";
import { NodeProfile } from "./node-profile.js";
import type { Policy } from "./policy.js";
import { compareQueued } from "./priority.js";
import type { Shape } from "./shape.js";

/** A waiting job as one pass sees it. */
export interface QueuedJob {
  id: number;
  /** Partition index in the cluster model. */
  partition: number;
  shape: Shape;
  /** The time limit, which is the scheduler's estimate of the runtime (seconds). */
  timeLimit: number;
  submit: number;
  /** Multifactor priority (higher first); equal priorities fall back to submission order. */
  priority: number;
  /** Set when the job may not start for another reason (held, dependency, begin time). */
  ineligible?: PendingReason;
}

export interface RunningJob {
  id: number;
  alloc: Allocation;
  /** Start + time limit. */
  estEnd: number;
}

export interface PassConfig {
  policy: Policy;
  /** Conservative: how many waiting jobs get a reservation (default 100, like a backfill depth). */
  depth?: number;
  /** Also compute the planned start of this many more waiting jobs (default 0). */
  planDepth?: number;
  /**
   * A running job past its estimated end: free now (the trace simulators' convention), or
   * still holding its resources until `overdueGrace` seconds from now (the live convention:
   * it is being killed, and its processes are still there).
   */
  overdueIsFree?: boolean;
  overdueGrace?: number;
}

interface PendingDecision {
  id: number;
  reason: PendingReason;
  /** Planned start (a reservation or an estimate), or null when none was computed. */
  plannedStart: number | null;
}

export interface Reservation {
  start: number;
  alloc: Allocation;
}

export interface PassResult {
  starts: { id: number; alloc: Allocation }[];
  pending: PendingDecision[];
  /** Conservative: the reservations to hand to the next pass. */
  reservations: Map<number, Reservation>;
}

export interface PassInput {
  model: ClusterModel;
  now: number;
  running: readonly RunningJob[];
  queue: readonly QueuedJob[];
  config: PassConfig;
  /**
   * Conservative: the reservations the previous pass made. They stay in the profile while
   * the jobs before them are placed, so no reservation ever moves later (compression).
   */
  reservations?: ReadonlyMap<number, Reservation>;
}

/**
 * One scheduling pass: pure, deterministic. Jobs are taken in priority order; each starts
 * now if it fits without delaying a reservation. A job that cannot start:
 * - fcfs: blocks every later job of its partition;
 * - easy: the first one of each partition gets a reservation at its earliest start;
 * - conservative: each one, up to `depth`, gets a reservation; reservations carry over
 *   between passes and only move earlier.
 */
export function schedulePass(input: PassInput): PassResult {
  const { model, now, config } = input;
  const profile = new NodeProfile(model, now);
  const grace = config.overdueGrace ?? 60;
  profile.loadRunning(
    config.overdueIsFree
      ? input.running.filter((r) => r.estEnd > now)
      : input.running.map((r) => (r.estEnd > now ? r : { alloc: r.alloc, estEnd: now + grace })),
  );
  const order = input.queue.slice().sort(compareQueued);
  const conservative = config.policy === "conservative";
  const kept = conservative
    ? (input.reservations ?? new Map<number, Reservation>())
    : new Map<number, Reservation>();
  const byId =
    conservative || (config.planDepth ?? 0) > 0
      ? new Map(order.map((j) => [j.id, j]))
      : new Map<number, QueuedJob>();
  for (const [id, r] of kept) {
    const job = byId.get(id);
    if (job !== undefined) profile.reserve(r.alloc, r.start, job.timeLimit);
  }
  const reservations = new Map<number, Reservation>();
  const depth = config.depth ?? 100;
  const starts: PassResult["starts"] = [];
  const pending: PendingDecision[] = [];
  const blockedIn = new Set<number>();
  const unplanned: number[] = [];
  let reserved = 0;

  for (const job of order) {
    if (job.ineligible !== undefined) {
      pending.push({ id: job.id, reason: job.ineligible, plannedStart: null });
      continue;
    }
    if (config.policy === "fcfs" && blockedIn.has(job.partition)) {
      // FCFS: nothing overtakes the first blocked job of its partition
      unplanned.push(pending.length);
      pending.push({ id: job.id, reason: "Priority", plannedStart: null });
      continue;
    }
    const old = kept.get(job.id);
    if (old !== undefined) profile.unreserve(old.alloc, old.start, job.timeLimit);
    const s = job.shape;
    if (s.tasks * s.cpuPerTask <= profile.freeCpuTotal) {
      const alloc = profile.place(s, job.partition, now, job.timeLimit);
      if (alloc !== null) {
        profile.startNow(alloc, job.timeLimit);
        starts.push({ id: job.id, alloc });
        continue;
      }
    }
    // Slurm's wording: the first job of a partition that cannot start waits for Resources,
    // the ones behind it for Priority.
    const first = !blockedIn.has(job.partition);
    blockedIn.add(job.partition);
    const reason: PendingReason = first ? "Resources" : "Priority";
    const reserve =
      config.policy === "conservative" ? reserved < depth : config.policy === "easy" && first;
    if (reserve) {
      reserved++;
      const r = reserveEarliest(profile, job);
      if (r !== null && conservative) reservations.set(job.id, r);
      pending.push({ id: job.id, reason, plannedStart: r?.start ?? null });
    } else {
      unplanned.push(pending.length);
      pending.push({ id: job.id, reason, plannedStart: null });
    }
  }
  // Planned starts of the rest, as conservative reservations on what is left: an estimate
  // for people and for routing between clusters, not a promise.
  const planDepth = Math.min(config.planDepth ?? 0, unplanned.length);
  if (planDepth > 0) {
    // FCFS starts a partition's jobs in order: none before the one ahead of it.
    const ahead = new Map<number, number>();
    for (const d of pending)
      if (d.plannedStart !== null) ahead.set(byId.get(d.id)!.partition, d.plannedStart);
    for (let k = 0; k < planDepth; k++) {
      const d = pending[unplanned[k]];
      const job = byId.get(d.id)!;
      const notBefore = config.policy === "fcfs" ? (ahead.get(job.partition) ?? now) : now;
      d.plannedStart = reserveEarliest(profile, job, notBefore)?.start ?? null;
      if (d.plannedStart !== null)
        ahead.set(job.partition, Math.max(ahead.get(job.partition) ?? now, d.plannedStart));
    }
  }
  return { starts, pending, reservations };
}

function reserveEarliest(
  profile: NodeProfile,
  job: QueuedJob,
  notBefore?: number,
): Reservation | null {
  const start = profile.earliest(job.shape, job.partition, job.timeLimit, notBefore);
  if (!Number.isFinite(start)) return null;
  const alloc = profile.place(job.shape, job.partition, start, job.timeLimit);
  if (alloc === null) return null;
  profile.reserve(alloc, start, job.timeLimit);
  return { start, alloc };
}
