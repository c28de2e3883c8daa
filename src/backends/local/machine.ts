import { execFileSync } from "node:child_process";
import { availableParallelism, hostname, totalmem } from "node:os";

export interface GpuDevice {
  index: number;
  type: string;
}

/** This machine's name, cores and memory (GPUs: `detectNvidiaGpus`, asked only when the cluster is described). */
export interface Machine {
  hostname: string;
  cpus: number;
  memMiB: number;
}

/** Lower-case short model names as Slurm GRES types are usually written ("NVIDIA H100 80GB HBM3" → "h100"). */
function gpuTypeOf(name: string): string {
  const m = /\b([A-Z]{1,2}\d{2,4}[A-Z]?)\b/i.exec(
    name.replace(/^NVIDIA\s+/i, "").replace(/GeForce|RTX|Tesla/gi, " "),
  );
  return (m ? m[1]! : (name.split(/\s+/).pop() ?? "gpu")).toLowerCase();
}

/** NVIDIA GPUs as `nvidia-smi` lists them; none when it is absent or fails. */
export function detectNvidiaGpus(): GpuDevice[] {
  try {
    const out = execFileSync("nvidia-smi", ["--query-gpu=index,name", "--format=csv,noheader"], {
      encoding: "utf8",
      timeout: 15000,
      stdio: ["ignore", "pipe", "ignore"],
    });
    return out
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "")
      .map((l) => {
        const [idx, ...name] = l.split(",");
        return { index: Number(idx), type: gpuTypeOf(name.join(",").trim()) };
      })
      .filter((g) => Number.isInteger(g.index));
  } catch {
    return [];
  }
}

export function detectMachine(): Machine {
  return {
    hostname: hostname().split(".")[0] || "localhost",
    cpus: availableParallelism(),
    memMiB: Math.floor(totalmem() / 1048576),
  };
}
