import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from "kysely";
import type { Dialect } from "./dialect.js";

/** Makes the database itself refuse updates and deletes of a table (an audit trail, a ledger), not just the absence of an API. */
async function appendOnly(
  db: Kysely<any>,
  dialect: Dialect,
  table: string,
  message: string,
): Promise<void> {
  if (dialect === "sqlite") {
    for (const op of ["UPDATE", "DELETE"]) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
    )
    .execute(db);
}

/**
 * Migrations in order; each runs once and is recorded by Kysely's migrator. Written for
 * both dialects: only the id column differs (SQLite's autoincrement, PostgreSQL's identity).
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  const id = (t: { addColumn: Function }) =>
    dialect === "sqlite"
      ? t.addColumn("id", "integer", (c: any) => c.primaryKey().autoIncrement())
      : t.addColumn("id", "integer", (c: any) => c.primaryKey().generatedByDefaultAsIdentity());
  const big = dialect === "sqlite" ? "integer" : "bigint";
  return {
    "0001-center": {
      async up(db: Kysely<any>) {
        await id(db.schema.createTable("tenants"))
          .addColumn("name", "text", (c: any) => c.notNull().unique())
          .addColumn("created_at", "text", (c: any) => c.notNull())
          .execute();
        await id(db.schema.createTable("accounts"))
          .addColumn("tenant_id", "integer", (c: any) => c.notNull().references("tenants.id"))
          .addColumn("name", "text", (c: any) => c.notNull().unique())
          .addColumn("created_at", "text", (c: any) => c.notNull())
          .execute();
        await id(db.schema.createTable("users"))
          .addColumn("tenant_id", "integer", (c: any) => c.notNull().references("tenants.id"))
          .addColumn("username", "text", (c: any) => c.notNull().unique())
          .addColumn("password_hash", "text", (c: any) => c.notNull())
          .addColumn("center_admin", "integer", (c: any) => c.notNull().defaultTo(0))
          .addColumn("unix_user", "text")
          .addColumn("created_at", "text", (c: any) => c.notNull())
          .execute();
        await db.schema
          .createTable("account_members")
          .addColumn("account_id", "integer", (c) => c.notNull().references("accounts.id"))
          .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
          .addColumn("role", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("account_members_pk", ["account_id", "user_id"])
          .execute();
        await id(db.schema.createTable("api_tokens"))
          .addColumn("user_id", "integer", (c: any) => c.notNull().references("users.id"))
          .addColumn("name", "text", (c: any) => c.notNull())
          .addColumn("token_hash", "text", (c: any) => c.notNull().unique())
          .addColumn("kind", "text", (c: any) => c.notNull())
          .addColumn("created_at", "text", (c: any) => c.notNull())
          .addColumn("expires_at", "text")
          .addColumn("revoked_at", "text")
          .addColumn("last_used_at", "text")
          .execute();
        await db.schema
          .createTable("clusters")
          .addColumn("name", "text", (c) => c.primaryKey())
          .addColumn("backend", "text", (c) => c.notNull())
          .addColumn("config", "text", (c) => c.notNull())
          .addColumn("created_at", "text", (c) => c.notNull())
          .addColumn("updated_at", "text", (c) => c.notNull())
          .execute();
        await id(db.schema.createTable("jobs"))
          .addColumn("cluster", "text", (c: any) => c.notNull().references("clusters.name"))
          .addColumn("partition", "text", (c: any) => c.notNull())
          .addColumn("account_id", "integer", (c: any) => c.notNull().references("accounts.id"))
          .addColumn("user_id", "integer", (c: any) => c.notNull().references("users.id"))
          .addColumn("name", "text", (c: any) => c.notNull())
          .addColumn("qos", "text", (c: any) => c.notNull())
          .addColumn("state", "text", (c: any) => c.notNull())
          .addColumn("reason", "text")
          .addColumn("held", "text")
          .addColumn("array_job_id", "integer")
          .addColumn("array_task_id", "integer")
          .addColumn("array_throttle", "integer", (c: any) => c.notNull().defaultTo(0))
          .addColumn("script", "text", (c: any) => c.notNull())
          .addColumn("options", "text", (c: any) => c.notNull())
          .addColumn("time_limit", big)
          .addColumn("workdir", "text", (c: any) => c.notNull())
          .addColumn("stdout_path", "text", (c: any) => c.notNull())
          .addColumn("stderr_path", "text", (c: any) => c.notNull())
          .addColumn("environment", "text", (c: any) => c.notNull())
          .addColumn("submit_time", "text", (c: any) => c.notNull())
          .addColumn("begin_time", "text")
          .addColumn("start_time", "text")
          .addColumn("end_time", "text")
          .addColumn("exit_code", "integer")
          .addColumn("signal", "integer")
          .addColumn("alloc", "text")
          .addColumn("pid", "integer")
          .addColumn("pid_start", "text")
          .addColumn("kill_reason", "text")
          .addColumn("cpu_seconds", "double precision")
          .addColumn("max_rss_mib", "double precision")
          .execute();
        await db.schema.createIndex("jobs_state").on("jobs").columns(["state"]).execute();
        await db.schema
          .createIndex("jobs_user_submit")
          .on("jobs")
          .columns(["user_id", "submit_time"])
          .execute();
        await db.schema.createIndex("jobs_submit").on("jobs").columns(["submit_time"]).execute();
        await db.schema.createIndex("jobs_array").on("jobs").columns(["array_job_id"]).execute();
      },
    },
    "0002-tenancy": {
      async up(db: Kysely<any>) {
        // roles as a JSON list on the user: a handful of platform and tenant roles, read with the user
        await db.schema
          .alterTable("users")
          .addColumn("roles", "text", (c) => c.notNull().defaultTo("[]"))
          .execute();
        await db
          .updateTable("users")
          .set({ roles: '["center-admin"]' })
          .where("center_admin", "=", 1)
          .execute();
        await db.schema.alterTable("users").dropColumn("center_admin").execute();
        for (const [name, type] of [
          ["uid", "integer"],
          ["gid", "integer"],
          ["home_dir", "text"],
          ["email", "text"],
          ["external_id", "text"],
          ["disabled_at", "text"],
          ["locked_until", "text"],
        ] as const) {
          await db.schema.alterTable("users").addColumn(name, type).execute();
        }
        await db.schema
          .alterTable("users")
          .addColumn("source", "text", (c) => c.notNull().defaultTo("local"))
          .execute();
        await db.schema
          .alterTable("users")
          .addColumn("failed_logins", "integer", (c) => c.notNull().defaultTo(0))
          .execute();
        // two people with one uid could read each other's files: a uid and a Unix name belong to one user
        await db.schema.createIndex("users_uid").on("users").column("uid").unique().execute();
        await db.schema
          .createIndex("users_unix_user")
          .on("users")
          .column("unix_user")
          .unique()
          .execute();
        await db.schema
          .createIndex("users_external")
          .on("users")
          .column("external_id")
          .unique()
          .execute();
        await db.schema.createIndex("users_tenant").on("users").column("tenant_id").execute();
        await db.schema.createIndex("accounts_tenant").on("accounts").column("tenant_id").execute();
        await db.schema
          .createIndex("members_user")
          .on("account_members")
          .column("user_id")
          .execute();
        await db.schema
          .alterTable("accounts")
          .addColumn("limits", "text", (c) => c.notNull().defaultTo("{}"))
          .execute();
        await db.schema
          .alterTable("accounts")
          .addColumn("allowed", "text", (c) => c.notNull().defaultTo("{}"))
          .execute();
        await db.schema
          .alterTable("account_members")
          .addColumn("limits", "text", (c) => c.notNull().defaultTo("{}"))
          .execute();
        await db.schema
          .createTable("account_blocks")
          .addColumn("account_id", "integer", (c) => c.notNull().references("accounts.id"))
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("by_user_id", "integer", (c) => c.references("users.id"))
          .addColumn("reason", "text", (c) => c.notNull())
          .addColumn("at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("account_blocks_pk", ["account_id", "kind"])
          .execute();
        await id(db.schema.createTable("audit_log"))
          .addColumn("at", "text", (c: any) => c.notNull())
          .addColumn("tenant_id", "integer")
          .addColumn("actor_id", "integer")
          .addColumn("actor", "text", (c: any) => c.notNull())
          .addColumn("ip", "text", (c: any) => c.notNull())
          .addColumn("action", "text", (c: any) => c.notNull())
          .addColumn("target", "text", (c: any) => c.notNull())
          .addColumn("result", "text", (c: any) => c.notNull())
          .addColumn("details", "text", (c: any) => c.notNull())
          .execute();
        await db.schema
          .createIndex("audit_tenant")
          .on("audit_log")
          .columns(["tenant_id", "id"])
          .execute();
        await db.schema.createIndex("audit_at").on("audit_log").column("at").execute();
        await appendOnly(db, dialect, "audit_log", "the audit log is append-only");
      },
    },
    "0003-ledger": {
      async up(db: Kysely<any>) {
        // a wallet per owner and kind; its balance is the sum of its postings, cached here in the same transaction
        await id(db.schema.createTable("wallets"))
          // "center-funds", "tenant:3", "account:7": one wallet per owner (a unique index over nullable ids would not ensure it)
          .addColumn("owner_key", "text", (c: any) => c.notNull().unique())
          .addColumn("kind", "text", (c: any) => c.notNull())
          .addColumn("tenant_id", "integer", (c: any) => c.references("tenants.id"))
          .addColumn("account_id", "integer", (c: any) => c.references("accounts.id"))
          .addColumn("balance", big, (c: any) => c.notNull().defaultTo(0))
          .addColumn("created_at", "text", (c: any) => c.notNull())
          .execute();
        await db.schema.createIndex("wallets_tenant").on("wallets").column("tenant_id").execute();
        await id(db.schema.createTable("ledger_transactions"))
          .addColumn("at", "text", (c: any) => c.notNull())
          .addColumn("kind", "text", (c: any) => c.notNull())
          .addColumn("actor_id", "integer", (c: any) => c.references("users.id"))
          .addColumn("reason", "text")
          .addColumn("job_id", "integer")
          // what makes an operation happen once (a job's charge): a second one with the same key is refused
          .addColumn("idempotency_key", "text", (c: any) => c.unique())
          .execute();
        await id(db.schema.createTable("ledger_postings"))
          .addColumn("transaction_id", "integer", (c: any) =>
            c.notNull().references("ledger_transactions.id"),
          )
          .addColumn("wallet_id", "integer", (c: any) => c.notNull().references("wallets.id"))
          .addColumn("amount", big, (c: any) => c.notNull())
          .execute();
        await db.schema
          .createIndex("postings_wallet")
          .on("ledger_postings")
          .columns(["wallet_id", "transaction_id"])
          .execute();
        await db.schema
          .createIndex("postings_transaction")
          .on("ledger_postings")
          .column("transaction_id")
          .execute();
        // the ledger's history never changes: corrections are new transactions
        for (const table of ["ledger_transactions", "ledger_postings"])
          await appendOnly(db, dialect, table, "the ledger is append-only");
      },
    },
    "0004-prices": {
      async up(db: Kysely<any>) {
        // versioned: a new price is a new row from its effective time on; what jobs were priced by stays
        await id(db.schema.createTable("prices"))
          .addColumn("cluster", "text", (c: any) => c.notNull())
          .addColumn("partition", "text", (c: any) => c.notNull())
          .addColumn("qos", "text", (c: any) => c.notNull())
          .addColumn("tenant_id", "integer", (c: any) => c.references("tenants.id"))
          .addColumn("rates", "text", (c: any) => c.notNull())
          .addColumn("effective_from", "text", (c: any) => c.notNull())
          .addColumn("created_by", "integer", (c: any) => c.references("users.id"))
          .addColumn("created_at", "text", (c: any) => c.notNull())
          .execute();
        await db.schema
          .createIndex("prices_lookup")
          .on("prices")
          .columns(["cluster", "partition", "effective_from"])
          .execute();
        await id(db.schema.createTable("tenant_discounts"))
          .addColumn("tenant_id", "integer", (c: any) => c.notNull().references("tenants.id"))
          .addColumn("percent", "double precision", (c: any) => c.notNull())
          .addColumn("effective_from", "text", (c: any) => c.notNull())
          .addColumn("created_by", "integer", (c: any) => c.references("users.id"))
          .addColumn("created_at", "text", (c: any) => c.notNull())
          .execute();
        for (const table of ["prices", "tenant_discounts"])
          await appendOnly(db, dialect, table, "prices are versioned: add a new one instead");
      },
    },
    "0005-charges": {
      async up(db: Kysely<any>) {
        // an account is blocked for money when what it has (balance + credit) falls below its threshold
        await db.schema
          .alterTable("accounts")
          .addColumn("threshold", big, (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .alterTable("accounts")
          .addColumn("credit_limit", big, (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .alterTable("accounts")
          .addColumn("whitelisted", "integer", (c) => c.notNull().defaultTo(0))
          .execute();
        // what was held at submission, and what the job cost in the end (null until it is charged)
        await db.schema
          .alterTable("jobs")
          .addColumn("hold_units", big, (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.alterTable("jobs").addColumn("cost_units", big).execute();
      },
    },
    "0006-usage": {
      async up(db: Kysely<any>) {
        // what reports sum, written when a job is settled, so that a report never parses JSON
        await db.schema.alterTable("jobs").addColumn("tenant_id", "integer").execute();
        await db.schema.alterTable("jobs").addColumn("core_seconds", "double precision").execute();
        await db.schema.alterTable("jobs").addColumn("gpu_seconds", "double precision").execute();
        await db.schema.alterTable("jobs").addColumn("wait_seconds", "double precision").execute();
        await sql`update jobs set tenant_id = (select tenant_id from accounts where accounts.id = jobs.account_id)`.execute(
          db,
        );
        // a covering index: a report over a time window reads the index alone
        await db.schema
          .createIndex("jobs_usage")
          .on("jobs")
          .columns([
            "end_time",
            "tenant_id",
            "account_id",
            "user_id",
            "partition",
            "cluster",
            "core_seconds",
            "gpu_seconds",
            "wait_seconds",
            "cost_units",
          ])
          .execute();
      },
    },
    "0007-low-balance": {
      async up(db: Kysely<any>) {
        // below this, the account's owners and its tenant's finance are told once (until it rises again)
        await db.schema
          .alterTable("accounts")
          .addColumn("low_balance", big, (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .alterTable("accounts")
          .addColumn("low_warned", "integer", (c) => c.notNull().defaultTo(0))
          .execute();
      },
    },
    "0008-grants": {
      async up(db: Kysely<any>) {
        // core-hours or GPU-hours given to an account for a period; their balance lives in the ledger, in resource-seconds
        await id(db.schema.createTable("grants"))
          .addColumn("account_id", "integer", (c: any) => c.notNull().references("accounts.id"))
          .addColumn("resource", "text", (c: any) => c.notNull())
          .addColumn("seconds", big, (c: any) => c.notNull())
          .addColumn("starts_at", "text", (c: any) => c.notNull())
          .addColumn("ends_at", "text", (c: any) => c.notNull())
          .addColumn("reason", "text")
          .addColumn("created_by", "integer", (c: any) => c.references("users.id"))
          .addColumn("created_at", "text", (c: any) => c.notNull())
          .addColumn("expired", "integer", (c: any) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .createIndex("grants_account")
          .on("grants")
          .columns(["account_id", "ends_at"])
          .execute();
        // what a job holds of each grant: [{ grant, seconds }]
        await db.schema
          .alterTable("jobs")
          .addColumn("grant_holds", "text", (c) => c.notNull().defaultTo("[]"))
          .execute();
      },
    },
    "0009-clusters": {
      async up(db: Kysely<any>) {
        // a job's id in an outside scheduler (Slurm's): each is recorded once, however often accounting repeats it
        await db.schema.alterTable("jobs").addColumn("external_id", "text").execute();
        await db.schema
          .createIndex("jobs_external")
          .on("jobs")
          .columns(["cluster", "external_id"])
          .unique()
          .execute();
        // "guang": submitted through Guang (charged no more than it held); "foreign": straight to the cluster, imported
        await db.schema
          .alterTable("jobs")
          .addColumn("origin", "text", (c) => c.notNull().defaultTo("guang"))
          .execute();
        // a disabled cluster takes no new jobs; where reading its accounting got to (epoch ms)
        await db.schema.alterTable("clusters").addColumn("disabled_at", "text").execute();
        await db.schema.alterTable("clusters").addColumn("disabled_reason", "text").execute();
        await db.schema.alterTable("clusters").addColumn("accounting_cursor", big).execute();
      },
    },
    "0010-security": {
      async up(db: Kysely<any>) {
        // a password someone else chose (the first admin's, generated) is changed before anything else is done
        await db.schema
          .alterTable("users")
          .addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(0))
          .execute();
        // every uid Guang ever gave a Unix account it made: never given again, whatever became of the user
        await db.schema
          .createTable("unix_uids")
          .addColumn("uid", "integer", (c: any) => c.primaryKey())
          .addColumn("unix_user", "text", (c: any) => c.notNull())
          .addColumn("user_id", "integer", (c: any) => c.notNull().references("users.id"))
          .addColumn("created_at", "text", (c: any) => c.notNull())
          .execute();
        await appendOnly(db, dialect, "unix_uids", "a uid once given is never given again");
        // every change of a job's state, in order: a client that reconnects asks for what it missed (SSE Last-Event-ID)
        await id(db.schema.createTable("job_events"))
          .addColumn("job_id", "integer", (c: any) => c.notNull())
          .addColumn("user_id", "integer", (c: any) => c.notNull())
          .addColumn("body", "text", (c: any) => c.notNull())
          .addColumn("at", "text", (c: any) => c.notNull())
          .execute();
        await db.schema
          .createIndex("job_events_user")
          .on("job_events")
          .columns(["user_id", "id"])
          .execute();
      },
    },
  };
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly list: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.list;
  }
}

/** Brings the schema up to date; fails loudly (with the migration's name) rather than start on a half-migrated store. */
export async function migrate(db: Kysely<any>, dialect: Dialect, schema?: string): Promise<void> {
  // with a schema of its own, the migrator must look for its bookkeeping tables there, not in any schema
  const migrator = new Migrator({
    db,
    provider: new StaticProvider(migrations(dialect)),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "?";
    throw new Error(
      `store migration ${failed} failed: ${(error as Error).message ?? String(error)}`,
    );
  }
}
