import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, sql, SqliteDialect } from "kysely";
import pg from "pg";
import { migrate } from "./migrations.js";
import type { Database } from "./schema.js";

import type { Dialect } from "./dialect.js";
export type Db = Kysely<Database>;

export interface Store {
  db: Db;
  dialect: Dialect;
  /** Where it lives, for messages (a file path, or the URL without its password). */
  location: string;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** SQLite file path (used when no url is given). */
  file?: string;
  /** postgres://… */
  url?: string;
  /** PostgreSQL schema to live in (tests use a fresh one each). */
  schema?: string;
}

// PostgreSQL returns 64-bit integers as strings; our counts and seconds fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens the store and brings its schema up to date. */
export async function openStore(opts: StoreOptions): Promise<Store> {
  if (opts.url) {
    const schema = opts.schema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
      throw new Error(`invalid schema name ${schema}`);
    if (schema) {
      const c = new pg.Client({ connectionString: opts.url });
      await c.connect();
      await c.query(`create schema if not exists ${schema}`);
      await c.end();
    }
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const current = await sql<{ s: string }>`select current_schema() as s`.execute(db);
    await migrate(db, "postgres", schema ?? current.rows[0]?.s ?? "public");
    return {
      db,
      dialect: "postgres",
      location: opts.url.replace(/:[^:@/]*@/, ":***@"),
      close: () => db.destroy(),
    };
  }
  if (!opts.file) throw new Error("openStore needs a file or a url");
  const sqlite = new BetterSqlite3(opts.file);
  // WAL: readers never block the writer; NORMAL sync is durable across process crashes.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  cachePreparedStatements(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db, "sqlite");
  return { db, dialect: "sqlite", location: opts.file, close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; the statements are the same few dozen texts over and
 * over, and preparing costs more than running them. Statements are reusable, so keep them.
 */
function cachePreparedStatements(db: BetterSqlite3.Database): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, BetterSqlite3.Statement>();
  db.prepare = ((source: string) => {
    let st = cache.get(source);
    if (!st) {
      st = prepare(source);
      if (cache.size >= 500) cache.delete(cache.keys().next().value!);
      cache.set(source, st);
    }
    return st;
  }) as typeof db.prepare;
}

export function nowIso(ms = Date.now()): string {
  return new Date(ms).toISOString();
}
