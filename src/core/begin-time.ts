import { invalidInput } from "./errors.js";

const UNIT_SECONDS: Record<string, number> = {
  "": 1,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hour: 3600,
  hours: 3600,
  d: 86400,
  day: 86400,
  days: 86400,
  w: 604800,
  week: 604800,
  weeks: 604800,
};

/**
 * `--begin` (and sacct's `-S`/`-E`) in Slurm's forms: `now[+|-N[units]]`, `HH:MM[:SS]` (today, or tomorrow when
 * already past), `YYYY-MM-DD[THH:MM[:SS]]`, `midnight`, `noon`, `teatime` (16:00),
 * `yesterday`, `today`, `tomorrow`. Wall-clock forms are in the server's local time zone, as in Slurm.
 * Returns epoch milliseconds.
 */
export function parseBeginTime(text: string, nowMs: number, flag = "--begin"): number {
  const s = text.trim().toLowerCase();
  const bad = () =>
    invalidInput(
      `invalid ${flag} "${text}": use now+1hour, now-2days, now+60 (seconds), 16:00, 2026-12-01, 2026-12-01T08:30, midnight, noon, teatime, yesterday, today or tomorrow`,
    );
  const rel = /^now(?:([+-])(\d+)([a-z]*))?$/.exec(s);
  if (rel) {
    if (rel[1] === undefined) return nowMs;
    const unit = UNIT_SECONDS[rel[3] ?? ""];
    if (unit === undefined) throw bad();
    return nowMs + (rel[1] === "-" ? -1 : 1) * Number(rel[2]) * unit * 1000;
  }
  const day = new Date(nowMs);
  day.setHours(0, 0, 0, 0);
  const at = (h: number, m: number, sec: number, base = day) => {
    const d = new Date(base);
    d.setHours(h, m, sec, 0);
    return d.getTime();
  };
  const nextAt = (h: number, m: number, sec: number) => {
    const t = at(h, m, sec);
    return t > nowMs ? t : t + 86400000;
  };
  if (s === "midnight") return nextAt(0, 0, 0);
  if (s === "noon") return nextAt(12, 0, 0);
  if (s === "teatime") return nextAt(16, 0, 0);
  if (s === "today") return day.getTime();
  if (s === "yesterday") return day.getTime() - 86400000;
  if (s === "tomorrow") return day.getTime() + 86400000;
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (clock) {
    const [h, m, sec] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
    if (h > 23 || m > 59 || sec > 59) throw bad();
    return nextAt(h, m, sec);
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})(?:t(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (date) {
    const [y, mo, d, h, mi, sec] = date.slice(1).map((x) => Number(x ?? 0)) as number[];
    const t = new Date(y!, mo! - 1, d!, h!, mi!, sec!);
    if (t.getMonth() !== mo! - 1 || t.getDate() !== d! || h! > 23 || mi! > 59 || sec! > 59)
      throw bad();
    return t.getTime();
  }
  throw bad();
}
