import { type Kysely, type Migration } from "kysely";
import { appendOnly, type SchemaHelpers } from "./helpers.js";

export function migration({ id, dialect }: SchemaHelpers): Migration {
  return {
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
  };
}
