import type { KeyObject } from "node:crypto";
import { signCall } from "../../core/center-signature.js";
import { GuangError } from "../../core/errors.js";

/** How long a peer has to answer one call before it counts as unreachable. */
const CALL_TIMEOUT_MS = 15_000;

/** A peer's answer that was not a success: its status and its own words. */
export class PeerError extends GuangError {
  constructor(
    readonly peer: string,
    readonly unreachable: boolean,
    status: number,
    message: string,
  ) {
    super(unreachable ? "peer_unavailable" : "peer_refused", status, message);
  }
}

/**
 * Calls to one peer center over its API, each signed with our key (the peer knows our public
 * key and maps us to its user for us). A peer that does not answer is a 503 naming it, which
 * leaves our own clusters serving; a refusal keeps the peer's status and words.
 */
export class PeerLink {
  constructor(
    readonly us: string,
    readonly peer: string,
    private readonly url: string,
    private readonly key: KeyObject,
  ) {}

  /** The raw answer (for pages of output); throws PeerError for no answer or a refusal. */
  async call(method: string, path: string, body?: unknown): Promise<Response> {
    const text = body === undefined ? "" : JSON.stringify(body);
    const headers: Record<string, string> = signCall(this.key, {
      center: this.us,
      method,
      path,
      date: new Date().toISOString(),
      body: text,
    });
    if (body !== undefined) headers["content-type"] = "application/json";
    let res: Response;
    try {
      res = await fetch(`${this.url}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: text } : {}),
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new PeerError(
        this.peer,
        true,
        503,
        `center ${this.peer} cannot be reached (${cause?.code ?? cause?.message ?? (e as Error).message}); this center's own clusters go on: try again later or choose another cluster`,
      );
    }
    if (res.ok) return res;
    const said = await res.text();
    let words = said.slice(0, 500);
    try {
      words = (JSON.parse(said) as { error: { message: string } }).error.message;
    } catch {
      // not our error body: its text as it came
    }
    if (res.status >= 500)
      throw new PeerError(this.peer, true, 503, `center ${this.peer} failed: ${words}`);
    throw new PeerError(this.peer, false, res.status, `center ${this.peer} refused: ${words}`);
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await (await this.call(method, path, body)).json()) as T;
  }
}
