/**
 * Trackable resources (TRES) of a request or an allocation, in Slurm's units:
 * `cpu` cores, `mem` MiB, `gpu` devices, `node` nodes. The shape of a request's totals.
 */
export interface Tres {
  cpu: number;
  mem: number;
  gpu: number;
  node: number;
}
