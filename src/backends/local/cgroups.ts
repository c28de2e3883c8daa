import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** What a job may use: the kernel holds it to this, as Slurm's task/cgroup does. */
export interface JobLimits {
  memMiB: number;
  /** Real core indices (the job's cpuset). */
  cores: number[];
  /** The GPUs it holds, and all of the machine's (the others' device files are closed to it). */
  gpuIndices: number[];
  allGpus: number[];
}

/** One job's cgroups. */
export interface JobCgroup {
  /** The cgroup.procs files the job's first process writes itself into (children follow it). */
  procs: string[];
  /** Whether the kernel killed a process of the job for going over its memory. */
  oomKilled(): boolean;
  /** The most memory the job's cgroup held (MiB), where the kernel keeps it. */
  peakMiB(): number | null;
  /** Removes the job's cgroups; false while a process is still in one (try again). */
  remove(): boolean;
}

/** NVIDIA's character devices: /dev/nvidiaN is 195:N (nvidiactl, 195:255, stays open). */
const NVIDIA_MAJOR = 195;

function write(path: string, value: string): void {
  writeFileSync(path, value);
}

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** "oom_kill N" of memory.events (v2) or memory.oom_control (v1). */
function oomKills(text: string | null): number {
  return Number(/^oom_kill (\d+)$/m.exec(text ?? "")?.[1] ?? 0);
}

interface Roots {
  memory: string;
  cpuset: string | null;
  devices: string | null;
}

/**
 * Confinement of local jobs in cgroups when the server is root: a memory limit the kernel
 * enforces (a job over it is killed at once and ends OUT_OF_MEMORY, not a sample later),
 * a cpuset of its cores (it cannot widen its affinity), and, on cgroup v1, its GPUs'
 * device files only. cgroup v2 with the memory controller is used where the machine has
 * it; otherwise v1's memory hierarchy. Without either (or not root): null, and the
 * sampler alone keeps memory.
 */
export class Cgroups {
  private constructor(
    readonly version: "v1" | "v2",
    private readonly roots: Roots,
  ) {}

  /**
   * `scope`: this server's own branch (guang/<scope>/job_N), so that servers of other homes
   * on the machine, whose job ids are their own, never meet in one cgroup.
   */
  static detect(scope: string, root = "/sys/fs/cgroup"): Cgroups | null {
    if (process.getuid?.() !== 0) return null;
    return Cgroups.v2(root, scope) ?? Cgroups.v1(root, scope);
  }

  private static v2(root: string, scope: string): Cgroups | null {
    const controllers = read(join(root, "cgroup.controllers"))?.trim().split(/\s+/) ?? [];
    if (!controllers.includes("memory")) return null;
    const want = ["memory", ...(controllers.includes("cpuset") ? ["cpuset"] : [])]
      .map((c) => `+${c}`)
      .join(" ");
    try {
      // controllers reach a child only when every parent hands them down
      let dir = root;
      for (const part of ["guang", scope]) {
        write(join(dir, "cgroup.subtree_control"), want);
        dir = join(dir, part);
        mkdirSync(dir, { recursive: true });
      }
      write(join(dir, "cgroup.subtree_control"), want);
      return new Cgroups("v2", {
        memory: dir,
        cpuset: want.includes("cpuset") ? dir : null,
        devices: null,
      });
    } catch {
      // a parent with processes of its own cannot hand controllers down (a container's cgroup)
      return null;
    }
  }

  private static v1(root: string, scope: string): Cgroups | null {
    const mem = join(root, "memory");
    if (!existsSync(join(mem, "memory.limit_in_bytes"))) return null;
    try {
      mkdirSync(join(mem, "guang", scope), { recursive: true });
      let cpuset: string | null = join(root, "cpuset");
      if (existsSync(join(cpuset, "cpuset.cpus"))) {
        // a v1 cpuset starts empty: each level takes its parent's cores and memory nodes
        for (const part of ["guang", scope]) {
          const child = join(cpuset, part);
          mkdirSync(child, { recursive: true });
          for (const f of ["cpuset.cpus", "cpuset.mems"])
            if (!read(join(child, f))?.trim()) write(join(child, f), read(join(cpuset, f))!.trim());
          cpuset = child;
        }
      } else cpuset = null;
      const devices = existsSync(join(root, "devices", "devices.allow"))
        ? join(root, "devices", "guang", scope)
        : null;
      if (devices) mkdirSync(devices, { recursive: true });
      return new Cgroups("v1", { memory: join(mem, "guang", scope), cpuset, devices });
    } catch {
      return null;
    }
  }

  /** Removes this server's branch when no job is left in it (a stopping server with nothing running). */
  release(): void {
    for (const dir of new Set([this.roots.memory, this.roots.cpuset, this.roots.devices])) {
      if (!dir) continue;
      try {
        rmdirSync(dir);
      } catch {
        // a job's cgroup is still in it, or it is gone
      }
    }
  }

  /** One line for the start-up banner. */
  describe(): string {
    const parts = [`memory (over its request a job is killed at once)`];
    if (this.roots.cpuset) parts.push("cpuset (its cores only)");
    parts.push(
      this.roots.devices ? "devices (its GPUs only)" : "GPUs by CUDA_VISIBLE_DEVICES only",
    );
    return `jobs are confined by cgroup ${this.version}: ${parts.join(", ")}`;
  }

  private dirs(id: number): { memory: string; cpuset: string | null; devices: string | null } {
    const name = `job_${id}`;
    return {
      memory: join(this.roots.memory, name),
      cpuset:
        this.roots.cpuset &&
        (this.roots.cpuset === this.roots.memory ? null : join(this.roots.cpuset, name)),
      devices: this.roots.devices && join(this.roots.devices, name),
    };
  }

  /** Makes a job's cgroups with its limits (before it starts). */
  create(id: number, l: JobLimits): JobCgroup {
    const d = this.dirs(id);
    const bytes = String(Math.max(1, l.memMiB) * 1048576);
    const cores = l.cores.join(",");
    mkdirSync(d.memory, { recursive: true });
    if (this.version === "v2") {
      write(join(d.memory, "memory.max"), bytes);
      if (existsSync(join(d.memory, "memory.swap.max")))
        write(join(d.memory, "memory.swap.max"), "0");
      if (this.roots.cpuset && cores) write(join(d.memory, "cpuset.cpus"), cores);
    } else {
      write(join(d.memory, "memory.limit_in_bytes"), bytes);
      // no swap beyond the limit where the kernel counts it
      if (existsSync(join(d.memory, "memory.memsw.limit_in_bytes")))
        write(join(d.memory, "memory.memsw.limit_in_bytes"), bytes);
      if (d.cpuset) {
        mkdirSync(d.cpuset, { recursive: true });
        write(join(d.cpuset, "cpuset.mems"), read(join(this.roots.cpuset!, "cpuset.mems"))!.trim());
        write(
          join(d.cpuset, "cpuset.cpus"),
          cores || read(join(this.roots.cpuset!, "cpuset.cpus"))!.trim(),
        );
      }
      if (d.devices) {
        mkdirSync(d.devices, { recursive: true });
        for (const g of l.allGpus)
          if (!l.gpuIndices.includes(g))
            write(join(d.devices, "devices.deny"), `c ${NVIDIA_MAJOR}:${g} rwm`);
      }
    }
    return this.handle(id);
  }

  /** The cgroups of a job started before a restart (they outlive the server, as the job does). */
  handle(id: number): JobCgroup {
    const d = this.dirs(id);
    const all = [d.memory, d.cpuset, d.devices].filter((x): x is string => x !== null);
    const events = join(d.memory, this.version === "v2" ? "memory.events" : "memory.oom_control");
    return {
      procs: all.map((x) => join(x, "cgroup.procs")),
      oomKilled: () => oomKills(read(events)) > 0,
      peakMiB: () => {
        const text = read(
          join(d.memory, this.version === "v2" ? "memory.peak" : "memory.max_usage_in_bytes"),
        );
        return text === null ? null : Number(text.trim()) / 1048576;
      },
      remove: () => {
        let gone = true;
        for (const x of all) {
          try {
            rmdirSync(x);
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== "ENOENT") gone = false;
          }
        }
        return gone;
      },
    };
  }
}
