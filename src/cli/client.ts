import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
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

function readClientConfig(): ClientConfig | null {
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
class ServerRefusal extends GuangError {}

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
    if (!server)
      throw invalidInput(
        "no server: run 'guang login --server URL --user NAME' or set GUANG_SERVER and GUANG_TOKEN",
      );
    if (!token)
      throw invalidInput(`not logged in to ${server}: run 'guang login' or set GUANG_TOKEN`);
    return new ApiClient(server, token);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const { text } = await this.send(method, path, body);
    return (text ? JSON.parse(text) : {}) as T;
  }

  async text(path: string): Promise<{ text: string; headers: IncomingHttpHeaders }> {
    return this.send("GET", path);
  }

  /**
   * One request on a connection of its own, with node:http rather than fetch: a CLI is one
   * short process, and loading fetch's engine cost it more than the request (guang jobs
   * 0.22 s against 0.1 s).
   */
  private async send(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; text: string; headers: IncomingHttpHeaders }> {
    const url = new URL(path, this.server);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const unreachable = (why: string) =>
      new ServerRefusal(
        "server:unreachable",
        503,
        `cannot reach the server at ${this.server} (${why}): is 'guang serve' running there?`,
      );
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw unreachable(`${url.protocol} is not http: or https:`);
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const res = await new Promise<{
      status: number;
      statusText: string;
      text: string;
      headers: IncomingHttpHeaders;
    }>((resolve, reject) => {
      const req = send(url, {
        method,
        agent: false,
        headers: {
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          ...(payload !== undefined
            ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }
            : {}),
        },
      });
      req.on("response", (r) => {
        const chunks: Buffer[] = [];
        r.on("data", (c: Buffer) => chunks.push(c));
        r.on("end", () =>
          resolve({
            status: r.statusCode ?? 0,
            statusText: r.statusMessage ?? "",
            text: Buffer.concat(chunks).toString("utf8"),
            headers: r.headers,
          }),
        );
        r.on("error", (e) => reject(unreachable(e.message)));
      });
      req.on("error", (e: NodeJS.ErrnoException) => reject(unreachable(e.code ?? e.message)));
      req.end(payload);
    });
    if (res.status < 200 || res.status >= 300) {
      let message = `${res.status} ${res.statusText}`;
      let code = "refused";
      try {
        const j = JSON.parse(res.text) as { error?: { code?: string; message?: string } };
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
