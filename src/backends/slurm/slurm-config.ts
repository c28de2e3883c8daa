import { z } from "zod";

/** What a cluster is called: in commands (-M), paths and the API. */
export const clusterName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, "a cluster name is lower-case letters, digits and '-'");

/** A Slurm cluster Guang drives through Slurm's commands on this host. */
export const slurmCluster = z.strictObject({
  name: clusterName,
  backend: z.literal("slurm"),
  /** Folder of sbatch, squeue, ... (absent: the PATH's). */
  bin: z.string().startsWith("/", "clusters[].bin is an absolute path").optional(),
  /** Slurm's ClusterName, as sacctmgr knows it (absent: asked of scontrol). */
  slurmCluster: z.string().min(1).optional(),
  /** One squeue for all jobs every this many seconds. */
  pollSeconds: z.number().min(0.2).max(600).optional(),
  /** Ended jobs are read from sacct every this many seconds. */
  accountingSeconds: z.number().min(0.2).max(3600).optional(),
  /** Slurm's accounts, users, limits and blocks are compared with Guang's every this many seconds. */
  syncSeconds: z.number().min(0.2).max(3600).optional(),
  /** A Slurm command that takes longer has failed. */
  timeoutSeconds: z.number().min(1).max(600).optional(),
});

/** A Slurm cluster with every default filled in. */
export interface SlurmClusterSettings {
  name: string;
  bin: string | null;
  slurmCluster: string | null;
  pollMs: number;
  accountingMs: number;
  syncMs: number;
  timeoutSeconds: number;
}

/** A Slurm cluster's declaration with every default filled in. */
export function slurmSettings(k: z.output<typeof slurmCluster>): SlurmClusterSettings {
  return {
    name: k.name,
    bin: k.bin ?? null,
    slurmCluster: k.slurmCluster ?? null,
    pollMs: (k.pollSeconds ?? 5) * 1000,
    accountingMs: (k.accountingSeconds ?? 30) * 1000,
    syncMs: (k.syncSeconds ?? 60) * 1000,
    timeoutSeconds: k.timeoutSeconds ?? 30,
  };
}
