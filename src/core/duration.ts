import { invalidInput } from "./errors.js";

/**
 * Slurm's time formats, used for time limits (`-t`) and shown in listings.
 * Accepted: "minutes", "minutes:seconds", "hours:minutes:seconds", "days-hours",
 * "days-hours:minutes", "days-hours:minutes:seconds", and "UNLIMITED"/"INFINITE".
 * Durations are whole seconds; `Infinity` stands for unlimited.
 */
const UNLIMITED = new Set(["unlimited", "infinite"]);

export function parseSlurmDuration(text: string): number {
  const s = text.trim();
  if (UNLIMITED.has(s.toLowerCase())) return Infinity;
  const bad = () =>
    invalidInput(
      `invalid time "${text}": use minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS (e.g. 90, 1:30:00, 2-00:00:00)`,
    );
  const m = /^(?:(\d+)-)?(\d+)(?::(\d+))?(?::(\d+))?$/.exec(s);
  if (!m) throw bad();
  const [, d, a, b, c] = m;
  const n = (x: string | undefined) => (x === undefined ? 0 : Number(x));
  if (d !== undefined) {
    // days-hours[:minutes[:seconds]]
    if (n(b) >= 60 || n(c) >= 60) throw bad();
    return n(d) * 86400 + n(a) * 3600 + n(b) * 60 + n(c);
  }
  if (c !== undefined) {
    if (n(b) >= 60 || n(c) >= 60) throw bad();
    return n(a) * 3600 + n(b) * 60 + n(c); // hours:minutes:seconds
  }
  if (b !== undefined) {
    if (n(b) >= 60) throw bad();
    return n(a) * 60 + n(b); // minutes:seconds
  }
  return n(a) * 60; // minutes
}

/** Formats seconds as Slurm does in squeue/sacct: [D-]HH:MM:SS, or MM:SS under an hour. */
export function formatSlurmDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "UNLIMITED";
  const total = Math.max(0, Math.round(seconds));
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (x: number) => String(x).padStart(2, "0");
  if (d > 0) return `${d}-${two(h)}:${two(m)}:${two(s)}`;
  if (h > 0) return `${two(h)}:${two(m)}:${two(s)}`;
  return `${two(m)}:${two(s)}`;
}
