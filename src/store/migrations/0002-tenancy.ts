import { type Kysely, type Migration } from "kysely";
import { appendOnly, type SchemaHelpers } from "./helpers.js";

export function migration({ id, dialect }: SchemaHelpers): Migration {
  return {
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
      await db.schema.createIndex("members_user").on("account_members").column("user_id").execute();
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
  };
}
