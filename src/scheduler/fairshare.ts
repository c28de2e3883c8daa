/**
 * Fair share as Slurm's default "Fair Tree" computes it, over a tree of tenant → account →
 * user shares. At each level, siblings are ranked by level fair share LF = S / U (S: their
 * share of the siblings' shares; U: their share of the siblings' usage); a depth-first walk
 * in that order ranks the users, and a user's factor is its rank from the bottom over the
 * number of users (1 for the most deserving). Users tied in LF under one parent share a rank.
 *
 * Usage decays with a half-life, so that last month's heavy user is not punished forever.
 */
export interface ShareNode {
  name: string;
  /** Raw shares (Slurm's Fairshare=); default 1. */
  shares?: number;
  children?: ShareNode[];
}

/** Usage decayed from `from` to `to` (seconds) with the given half-life. */
export function decayUsage(usage: number, from: number, to: number, halfLife: number): number {
  if (!(halfLife > 0) || to <= from) return usage;
  return usage * Math.pow(2, -(to - from) / halfLife);
}

/**
 * Fair-share factors of the tree's leaves. Leaves are keyed by the path of names joined by
 * "/" (e.g. "tenant/account/user"); `usage` gives each leaf's (decayed) usage by that key.
 */
export function fairTreeFactors(
  roots: ShareNode[],
  usage: ReadonlyMap<string, number>,
): Map<string, number> {
  const leaves: { key: string; rank: number }[] = [];
  const usageOf = new Map<ShareNode, number>();
  const sumUsage = (node: ShareNode, path: string): number => {
    const key = path ? `${path}/${node.name}` : node.name;
    const u = node.children?.length
      ? node.children.reduce((acc, c) => acc + sumUsage(c, key), 0)
      : (usage.get(key) ?? 0);
    usageOf.set(node, u);
    return u;
  };
  for (const r of roots) sumUsage(r, "");

  let rank = 0;
  const walk = (siblings: ShareNode[], path: string) => {
    const totalShares = siblings.reduce((a, c) => a + (c.shares ?? 1), 0);
    const totalUsage = siblings.reduce((a, c) => a + usageOf.get(c)!, 0);
    const lf = (c: ShareNode) => {
      const s = totalShares > 0 ? (c.shares ?? 1) / totalShares : 0;
      const u = totalUsage > 0 ? usageOf.get(c)! / totalUsage : 0;
      return u === 0 ? (s > 0 ? Infinity : 0) : s / u;
    };
    const ordered = siblings
      .map((c) => ({ c, lf: lf(c) }))
      .sort((a, b) =>
        b.lf === a.lf
          ? a.c.name < b.c.name
            ? -1
            : a.c.name > b.c.name
              ? 1
              : 0
          : b.lf > a.lf
            ? 1
            : -1,
      );
    let prevLf: number | null = null;
    let prevRank = 0;
    for (const { c, lf: value } of ordered) {
      const key = path ? `${path}/${c.name}` : c.name;
      if (c.children?.length) {
        walk(c.children, key);
        prevLf = null;
      } else {
        const r = prevLf === value ? prevRank : rank;
        leaves.push({ key, rank: r });
        prevLf = value;
        prevRank = r;
        rank++;
      }
    }
  };
  walk(roots, "");
  const n = leaves.length;
  const out = new Map<string, number>();
  for (const { key, rank: r } of leaves) out.set(key, n > 0 ? (n - r) / n : 0);
  return out;
}
