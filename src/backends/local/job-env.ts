import type { ArraySpec } from "../../core/job-array.js";

/** What the Slurm-compatible variables of a job are made from. */
export interface JobEnvInput {
  base: Record<string, string>;
  jobId: number;
  name: string;
  user: string;
  account: string;
  partition: string;
  qos: string;
  cluster: string;
  node: string;
  submitDir: string;
  submitHost: string;
  tasks: number;
  cpusPerTask: number;
  cpus: number;
  memMiB: number;
  gpuIndices: number[];
  /** True when the machine has GPUs: a job without any then sees none. */
  machineHasGpus: boolean;
  timeLimitMinutes: number | null;
  arrayJobId: number | null;
  arrayTaskId: number | null;
  array: ArraySpec | null;
}

/**
 * The variables sbatch gives a batch script, so scripts written for Slurm run unchanged.
 * GPUs are hidden from a job through CUDA_VISIBLE_DEVICES (absolute indices: no cgroup
 * renumbers them here).
 */
export function slurmEnvironment(i: JobEnvInput): Record<string, string> {
  const env: Record<string, string> = { ...i.base };
  const set = (k: string, v: string | number) => (env[k] = String(v));
  set("SLURM_JOB_ID", i.jobId);
  set("SLURM_JOBID", i.jobId);
  set("SLURM_JOB_NAME", i.name);
  set("SLURM_JOB_USER", i.user);
  set("SLURM_JOB_ACCOUNT", i.account);
  set("SLURM_JOB_PARTITION", i.partition);
  set("SLURM_JOB_QOS", i.qos);
  set("SLURM_CLUSTER_NAME", i.cluster);
  set("SLURM_JOB_NODELIST", i.node);
  set("SLURM_NODELIST", i.node);
  set("SLURMD_NODENAME", i.node);
  set("SLURM_JOB_NUM_NODES", 1);
  set("SLURM_NNODES", 1);
  set("SLURM_NTASKS", i.tasks);
  set("SLURM_NPROCS", i.tasks);
  set("SLURM_TASKS_PER_NODE", i.tasks);
  set("SLURM_CPUS_PER_TASK", i.cpusPerTask);
  set("SLURM_CPUS_ON_NODE", i.cpus);
  set("SLURM_JOB_CPUS_PER_NODE", i.cpus);
  set("SLURM_MEM_PER_NODE", i.memMiB);
  set("SLURM_SUBMIT_DIR", i.submitDir);
  set("SLURM_SUBMIT_HOST", i.submitHost);
  if (i.timeLimitMinutes !== null) set("SLURM_JOB_TIME_LIMIT", i.timeLimitMinutes);
  if (i.arrayJobId !== null && i.arrayTaskId !== null && i.array) {
    set("SLURM_ARRAY_JOB_ID", i.arrayJobId);
    set("SLURM_ARRAY_TASK_ID", i.arrayTaskId);
    set("SLURM_ARRAY_TASK_COUNT", i.array.indices.length);
    set("SLURM_ARRAY_TASK_MIN", i.array.indices[0]!);
    set("SLURM_ARRAY_TASK_MAX", i.array.indices[i.array.indices.length - 1]!);
  }
  if (i.gpuIndices.length > 0) {
    const list = i.gpuIndices.join(",");
    set("CUDA_VISIBLE_DEVICES", list);
    set("GPU_DEVICE_ORDINAL", list);
    set("SLURM_JOB_GPUS", list);
    set("SLURM_GPUS_ON_NODE", i.gpuIndices.length);
  } else if (i.machineHasGpus) {
    set("CUDA_VISIBLE_DEVICES", "");
  }
  return env;
}
