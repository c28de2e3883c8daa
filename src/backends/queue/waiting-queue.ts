import type { PendingReason } from "../../core/job-state.js";
import { AssocCounter, type QosUserLimits } from "../../scheduler/assoc-limits.js";
import type { ClusterModel } from "../../scheduler/cluster.js";
import type { QueuedJob } from "../../scheduler/pass.js";
import { DEFAULT_WEIGHTS, jobPriority } from "../../scheduler/priority.js";
import { shapeMinimum, type Shape } from "../../scheduler/shape.js";
import type { ActiveJob, RulesSource } from "../backend.js";
import type { PartitionConfig } from "../cluster-config.js";
import type { Dependencies } from "./dependencies.js";

/** Effectively unlimited for the scheduler's profile (ten years). */
export const UNLIMITED_S = 10 * 365 * 86400;

/** What the embedded scheduler consults about waiting jobs, whichever cluster it drives. */
export interface QueueSources {
  rules: RulesSource;
  /** A user's fair-share factor in an account, [0, 1]. */
  fairshare: (accountId: number, userId: number) => number;
  qos: {
    factor(name: string): number;
    userLimits(name: string): QosUserLimits | null;
  };
  /**
   * multifactor: Slurm's weighted age, fair share, size, partition and QoS; fifo: every job
   * the same priority, so submission order alone decides (the published simulations' order).
   */
  priority?: "multifactor" | "fifo";
}

/**
 * The waiting jobs as one pass sees them: in priority order, each with the reason it may not
 * start yet where it may not (held, begin time, dependency, array throttle, account and QoS
 * limits counted against what runs and what this pass admits before it).
 */
export function waitingQueue(
  pending: Iterable<ActiveJob>,
  running: Iterable<ActiveJob>,
  shapes: ReadonlyMap<number, Shape>,
  model: ClusterModel,
  partitions: readonly PartitionConfig[],
  deps: Dependencies,
  src: QueueSources,
  nowMs: number,
): { queue: QueuedJob[]; nextBegin: number } {
  const now = nowMs / 1000;
  // tasks of each array running now, and started by this pass (for `%` throttles)
  const tasksOfArray = new Map<number, number>();
  const assoc = new AssocCounter();
  for (const j of running) {
    const a = j.alloc!;
    if (j.arrayJobId !== null)
      tasksOfArray.set(j.arrayJobId, (tasksOfArray.get(j.arrayJobId) ?? 0) + 1);
    assoc.add(j.accountId, j.userId, a.cpus, a.gpus, j.qos);
  }
  const fifo = src.priority === "fifo";
  const ordered = [...pending].map((j) => {
    const shape = shapes.get(j.id)!;
    const p = model.partitionIndex.get(j.partition)!;
    const priority = fifo
      ? 0
      : jobPriority(
          {
            submit: j.submitMs / 1000,
            cpus: shape.tasks * shape.cpuPerTask,
            fairshare: src.fairshare(j.accountId, j.userId),
            partition: partitions[p]!.priority,
            qos: src.qos.factor(j.qos),
          },
          now,
          model.totalCpus,
          DEFAULT_WEIGHTS,
        );
    return { j, shape, p, priority };
  });
  // throttles and account limits admit the waiting jobs highest priority first, as the pass considers them
  ordered.sort((a, b) => b.priority - a.priority || a.j.id - b.j.id);
  const queue: QueuedJob[] = [];
  let nextBegin = Infinity;
  for (const { j, shape, p, priority } of ordered) {
    let ineligible: PendingReason | undefined;
    if (j.held) ineligible = j.held === "admin" ? "JobHeldAdmin" : "JobHeldUser";
    else if (j.beginMs !== null && j.beginMs > nowMs) {
      ineligible = "BeginTime";
      nextBegin = Math.min(nextBegin, j.beginMs);
    } else if (j.dependency) {
      const v = deps.verdict(j, j.dependency);
      if (v === "wait") ineligible = "Dependency";
      else if (v === "never") ineligible = "DependencyNeverSatisfied";
    }
    if (ineligible === undefined && j.arrayJobId !== null && j.array && j.array.throttle > 0) {
      // tasks beyond the throttle wait, lowest index first
      const used = tasksOfArray.get(j.arrayJobId) ?? 0;
      if (used >= j.array.throttle) ineligible = "JobArrayTaskLimit";
      else tasksOfArray.set(j.arrayJobId, used + 1);
    }
    if (ineligible === undefined) {
      const need = shapeMinimum(shape);
      ineligible =
        assoc.admit(
          j.accountId,
          j.userId,
          need.cpu,
          need.gpu,
          src.rules.of(j.accountId, j.userId),
          j.qos,
          src.qos.userLimits(j.qos),
        ) ?? undefined;
    }
    queue.push({
      id: j.id,
      partition: p,
      shape,
      timeLimit: j.timeLimit ?? UNLIMITED_S,
      submit: j.submitMs / 1000,
      priority,
      ...(ineligible ? { ineligible } : {}),
    });
  }
  return { queue, nextBegin };
}
