/**
 * Waits until `probe` gives a value (anything but null, undefined or false) and returns it,
 * or fails after `ms` saying what did not happen and what was last seen.
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  ms = 20000,
  lastSeen?: () => unknown,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end)
      throw new Error(
        `${what} did not happen within ${ms} ms; last seen: ${JSON.stringify(lastSeen ? lastSeen() : v)}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves with `p`, or fails after `ms` saying what did not happen. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_r, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
