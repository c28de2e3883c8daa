import { type Kysely, type Migration } from "kysely";
import { type SchemaHelpers } from "./helpers.js";

export function migration({ id, big }: SchemaHelpers): Migration {
  return {
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
  };
}
