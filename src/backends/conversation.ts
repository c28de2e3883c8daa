import { logBackgroundError } from "../core/background-log.js";
import type { ClusterStatus } from "./backend.js";

/**
 * Talking to a scheduler Guang does not run (a Slurm controller, a peer center): one
 * conversation at a time (a slow one is not asked twice at once), and how it is doing —
 * reachable, its last error (logged once when it changes), what else the backend notes.
 */
export class Conversation {
  readonly state: ClusterStatus = { reachable: false, version: null, error: null, sync: null };
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly cluster: string,
    /** Whether a failure means it did not answer (rather than that it refused). */
    private readonly unreachable: (e: unknown) => boolean,
  ) {}

  serial(work: () => Promise<void>): Promise<void> {
    const next = this.running.then(async () => {
      if (this.stopped) return;
      try {
        await work();
        this.state.reachable = true;
        this.state.error = null;
      } catch (e) {
        this.fail(e);
      }
    });
    this.running = next;
    return next;
  }

  fail(e: unknown): void {
    const message = (e as Error).message;
    if (this.unreachable(e)) this.state.reachable = false;
    if (this.state.error !== message) logBackgroundError(message, { cluster: this.cluster });
    this.state.error = message;
  }

  /** After the conversation under way; nothing more is begun. */
  async stop(): Promise<void> {
    await this.running;
    this.stopped = true;
  }
}
