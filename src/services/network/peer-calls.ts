import type { KeyObject } from "node:crypto";
import { checkSignature, MAX_SKEW_MS, SIGNATURE_HEADERS } from "../../core/center-signature.js";
import { GuangError } from "../../core/errors.js";
import type { Actor } from "../access/actor.js";
import type { AuthService } from "../identity/auth.js";

/** A peer as it may call us: its key, and our user its calls act as (null: it may not call). */
export interface CallingPeer {
  name: string;
  publicKey: KeyObject;
  user: string | null;
}

type Headers = Record<string, string | string[] | undefined>;

function refused(message: string): GuangError {
  return new GuangError("peer_signature", 401, message);
}

/**
 * Calls from peer centers: signed with the caller's key (see core/center-signature), each
 * acts as our user for that peer, with that user's rights only: the peer is one tenant
 * of ours. A signature is accepted once (a replayed call is refused) within the clock skew.
 */
export class PeerCalls {
  /** Signatures accepted, until they would be refused for their age anyway. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly peers: Map<string, CallingPeer>,
    private readonly auth: AuthService,
  ) {}

  static signed(headers: Headers): boolean {
    return headers[SIGNATURE_HEADERS.signature] !== undefined;
  }

  async authenticate(c: {
    headers: Headers;
    method: string;
    path: string;
    body: string;
    ip: string;
  }): Promise<Actor> {
    const one = (h: string) => {
      const v = c.headers[h];
      return typeof v === "string" ? v : undefined;
    };
    const center = one(SIGNATURE_HEADERS.center);
    const date = one(SIGNATURE_HEADERS.date);
    const signature = one(SIGNATURE_HEADERS.signature);
    if (!center || !date || !signature)
      throw refused(
        `a signed call carries ${Object.values(SIGNATURE_HEADERS).join(", ")}: one is missing`,
      );
    const peer = this.peers.get(center);
    if (!peer)
      throw refused(
        `center ${center} is not a peer of this center (network.peers in its config names its peers)`,
      );
    const now = Date.now();
    const why = checkSignature(
      peer.publicKey,
      { center, method: c.method, path: c.path, date, body: c.body },
      signature,
      now,
    );
    if (why) throw refused(`the call signed as center ${center} is refused: ${why}`);
    if (this.seen.has(signature))
      throw refused(`the call signed as center ${center} was received before: a replay is refused`);
    for (const [s, until] of this.seen) if (until < now) this.seen.delete(s);
    this.seen.set(signature, now + 2 * MAX_SKEW_MS);
    if (!peer.user)
      throw new GuangError(
        "forbidden",
        403,
        `center ${center} has no user here to act as (network.peers: ${center}: user), so it may not call this center`,
      );
    const actor = await this.auth.actorNamed(peer.user, c.ip);
    if (!actor)
      throw new GuangError(
        "forbidden",
        403,
        `center ${center} acts here as user ${peer.user}, who does not exist or is disabled`,
      );
    return actor;
  }
}
