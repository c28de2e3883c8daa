import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { join } from "node:path";
import { CLI } from "./traces.js";
import { AS_ROOT, giveToJobs, TEST_UNIX_USER } from "./unix-user.js";

/** The lines of a test config's `jobs:` that run jobs as the unprivileged test account (as root). */
export const JOBS_AS_TEST_USER = AS_ROOT
  ? `  runAs: shared\n  sharedUser: ${TEST_UNIX_USER}\n`
  : "";

/**
 * A center whose local cluster is small (4 cpus, 8 GiB) and quick (jobs killed a second after
 * SIGTERM, sampled every 0.1 s), its jobs run as the test user: for tests of scheduling,
 * money and the terminal. Other sections may be appended.
 */
export const SMALL_CLUSTER = `
jobs:
${JOBS_AS_TEST_USER}  killWait: 1
  sampleInterval: 0.1
cluster:
  cpus: 4
  memMiB: 8192
`;

/**
 * Settings for test centers: a roomy virtual node (so many jobs run at once on 2 cores), two
 * fake GPUs, quick kills; as root, jobs run as the unprivileged test account.
 */
export const TEST_CONFIG = `
jobs:
${JOBS_AS_TEST_USER}  killWait: 1
  sampleInterval: 0.1
cluster:
  cpus: 32
  memMiB: 65536
  gpus:
    - { index: 0, type: a100 }
    - { index: 1, type: a100 }
`;

/** TEST_CONFIG with jobs as each user's own identity (the default of a real center): for users who have one (LDAP's, test accounts). */
export const MAPPED_TEST_CONFIG = TEST_CONFIG.replace(JOBS_AS_TEST_USER, "");

export interface TestCenter {
  home: string;
  /** The first admin's generated password, as the first start printed it (changed since: the file has the current one). */
  initialPassword: string;
  url: string;
  token: string;
  proc: ChildProcess;
  output: () => string;
  api<T = any>(
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
  ): Promise<{ status: number; body: T }>;
  /** Like api, for calls that must succeed: the body, or an error with the status and the answer. */
  ok<T = any>(method: string, path: string, body?: unknown, token?: string | null): Promise<T>;
  stop(signal?: NodeJS.Signals): Promise<void>;
  restart(): Promise<void>;
}

function startServer(
  home: string,
  configFile: string,
  env: Record<string, string>,
  port: number,
  args: string[] = [],
  netns: string | null = null,
): Promise<{ proc: ChildProcess; url: string; log: string[] }> {
  const serve = [CLI, "serve", "--home", home, "--port", String(port), "--config", configFile];
  // a center on a test host of its own (a network namespace): ip execs the server there
  const proc = spawn(
    netns ? "ip" : process.execPath,
    [...(netns ? ["netns", "exec", netns, process.execPath] : []), ...serve, ...args],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } },
  );
  const log: string[] = [];
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      log.push(d.toString());
      const m = /listening on (http:\/\/\S+)/.exec(log.join(""));
      if (m) resolve({ proc, url: m[1]!, log });
    };
    proc.stdout!.on("data", onData);
    proc.stderr!.on("data", (d: Buffer) => log.push(d.toString()));
    proc.once("exit", (code) => reject(new Error(`server exited with ${code}: ${log.join("")}`)));
  });
}

/** A port free now (for a server whose address must be known before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Test centers hash passwords at the lowest cost a center may choose: a suite is not about
 * scrypt's cost, and at the default (0.2 s a hash here) its users and sign-ins took minutes.
 */
function cheapPasswordHashes(config: string): string {
  const line = "  passwordHashCost: 10";
  return /^auth:$/m.test(config)
    ? config.replace(/^auth:$/m, `auth:\n${line}`)
    : `${config}\nauth:\n${line}\n`;
}

export async function startCenter(
  config = TEST_CONFIG,
  env: Record<string, string> = {},
  port = 0,
  /** More flags of guang serve (--demo). */
  args: string[] = [],
  /** The network namespace it runs in (a test host; see netns.ts); null: this one. */
  netns: string | null = null,
): Promise<TestCenter> {
  const home = mkdtempSync(join(tmpdir(), "guang-home-"));
  const configFile = join(home, "..", `${home.split("/").pop()}.yaml`);
  writeFileSync(configFile, cheapPasswordHashes(config));
  let { proc, url, log } = await startServer(home, configFile, env, port, args, netns);
  const api = async (method: string, path: string, body?: unknown, token?: string | null) => {
    const res = await fetch(url + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // plain text answers
    }
    return { status: res.status, body: parsed as any };
  };
  const password = readFileSync(join(home, "initial-admin-password"), "utf8").trim();
  const login = await api("POST", "/api/v1/auth/login", { username: "admin", password });
  if (login.body.mustChangePassword) {
    // a new center asks for the generated password to be changed first; tests read the file for the current one
    const next = `${password}-changed`;
    const changed = await fetch(`${url}/api/v1/auth/password`, {
      method: "POST",
      headers: { authorization: `Bearer ${login.body.token}`, "content-type": "application/json" },
      body: JSON.stringify({ current: password, password: next }),
    });
    if (changed.status !== 200)
      throw new Error(
        `changing the first admin's password: ${changed.status} ${await changed.text()}`,
      );
    writeFileSync(join(home, "initial-admin-password"), `${next}\n`, { mode: 0o600 });
  }
  const c: TestCenter = {
    home,
    initialPassword: password,
    url,
    token: login.body.token,
    proc,
    output: () => log.join(""),
    api: (m, p, b, t) => api(m, p, b, t === undefined ? c.token : t),
    async ok(m, p, b, t) {
      const r = await c.api(m, p, b, t);
      if (r.status >= 300) throw new Error(`${m} ${p}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
    async stop(signal = "SIGTERM") {
      if (proc.exitCode !== null) return;
      const gone = new Promise((r) => proc.once("exit", r));
      proc.kill(signal);
      await gone;
    },
    async restart() {
      ({ proc, url, log } = await startServer(home, configFile, env, port, args, netns));
      c.proc = proc;
      c.url = url;
    },
  };
  return c;
}

const FINAL = ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "OUT_OF_MEMORY"];

/** Polls a job until it is in one of `states` (default: any final state). */
export async function waitFor(
  c: TestCenter,
  id: number | string,
  states = FINAL,
  timeoutMs = 30000,
): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await c.api("GET", `/api/v1/jobs/${id}`);
    if (r.status === 200 && states.includes(r.body.state)) return r.body;
    if (Date.now() > until)
      throw new Error(`job ${id} did not reach ${states.join("|")}: ${JSON.stringify(r.body)}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

export async function submit(
  c: TestCenter,
  script: string,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const r = await c.api("POST", "/api/v1/jobs", { script, ...extra });
  if (r.status !== 201) throw new Error(`submit failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

/** Runs the `guang` CLI against a center. */
export function cli(
  c: TestCenter,
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; input?: string } = {},
) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    input: opts.input,
    encoding: "utf8",
    env: { ...process.env, GUANG_SERVER: c.url, GUANG_TOKEN: c.token, ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh folder test jobs may work in. */
export function workdir(): string {
  return giveToJobs(mkdtempSync(join(tmpdir(), "guang-work-")));
}

/** A PostgreSQL URL whose search_path is a fresh schema, for a server under test; null when none is configured. */
export async function freshPostgresUrl(): Promise<string | null> {
  const url = process.env.GUANG_TEST_DATABASE_URL;
  if (!url) return null;
  const schema = `guang_e2e_${process.pid}_${Date.now()}`;
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return u.toString();
}

/**
 * Users of the center, each with the Unix identity named beside it and a member of the
 * default account; their API tokens by name.
 */
export async function mappedUsers(
  c: TestCenter,
  people: [name: string, unix: string][],
  password: string,
): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const [name, unix] of people) {
    await c.ok("POST", "/api/v1/users", { username: name, password, posix: { name: unix } });
    await c.ok("POST", "/api/v1/accounts/default/members", { user: name });
    tokens[name] = (await c.ok("POST", "/api/v1/auth/login", { username: name, password }, null))
      .token as string;
  }
  return tokens;
}
