import type { ClusterModel } from "../../scheduler/cluster.js";
import { schedulePass, type RunningJob } from "../../scheduler/pass.js";
import type { Policy } from "../../scheduler/policy.js";
import { compileShape, type Shape } from "../../scheduler/shape.js";
import type { ActiveJob, TrialJob } from "../backend.js";
import type { PartitionConfig } from "../cluster-config.js";
import type { Dependencies } from "./dependencies.js";
import { waitingQueue, type QueueSources } from "./waiting-queue.js";

// how many waiting jobs ahead of it a prediction plans; beyond, it says "not within the plan"
const MOST_AHEAD = 2000;
const TRIAL_ID = -1;

/**
 * When a job like `trial` would start were it submitted now: a pass over the cluster as it
 * is, with the trial job queued at its own priority and the jobs ahead of it planned as
 * reservations. Null when it would not start within the plan. Nothing is changed.
 */
export function predictStart(
  state: {
    model: ClusterModel;
    partitions: readonly PartitionConfig[];
    running: RunningJob[];
    pending: Iterable<ActiveJob>;
    runningJobs: Iterable<ActiveJob>;
    shapes: ReadonlyMap<number, Shape>;
    deps: Dependencies;
    sources: QueueSources;
    policy: Policy;
  },
  trial: TrialJob,
  nowMs: number,
): number | null {
  const shapes = new Map(state.shapes);
  shapes.set(TRIAL_ID, compileShape(trial.request, state.model.defMemPerCpu));
  const job = {
    id: TRIAL_ID,
    arrayJobId: null,
    array: null,
    partition: trial.partition,
    submitMs: nowMs,
    held: null,
    beginMs: null,
    dependency: null,
    accountId: trial.accountId,
    userId: trial.userId,
    qos: trial.qos,
    timeLimit: trial.timeLimit,
  } as unknown as ActiveJob;
  const { queue } = waitingQueue(
    [...state.pending, job],
    state.runningJobs,
    shapes,
    state.model,
    state.partitions,
    state.deps,
    state.sources,
    nowMs,
  );
  const mine = queue.find((q) => q.id === TRIAL_ID)!;
  const ahead = queue.filter(
    (q) => q.priority > mine.priority || (q.priority === mine.priority && q.id !== TRIAL_ID),
  ).length;
  if (ahead > MOST_AHEAD) return null;
  const result = schedulePass({
    model: state.model,
    now: nowMs / 1000,
    running: state.running,
    queue,
    config: { policy: state.policy, planDepth: ahead + 1, overdueIsFree: false },
  });
  if (result.starts.some((s) => s.id === TRIAL_ID)) return nowMs;
  const p = result.pending.find((d) => d.id === TRIAL_ID)?.plannedStart;
  return p === null || p === undefined ? null : Math.round(p * 1000);
}
