import { z } from "zod";

// Answers of the cluster routes.

/** Whether a cluster answers, its version, its last error and association sync. */
const clusterStatus = z
  .strictObject({
    reachable: z.boolean(),
    version: z.string().nullable(),
    error: z.string().nullable(),
    sync: z
      .strictObject({
        at: z.string(),
        applied: z.array(z.string()),
        drift: z.array(z.string()),
      })
      .nullable(),
    passes: z
      .strictObject({ count: z.number(), p50Ms: z.number(), p99Ms: z.number() })
      .nullable()
      .optional(),
  })
  .meta({ id: "ClusterStatus" });

/** A node and what is in use on it. */
const nodeUse = z
  .strictObject({
    name: z.string(),
    cpus: z.number(),
    memMiB: z.number(),
    gpus: z.number(),
    gpuType: z.string().nullable(),
    allocCpus: z.number(),
    allocMemMiB: z.number(),
    allocGpus: z.number(),
    runningJobs: z.number(),
    state: z.enum(["idle", "mixed", "allocated", "down"]),
    reason: z
      .strictObject({ text: z.string(), user: z.string().nullable(), at: z.string().nullable() })
      .nullable(),
  })
  .meta({ id: "NodeUse" });

/** A cluster: its state, partitions and nodes. */
export const clusterView = z
  .strictObject({
    name: z.string(),
    backend: z.enum(["local", "slurm", "virtual", "peer"]),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    disabledAt: z.string().nullable(),
    status: clusterStatus,
    jobs: z.strictObject({
      pending: z.number(),
      running: z.number(),
    }),
    partitions: z.array(
      z.strictObject({
        name: z.string(),
        default: z.boolean(),
        maxTime: z.number().nullable(),
        defaultTime: z.number().nullable(),
        priority: z.number(),
        nodes: z.array(z.string()),
        totalCpus: z.number(),
      }),
    ),
    nodes: z.array(nodeUse),
  })
  .meta({ id: "ClusterView" });

/** A service class (QoS): its priority, limits (null: none) and price factor. */
export const qosView = z
  .strictObject({
    name: z.string(),
    description: z.string().nullable(),
    priority: z.number(),
    maxJobsPerUser: z.number().nullable(),
    maxCpusPerUser: z.number().nullable(),
    maxGpusPerUser: z.number().nullable(),
    maxCpusPerJob: z.number().nullable(),
    maxGpusPerJob: z.number().nullable(),
    maxWall: z.number().nullable(),
    priceFactor: z.string(),
  })
  .meta({ id: "QosView" });
