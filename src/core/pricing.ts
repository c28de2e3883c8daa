import type { Money } from "./money.js";

/**
 * What one (cluster, partition, QoS) costs per hour, in money units. `sum` adds the parts;
 * `max` charges the larger of the CPU and memory parts (Slurm's billing TRES with
 * MAX_TRES), plus GPUs. GPU prices are by type; "*" prices any type not named.
 */
export interface Rates {
  cpuHour: Money;
  memGiBHour: Money;
  gpuHour: Record<string, Money>;
  mode: "sum" | "max";
  /** The least a job that ran at all is charged. */
  minCharge: Money;
}

/** What a job holds (or asks for) and for how long. */
export interface Usage {
  cpus: number;
  memMiB: number;
  gpus: number;
  gpuType: string | null;
  seconds: number;
}

/** The hourly price of a GPU of this type, or null when the rates name none (the partition sells no such GPU). */
export function gpuRate(r: Rates, type: string | null): Money | null {
  return (type !== null ? r.gpuHour[type] : undefined) ?? r.gpuHour["*"] ?? null;
}

/**
 * The cost of a usage under these rates and a tenant's discount (percent), rounded half up
 * to whole money units once, at the end, so that no part is rounded twice. A job that ran
 * at all (even for no measurable time) pays at least the minimum charge.
 */
export function usageCost(r: Rates, u: Usage, discountPercent = 0): Money {
  if (u.seconds < 0) return 0;
  const hours = u.seconds / 3600;
  const cpu = u.cpus * r.cpuHour * hours;
  const mem = (u.memMiB / 1024) * r.memGiBHour * hours;
  const gpu = u.gpus > 0 ? u.gpus * (gpuRate(r, u.gpuType) ?? 0) * hours : 0;
  const raw = (r.mode === "max" ? Math.max(cpu, mem) : cpu + mem) + gpu;
  const discounted = raw * (1 - discountPercent / 100);
  return Math.max(r.minCharge, Math.round(discounted));
}
