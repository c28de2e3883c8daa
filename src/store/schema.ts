import type { Generated } from "kysely";

/**
 * The tables of the store. Times are UTC ISO 8601 strings with milliseconds (they sort as
 * text on both SQLite and PostgreSQL); durations in seconds; JSON columns as text;
 * booleans as 0/1.
 */
export interface TenantTable {
  id: Generated<number>;
  name: string;
  created_at: string;
}

export interface AccountTable {
  id: Generated<number>;
  tenant_id: number;
  name: string;
  created_at: string;
}

export interface UserTable {
  id: Generated<number>;
  tenant_id: number;
  username: string;
  password_hash: string;
  center_admin: number;
  /** Unix account the user's jobs run as when the server runs as root; null: the server's own user. */
  unix_user: string | null;
  created_at: string;
}

export interface AccountMemberTable {
  account_id: number;
  user_id: number;
  role: "member" | "admin" | "owner";
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** SHA-256 of the token: tokens are random and long, so a fast hash suffices. */
  token_hash: string;
  kind: "session" | "api";
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface ClusterTable {
  name: string;
  backend: string;
  /** ClusterConfig as JSON. */
  config: string;
  created_at: string;
  updated_at: string;
}

export interface JobTable {
  id: Generated<number>;
  cluster: string;
  partition: string;
  account_id: number;
  user_id: number;
  name: string;
  qos: string;
  state: string;
  /** Why it waits (the last reason recorded) or how it ended. */
  reason: string | null;
  /** "user" | "admin" while held. */
  held: string | null;
  array_job_id: number | null;
  array_task_id: number | null;
  array_throttle: number;
  script: string;
  /** JobOptions as JSON (the parsed request). */
  options: string;
  /** Seconds; null: unlimited. */
  time_limit: number | null;
  workdir: string;
  stdout_path: string;
  stderr_path: string;
  /** The job's starting environment as JSON. */
  environment: string;
  submit_time: string;
  begin_time: string | null;
  start_time: string | null;
  end_time: string | null;
  exit_code: number | null;
  signal: number | null;
  /** Where it runs, as JSON (nodes, cores, GPUs). */
  alloc: string | null;
  pid: number | null;
  /** The process's start time as the kernel counts it, to tell a reused pid from ours. */
  pid_start: string | null;
  /** Why Guang is killing it (TIMEOUT, OUT_OF_MEMORY, CANCELLED), set before the signal. */
  kill_reason: string | null;
  cpu_seconds: number | null;
  max_rss_mib: number | null;
}

export interface Database {
  tenants: TenantTable;
  accounts: AccountTable;
  users: UserTable;
  account_members: AccountMemberTable;
  api_tokens: ApiTokenTable;
  clusters: ClusterTable;
  jobs: JobTable;
}
