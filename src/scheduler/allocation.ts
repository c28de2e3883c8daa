import type { Tres } from "../core/tres.js";

/** What a job holds (or will hold) on one node. */
export interface NodeAlloc {
  node: number;
  tasks: number;
  cpu: number;
  mem: number;
  gpu: number;
}

export type Allocation = NodeAlloc[];

export function allocationTres(a: Allocation): Tres {
  let cpu = 0;
  let mem = 0;
  let gpu = 0;
  for (const x of a) {
    cpu += x.cpu;
    mem += x.mem;
    gpu += x.gpu;
  }
  return { cpu, mem, gpu, node: a.length };
}
