import { logBackgroundError } from "../core/background-log.js";

/** Runs `work` every `ms` in the background (not keeping the process up); a failure is logged naming `what`. */
export function repeat(ms: number, what: string, work: () => Promise<unknown>): NodeJS.Timeout {
  const timer = setInterval(
    () =>
      void work().catch((e: unknown) =>
        logBackgroundError(`${what} failed: ${(e as Error).message}`),
      ),
    ms,
  );
  timer.unref();
  return timer;
}
