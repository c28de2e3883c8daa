import { type Kysely, type Migration } from "kysely";
import type { SchemaHelpers } from "./helpers.js";

export function migration(_h: SchemaHelpers): Migration {
  return {
    async up(db: Kysely<any>) {
      // where a job asked to choose (-M a,b or -M any) went, and why; null for one cluster
      await db.schema.alterTable("jobs").addColumn("placement", "text").execute();
    },
  };
}
