/**
 * Trackable resources (TRES) of a request or an allocation, in Slurm's units:
 * `cpu` cores, `mem` MiB, `gpu` devices, `node` nodes. All resource sums go through here.
 */
export interface Tres {
  cpu: number;
  mem: number;
  gpu: number;
  node: number;
}

export const ZERO_TRES: Readonly<Tres> = Object.freeze({ cpu: 0, mem: 0, gpu: 0, node: 0 });

export function addTres(a: Tres, b: Tres): Tres {
  return { cpu: a.cpu + b.cpu, mem: a.mem + b.mem, gpu: a.gpu + b.gpu, node: a.node + b.node };
}

export function subTres(a: Tres, b: Tres): Tres {
  return { cpu: a.cpu - b.cpu, mem: a.mem - b.mem, gpu: a.gpu - b.gpu, node: a.node - b.node };
}

/** True when `need` fits in `have`, resource by resource. */
export function tresFits(need: Tres, have: Tres): boolean {
  return (
    need.cpu <= have.cpu && need.mem <= have.mem && need.gpu <= have.gpu && need.node <= have.node
  );
}

/** Slurm's TRES string, e.g. "cpu=4,mem=8G,node=1,gres/gpu=2" (mem in M below 1 GiB). */
export function formatTres(t: Tres, gpuType: string | null = null): string {
  const mem = t.mem % 1024 === 0 && t.mem > 0 ? `${t.mem / 1024}G` : `${t.mem}M`;
  const parts = [`cpu=${t.cpu}`, `mem=${mem}`, `node=${t.node}`];
  if (t.gpu > 0) parts.push(gpuType ? `gres/gpu:${gpuType}=${t.gpu}` : `gres/gpu=${t.gpu}`);
  return parts.join(",");
}
