import { GuangError } from "../core/errors.js";

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

  constructor(private readonly maxPerUser: number) {}

  /** Registers a stream; refuses (429) one over the user's limit. The returned function unregisters it. */
  add(userId: number, credential: string, close: () => void): () => void {
    let mine = 0;
    for (const s of this.open) if (s.userId === userId) mine++;
    if (mine >= this.maxPerUser) {
      throw new GuangError("too_many_streams", 429, `you have ${mine} event streams open, the most this center allows (auth.maxStreamsPerUser); close one first`);
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

  count(): number {
    return this.open.size;
  }
}
