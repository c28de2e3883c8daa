// The import arrows of docs/ARCHITECTURE.md (DESIGN.md's layers), checked in CI: a change
// that imports against them fails `npm run lint`.
//   cli → app → api → services → (store, backends, scheduler) → core;  sim → scheduler → core
const layer = (name) => `^src/${name}/`;
const forbid = (name, from, to, comment) => ({
  name,
  comment,
  severity: "error",
  from: { path: from },
  to: { path: to },
});

module.exports = {
  forbidden: [
    forbid(
      "core-is-pure",
      layer("core"),
      "^src/(?!core/)",
      "core/ imports nothing of ours but core/",
    ),
    forbid(
      "scheduler-is-pure",
      layer("scheduler"),
      "^src/(?!core/|scheduler/)",
      "the scheduler is pure: core/ only",
    ),
    forbid(
      "sim-needs-no-server",
      layer("sim"),
      "^src/(store|api|services|app|backends|cli)/",
      "sim/ runs without a server",
    ),
    forbid(
      "store-below-services",
      layer("store"),
      "^src/(services|api|app|cli|backends|sim)/",
      "store/ is below the services",
    ),
    forbid(
      "backends-below-services",
      layer("backends"),
      "^src/(services|api|app|cli|sim)/",
      "backends/ are below the services",
    ),
    forbid(
      "services-below-api",
      layer("services"),
      "^src/(api|app|cli|sim)/",
      "services/ know nothing of HTTP, start-up or the CLI",
    ),
    forbid(
      "api-below-app",
      layer("api"),
      "^src/(app|cli|store|backends)/",
      "api/ reaches the store and backends only through services/",
    ),
    forbid(
      "app-below-cli",
      layer("app"),
      "^src/cli/",
      "app/ is started by the CLI, never the other way round",
    ),
    forbid(
      "cli-is-a-client",
      "^src/cli/(?!commands/(serve|sim|demo)\\.ts$)",
      "^src/(services|store|backends|api|app|scheduler)/",
      "the CLI talks to the API through the generated client types (serve, sim and demo run in-process)",
    ),
    forbid(
      "client-is-types-of-the-api",
      "^src/client/",
      "^src/(?!client/)",
      "the generated client depends on nothing of the server",
    ),
    forbid(
      "portal-is-a-client",
      "^web/",
      "^src/(?!client/)",
      "the portal talks to the API through the generated client types, never to the server's code",
    ),
    forbid(
      "sql-only-in-the-store",
      "^src/(?!store/)",
      "node_modules/(kysely|pg|better-sqlite3)/",
      "store/ is the only place with SQL: use cases call its functions",
    ),
    {
      name: "no-circles",
      comment: "no import circles",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
  },
};
