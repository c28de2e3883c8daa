import { type Kysely, type Migration } from "kysely";
import { appendOnly, type SchemaHelpers } from "./helpers.js";

export function migration({ id, big, dialect }: SchemaHelpers): Migration {
  return {
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
  };
}
