import { constants, createReadStream, fstatSync, openSync, closeSync } from "node:fs";
import { Readable } from "node:stream";
import { GuangError, notFound } from "../../core/errors.js";
import { conflict } from "../access/actor.js";

/** The most one page of output may have: a reader of a large output takes it in turns, and others are served in between. */
export const MAX_OUTPUT_PAGE = 1048576;

export interface OutputPage {
  path: string;
  offset: number;
  size: number;
  length: number;
  complete: boolean;
  /** The bytes, read as they are sent (the stream closes the file). */
  body: Readable;
}

/**
 * Opens a job's output file for reading on its owner's behalf. The server may be root, and
 * the file is the job's to replace: it is opened without following a symlink, without
 * blocking on a FIFO, and read only when it is a regular file owned by the Unix account the
 * job ran as (`ownerUid`; null when every job runs as the server's own user).
 */
export function openOutput(o: {
  path: string;
  stream: string;
  jobId: string;
  pending: boolean;
  final: boolean;
  ownerUid: number | null;
  offset: number;
  limit: number;
}): OutputPage {
  let fd: number;
  try {
    fd = openSync(
      o.path,
      constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY,
    );
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ELOOP")
      throw conflict(
        `the ${o.stream} file of job ${o.jobId} (${o.path}) has been replaced by a symbolic link, which Guang does not follow; read it on the machine`,
      );
    if (code === "ENOENT" && o.pending)
      throw conflict(`job ${o.jobId} has not started, so it has no ${o.stream} yet`);
    if (code === "ENOENT")
      throw notFound(
        `the ${o.stream} file of job ${o.jobId} (${o.path}) does not exist (any more)`,
      );
    throw new GuangError(
      "output_unreadable",
      409,
      `the ${o.stream} file of job ${o.jobId} (${o.path}) cannot be read: ${(e as Error).message}`,
    );
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      throw conflict(
        `the ${o.stream} file of job ${o.jobId} (${o.path}) is not a regular file; Guang reads only regular files`,
      );
    if (o.ownerUid !== null && st.uid !== o.ownerUid) {
      throw conflict(
        `the ${o.stream} file of job ${o.jobId} (${o.path}) does not belong to the job's Unix account (uid ${o.ownerUid}); Guang reads only the job's own files`,
      );
    }
    const size = st.size;
    const start = Math.min(o.offset, size);
    const length = Math.min(o.limit, MAX_OUTPUT_PAGE, size - start);
    let body: Readable;
    if (length > 0)
      body = createReadStream("", {
        fd,
        start,
        end: start + length - 1,
        autoClose: true,
        highWaterMark: 65536,
      });
    else {
      closeSync(fd);
      body = Readable.from([]);
    }
    return {
      path: o.path,
      offset: start,
      size,
      length,
      complete: o.final && start + length >= size,
      body,
    };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}
