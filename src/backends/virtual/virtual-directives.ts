import { parseSlurmDuration } from "../../core/duration.js";
import { isGuangError } from "../../core/errors.js";

/** How a job on a virtual cluster behaves: how long it "runs" and how it ends. */
export interface VirtualBehaviour {
  /** Seconds; null: it runs until its time limit and completes. */
  runtime: number | null;
  exitCode: number;
}

const LINE = /^#GUANG\s+(.*)$/;

/**
 * Reads the `#GUANG --virtual-runtime=TIME` and `#GUANG --virtual-exit=N` lines of a script
 * (Slurm's time formats; exit 0–255). A job without them runs its whole time limit and
 * completes. Throws a refusal in the user's words (with the line) for anything else.
 */
export function virtualBehaviour(script: string): VirtualBehaviour {
  const b: VirtualBehaviour = { runtime: null, exitCode: 0 };
  const lines = script.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = LINE.exec(lines[i]!.trim());
    if (!m) continue;
    for (const word of m[1]!.split(/\s+/).filter(Boolean)) {
      const at = `line ${i + 1}: `;
      const [key, value] = word.split("=", 2) as [string, string | undefined];
      if (key === "--virtual-runtime" && value !== undefined) {
        let s: number;
        try {
          s = parseSlurmDuration(value);
        } catch (e) {
          throw new Error(at + (isGuangError(e) ? e.message : String(e)), { cause: e });
        }
        if (!Number.isFinite(s) || s < 0)
          throw new Error(`${at}--virtual-runtime must be a finite time, e.g. 2:00:00`);
        b.runtime = s;
      } else if (key === "--virtual-exit" && value !== undefined) {
        if (!/^\d{1,3}$/.test(value) || Number(value) > 255)
          throw new Error(`${at}--virtual-exit must be an exit code from 0 to 255, not "${value}"`);
        b.exitCode = Number(value);
      } else {
        throw new Error(
          `${at}"${word}" is not a #GUANG option; a virtual cluster's jobs take --virtual-runtime=TIME and --virtual-exit=N`,
        );
      }
    }
  }
  return b;
}
