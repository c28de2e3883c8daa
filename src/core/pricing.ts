import { money, type Money } from "./money.js";
import type { Tres } from "./tres.js";

/**
 * What one (cluster, partition, QoS) costs per hour, in money units. `sum` adds the parts;
 * `max` charges the larger of the CPU and memory parts (Slurm's billing TRES with
 * MAX_TRES), plus GPUs. GPU prices are by type; "*" prices any type not named.
 */
export interface Rates {
  /** Money units an hour: not amounts themselves (a QoS's factor may make them fractional). */
  cpuHour: number;
  memGiBHour: number;
  gpuHour: Record<string, number>;
  mode: "sum" | "max";
  /** The least a job that ran at all is charged. */
  minCharge: Money;
}

/** What a job holds (or asks for) and for how long. */
export interface Usage {
  tres: Pick<Tres, "cpu" | "mem" | "gpu" | "gpuType">;
  seconds: number;
}

/** The hourly price of a GPU of this type, or null when the rates name none (the partition sells no such GPU). */
function gpuRate(r: Rates, type: string | null): number | null {
  return (type !== null ? r.gpuHour[type] : undefined) ?? r.gpuHour["*"] ?? null;
}

/** Resources used in resource-seconds: what grants are counted in and prices apply to. */
export interface ResourceSeconds {
  coreSeconds: number;
  memMiBSeconds: number;
  gpuSeconds: number;
  gpuType: string | null;
}

export function resourceSeconds(u: Usage): ResourceSeconds {
  return {
    coreSeconds: u.tres.cpu * u.seconds,
    memMiBSeconds: u.tres.mem * u.seconds,
    gpuSeconds: u.tres.gpu * u.seconds,
    gpuType: u.tres.gpuType,
  };
}

/**
 * The cost of resources used under these rates and a tenant's discount (percent), rounded
 * half up to whole money units once, at the end, so that no part is rounded twice. What
 * ran at all (even for no measurable time) pays at least the minimum charge.
 */
export function resourceCost(r: Rates, x: ResourceSeconds, discountPercent = 0): Money {
  const cpu = (x.coreSeconds * r.cpuHour) / 3600;
  const mem = (x.memMiBSeconds / 1024) * (r.memGiBHour / 3600);
  const gpu = x.gpuSeconds > 0 ? (x.gpuSeconds * (gpuRate(r, x.gpuType) ?? 0)) / 3600 : 0;
  const raw = (r.mode === "max" ? Math.max(cpu, mem) : cpu + mem) + gpu;
  return money(Math.max(r.minCharge, Math.round(raw * (1 - discountPercent / 100))));
}

/** The cost of a usage (resources × time). */
export function usageCost(r: Rates, u: Usage, discountPercent = 0): Money {
  if (u.seconds < 0) return money(0);
  return resourceCost(r, resourceSeconds(u), discountPercent);
}

/**
 * Rates under a QoS's price factor (e.g. 1.5 for a high-priority class): every per-hour rate
 * scaled, the minimum charge too; the result is rounded once, when a cost is computed.
 */
export function scaleRates(r: Rates, factor: number): Rates {
  if (factor === 1) return r;
  return {
    ...r,
    cpuHour: r.cpuHour * factor,
    memGiBHour: r.memGiBHour * factor,
    gpuHour: Object.fromEntries(Object.entries(r.gpuHour).map(([k, v]) => [k, v * factor])),
    minCharge: money(Math.round(r.minCharge * factor)),
  };
}
