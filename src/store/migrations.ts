import { Migrator, type Kysely, type Migration, type MigrationProvider } from "kysely";
import type { Dialect } from "./dialect.js";
import type { SchemaHelpers } from "./migrations/helpers.js";
import { migration as m0001 } from "./migrations/0001-center.js";
import { migration as m0002 } from "./migrations/0002-tenancy.js";
import { migration as m0003 } from "./migrations/0003-ledger.js";
import { migration as m0004 } from "./migrations/0004-prices.js";
import { migration as m0005 } from "./migrations/0005-charges.js";
import { migration as m0006 } from "./migrations/0006-usage.js";
import { migration as m0007 } from "./migrations/0007-low-balance.js";
import { migration as m0008 } from "./migrations/0008-grants.js";
import { migration as m0009 } from "./migrations/0009-clusters.js";
import { migration as m0010 } from "./migrations/0010-security.js";
import { migration as m0011 } from "./migrations/0011-qos.js";
import { migration as m0012 } from "./migrations/0012-profile.js";
import { migration as m0013 } from "./migrations/0013-storage.js";
import { migration as m0014 } from "./migrations/0014-applications.js";
import { migration as m0015 } from "./migrations/0015-usage-index.js";
import { migration as m0016 } from "./migrations/0016-tenant-disable.js";
import { migration as m0017 } from "./migrations/0017-usage-daily.js";
import { migration as m0018 } from "./migrations/0018-job-placement.js";
import { migration as m0019 } from "./migrations/0019-peer-charge.js";

/**
 * Migrations in order, one file each in migrations/; each runs once and is recorded by
 * Kysely's migrator. Written for both dialects: only the id column differs (SQLite's
 * autoincrement, PostgreSQL's identity) and the 64-bit integer type.
 */
function migrations(dialect: Dialect): Record<string, Migration> {
  const h: SchemaHelpers = {
    dialect,
    id: (t) =>
      dialect === "sqlite"
        ? t.addColumn("id", "integer", (c: any) => c.primaryKey().autoIncrement())
        : t.addColumn("id", "integer", (c: any) => c.primaryKey().generatedByDefaultAsIdentity()),
    big: dialect === "sqlite" ? "integer" : "bigint",
  };
  return {
    "0001-center": m0001(h),
    "0002-tenancy": m0002(h),
    "0003-ledger": m0003(h),
    "0004-prices": m0004(h),
    "0005-charges": m0005(h),
    "0006-usage": m0006(h),
    "0007-low-balance": m0007(h),
    "0008-grants": m0008(h),
    "0009-clusters": m0009(h),
    "0010-security": m0010(h),
    "0011-qos": m0011(h),
    "0012-profile": m0012(h),
    "0013-storage": m0013(h),
    "0014-applications": m0014(h),
    "0015-usage-index": m0015(h),
    "0016-tenant-disable": m0016(h),
    "0017-usage-daily": m0017(h),
    "0018-job-placement": m0018(h),
    "0019-peer-charge": m0019(h),
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
