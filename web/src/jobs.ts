import type { TFunction } from "i18next";
import type { components } from "../../src/client/api-types";

export type Job = components["schemas"]["JobView"];
export type Cluster = components["schemas"]["ClusterView"];

export const ACTIVE = ["PENDING", "RUNNING"];

/** Each state's colour: dark enough that a tag's white words read at 4.5:1 or better. */
export const STATE_COLOR: Record<string, string> = {
  PENDING: "#874d00",
  RUNNING: "#0958d9",
  COMPLETED: "#237804",
  FAILED: "#a8071a",
  CANCELLED: "#595959",
  TIMEOUT: "#ad2102",
  OUT_OF_MEMORY: "#9e1068",
};

/** Seconds as Slurm shows them: 1-02:03:04, 02:03:04, 03:04. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "—";
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, "0");
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = `${two(m)}:${two(s % 60)}`;
  if (d) return `${d}-${two(h)}:${rest}`;
  return h ? `${two(h)}:${rest}` : rest;
}

/** A time in the reader's own zone and language. */
export function when(iso: string | null | undefined, lang: string): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB", { hour12: false });
}

/** The cores a job asks for or was given. */
export function cores(j: Job): number {
  return j.alloc?.cpus ?? (j.request.tasks ?? 1) * (j.request.cpusPerTask ?? 1);
}

/**
 * Why a job waits, in words rather than Slurm's reason codes: for want of resources, how busy
 * its partition is and when it is planned to start.
 */
export function reasonText(
  j: Job,
  clusters: Cluster[] | undefined,
  t: TFunction,
  lang: string,
): string {
  if (j.state !== "PENDING") return j.reason ?? "";
  const reason = j.reason ?? "None";
  const k = clusters?.find((c) => c.name === j.cluster);
  const p = k?.partitions.find((x) => x.name === j.partition);
  const nodes = k?.nodes.filter((n) => p?.nodes.includes(n.name)) ?? [];
  const used = nodes.reduce((s, n) => s + n.allocCpus, 0);
  const total = nodes.reduce((s, n) => s + n.cpus, 0);
  const start = j.plannedStart ? t("reason.plannedStart", { at: when(j.plannedStart, lang) }) : "";
  const key = `reason.${reason}`;
  const words = t(key, { used, total, defaultValue: "" }) || t("reason.other", { reason });
  return [words, start].filter(Boolean).join(t("reason.separator"));
}

/**
 * How well a job used what it asked for (as jobstats reports it): CPU time over cores ×
 * elapsed, peak memory over memory given.
 */
export function efficiency(j: Job): { cpu: number | null; mem: number | null } {
  const c = cores(j);
  const cpu =
    j.cpuSeconds !== null && j.elapsed && c ? Math.min(1, j.cpuSeconds / (c * j.elapsed)) : null;
  const given = j.alloc?.memMiB ?? null;
  const mem = j.maxRssMiB !== null && given ? Math.min(1, j.maxRssMiB / given) : null;
  return { cpu, mem };
}
