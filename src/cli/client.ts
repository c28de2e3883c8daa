import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
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

  /** A request whose body is streamed (an upload): the server's JSON answer. */
  async upload<T>(path: string, body: Readable, headers: Record<string, string>): Promise<T> {
    const res = await this.open("PUT", path, headers, body);
    return JSON.parse((await this.answer(res)).text) as T;
  }

  /** A request whose answer is streamed (a download): its headers and body, once it is a 2xx. */
  async download(path: string, headers: Record<string, string> = {}): Promise<IncomingMessage> {
    const res = await this.open("GET", path, headers);
    if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) return res;
    return this.answer(res).then(() => res);
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
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const res = await this.open(
      method,
      path,
      payload !== undefined
        ? {
            "content-type": "application/json",
            "content-length": String(Buffer.byteLength(payload)),
          }
        : {},
      payload,
    );
    return this.answer(res);
  }

  private unreachable(why: string): GuangError {
    return new ServerRefusal(
      "server:unreachable",
      503,
      `cannot reach the server at ${this.server} (${why}): is 'guang serve' running there?`,
    );
  }

  /** Sends a request (its body a string or a stream) and resolves with the response, unread. */
  private open(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string | Readable,
  ): Promise<IncomingMessage> {
    const url = new URL(path, this.server);
    if (url.protocol !== "http:" && url.protocol !== "https:")
      return Promise.reject(this.unreachable(`${url.protocol} is not http: or https:`));
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    return new Promise<IncomingMessage>((resolve, reject) => {
      const req = send(url, {
        method,
        agent: false,
        headers: { ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...headers },
      });
      req.on("response", resolve);
      req.on("error", (e: NodeJS.ErrnoException) => reject(this.unreachable(e.code ?? e.message)));
      if (typeof body === "object") {
        body.on("error", (e) => req.destroy(e));
        body.pipe(req);
      } else req.end(body);
    });
  }

  /** Reads a response to its end: its text when a 2xx, else the server's refusal as an error. */
  private async answer(
    r: IncomingMessage,
  ): Promise<{ status: number; text: string; headers: IncomingHttpHeaders }> {
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      r.on("data", (c: Buffer) => chunks.push(c));
      r.on("end", resolve);
      r.on("error", (e) => reject(this.unreachable(e.message)));
    });
    const res = {
      status: r.statusCode ?? 0,
      text: Buffer.concat(chunks).toString("utf8"),
      headers: r.headers,
    };
    if (res.status < 200 || res.status >= 300) {
      let message = `${res.status} ${r.statusMessage ?? ""}`;
      let code = "refused";
      let details = {};
      try {
        const j = JSON.parse(res.text) as {
          error?: { code?: string; message?: string; details?: Record<string, unknown> };
        };
        if (j.error?.message) message = j.error.message;
        if (j.error?.code) code = j.error.code;
        if (j.error?.details) details = j.error.details;
      } catch {
        // not our error shape
      }
      throw new ServerRefusal(
        `server:${code}`,
        res.status < 500 ? res.status : 502,
        message,
        details,
      );
    }
    return res;
  }
}
