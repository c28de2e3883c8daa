import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { GuangError, invalidInput } from "../core/errors.js";

/** Where `guang login` keeps the server and token: $XDG_CONFIG_HOME/guang/config.json (mode 600). */
export function clientConfigPath(): string {
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), ".config");
  return join(base, "guang", "config.json");
}

export interface ClientConfig {
  server: string;
  user?: string;
  token?: string;
}

export function readClientConfig(): ClientConfig | null {
  try {
    return JSON.parse(readFileSync(clientConfigPath(), "utf8")) as ClientConfig;
  } catch {
    return null;
  }
}

export function writeClientConfig(c: ClientConfig): void {
  const path = clientConfigPath();
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600 });
}

/** A refusal by the server: exit code 1. */
export class ServerRefusal extends GuangError {}

export class ApiClient {
  constructor(
    readonly server: string,
    private readonly token: string | null,
  ) {}

  /** GUANG_SERVER and GUANG_TOKEN win over what `guang login` saved. */
  static fromEnvironment(): ApiClient {
    const saved = readClientConfig();
    const server = process.env.GUANG_SERVER || saved?.server;
    const token = process.env.GUANG_TOKEN || saved?.token || null;
    if (!server) throw invalidInput("no server: run 'guang login --server URL --user NAME' or set GUANG_SERVER and GUANG_TOKEN");
    if (!token) throw invalidInput(`not logged in to ${server}: run 'guang login' or set GUANG_TOKEN`);
    return new ApiClient(server, token);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.fetch(method, path, body);
    const text = await res.text();
    return (text ? JSON.parse(text) : {}) as T;
  }

  async text(path: string): Promise<{ text: string; headers: Headers }> {
    const res = await this.fetch("GET", path);
    return { text: await res.text(), headers: res.headers };
  }

  private async fetch(method: string, path: string, body?: unknown): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.server), {
        method,
        headers: {
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
      throw new ServerRefusal("server:unreachable", 503, `cannot reach the server at ${this.server} (${cause}): is 'guang serve' running there?`);
    }
    if (!res.ok) {
      let message = `${res.status} ${res.statusText}`;
      let code = "refused";
      try {
        const j = (await res.json()) as { error?: { code?: string; message?: string } };
        if (j.error?.message) message = j.error.message;
        if (j.error?.code) code = j.error.code;
      } catch {
        // not our error shape
      }
      throw new ServerRefusal(`server:${code}`, res.status < 500 ? res.status : 502, message);
    }
    return res;
  }
}
