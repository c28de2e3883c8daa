import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
const CLI = join(REPO, "dist", "src", "cli", "main.js");

/**
 * A real `guang serve` for a benchmark, with its config beside its home, on a free port.
 * GUANG_BENCH_NODE_FLAGS: extra flags for the server's node (e.g. --cpu-prof to profile it).
 */
export function startBenchServer(
  home: string,
  config: string,
): Promise<{ proc: ChildProcess; url: string }> {
  const cfg = `${home}.yaml`;
  writeFileSync(cfg, config);
  const flags = process.env.GUANG_BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
  const proc = spawn(
    process.execPath,
    [...flags, CLI, "serve", "--home", home, "--port", "0", "--config", cfg],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    proc.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ proc, url: m[1]! });
    });
    proc.once("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

/** As root, Guang runs no user work as root: benchmark jobs run as this account, made for the run and removed after. */
export const BENCH_UNIX_USER = "guangbench";
const AS_ROOT = process.getuid?.() === 0;
let madeUser = false;

/** Makes the benchmark account if it is not there yet (as root), to be removed after the run. */
function ensureBenchUser(): void {
  if (spawnSync("id", ["-u", BENCH_UNIX_USER]).status === 0) return;
  const r = spawnSync(
    "useradd",
    [
      "-M",
      "-d",
      "/nonexistent",
      "-s",
      "/bin/sh",
      "-K",
      "UID_MIN=63000",
      "-K",
      "UID_MAX=63999",
      BENCH_UNIX_USER,
    ],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`useradd ${BENCH_UNIX_USER}: ${r.stderr}`);
  madeUser = true;
}

/** The config lines that run every job as the benchmark account (as root; nothing otherwise). */
export function benchJobsConfig(): string {
  if (!AS_ROOT) return "";
  ensureBenchUser();
  return `jobs:\n  runAs: shared\n  sharedUser: ${BENCH_UNIX_USER}\n`;
}

/** Gives a folder to the account benchmark jobs run as. */
export function giveToBenchJobs(path: string): void {
  if (!AS_ROOT) return;
  // the account is made here too: a bench may give its folder before it asks for the config
  ensureBenchUser();
  const id = (f: string) =>
    Number(spawnSync("id", [f, BENCH_UNIX_USER], { encoding: "utf8" }).stdout.trim());
  chownSync(path, id("-u"), id("-g"));
}

export function removeBenchUser(): void {
  if (!madeUser) return;
  spawnSync("pkill", ["-KILL", "-u", BENCH_UNIX_USER]);
  spawnSync("userdel", [BENCH_UNIX_USER], { stdio: "ignore" });
  madeUser = false;
}

/** Signs in as the first admin, changing the generated password first as a new center asks; the token. */
export async function benchAdminToken(url: string, home: string): Promise<string> {
  const post = async (path: string, body: unknown, token?: string) => {
    const r = await fetch(url + path, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    const out = (await r.json()) as any;
    if (r.status >= 300) throw new Error(`POST ${path}: ${r.status} ${JSON.stringify(out)}`);
    return out;
  };
  const password = readFileSync(join(home, "initial-admin-password"), "utf8").trim();
  const login = await post("/api/v1/auth/login", { username: "admin", password });
  if (login.mustChangePassword)
    await post(
      "/api/v1/auth/password",
      { current: password, password: `${password}-bench` },
      login.token,
    );
  return login.token as string;
}

/** The portal's session cookies of the first admin (after benchAdminToken changed its password), for a browser. */
export async function benchCookies(
  url: string,
  home: string,
): Promise<{ name: string; value: string; url: string }[]> {
  const password = `${readFileSync(join(home, "initial-admin-password"), "utf8").trim()}-bench`;
  const session = await fetch(`${url}/api/v1/auth/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password }),
  });
  return session.headers.getSetCookie().map((c) => {
    const [pair] = c.split(";");
    const [name, ...rest] = pair!.split("=");
    return { name: name!, value: rest.join("="), url };
  });
}
