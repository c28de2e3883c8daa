import type { ResourceRequest } from "../core/resource-request.js";
import type { Tres } from "../core/tres.js";

/**
 * A request compiled into what placement needs: tasks of a fixed size, and either an exact
 * node count (tasks spread evenly: every node gets ⌊n/N⌋ or ⌈n/N⌉) or any number of nodes.
 *
 * Decisions where Slurm's options leave room: `--gpus=G` without `-N` asks for one node with
 * G GPUs; with `-N` it is ⌈G/N⌉ per node. A job with no memory option gets the cluster's
 * default memory per CPU.
 */
export interface Shape {
  tasks: number;
  /** Exact node count, or 0 for any. */
  exactNodes: number;
  /** Most tasks one node may take (⌈tasks/N⌉ with an exact node count). */
  maxTasksPerNode: number;
  cpuPerTask: number;
  memPerTask: number;
  memPerNode: number;
  gpuPerNode: number;
  gpuType: string | null;
  exclusive: boolean;
}

export function compileShape(r: ResourceRequest, defMemPerCpu = 0): Shape {
  const cpuPerTask = r.cpusPerTask ?? 1;
  let exactNodes = r.nodes ?? 0;
  const tasks = r.tasks ?? (exactNodes > 0 ? exactNodes : 1);
  let gpuPerNode = r.gpusPerNode ?? 0;
  if (r.gpus !== undefined && r.gpus > 0) {
    if (exactNodes === 0) exactNodes = 1;
    gpuPerNode = Math.ceil(r.gpus / exactNodes);
  }
  let memPerTask = 0;
  let memPerNode = 0;
  if (r.memPerNode !== undefined) memPerNode = r.memPerNode;
  else memPerTask = (r.memPerCpu ?? defMemPerCpu) * cpuPerTask;
  return {
    tasks,
    exactNodes,
    maxTasksPerNode: exactNodes > 0 ? Math.ceil(tasks / exactNodes) : Infinity,
    cpuPerTask,
    memPerTask,
    memPerNode,
    gpuPerNode,
    gpuType: r.gpuType ?? null,
    exclusive: r.exclusive ?? false,
  };
}

/** The least a shape takes in all (exclusive jobs may take more: whole nodes). */
export function shapeMinimum(s: Shape): Tres {
  const nodes = Math.max(1, s.exactNodes);
  return {
    cpu: s.tasks * s.cpuPerTask,
    mem: s.tasks * s.memPerTask + nodes * s.memPerNode,
    gpu: nodes * s.gpuPerNode,
    gpuType: s.gpuPerNode > 0 ? s.gpuType : null,
    node: nodes,
  };
}

/**
 * Tasks of `s` that fit in the given free resources of one node (capped by the shape's
 * per-node maximum). `whole` is whether the node is entirely free (for --exclusive).
 */
export function tasksThatFit(
  s: Shape,
  cpu: number,
  mem: number,
  gpu: number,
  whole: boolean,
): number {
  if (s.exclusive && !whole) return 0;
  if (gpu < s.gpuPerNode || mem < s.memPerNode) return 0;
  let t = Math.floor(cpu / s.cpuPerTask);
  if (s.memPerTask > 0) t = Math.min(t, Math.floor((mem - s.memPerNode) / s.memPerTask));
  return Math.min(t, s.maxTasksPerNode);
}

/** Tasks a node needs to host to be usable for the shape: ⌈n/N⌉ with an exact node count, else 1. */
export function tasksNeededPerNode(s: Shape): number {
  return s.exactNodes > 0 ? s.maxTasksPerNode : 1;
}
