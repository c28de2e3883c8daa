import type { ColumnType, Generated } from "kysely";
import type {
  GrantTable,
  LedgerPostingTable,
  LedgerTransactionTable,
  PriceTable,
  StoragePriceTable,
  StorageQuotaTable,
  StorageUsageTable,
  TenantDiscountTable,
  UsageDailyTable,
  WalletTable,
} from "./schema-money.js";

export type {
  LedgerTransactionTable,
  PriceTable,
  StoragePriceTable,
  StorageQuotaTable,
  StorageUsageTable,
  TenantDiscountTable,
  WalletTable,
} from "./schema-money.js";

/**
 * The tables of the store. Times are UTC ISO 8601 strings with milliseconds (they sort as
 * text on both SQLite and PostgreSQL); durations in seconds; JSON columns as text;
 * booleans as 0/1.
 */
interface TenantTable {
  id: Generated<number>;
  name: string;
  created_at: string;
  disabled_at: string | null;
  disabled_by: number | null;
  disabled_reason: string | null;
}

export interface AccountTable {
  id: Generated<number>;
  tenant_id: number;
  name: string;
  created_at: string;
  /** AccountLimits as JSON. */
  limits: Generated<string>;
  /** AccountAllowed (clusters, partitions, QoS it may use; absent: all) as JSON. */
  allowed: Generated<string>;
  /** Money units: blocked for money when balance + credit falls below this. */
  threshold: Generated<number>;
  /** Money units the account may go below zero. */
  credit_limit: Generated<number>;
  /** 1: never blocked for money. */
  whitelisted: Generated<number>;
  /** Money units: below this the account's people are warned (0: never). */
  low_balance: Generated<number>;
  /** 1 once warned, until the money rises above the level again. */
  low_warned: Generated<number>;
}

/** Why an account may not run jobs: one row per kind of block (by an admin, for money). */
export interface AccountBlockTable {
  account_id: number;
  /** admin: an admin's block; money: below its threshold; tenant: its tenant is disabled. */
  kind: "admin" | "money" | "tenant";
  by_user_id: number | null;
  reason: string;
  at: string;
}

/** Append-only (the database refuses updates and deletes). */
export interface AuditTable {
  id: Generated<number>;
  at: string;
  /** The tenant the action concerns; null for center-wide ones. */
  tenant_id: number | null;
  actor_id: number | null;
  /** The actor's name as it was (or the name tried, for failed sign-ins). */
  actor: string;
  ip: string;
  action: string;
  target: string;
  /** "ok", or the error code of the refusal. */
  result: string;
  /** JSON. */
  details: string;
}

export interface UserTable {
  id: Generated<number>;
  tenant_id: number;
  username: string;
  /** "!" for users who sign in elsewhere (LDAP, OIDC). */
  password_hash: string;
  /** Platform and tenant roles, as a JSON list. */
  roles: Generated<string>;
  /** POSIX identity: the Unix name jobs run as (when the server is root); null: the server's own user. */
  unix_user: string | null;
  uid: number | null;
  gid: number | null;
  home_dir: string | null;
  email: string | null;
  /** The job mails (BEGIN, END, FAIL) for jobs that name none, as a JSON list; null: none. */
  job_mail: string | null;
  /** Where the user signs in: local, ldap or oidc. */
  source: Generated<string>;
  /** The identity provider's subject (issuer + sub) for OIDC users. */
  external_id: string | null;
  disabled_at: string | null;
  /** Failed password sign-ins in a row; locked_until is set when there are too many. */
  failed_logins: Generated<number>;
  locked_until: string | null;
  /** 1: the password was chosen by someone else and must be changed before anything else. */
  must_change_password: Generated<number>;
  created_at: string;
}

export interface AccountMemberTable {
  account_id: number;
  user_id: number;
  role: "member" | "admin" | "owner";
  /** AccountLimits for this member as JSON. */
  limits: Generated<string>;
}

interface ApiTokenTable {
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

interface ClusterTable {
  name: string;
  backend: string;
  /** ClusterConfig as JSON. */
  config: string;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
  disabled_reason: string | null;
  /** Epoch ms up to which the cluster's accounting was read. */
  accounting_cursor: string | number | null;
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
  /** Where a job that named several clusters (or any) went and why, as JSON; null: it named one. */
  placement: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** Money units held at submission for the worst case. */
  hold_units: Generated<number>;
  /** Money units charged at the end; null until then. */
  cost_units: number | null;
  /** A job a peer center ran: what it charged us, and the margin we add (null: ran here). */
  peer_charge_units: ColumnType<number | null, number | null | undefined, number | null>;
  peer_margin: ColumnType<number | null, number | null | undefined, number | null>;
  /** The account's tenant (for reports). */
  tenant_id: number | null;
  /** Allocated cores × seconds run, GPUs × seconds, seconds waited: set when the job is settled. */
  core_seconds: number | null;
  gpu_seconds: number | null;
  wait_seconds: number | null;
  /** JSON [{ grant, seconds }]: what was held of each grant. */
  grant_holds: Generated<string>;
  /** The job's id in an outside scheduler (Slurm's job id). */
  external_id: string | null;
  /** "guang": submitted through Guang; "foreign": submitted straight to the cluster and imported. */
  origin: Generated<string>;
}

/** A uid Guang gave a Unix account it made (append-only: never given again). */
interface UnixUidTable {
  uid: number;
  unix_user: string;
  user_id: number;
  created_at: string;
}

/** A change of a job's state as its watchers were told it (the JSON of the event). */
interface JobEventTable {
  id: Generated<number>;
  job_id: number;
  user_id: number;
  body: string;
  at: string;
}

export interface ApplicationTable {
  id: Generated<number>;
  tenant_id: number;
  applicant_id: number;
  kind: "account" | "extend" | "limits";
  account: string;
  request: string;
  state: "pending" | "changes" | "approved" | "rejected";
  note: string | null;
  decided_by: number | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

interface QosTable {
  name: string;
  description: string | null;
  priority: number;
  max_jobs_per_user: number | null;
  max_cpus_per_user: number | null;
  max_gpus_per_user: number | null;
  max_cpus_per_job: number | null;
  max_gpus_per_job: number | null;
  /** Seconds. */
  max_wall: number | null;
  /** A decimal, e.g. "1.5". */
  price_factor: string;
  created_at: string;
  updated_at: string;
}

export interface Database {
  qos: QosTable;
  tenants: TenantTable;
  accounts: AccountTable;
  users: UserTable;
  account_members: AccountMemberTable;
  account_blocks: AccountBlockTable;
  audit_log: AuditTable;
  wallets: WalletTable;
  unix_uids: UnixUidTable;
  job_events: JobEventTable;
  ledger_transactions: LedgerTransactionTable;
  ledger_postings: LedgerPostingTable;
  prices: PriceTable;
  grants: GrantTable;
  tenant_discounts: TenantDiscountTable;
  storage_usage: StorageUsageTable;
  storage_quotas: StorageQuotaTable;
  storage_prices: StoragePriceTable;
  applications: ApplicationTable;
  usage_daily: UsageDailyTable;
  api_tokens: ApiTokenTable;
  clusters: ClusterTable;
  jobs: JobTable;
}
