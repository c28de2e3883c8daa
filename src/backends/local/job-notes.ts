import { closeSync, constants, fstatSync, openSync, writeSync } from "node:fs";
import type { KillReason } from "../backend.js";

/** Local time as Slurm writes it in these lines: 2026-12-02T08:30:00. */
function slurmNow(d = new Date()): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/**
 * What Slurm writes into a job's error output when it ends the job, in Slurm's words, so
 * that a researcher reading the file sees why it stopped (and scripts that look for these
 * lines find them).
 */
export function killNote(reason: KillReason | "NODE_FAIL", jobId: number, node: string): string {
  const at = `*** JOB ${jobId} ON ${node} CANCELLED AT ${slurmNow()}`;
  switch (reason) {
    case "TIMEOUT":
      return `slurmstepd: error: ${at} DUE TO TIME LIMIT ***\n`;
    case "NODE_FAIL":
      return `slurmstepd: error: ${at} DUE TO NODE FAILURE, SEE SLURMCTLD LOG FOR DETAILS ***\n`;
    case "OUT_OF_MEMORY":
      return `slurmstepd: error: Detected 1 oom_kill event in StepId=${jobId}.batch. Some of the step tasks have been OOM Killed.\n`;
    default:
      return `slurmstepd: error: ${at} ***\n`;
  }
}

/**
 * Appends a line to a job's error output as the server (which may be root) may do it
 * safely: no symlink followed, no FIFO waited on, and only into a regular file owned by the
 * job's Unix account (`ownerUid`; null when jobs run as the server's own user). A file that
 * is not so is left alone: the note is a courtesy, the job's end is recorded anyway.
 */
export function appendNote(path: string, ownerUid: number | null, text: string): void {
  let fd: number;
  try {
    fd = openSync(
      path,
      constants.O_WRONLY |
        constants.O_APPEND |
        constants.O_NOFOLLOW |
        constants.O_NONBLOCK |
        constants.O_NOCTTY,
    );
  } catch {
    return;
  }
  try {
    const st = fstatSync(fd);
    if (st.isFile() && (ownerUid === null || st.uid === ownerUid)) writeSync(fd, text);
  } catch {
    // a full disk or a file gone: nothing more to do
  } finally {
    closeSync(fd);
  }
}
