import { type Kysely, type Migration } from "kysely";
import type { SchemaHelpers } from "./helpers.js";

export function migration(h: SchemaHelpers): Migration {
  return {
    async up(db: Kysely<any>) {
      // a job run by a peer center: what it charged us (its units) and the margin we add
      await db.schema.alterTable("jobs").addColumn("peer_charge_units", h.big).execute();
      await db.schema.alterTable("jobs").addColumn("peer_margin", "real").execute();
    },
  };
}
