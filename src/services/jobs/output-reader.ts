import { GuangError } from "../../core/errors.js";
import { FINAL_STATES } from "../../core/job-state.js";
import { type Db } from "../../store/open.js";
import { findUserById } from "../../store/users.js";
import { conflict, type Actor } from "../access/actor.js";
import { posixOf } from "../identity/auth.js";
import type { JobServiceOptions } from "./job-lookup.js";
import type { JobLookup } from "./job-lookup.js";
import { openOutput, type OutputPage } from "./job-output.js";

/** How many pages of output one user may be sent at once. */
const MAX_READERS_PER_USER = 4;

/** Pages of jobs' outputs, read on each job owner's behalf; a few at a time per user. */
export class OutputReader {
  private readonly db: Db;
  /** Output pages being sent, by user. */
  private readonly readers = new Map<number, number>();

  constructor(
    private readonly o: JobServiceOptions,
    private readonly lookup: JobLookup,
  ) {
    this.db = o.db;
  }

  /**
   * A page of a job's stdout or stderr from `offset`, read on the job owner's behalf (see
   * openOutput); at most MAX_READERS_PER_USER pages of one user are read at a time.
   */
  async read(
    actor: Actor,
    idText: string,
    stream: "stdout" | "stderr",
    offset: number,
    limit: number,
  ): Promise<OutputPage> {
    const row = await this.lookup.readable(actor, idText);
    // the backend's view is newer than the store's for an active job
    const backend = this.o.backends.get(row.cluster);
    const state = backend?.live(row.id)?.state ?? row.state;
    // a peer center's job: its output stays there, and is read from it page by page
    if (backend?.output)
      return {
        path: `${row.cluster}:${row.external_id ?? "?"}`,
        ...(await backend.output({ externalId: row.external_id }, stream, offset, limit)),
      };
    const user = await findUserById(this.db, row.user_id);
    let ownerUid: number | null;
    try {
      ownerUid =
        this.o.identity.forJob(user?.username ?? `#${row.user_id}`, user ? posixOf(user) : null)
          ?.uid ?? null;
    } catch (e) {
      throw conflict(
        `the output of job ${idText} cannot be read on its owner's behalf: ${(e as Error).message}`,
      );
    }
    const busy = this.readers.get(actor.userId) ?? 0;
    if (busy >= MAX_READERS_PER_USER)
      throw new GuangError(
        "too_many_requests",
        429,
        `you are reading ${busy} outputs at once already; wait for one to finish`,
      );
    const page = openOutput({
      path: stream === "stdout" ? row.stdout_path : row.stderr_path,
      stream,
      jobId: idText,
      pending: state === "PENDING",
      final: FINAL_STATES.has(state),
      ownerUid,
      offset,
      limit,
    });
    this.readers.set(actor.userId, busy + 1);
    // released when the last byte has been read from the file (before the client can have
    // it and ask for the next page), or when the stream fails or is closed early
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const n = (this.readers.get(actor.userId) ?? 1) - 1;
      if (n <= 0) this.readers.delete(actor.userId);
      else this.readers.set(actor.userId, n);
    };
    for (const ev of ["end", "close", "error"]) page.body.once(ev, release);
    return page;
  }
}
