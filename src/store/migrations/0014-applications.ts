import { type Kysely, type Migration } from "kysely";
import type { SchemaHelpers } from "./helpers.js";

export function migration({ id }: SchemaHelpers): Migration {
  return {
    async up(db: Kysely<any>) {
      // a user's application for a new account, or to extend an account's grant or raise its
      // limits; its tenant's admins decide it, and every step is in the audit log
      await id(db.schema.createTable("applications"))
        .addColumn("tenant_id", "integer", (c: any) => c.notNull().references("tenants.id"))
        .addColumn("applicant_id", "integer", (c: any) => c.notNull().references("users.id"))
        .addColumn("kind", "text", (c: any) => c.notNull())
        // the account asked for (new) or concerned (extend, limits)
        .addColumn("account", "text", (c: any) => c.notNull())
        // what was asked, as JSON: title, purpose, field, PI, members, clusters, hours, period, limits
        .addColumn("request", "text", (c: any) => c.notNull())
        .addColumn("state", "text", (c: any) => c.notNull())
        // the decider's words: why rejected, what to change, or what was given
        .addColumn("note", "text")
        .addColumn("decided_by", "integer", (c: any) => c.references("users.id"))
        .addColumn("decided_at", "text")
        .addColumn("created_at", "text", (c: any) => c.notNull())
        .addColumn("updated_at", "text", (c: any) => c.notNull())
        .execute();
      await db.schema
        .createIndex("applications_tenant_state")
        .on("applications")
        .columns(["tenant_id", "state"])
        .execute();
      await db.schema
        .createIndex("applications_applicant")
        .on("applications")
        .columns(["applicant_id"])
        .execute();
    },
  };
}
