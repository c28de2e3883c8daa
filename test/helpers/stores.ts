import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll } from "vitest";
import { openStore, type Store } from "../../src/store/open.js";

/** The PostgreSQL of the tests (GUANG_TEST_DATABASE_URL), or undefined. */
const pgUrl = process.env.GUANG_TEST_DATABASE_URL;

/**
 * The two stores a suite runs on: a fresh SQLite file, and (when GUANG_TEST_DATABASE_URL
 * names one) a fresh PostgreSQL schema; both closed, and the schema dropped, after the file.
 * `open` may be called once per test; `skip` says whether the store is absent.
 */
export function bothStores(
  what: string,
): { name: "sqlite" | "postgres"; skip: boolean; open: () => Promise<Store> }[] {
  if (!pgUrl)
    console.log(
      `skipped: ${what} on PostgreSQL (set GUANG_TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test)`,
    );
  const schema = `guang_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const opened: Store[] = [];
  const keep = async (s: Promise<Store>) => {
    const store = await s;
    opened.push(store);
    return store;
  };
  afterAll(async () => {
    for (const s of opened) await s.close();
    if (pgUrl) {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    }
  });
  return [
    {
      name: "sqlite",
      skip: false,
      open: () =>
        keep(openStore({ file: join(mkdtempSync(join(tmpdir(), "guang-store-")), "guang.db") })),
    },
    { name: "postgres", skip: !pgUrl, open: () => keep(openStore({ url: pgUrl!, schema })) },
  ];
}
