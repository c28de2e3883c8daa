import type { QosUserLimits } from "../../scheduler/assoc-limits.js";
import type { Policy } from "../../scheduler/policy.js";
import type { BackendHooks, RulesSource } from "../backend.js";
import { type ClusterConfig } from "../cluster-config.js";
import type { IdentityPolicy } from "../unix-identity.js";
import type { Cgroups } from "./cgroups.js";

export interface LocalClusterOptions {
  config: ClusterConfig;
  /** Real cores of this machine: virtual cores beyond them are bound round-robin. */
  realCpus: number;
  /** GPU device indices of the node, in order. */
  gpuIndices: number[];
  runRoot: string;
  policy: Policy;
  planDepth: number;
  /** Between SIGTERM and SIGKILL (Slurm's KillWait). */
  killWaitMs: number;
  /** How often running jobs' memory, time and liveness are checked. */
  sampleMs: number;
  /** Who each job runs as (never root). */
  identity: IdentityPolicy;
  /** Of jobs and their output files. */
  umask: number;
  /** Kernel confinement of jobs (memory, cores, devices), or null: the sampler alone. */
  cgroups: Cgroups | null;
  submitHost: string;
  hooks: BackendHooks;
  /** Account limits and blocks, consulted at every pass. */
  rules: RulesSource;
  /** A user's fair-share factor in an account, [0, 1], consulted at every pass. */
  fairshare: (accountId: number, userId: number) => number;
  /** Service classes: a job's QoS factor [0, 1] and its QoS's running limits per user. */
  qos: {
    factor(name: string): number;
    userLimits(name: string): QosUserLimits | null;
  };
}
