import { type Kysely, type Migration } from "kysely";
import type { SchemaHelpers } from "./helpers.js";

export function migration(_h: SchemaHelpers): Migration {
  return {
    async up(db: Kysely<any>) {
      // the job mails a user gets when a job names none (--mail-type): a JSON list, null for none
      await db.schema.alterTable("users").addColumn("job_mail", "text").execute();
    },
  };
}
