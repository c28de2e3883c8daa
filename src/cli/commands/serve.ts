import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createApi, createServerLog, listen } from "../../api/server.js";
import { PORTAL_DIR, portalBuilt } from "../../api/portal.js";
import { invalidInput } from "../../core/errors.js";
import { loadCenterConfig } from "../../app/center-config.js";
import { openCenter } from "../../app/center.js";
import { demoConfig, startDemo } from "../../app/demo/demo.js";
import { setBackgroundLog } from "../../core/background-log.js";
import { EXIT } from "../exit.js";
import { ensureFolder } from "../folder-arg.js";

export const SERVE_HELP = `usage: guang serve [--home DIR] [--host ADDR] [--port N] [--config FILE.yaml] [--demo]

Runs a center on this machine: the store, the REST API (/api/v1), and the local cluster
that runs jobs as real processes.

  --home DIR      data directory (default $GUANG_HOME, else ./.guang)
  --host ADDR     address to listen on (default 127.0.0.1)
  --port N        port (default 8080; 0 picks a free one)
  --config FILE   YAML settings: partitions and limits, scheduler policy, job paths...
  --demo          a living demo center: a virtual cluster of 2,000 CPU and 200 GPU nodes,
                  four institutions with people, accounts and money, and a real center's
                  workload replayed from a week ago, sped up; its home is a new folder
                  (or an empty --home)

The first start in an empty home creates the center admin 'admin' with a random password
(printed once, and kept in <home>/initial-admin-password), the 'default' tenant and
account, and describes this machine as the 'local' cluster. Later starts reuse all of it;
jobs that ran meanwhile are adopted. PostgreSQL instead of SQLite: GUANG_DATABASE_URL.
`;

/** A demo's home: a new folder, or the --home given when it is empty (a demo never mixes with a center's data). */
function demoHome(given: string | undefined): string {
  if (given === undefined) return mkdtempSync(join(tmpdir(), "guang-demo-"));
  const home = ensureFolder(given, "--home");
  if (readdirSync(home).length > 0)
    throw invalidInput(
      `--demo makes a center of its own and needs an empty home; ${home} is not empty: leave out --home or give an empty folder`,
    );
  return home;
}

function version(): string {
  return (
    JSON.parse(readFileSync(new URL("../../../../package.json", import.meta.url), "utf8")) as {
      version: string;
    }
  ).version;
}

export async function serveCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      home: { type: "string" },
      host: { type: "string" },
      port: { type: "string" },
      config: { type: "string" },
      demo: { type: "boolean", default: false },
    },
  });
  if (positionals.length)
    throw invalidInput(`guang serve takes no arguments, got "${positionals.join(" ")}"`);
  let config = loadCenterConfig(values.config ?? null);
  if (values.demo) config = demoConfig(config);
  if (values.port !== undefined) {
    if (!/^\d+$/.test(values.port) || Number(values.port) > 65535)
      throw invalidInput(`--port must be a number from 0 to 65535, got "${values.port}"`);
    config.port = Number(values.port);
  }
  if (values.host !== undefined) config.host = values.host;
  const home = values.demo
    ? demoHome(values.home)
    : ensureFolder(values.home ?? process.env.GUANG_HOME ?? ".guang", "--home");
  const log = createServerLog(config.logLevel);
  // background work's errors and warnings as JSON lines of the server's log, with levels,
  // from the first (a Slurm cluster that does not answer at start)
  if (log) setBackgroundLog((level, message, fields) => log.logger[level](fields, message));
  const center = await openCenter({
    home,
    config,
    databaseUrl: process.env.GUANG_DATABASE_URL || null,
  });
  // said before anything else can fail (a busy port): the password is made once
  if (center.initialAdminPassword) {
    process.stdout.write(
      `First start: created the center admin "admin" with password ${center.initialAdminPassword}\n` +
        `(also in ${join(home, "initial-admin-password")}; change it at your first sign-in: guang passwd)\n` +
        `"admin" holds center-admin and center-finance, so one person can set up prices and money.\n` +
        `To split them: guang admin user create NAME --role center-finance, then\n` +
        `guang admin user set admin --role center-admin\n`,
    );
  }
  const app = createApi(center, {
    version: version(),
    maxBodyBytes: config.maxScriptBytes * 2 + 65536,
    trustProxy: config.trustProxy,
    log,
    // a diagnostic switch (tests set it): an answer that strays from its schema is a 500
    checkResponses: process.env.GUANG_CHECK_RESPONSES === "1",
    portalDir: PORTAL_DIR,
  });
  let url: string;
  try {
    url = await listen(app, config.host, config.port);
  } catch (e) {
    await center.close();
    throw invalidInput(
      `cannot listen on ${config.host}:${config.port}: ${(e as Error).message}; choose another --port`,
    );
  }
  center.lock.setAddress(url);
  // the life of every job in the log: submitted (PENDING), started, ended with its state and exit
  center.events.subscribe((e) =>
    app.log.info(
      {
        job: e.jobId,
        user: e.user,
        state: e.state,
        ...(e.reason ? { reason: e.reason } : {}),
        ...(e.exitCode !== null ? { exitCode: e.exitCode, signal: e.signal } : {}),
      },
      "job",
    ),
  );
  process.stdout.write(
    `Guang listening on ${url} (home ${home}, store ${center.store.location})\n` +
      (portalBuilt()
        ? `The portal: ${url}/ (sign in as a center user)\n`
        : `No portal in this install (dist/web): the API and the CLI only\n`),
  );
  process.stdout.write(`Guang: ${center.identity.describe()}\nGuang: ${center.confinement}\n`);
  const demo = values.demo ? await startDemo(center) : null;
  if (demo) process.stdout.write(demo.banner);
  return new Promise<number>((done) => {
    const stop = () => {
      demo?.stop();
      process.stdout.write(
        "Guang stopping; running jobs keep running and are adopted at the next start\n",
      );
      void app
        .close()
        .catch(() => undefined)
        .then(() => center.close())
        .then(() => done(EXIT.ok));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
