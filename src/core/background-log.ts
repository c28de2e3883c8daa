/**
 * Where errors of background work go (a scheduling pass, a Slurm poll, a mail, the launcher):
 * the server's log as JSON lines once it has one; before that (and in tools without a
 * server), a line on stderr. One sink for the process, set by `guang serve`, because this
 * work happens far from any request and its logger.
 */
type Sink = (level: "error" | "warn", message: string, fields: Record<string, unknown>) => void;

let sink: Sink = (_level, message) => process.stderr.write(`guang: ${message}\n`);

export function setBackgroundLog(s: Sink): void {
  sink = s;
}

export function logBackgroundError(message: string, fields: Record<string, unknown> = {}): void {
  sink("error", message, fields);
}

export function logBackgroundWarning(message: string, fields: Record<string, unknown> = {}): void {
  sink("warn", message, fields);
}
