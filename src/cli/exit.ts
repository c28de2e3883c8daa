import { isGuangError } from "../core/errors.js";
import { didYouMean, optionsOf } from "./did-you-mean.js";

/**
 * Exit codes of the `guang` command, one table for every command (and the README's):
 * 0 ok; 1 refused (the server said no: not allowed, not found, a conflict, no money);
 * 2 bad usage or input (a flag, a file, a value the server found wrong); 3 the server could
 * not be reached or failed, or a bug here.
 */
export const EXIT = { ok: 0, refused: 1, usage: 2, unavailable: 3 } as const;

/** The command an error happened in: its name and help, to word parse errors with. */
export interface CommandContext {
  name: string;
  help: string;
  argv: string[];
}

/** Node's argument parser's complaints, in our words and naming the flag. */
function parseError(err: { code: string; message: string }, cmd: CommandContext | null): string {
  const where = cmd ? `guang ${cmd.name}` : "guang";
  const see = cmd ? `(guang ${cmd.name} --help)` : "(guang help)";
  const flag = /'(-{1,2}[^'\s,]+)/.exec(err.message)?.[1];
  switch (err.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION": {
      const known = cmd ? optionsOf(cmd.help) : [];
      const close = flag ? didYouMean(flag, known) : null;
      if (flag && /^-\d/.test(flag))
        return `${where}: "${flag}" is not an option; a negative number is not taken here ${see}`;
      return `${where}: unknown option ${flag ?? err.message}${close ? `; did you mean ${close}?` : ""} ${see}`;
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const long = /--[\w-]+/.exec(err.message)?.[0] ?? flag;
      // node takes a value that starts with "-" for the next option
      if (/ambiguous/.test(err.message)) {
        const value = cmd?.argv[cmd.argv.indexOf(long ?? "") + 1] ?? "-VALUE";
        return `${where}: ${long} needs a value; to give one that starts with "-", write ${long}=${value} ${see}`;
      }
      return /argument missing/.test(err.message)
        ? `${where}: ${long} needs a value ${see}`
        : `${where}: ${long} takes no value ${see}`;
    }
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL": {
      const word = /'([^']*)'/.exec(err.message)?.[1];
      return `${where}: unexpected argument "${word ?? "?"}" ${see}`;
    }
  }
  return `${where}: ${err.message} ${see}`;
}

/**
 * Turns an error into one line on stderr and an exit code from the table above; a bug is
 * reported without a stack trace unless GUANG_DEBUG is set.
 */
export function reportError(e: unknown, cmd: CommandContext | null = null): number {
  if (isGuangError(e) && e.code.startsWith("server:")) {
    process.stderr.write(`guang: error: ${e.message}\n`);
    if (e.code === "server:unreachable" || e.status >= 500) return EXIT.unavailable;
    return e.code === "server:invalid_input" || e.code === "server:invalid_json"
      ? EXIT.usage
      : EXIT.refused;
  }
  if (isGuangError(e)) {
    process.stderr.write(`guang: ${e.message}\n`);
    return e.status >= 500
      ? EXIT.unavailable
      : e.code === "invalid_input" || e.code === "usage"
        ? EXIT.usage
        : EXIT.refused;
  }
  const err = e as { code?: string; message?: string };
  if (typeof err?.code === "string" && err.code.startsWith("ERR_PARSE_ARGS")) {
    process.stderr.write(`${parseError(err as { code: string; message: string }, cmd)}\n`);
    return EXIT.usage;
  }
  process.stderr.write(`guang: internal error: ${err?.message ?? String(e)}\n`);
  if (process.env.GUANG_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ""}\n`);
  return EXIT.unavailable;
}
