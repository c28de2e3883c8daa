import type { JobAlloc } from "../backend.js";

/**
 * Which job holds each core and GPU of the node: the scheduler counts them, this picks the
 * very ones (lowest free first), so a job can be bound to its cores and shown its GPUs.
 */
export class DeviceSlots {
  private readonly coreOwner: Int32Array;
  private readonly gpuOwner: Int32Array;

  constructor(
    cores: number,
    private readonly gpuIndices: number[],
  ) {
    this.coreOwner = new Int32Array(cores);
    this.gpuOwner = new Int32Array(gpuIndices.length);
  }

  /** Picks `cpus` free cores and `gpus` free GPUs (their device indices) for job `id`. */
  pick(id: number, cpus: number, gpus: number): { cores: number[]; gpuIndices: number[] } {
    const cores = this.free(this.coreOwner, cpus);
    const slots = this.free(this.gpuOwner, gpus);
    for (const c of cores) this.coreOwner[c] = id;
    for (const k of slots) this.gpuOwner[k] = id;
    return { cores, gpuIndices: slots.map((k) => this.gpuIndices[k]!) };
  }

  /** Marks an adopted job's cores and GPUs as its own. */
  take(alloc: JobAlloc, id: number): void {
    for (const c of alloc.cores) this.coreOwner[c] = id;
    for (const g of alloc.gpuIndices) {
      const k = this.gpuIndices.indexOf(g);
      if (k >= 0) this.gpuOwner[k] = id;
    }
  }

  release(alloc: JobAlloc, id: number): void {
    for (const c of alloc.cores) if (this.coreOwner[c] === id) this.coreOwner[c] = 0;
    for (const g of alloc.gpuIndices) {
      const k = this.gpuIndices.indexOf(g);
      if (k >= 0 && this.gpuOwner[k] === id) this.gpuOwner[k] = 0;
    }
  }

  private free(owner: Int32Array, n: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < owner.length && out.length < n; i++) if (owner[i] === 0) out.push(i);
    return out;
  }
}
