import { z } from "zod";

// Answers of the jobs routes.

/** Fair share of an account's members, like sshare. */
export const fairShareView = z
  .strictObject({
    account: z.string(),
    users: z.array(
      z.strictObject({
        user: z.string(),
        usageCoreHours: z.number(),
        factor: z.number(),
      }),
    ),
  })
  .meta({ id: "FairShareView" });

const resourceRequest = z
  .strictObject({
    nodes: z.number().optional(),
    tasks: z.number().optional(),
    cpusPerTask: z.number().optional(),
    memPerNode: z.number().optional(),
    memPerCpu: z.number().optional(),
    gpusPerNode: z.number().optional(),
    gpus: z.number().optional(),
    gpuType: z.string().nullable().optional(),
    exclusive: z.boolean().optional(),
  })
  .meta({ id: "ResourceRequest" });

const jobAlloc = z
  .strictObject({
    node: z.string(),
    cpus: z.number(),
    memMiB: z.number(),
    gpus: z.number(),
    gpuType: z.string().nullable(),
    cores: z.array(z.number()),
    gpuIndices: z.array(z.number()),
  })
  .meta({ id: "JobAlloc" });

const dependencyTarget = z
  .strictObject({
    jobId: z.number(),
    taskId: z.number().nullable(),
  })
  .meta({ id: "DependencyTarget" });

const dependencyClause = z
  .strictObject({
    type: z.enum(["after", "afterok", "afternotok", "afterany"]),
    targets: z.array(dependencyTarget),
  })
  .meta({ id: "DependencyClause" });

const dependencySpec = z
  .strictObject({
    clauses: z.array(dependencyClause),
    any: z.boolean(),
    singleton: z.boolean(),
  })
  .meta({ id: "DependencySpec" });

/** A job as people see it: the stored row with the backend's live view while it is active. */
/** Where a job that named several clusters (or any) went, and each cluster considered. */
export const placementView = z
  .strictObject({
    asked: z.union([z.array(z.string()), z.literal("any")]),
    chosen: z.string(),
    why: z.string(),
    considered: z.array(
      z.strictObject({
        cluster: z.string(),
        partition: z.string().nullable(),
        startsAt: z.string().nullable(),
        perHour: z.string().nullable(),
        refused: z.string().nullable(),
      }),
    ),
    moved: z
      .array(z.strictObject({ from: z.string(), to: z.string(), at: z.string(), why: z.string() }))
      .optional(),
  })
  .meta({ id: "Placement" });

export const jobView = z
  .strictObject({
    id: z.number(),
    jobId: z.string(),
    arrayJobId: z.number().nullable(),
    arrayTaskId: z.number().nullable(),
    name: z.string(),
    user: z.string(),
    account: z.string(),
    cluster: z.string(),
    clusterJobId: z.string().nullable(),
    origin: z.string(),
    partition: z.string(),
    qos: z.string(),
    state: z.string(),
    reason: z.string().nullable(),
    held: z.string().nullable(),
    exitCode: z.number().nullable(),
    signal: z.number().nullable(),
    submitTime: z.string(),
    beginTime: z.string().nullable(),
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    plannedStart: z.string().nullable(),
    timeLimit: z.number().nullable(),
    elapsed: z.number().nullable(),
    cpuSeconds: z.number().nullable(),
    maxRssMiB: z.number().nullable(),
    request: resourceRequest,
    alloc: jobAlloc.nullable(),
    workdir: z.string(),
    stdout: z.string(),
    stderr: z.string(),
    dependency: dependencySpec.nullable().optional(),
    mailType: z.array(z.string()),
    mailUser: z.string().nullable(),
    hold: z.string(),
    cost: z.string().nullable(),
    placement: placementView.nullable(),
  })
  .meta({ id: "JobView" });
