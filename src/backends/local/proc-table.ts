import { readdirSync, readFileSync } from "node:fs";

/**
 * Processes grouped by session, read from /proc. Each job starts a new session (the launcher calls setsid for it),
 * and everything the job starts stays in it (unless it calls setsid itself), so a session
 * is the job's process tree. cgroups are not available on every machine; this is.
 */
export interface SessionUsage {
  pids: number[];
  /** Sum of the members' resident memory, MiB (shared pages count once per process, as Slurm's jobacct_gather/linux does). */
  rssMiB: number;
}

const PAGE_MIB = 4096 / 1048576;

/** Fields of /proc/PID/stat after the command name (which may hold spaces and parentheses). */
function statFields(text: string): string[] {
  return text.slice(text.lastIndexOf(")") + 2).split(" ");
}

export function readSessions(wanted: ReadonlySet<number>): Map<number, SessionUsage> {
  const out = new Map<number, SessionUsage>();
  if (wanted.size === 0) return out;
  for (const name of readdirSync("/proc")) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${name}/stat`, "latin1");
    } catch {
      continue; // it ended while we looked
    }
    const f = statFields(text);
    // an ended process nobody has reaped yet is not part of a running job
    if (f[0] === "Z") continue;
    // f[0] = state (field 3), so field N is f[N - 3]: session is field 6, rss field 24
    const sid = Number(f[3]);
    if (!wanted.has(sid)) continue;
    let s = out.get(sid);
    if (!s) out.set(sid, (s = { pids: [], rssMiB: 0 }));
    s.pids.push(Number(name));
    s.rssMiB += Number(f[21]) * PAGE_MIB;
  }
  return out;
}

/** The kernel's start time of a process (clock ticks since boot), or null when it is gone. */
export function processStartTime(pid: number): string | null {
  try {
    const f = statFields(readFileSync(`/proc/${pid}/stat`, "latin1"));
    if (f[0] === "Z") return null; // a zombie has ended
    return f[19] ?? null; // field 22
  } catch {
    return null;
  }
}

/** True when the process `pid` is the one that started at `start`. */
export function isSameProcess(pid: number, start: string): boolean {
  return processStartTime(pid) === start;
}

/** Sends a signal, ignoring processes that are already gone. */
export function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // ESRCH: already gone
  }
}
