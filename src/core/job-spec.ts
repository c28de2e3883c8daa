import type { DependencySpec } from "./dependency.js";
import type { ExportSpec } from "./export-spec.js";
import type { ArraySpec } from "./job-array.js";
import type { ResourceRequest } from "./resource-request.js";

export const MAIL_TYPES = [
  "NONE",
  "BEGIN",
  "END",
  "FAIL",
  "REQUEUE",
  "ALL",
  "INVALID_DEPEND",
  "STAGE_OUT",
  "TIME_LIMIT",
  "TIME_LIMIT_90",
  "TIME_LIMIT_80",
  "TIME_LIMIT_50",
  "ARRAY_TASKS",
] as const;
export type MailType = (typeof MAIL_TYPES)[number];

/**
 * What a batch job asks for, from its `#SBATCH` lines and the options that override them.
 * Absent fields take the cluster's or account's defaults when the job is accepted.
 */
export interface JobOptions {
  name?: string;
  /** `-M`: the cluster (absent: the center's default). */
  cluster?: string;
  /** `-M a,b` or `-M any`: the clusters to choose from, where the job would start first. */
  clusters?: string[] | "any";
  partition?: string;
  account?: string;
  qos?: string;
  request: ResourceRequest;
  /** Seconds; Infinity for UNLIMITED. */
  timeLimit?: number;
  output?: string;
  error?: string;
  workdir?: string;
  array?: ArraySpec;
  dependency?: DependencySpec;
  export?: ExportSpec;
  /** `--begin`, epoch ms. */
  begin?: number;
  hold?: boolean;
  mailType?: MailType[];
  mailUser?: string;
  /** The script's arguments (what follows the script on the command line). */
  scriptArgs?: string[];
}
