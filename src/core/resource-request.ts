import { formatSlurmDuration } from "./duration.js";
import { invalidInput } from "./errors.js";

/**
 * What a job asks for, in Slurm's terms (`-N`, `-n`, `-c`, `--mem`, `--mem-per-cpu`,
 * `--gres=gpu[:type]:N`, `--gpus`, `--exclusive`). Memory in MiB.
 */
export interface ResourceRequest {
  /** `-N`: exact number of nodes; absent: as many as the tasks need. */
  nodes?: number;
  /** `-n`: tasks (default 1, or one per node with `-N`). */
  tasks?: number;
  /** `-c` (default 1). */
  cpusPerTask?: number;
  /** `--mem`: per node. */
  memPerNode?: number;
  /** `--mem-per-cpu`. */
  memPerCpu?: number;
  /** `--gres=gpu:N`: per node. */
  gpusPerNode?: number;
  /** `--gpus=N`: for the whole job. */
  gpus?: number;
  gpuType?: string | null;
  exclusive?: boolean;
}

function positive(name: string, v: number | undefined, allowZero = false): void {
  if (v === undefined) return;
  if (!Number.isInteger(v) || v < 0 || (!allowZero && v === 0)) {
    throw invalidInput(
      `${name} must be a ${allowZero ? "non-negative" : "positive"} whole number, got ${v}`,
    );
  }
}

/** Checks a request for contradictions a person must fix (not for what a cluster can offer). */
export function validateRequest(r: ResourceRequest): void {
  positive("nodes (-N)", r.nodes);
  positive("tasks (-n)", r.tasks);
  positive("cpus per task (-c)", r.cpusPerTask);
  positive("memory per node (--mem)", r.memPerNode, true);
  positive("memory per cpu (--mem-per-cpu)", r.memPerCpu, true);
  positive("GPUs per node (--gres=gpu:N)", r.gpusPerNode, true);
  positive("GPUs (--gpus)", r.gpus, true);
  if (r.memPerNode !== undefined && r.memPerCpu !== undefined) {
    throw invalidInput("--mem and --mem-per-cpu are mutually exclusive: give one of them");
  }
  if (r.gpusPerNode !== undefined && r.gpus !== undefined) {
    throw invalidInput("--gres=gpu and --gpus are mutually exclusive: give one of them");
  }
  if (r.nodes !== undefined && r.tasks !== undefined && r.tasks < r.nodes) {
    throw invalidInput(
      `${r.tasks} tasks (-n) cannot spread over ${r.nodes} nodes (-N): ask for at least one task per node`,
    );
  }
}

/** What a job asks for, as sbatch's options (for Slurm, and for a peer center's API). */
export function requestArgs(r: ResourceRequest, timeLimit: number | null): string[] {
  const a: string[] = [];
  if (timeLimit !== null) a.push(`--time=${formatSlurmDuration(timeLimit)}`);
  if (r.nodes !== undefined) a.push(`--nodes=${r.nodes}`);
  if (r.tasks !== undefined) a.push(`--ntasks=${r.tasks}`);
  if (r.cpusPerTask !== undefined) a.push(`--cpus-per-task=${r.cpusPerTask}`);
  if (r.memPerNode !== undefined) a.push(`--mem=${r.memPerNode}M`);
  if (r.memPerCpu !== undefined) a.push(`--mem-per-cpu=${r.memPerCpu}M`);
  const type = r.gpuType ? `${r.gpuType}:` : "";
  if (r.gpusPerNode !== undefined && r.gpusPerNode > 0)
    a.push(`--gres=gpu:${type}${r.gpusPerNode}`);
  if (r.gpus !== undefined && r.gpus > 0) a.push(`--gpus=${type}${r.gpus}`);
  if (r.exclusive) a.push("--exclusive");
  return a;
}
