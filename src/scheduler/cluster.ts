import { invalidInput } from "../core/errors.js";

/** A node as the scheduler sees it: cores, memory (MiB) and GPUs of one type. */
export interface NodeSpec {
  name: string;
  cpus: number;
  memMiB: number;
  gpus: number;
  gpuType: string | null;
  /** False while the node is down or drained: nothing new starts there. */
  up?: boolean;
}

interface PartitionSpec {
  name: string;
  /** Node names. */
  nodes: string[];
  /** Partition priority factor input (Slurm's PriorityJobFactor), default 1. */
  priority?: number;
}

export interface ClusterSpec {
  name: string;
  nodes: NodeSpec[];
  partitions: PartitionSpec[];
  /** Memory given per CPU when a job names none (Slurm's DefMemPerCPU); 0: memory is not tracked for such jobs. */
  defMemPerCpu?: number;
}

/** A cluster compiled for scheduling: nodes by index, partitions as index lists. */
export interface ClusterModel {
  spec: ClusterSpec;
  nodes: NodeSpec[];
  cpus: Int32Array;
  mem: Float64Array;
  gpus: Int32Array;
  up: Uint8Array;
  /** Node indices of each partition, in node order. */
  partitionNodes: Int32Array[];
  partitionIndex: Map<string, number>;
  totalCpus: number;
  defMemPerCpu: number;
}

export function compileCluster(spec: ClusterSpec): ClusterModel {
  const n = spec.nodes.length;
  const byName = new Map<string, number>();
  const cpus = new Int32Array(n);
  const mem = new Float64Array(n);
  const gpus = new Int32Array(n);
  const up = new Uint8Array(n);
  let totalCpus = 0;
  spec.nodes.forEach((node, i) => {
    if (byName.has(node.name))
      throw invalidInput(`cluster ${spec.name}: node "${node.name}" is declared twice`);
    if (!(node.cpus > 0) || !Number.isInteger(node.cpus))
      throw invalidInput(
        `cluster ${spec.name}: node "${node.name}" needs a positive whole number of cpus`,
      );
    if (!(node.memMiB >= 0) || !(node.gpus >= 0))
      throw invalidInput(`cluster ${spec.name}: node "${node.name}" has negative memory or GPUs`);
    byName.set(node.name, i);
    cpus[i] = node.cpus;
    mem[i] = node.memMiB;
    gpus[i] = node.gpus;
    up[i] = node.up === false ? 0 : 1;
    totalCpus += node.cpus;
  });
  const partitionIndex = new Map<string, number>();
  const partitionNodes = spec.partitions.map((p, k) => {
    if (partitionIndex.has(p.name))
      throw invalidInput(`cluster ${spec.name}: partition "${p.name}" is declared twice`);
    partitionIndex.set(p.name, k);
    const idx = p.nodes.map((name) => {
      const i = byName.get(name);
      if (i === undefined)
        throw invalidInput(
          `cluster ${spec.name}: partition "${p.name}" names node "${name}", which is not declared`,
        );
      return i;
    });
    return Int32Array.from(idx.sort((a, b) => a - b));
  });
  return {
    spec,
    nodes: spec.nodes,
    cpus,
    mem,
    gpus,
    up,
    partitionNodes,
    partitionIndex,
    totalCpus,
    defMemPerCpu: spec.defMemPerCpu ?? 0,
  };
}

/** A cluster of `count` identical nodes in one partition "batch" (simulations, tests, benchmarks). */
export function uniformCluster(
  count: number,
  node: Omit<NodeSpec, "name">,
  name = "sim",
): ClusterSpec {
  const width = String(count - 1).length;
  const nodes = Array.from({ length: count }, (_, i) => ({
    ...node,
    name: `n${String(i).padStart(width, "0")}`,
  }));
  return { name, nodes, partitions: [{ name: "batch", nodes: nodes.map((x) => x.name) }] };
}
