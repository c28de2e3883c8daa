/** The two SQL engines the store runs on: SQLite (embedded, the default) and PostgreSQL. */
export type Dialect = "sqlite" | "postgres";
