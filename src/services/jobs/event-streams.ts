import { GuangError, invalidInput } from "../../core/errors.js";
import type { Db } from "../../store/open.js";
import { hasRole, type Actor } from "../access/actor.js";
import { eventsAfter, type JobEvent } from "./events.js";

/** The most events one reconnection is sent; a client further behind reads the jobs again. */
const MAX_MISSED = 10000;

interface Stream {
  userId: number;
  /** The hash of the token it was opened with. */
  credential: string;
  close(): void;
}

/**
 * The open event streams (SSE), by user: at most `maxPerUser` each, and each ends when the
 * token it was opened with is revoked (a sign-out, a password change, an admin's reset).
 */
export class EventStreams {
  private readonly open = new Set<Stream>();

  constructor(
    private readonly maxPerUser: number,
    private readonly db: Db,
  ) {}

  /** Whose events a watcher gets: a center admin everyone's, others their own jobs'. */
  seesAll(actor: Actor): boolean {
    return hasRole(actor, "center-admin");
  }

  /**
   * What a client that reconnects with Last-Event-ID missed, from the store (so it is the
   * same whichever platform process it reaches), oldest first.
   */
  async missed(actor: Actor, afterId: number): Promise<JobEvent[]> {
    return eventsAfter(this.db, afterId, this.seesAll(actor) ? null : actor.userId, MAX_MISSED);
  }

  /** A Last-Event-ID header: the id of the last event a client received. */
  static eventId(text: string): number {
    if (!/^\d{1,15}$/.test(text))
      throw invalidInput(
        `Last-Event-ID "${text.slice(0, 40)}" is not an event id; send the id of the last event received, or none`,
      );
    return Number(text);
  }

  /** Registers a stream; refuses (429) one over the user's limit. The returned function unregisters it. */
  add(userId: number, credential: string, close: () => void): () => void {
    let mine = 0;
    for (const s of this.open) if (s.userId === userId) mine++;
    if (mine >= this.maxPerUser) {
      throw new GuangError(
        "too_many_streams",
        429,
        `you have ${mine} event streams open, the most this center allows (auth.maxStreamsPerUser); close one first`,
      );
    }
    const s: Stream = { userId, credential, close };
    this.open.add(s);
    return () => this.open.delete(s);
  }

  closeCredential(credential: string): void {
    for (const s of [...this.open]) if (s.credential === credential) s.close();
  }

  /** Ends the user's streams, but those of the token `except`. */
  closeUser(userId: number, except: string | null): void {
    for (const s of [...this.open]) if (s.userId === userId && s.credential !== except) s.close();
  }
}
