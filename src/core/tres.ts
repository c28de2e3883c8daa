/**
 * Trackable resources (TRES), in Slurm's units: `cpu` cores, `mem` MiB, `gpu` devices (of
 * `gpuType` when the request names one), `node` nodes. The one shape of "how much" that the
 * scheduler's minimums, the backends' needs, account limits, holds and prices share.
 */
export interface Tres {
  cpu: number;
  mem: number;
  gpu: number;
  gpuType: string | null;
  node: number;
}

/** Slurm's TRES string, e.g. "cpu=4,mem=8G,node=1,gres/gpu:a100=2" (mem in M below 1 GiB). */
export function formatTres(t: Tres): string {
  const mem = t.mem % 1024 === 0 && t.mem > 0 ? `${t.mem / 1024}G` : `${t.mem}M`;
  const parts = [`cpu=${t.cpu}`, `mem=${mem}`, `node=${t.node}`];
  if (t.gpu > 0) parts.push(t.gpuType ? `gres/gpu:${t.gpuType}=${t.gpu}` : `gres/gpu=${t.gpu}`);
  return parts.join(",");
}
