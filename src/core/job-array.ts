import { invalidInput } from "./errors.js";

/** `--array`: the task indices and the most tasks that may run at once (`%N`). */
export interface ArraySpec {
  indices: number[];
  /** 0: no limit. */
  throttle: number;
}

/** Slurm's default MaxArraySize is 1001: indices 0..1000. */
const MAX_ARRAY_INDEX = 1000;

/**
 * Parses "0-15", "1,3,5", "1-7:2", "0-15%4", "1-3,10-12%2". Indices are kept sorted and
 * distinct; the throttle applies to the whole array.
 */
export function parseArraySpec(text: string): ArraySpec {
  const bad = (why: string) =>
    invalidInput(`invalid --array "${text}": ${why}; use e.g. 0-15, 1,3,5, 1-7:2 or 0-15%4`);
  const [list, throttleText, extra] = text.trim().split("%");
  if (extra !== undefined) throw bad("more than one %");
  let throttle = 0;
  if (throttleText !== undefined) {
    if (!/^\d+$/.test(throttleText) || Number(throttleText) < 1)
      throw bad("the %throttle must be a positive whole number");
    throttle = Number(throttleText);
  }
  if (!list) throw bad("no indices");
  const set = new Set<number>();
  for (const part of list.split(",")) {
    const m = /^(\d+)(?:-(\d+)(?::(\d+))?)?$/.exec(part);
    if (!m) throw bad(`"${part}" is not an index, a range or a range:step`);
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    const step = m[3] === undefined ? 1 : Number(m[3]);
    if (hi < lo) throw bad(`range ${part} ends before it starts`);
    if (step < 1) throw bad(`step in ${part} must be at least 1`);
    if (hi > MAX_ARRAY_INDEX)
      throw bad(`index ${hi} is above the largest allowed index ${MAX_ARRAY_INDEX}`);
    for (let i = lo; i <= hi; i += step) set.add(i);
  }
  return { indices: [...set].sort((a, b) => a - b), throttle };
}
