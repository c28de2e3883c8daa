import type { ClusterSpec, NodeSpec } from "../scheduler/cluster.js";

/** A partition as the center declares it: its nodes, limits and defaults. */
export interface PartitionConfig {
  name: string;
  nodes: string[];
  /** The partition jobs go to when they name none. */
  default: boolean;
  /** Longest time limit a job may ask for (seconds); null: unlimited. */
  maxTime: number | null;
  /** Time limit of jobs that give none (seconds); null: maxTime. */
  defaultTime: number | null;
  /** Partition priority factor in [0, 1]. */
  priority: number;
}

/** A cluster as stored: its nodes, partitions and scheduling settings. */
export interface ClusterConfig {
  name: string;
  backend: "local";
  nodes: NodeSpec[];
  partitions: PartitionConfig[];
  /** Memory per CPU for jobs that name none (MiB), Slurm's DefMemPerCPU. */
  defMemPerCpu: number;
  /** The local node's GPU device indices (what CUDA_VISIBLE_DEVICES names). */
  gpuIndices: number[];
}

export function toClusterSpec(c: ClusterConfig): ClusterSpec {
  return {
    name: c.name,
    nodes: c.nodes,
    partitions: c.partitions.map((p) => ({ name: p.name, nodes: p.nodes, priority: p.priority })),
    defMemPerCpu: c.defMemPerCpu,
  };
}
