import { createHash } from "node:crypto";
import { chmodSync, existsSync, lstatSync, mkdirSync, realpathSync, statSync } from "node:fs";
import { invalidInput } from "../core/errors.js";
import { join } from "node:path";
import type { ClusterConfig } from "../backends/cluster-config.js";
import { detectNvidiaGpus, type Machine } from "../backends/local/machine.js";
import type { CenterConfig } from "./center-config.js";

// A partition's limits when the config gives none: a job without -t gets an hour, and none
// may ask for more than a week, so that a price on the partition never meets an unlimited job
// (its worst case could not be held); "UNLIMITED" in the config lifts either.
const DEFAULT_TIME_S = 3600;
const LONGEST_TIME_S = 7 * 86400;
// Memory a core gets when a job names none: the machine's share per core, at most 2 GiB (a
// memory price must not turn a one-core job into one that pays for 12 GiB).
const DEFAULT_MEM_PER_CPU_MIB = 2048;

/** The `local` cluster: this machine as one node, with partitions from the config or `cpu` (+ `gpu`). */
export function describeLocalCluster(
  machine: Machine,
  cfg: CenterConfig["cluster"],
): ClusterConfig {
  const gpus = cfg?.gpus ?? detectNvidiaGpus();
  const cpus = cfg?.cpus ?? machine.cpus;
  const memMiB = cfg?.memMiB ?? machine.memMiB;
  const node = {
    name: machine.hostname,
    cpus,
    memMiB,
    gpus: gpus.length,
    gpuType: gpus[0]?.type ?? null,
  };
  const declared = cfg?.partitions ?? [
    { name: "cpu", default: true },
    ...(gpus.length > 0 ? [{ name: "gpu" }] : []),
  ];
  const partitions = declared.map((p, i) => {
    const maxTime = "maxTime" in p && p.maxTime !== undefined ? p.maxTime : LONGEST_TIME_S;
    // never longer than the partition allows (a default over the longest would refuse every job)
    const fallback = maxTime === null ? DEFAULT_TIME_S : Math.min(DEFAULT_TIME_S, maxTime);
    return {
      name: p.name,
      nodes: [node.name],
      default: p.default ?? (i === 0 && !declared.some((d) => d.default)),
      maxTime,
      defaultTime: "defaultTime" in p && p.defaultTime !== undefined ? p.defaultTime : fallback,
      priority: ("priority" in p ? p.priority : undefined) ?? 0.5,
    };
  });

  return {
    name: cfg?.name ?? "local",
    backend: "local",
    nodes: [node],
    partitions,
    defMemPerCpu: cfg?.defMemPerCpu ?? Math.min(DEFAULT_MEM_PER_CPU_MIB, Math.floor(memMiB / cpus)),
    gpuIndices: gpus.map((g) => g.index),
  };
}

/** A short name of this home, the same at every start: where it has a place in a shared space (/dev/shm, cgroups). */
export function homeTag(home: string): string {
  return createHash("sha256").update(realpathSync(home)).digest("hex").slice(0, 12);
}

/**
 * The run directory holds each launched job's script and record (two small files a job).
 * Memory (/dev/shm) by default: creating files there costs microseconds, on some disks most
 * of a millisecond, and what is in it matters only while this machine is up — after a
 * reboot the jobs are gone anyway, and jobs the store says were running end as lost.
 */
export function prepareRunDir(home: string, configured: string | null): string {
  let dir = configured;
  if (dir === null) {
    const shm = "/dev/shm";
    const tag = homeTag(home);
    dir =
      existsSync(shm) && statSync(shm).isDirectory()
        ? join(shm, `guang-${process.getuid?.() ?? 0}-${tag}`)
        : join(home, "run");
  }
  mkdirSync(dir, { recursive: true, mode: 0o711 });
  const st = lstatSync(dir);
  // /dev/shm is shared: refuse a directory someone else made for us
  if (!st.isDirectory() || st.uid !== (process.getuid?.() ?? st.uid)) {
    throw invalidInput(
      `the run directory ${dir} is not a directory owned by this user; remove it or set jobs.runDir in the config`,
    );
  }
  chmodSync(dir, 0o711);
  return dir;
}
