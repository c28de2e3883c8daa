import type { ResourceRequest } from "../../core/resource-request.js";
import type { Allocation } from "../../scheduler/allocation.js";
import type { ClusterModel } from "../../scheduler/cluster.js";
import { schedulePass } from "../../scheduler/pass.js";
import { compileShape, shapeMinimum } from "../../scheduler/shape.js";
import type { ActiveJob, JobAlloc, NodeUse } from "../backend.js";
import { compressHostlist, expandHostlist } from "../../core/hostlist.js";

// answers per partition and request shape: a cluster of thousands of nodes is tried once a shape
const verdicts = new WeakMap<ClusterModel, Map<string, string | null>>();

/** Null when a job of this request could run in the partition on the empty cluster; else why not, in words. */
export function whyNeverFits(
  model: ClusterModel,
  partition: string,
  request: ResourceRequest,
): string | null {
  const p = model.partitionIndex.get(partition);
  if (p === undefined) return `partition ${partition} does not exist`;
  const shape = compileShape(request, model.defMemPerCpu);
  const key = `${p}:${JSON.stringify(shape)}`;
  let cache = verdicts.get(model);
  if (!cache) verdicts.set(model, (cache = new Map()));
  if (cache.has(key)) return cache.get(key)!;
  const trial = schedulePass({
    model,
    now: 0,
    running: [],
    queue: [{ id: 1, partition: p, shape, timeLimit: 1, submit: 0, priority: 0 }],
    config: { policy: "fcfs" },
  });
  let why: string | null = null;
  if (trial.starts.length === 0) {
    const need = shapeMinimum(shape);
    const nodes = model.partitionNodes[p]!;
    let cpus = 0;
    let mem = 0;
    let gpus = 0;
    for (const i of nodes) {
      cpus = Math.max(cpus, model.cpus[i]!);
      mem = Math.max(mem, model.mem[i]!);
      gpus = Math.max(gpus, model.gpus[i]!);
    }
    why =
      `the job asks for ${need.cpu} cpus, ${need.mem} MiB and ${need.gpu} GPU(s)${shape.gpuType ? ` of type ${shape.gpuType}` : ""}` +
      `${shape.exactNodes > 0 ? ` on ${shape.exactNodes} node(s)` : ""}; partition ${partition} has ${nodes.length} node(s), the largest with ${cpus} cpus, ${mem} MiB and ${gpus} GPU(s)`;
  }
  cache.set(key, why);
  return why;
}

/** Each node's use from the running jobs' allocations. */
export function virtualNodeUse(
  model: ClusterModel,
  running: Iterable<{ job: ActiveJob; alloc: Allocation }>,
): NodeUse[] {
  const n = model.nodes.length;
  const cpu = new Int32Array(n);
  const mem = new Float64Array(n);
  const gpu = new Int32Array(n);
  const jobs = new Int32Array(n);
  for (const r of running)
    for (const a of r.alloc) {
      cpu[a.node] += a.cpu;
      mem[a.node] += a.mem;
      gpu[a.node] += a.gpu;
      jobs[a.node]! += 1;
    }
  return model.nodes.map((node, i) => ({
    name: node.name,
    cpus: node.cpus,
    memMiB: node.memMiB,
    gpus: node.gpus,
    gpuType: node.gpuType,
    allocCpus: cpu[i]!,
    allocMemMiB: mem[i]!,
    allocGpus: gpu[i]!,
    runningJobs: jobs[i]!,
    state: cpu[i] === 0 ? "idle" : cpu[i]! >= node.cpus ? "allocated" : "mixed",
    reason: null,
  }));
}

/** An allocation as the job records it: its nodes as a hostlist, its totals. */
export function jobAlloc(model: ClusterModel, alloc: Allocation): JobAlloc {
  const names = alloc.map((a) => model.nodes[a.node]!.name);
  const gpuType = alloc.find((a) => a.gpu > 0)
    ? model.nodes[alloc.find((a) => a.gpu > 0)!.node]!.gpuType
    : null;
  return {
    node: compressHostlist(names),
    cpus: alloc.reduce((s, a) => s + a.cpu, 0),
    memMiB: alloc.reduce((s, a) => s + a.mem, 0),
    gpus: alloc.reduce((s, a) => s + a.gpu, 0),
    gpuType,
    cores: [],
    gpuIndices: [],
  };
}

/** A stored job's allocation back on the cluster's nodes (null when its nodes are gone). */
export function allocFromStored(model: ClusterModel, a: JobAlloc): Allocation | null {
  const index = new Map(model.nodes.map((n, i) => [n.name, i]));
  const names = expandHostlist(a.node);
  const idx = names.map((n) => index.get(n));
  if (idx.some((i) => i === undefined) || idx.length === 0) return null;
  const share = (x: number) => Math.floor(x / idx.length);
  return idx.map((node) => ({
    node: node!,
    tasks: 1,
    cpu: share(a.cpus),
    mem: share(a.memMiB),
    gpu: share(a.gpus),
  }));
}
