import { z } from "zod";
import { slurmDuration } from "../../core/duration-schema.js";
import type { NodeSpec } from "../../scheduler/cluster.js";
import type { PartitionConfig } from "../cluster-config.js";

const DEFAULT_TIME_S = 3600;
const LONGEST_TIME_S = 7 * 86400;

const nodeGroup = z.strictObject({
  /** Node names are the prefix and a number: cn0001, cn0002, … */
  prefix: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,15}$/, "a node prefix is lower-case letters, digits and '-'"),
  count: z.number().int().min(1).max(100_000),
  cpus: z.number().int().min(1).max(4096),
  memMiB: z.number().int().min(1),
  gpus: z.number().int().min(0).max(64).optional(),
  gpuType: z.string().min(1).optional(),
});

const virtualPartition = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, "a partition name is 1 to 32 letters, digits, '_' or '-'"),
  /** Node groups by prefix (absent: every node). */
  nodes: z.array(z.string()).min(1).optional(),
  default: z.boolean().optional(),
  maxTime: slurmDuration.optional(),
  defaultTime: slurmDuration.optional(),
  priority: z.number().min(0).max(1).optional(),
});

/** A cluster of nodes that do not exist, driven by the embedded scheduler on its own clock. */
export const virtualClusterSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,31}$/, "a cluster name is lower-case letters, digits and '-'"),
  backend: z.literal("virtual"),
  nodes: z.array(nodeGroup).min(1),
  partitions: z.array(virtualPartition).min(1),
  defMemPerCpu: z.number().int().min(0).optional(),
  /** Virtual seconds a wall-clock second: 1 … 10,000. */
  speed: z.number().min(1).max(10_000).optional(),
  /** manual: the clock moves only when an administrator (or a replay) sets it. */
  clock: z.enum(["speed", "manual"]).optional(),
  /** The clock starts this long before now and runs at `speed` until it meets the wall clock. */
  startsAgo: slurmDuration.optional(),
  priority: z.enum(["multifactor", "fifo"]).optional(),
});

export type VirtualClusterInput = z.output<typeof virtualClusterSchema>;

/** A virtual cluster with its nodes named and every default filled in. */
export interface VirtualClusterConfig {
  name: string;
  nodes: NodeSpec[];
  partitions: PartitionConfig[];
  defMemPerCpu: number;
  speed: number;
  clock: "speed" | "manual";
  startsAgoMs: number;
  priority: "multifactor" | "fifo";
}

/** Names the nodes and fills the defaults; throws a message naming what is wrong. */
export function expandVirtualCluster(c: VirtualClusterInput): VirtualClusterConfig {
  const groups = new Map<string, string[]>();
  const nodes: NodeSpec[] = [];
  for (const g of c.nodes) {
    if (groups.has(g.prefix)) throw new Error(`node prefix ${g.prefix} is declared twice`);
    if ((g.gpus ?? 0) === 0 && g.gpuType)
      throw new Error(`nodes ${g.prefix}: gpuType is given but gpus is 0`);
    const width = String(g.count).length;
    const names: string[] = [];
    for (let i = 1; i <= g.count; i++) {
      const name = `${g.prefix}${String(i).padStart(width, "0")}`;
      names.push(name);
      nodes.push({
        name,
        cpus: g.cpus,
        memMiB: g.memMiB,
        gpus: g.gpus ?? 0,
        gpuType: (g.gpus ?? 0) > 0 ? (g.gpuType ?? "gpu") : null,
      });
    }
    groups.set(g.prefix, names);
  }
  const seen = new Set<string>();
  const partitions = c.partitions.map((p, i): PartitionConfig => {
    if (seen.has(p.name)) throw new Error(`partition ${p.name} is declared twice`);
    seen.add(p.name);
    const names = (p.nodes ?? [...groups.keys()]).flatMap((prefix) => {
      const found = groups.get(prefix);
      if (!found)
        throw new Error(
          `partition ${p.name} names nodes "${prefix}", which is no node prefix (${[...groups.keys()].join(", ")})`,
        );
      return found;
    });
    const maxTime = p.maxTime !== undefined ? p.maxTime : LONGEST_TIME_S;
    if (p.defaultTime && maxTime !== null && p.defaultTime > maxTime)
      throw new Error(`partition ${p.name}: defaultTime is longer than maxTime`);
    const fallback = maxTime === null ? DEFAULT_TIME_S : Math.min(DEFAULT_TIME_S, maxTime);
    return {
      name: p.name,
      nodes: names,
      default: p.default ?? (i === 0 && !c.partitions.some((d) => d.default)),
      maxTime,
      defaultTime: p.defaultTime !== undefined ? p.defaultTime : fallback,
      priority: p.priority ?? 0.5,
    };
  });
  if (partitions.filter((p) => p.default).length > 1)
    throw new Error(`only one partition can be the default`);
  if (c.startsAgo !== undefined && c.clock === "manual")
    throw new Error(`startsAgo is for a clock that runs (clock: speed), not a manual one`);
  return {
    name: c.name,
    nodes,
    partitions,
    defMemPerCpu: c.defMemPerCpu ?? 2048,
    speed: c.speed ?? 1,
    clock: c.clock ?? "speed",
    startsAgoMs: (c.startsAgo ?? 0) * 1000,
    priority: c.priority ?? "multifactor",
  };
}
