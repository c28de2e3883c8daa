export /** Future changes of one node's free resources, sorted by time (deltas: + released, − reserved). */
interface NodeEvents {
  t: number[];
  cpu: number[];
  mem: number[];
  gpu: number[];
}

/** Adds a change to node n's future, keeping its events sorted by time (appended last among equal times). */
export function insertEvent(
  events: (NodeEvents | undefined)[],
  n: number,
  t: number,
  cpu: number,
  mem: number,
  gpu: number,
): void {
  let ev = events[n];
  if (ev === undefined) {
    ev = { t: [], cpu: [], mem: [], gpu: [] };
    events[n] = ev;
  }
  let i = ev.t.length;
  while (i > 0 && ev.t[i - 1] > t) i--;
  ev.t.splice(i, 0, t);
  ev.cpu.splice(i, 0, cpu);
  ev.mem.splice(i, 0, mem);
  ev.gpu.splice(i, 0, gpu);
}

const INDEX_BITS = 2 ** 21;

/**
 * Indices of `times` in ascending order (ties by index). Whole-second times are packed with
 * their index into one float and sorted natively — several times faster than a comparator
 * sort on the tens of thousands of events of a large cluster; other times fall back.
 */
export function sortedOrder(times: Float64Array): Uint32Array {
  const n = times.length;
  const order = new Uint32Array(n);
  let packable = n < INDEX_BITS;
  for (let i = 0; i < n && packable; i++) {
    const t = times[i];
    if (!Number.isInteger(t) || t < 0 || t >= 2 ** 31) packable = false;
  }
  if (packable) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = times[i] * INDEX_BITS + i;
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = keys[i] % INDEX_BITS;
    return order;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => times[a] - times[b] || a - b);
}
