/**
 * Node names as Slurm writes a set of them: runs of numbered names folded into ranges,
 * `cn[0001-0004,0007],gn[01-02]`, in the order given.
 */
export function compressHostlist(names: readonly string[]): string {
  const groups = new Map<string, { digits: string; n: number }[]>();
  const plain: string[] = [];
  for (const name of names) {
    const m = /^(.*?)(\d+)$/.exec(name);
    if (!m) {
      plain.push(name);
      continue;
    }
    const list = groups.get(m[1]!) ?? [];
    list.push({ digits: m[2]!, n: Number(m[2]) });
    groups.set(m[1]!, list);
  }
  const parts: string[] = [];
  for (const [prefix, list] of groups) {
    if (list.length === 1) {
      parts.push(prefix + list[0]!.digits);
      continue;
    }
    const ranges: string[] = [];
    let i = 0;
    while (i < list.length) {
      let k = i;
      while (
        k + 1 < list.length &&
        list[k + 1]!.n === list[k]!.n + 1 &&
        list[k + 1]!.digits.length === list[i]!.digits.length
      )
        k++;
      ranges.push(k > i ? `${list[i]!.digits}-${list[k]!.digits}` : list[i]!.digits);
      i = k + 1;
    }
    parts.push(`${prefix}[${ranges.join(",")}]`);
  }
  return parts.concat(plain).join(",");
}

/** A hostlist as compressHostlist writes it (`cn[0001-0003,0007],gn01`) back into names. */
export function expandHostlist(list: string): string[] {
  const out: string[] = [];
  for (const m of list.matchAll(/([^,[\]]+)(?:\[([^\]]+)\])?/g)) {
    const prefix = m[1]!;
    if (!m[2]) {
      out.push(prefix);
      continue;
    }
    for (const r of m[2].split(",")) {
      const [a, b] = r.split("-") as [string, string | undefined];
      for (let n = Number(a); n <= Number(b ?? a); n++)
        out.push(prefix + String(n).padStart(a.length, "0"));
    }
  }
  return out;
}
