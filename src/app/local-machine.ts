import { createHash } from "node:crypto";
import { chmodSync, existsSync, lstatSync, mkdirSync, realpathSync, statSync } from "node:fs";
import { invalidInput } from "../core/errors.js";
import { join } from "node:path";
import type { ClusterConfig } from "../backends/cluster-config.js";
import { detectNvidiaGpus, type Machine } from "../backends/local/machine.js";
import type { CenterConfig } from "./center-config.js";

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
  const partitions = declared.map((p, i) => ({
    name: p.name,
    nodes: [node.name],
    default: p.default ?? (i === 0 && !declared.some((d) => d.default)),
    maxTime: ("maxTime" in p ? p.maxTime : null) ?? null,
    defaultTime: ("defaultTime" in p ? p.defaultTime : null) ?? null,
    priority: ("priority" in p ? p.priority : undefined) ?? 0.5,
  }));
  return {
    name: cfg?.name ?? "local",
    backend: "local",
    nodes: [node],
    partitions,
    defMemPerCpu: cfg?.defMemPerCpu ?? Math.floor(memMiB / cpus),
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
