import type { Generated } from "kysely";

/** The tables of money and storage (wallets, the ledger, prices, grants, usage): see schema.ts for the conventions. */
export interface GrantTable {
  id: Generated<number>;
  account_id: number;
  resource: "cpu" | "gpu";
  /** Core-seconds or GPU-seconds given. */
  seconds: number;
  starts_at: string;
  ends_at: string;
  reason: string | null;
  created_by: number | null;
  created_at: string;
  /** 1 once what was left has been taken back at the end of the period. */
  expired: Generated<number>;
}

/** A holder of money: the center's funds (what was paid in) and revenue, a tenant, an account. */
export interface WalletTable {
  id: Generated<number>;
  owner_key: string;
  /** Grant wallets count resource-seconds, not money; they belong to no tenant or account column, so money sums never meet them. */
  kind:
    | "center-funds"
    | "center-revenue"
    | "tenant"
    | "account"
    | "account-hold"
    | "grant"
    | "grant-hold"
    | "grant-issued"
    | "grant-used"
    | "grant-expired";
  tenant_id: number | null;
  account_id: number | null;
  /** Sum of its postings (1/10,000 of the currency unit), kept in the same transaction as they are written. */
  balance: Generated<number>;
  created_at: string;
}

/** One movement of money; its postings sum to zero. Append-only. */
export interface LedgerTransactionTable {
  id: Generated<number>;
  at: string;
  kind:
    | "recharge"
    | "transfer"
    | "adjustment"
    | "hold"
    | "release"
    | "charge"
    | "refund"
    | "grant"
    | "grant-expiry"
    | "storage";
  actor_id: number | null;
  reason: string | null;
  job_id: number | null;
  idempotency_key: string | null;
}

export interface LedgerPostingTable {
  id: Generated<number>;
  transaction_id: number;
  wallet_id: number;
  amount: number;
}

/** A price from its effective time on, for a (cluster, partition, QoS or "*"), for everyone or one tenant. Append-only. */
export interface PriceTable {
  id: Generated<number>;
  cluster: string;
  partition: string;
  qos: string;
  tenant_id: number | null;
  /** Rates (core/pricing.ts) as JSON, money in units. */
  rates: string;
  effective_from: string;
  created_by: number | null;
  created_at: string;
}

export interface StorageUsageTable {
  id: Generated<number>;
  kind: "user" | "account";
  subject_id: number;
  path: string;
  bytes: number;
  files: number;
  unreadable: number;
  taken_at: string;
}

export interface UsageDailyTable {
  day: string;
  tenant_id: number;
  account_id: number;
  user_id: number;
  cluster: string;
  partition: string;
  qos: string;
  jobs: number;
  core_seconds: number;
  gpu_seconds: number;
  wait_seconds: number;
  started: number;
  cost_units: number;
  cpu_seconds: number;
}

export interface StorageQuotaTable {
  kind: "user" | "account";
  subject_id: number;
  soft_bytes: number | null;
  hard_bytes: number | null;
  soft_files: number | null;
  hard_files: number | null;
  warned_at: string | null;
  updated_by: number | null;
  updated_at: string;
}

export interface StoragePriceTable {
  id: Generated<number>;
  tenant_id: number | null;
  /** Money units per GB (10^9 bytes) and month. */
  gb_month: number;
  effective_from: string;
  created_by: number | null;
  created_at: string;
}

export interface TenantDiscountTable {
  id: Generated<number>;
  tenant_id: number;
  percent: number;
  effective_from: string;
  created_by: number | null;
  created_at: string;
}
