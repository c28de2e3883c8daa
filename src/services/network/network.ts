import type { Backend } from "../../backends/backend.js";
import { conflict, forbidden, isCenterStaff, type Actor } from "../access/actor.js";
import type { PeerSide, Settlement, Statement } from "./settlement.js";

export interface NetworkView {
  /** Null: this center is in no network (no network: in its config). */
  name: string | null;
  /** Ours, as peers put it in their config. */
  publicKey: string | null;
  peers: {
    name: string;
    url: string;
    /** Our user its calls act as. */
    user: string | null;
    clusters: { name: string; reachable: boolean; error: string | null }[];
  }[];
}

/** The network of centers as this center's staff see it, and the statements between them. */
export class NetworkService {
  constructor(
    private readonly o: {
      name: string | null;
      publicKey: string | null;
      peers: (PeerSide & { url: string })[];
      backends: Map<string, Backend>;
      settlement: Settlement | null;
    },
  ) {}

  /** The route lets only the center's staff ask (network.read). */
  view(): NetworkView {
    return {
      name: this.o.name,
      publicKey: this.o.publicKey,
      peers: this.o.peers.map((p) => ({
        name: p.name,
        url: p.url,
        user: p.user,
        clusters: p.clusters.map((c) => {
          const s = this.o.backends.get(c)?.status();
          return { name: c, reachable: s?.reachable ?? false, error: s?.error ?? null };
        }),
      })),
    };
  }

  private settlement(actor: Actor): Settlement {
    // the center's staff, or a peer center (its calls act as its user here)
    if (!isCenterStaff(actor) && !actor.credential?.startsWith("peer:"))
      throw forbidden("only this center's staff and its peer centers see settlement statements");
    if (!this.o.settlement)
      throw conflict(
        "this center is in no network of centers (network: in its config names its peers)",
      );
    return this.o.settlement;
  }

  statement(actor: Actor, peer: string, month: string): Promise<Statement> {
    return this.settlement(actor).statement(actor, peer, month);
  }

  check(actor: Actor, peer: string, month: string) {
    if (!isCenterStaff(actor))
      throw forbidden("only this center's staff compare statements with a peer");
    return this.settlement(actor).check(actor, peer, month);
  }
}
