import { isGuangError } from "../core/errors.js";

/** Exit codes of the `guang` command, as its help says. */
export const EXIT = { ok: 0, refused: 1, usage: 2, internal: 70 } as const;

/**
 * Turns an error into one line on stderr and an exit code: a person's mistake (bad flag,
 * bad file) is exit 2 with the message, a refusal by a server is 1; anything else is a bug,
 * reported without a stack trace unless GUANG_DEBUG is set.
 */
export function reportError(e: unknown): number {
  if (isGuangError(e) && e.code.startsWith("server:")) {
    // whatever the server (or the way to it) says: a refusal, exit 1
    process.stderr.write(`guang: error: ${e.message}\n`);
    return EXIT.refused;
  }
  if (isGuangError(e)) {
    process.stderr.write(`guang: ${e.message}\n`);
    return e.status >= 500
      ? EXIT.internal
      : e.code === "invalid_input" || e.code === "usage"
        ? EXIT.usage
        : EXIT.refused;
  }
  const err = e as { code?: string; message?: string };
  if (typeof err?.code === "string" && err.code.startsWith("ERR_PARSE_ARGS")) {
    process.stderr.write(`guang: ${err.message} (see 'guang help')\n`);
    return EXIT.usage;
  }
  process.stderr.write(`guang: internal error: ${err?.message ?? String(e)}\n`);
  if (process.env.GUANG_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ""}\n`);
  return EXIT.internal;
}
