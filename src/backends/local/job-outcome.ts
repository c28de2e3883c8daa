import type { JobOutcome, KillReason } from "../backend.js";
import type { ExitStatus } from "./run-files.js";

/**
 * How a job ended, as the store records it: from the status the launcher wrote (exit code,
 * signal, CPU time), why Guang killed it, and whether the kernel killed it for memory. A job
 * without a status failed; one whose launcher failed before the script ran never ran (and
 * costs nothing).
 */
export function outcomeOf(
  killReason: KillReason | null,
  st: ExitStatus | null,
  e: {
    /** Why it could not be started or watched, when that is how it ended. */
    failure: string | undefined;
    neverRan: boolean;
    /** The kernel killed a process of it for its memory: OUT_OF_MEMORY, as Slurm says. */
    oom: boolean;
    peakMiB: number;
  },
): JobOutcome {
  if (st && st.failure === null) {
    const ok = st.code === 0 && st.signal === 0;
    const state = killReason ?? (e.oom ? "OUT_OF_MEMORY" : ok ? "COMPLETED" : "FAILED");
    return {
      state,
      exitCode: st.code,
      signal: st.signal,
      endMs: st.endMs,
      cpuSeconds: st.cpuSeconds,
      maxRssMiB: e.peakMiB,
      // scontrol's Reason for a job Slurm ended
      reason: state === "TIMEOUT" ? "TimeLimit" : state === "OUT_OF_MEMORY" ? "OutOfMemory" : null,
    };
  }
  const why =
    e.failure ??
    st?.failure ??
    "the job ended without a recorded exit status (was its launcher killed?)";
  // the launcher's failures all come before the script is run
  const never = e.neverRan || (!e.failure && !!st?.failure);
  return {
    state: killReason ?? "FAILED",
    exitCode: st?.code ?? null,
    signal: 0,
    endMs: st?.endMs ?? Date.now(),
    cpuSeconds: null,
    maxRssMiB: e.peakMiB,
    reason: why,
    ...(never ? { neverRan: true } : {}),
  };
}
