/**
 * What a folder holds on disk, as du -sx counts it: allocated bytes (blocks) and files
 * (inodes), not crossing into other file systems. Run inside the file worker, as the folder's
 * user; folders it may not read are counted as unreadable rather than failing the scan.
 */
import { lstat, opendir } from "node:fs/promises";
import { join } from "node:path";

export async function usage(root: string) {
  const top = await lstat(root);
  let bytes = top.blocks * 512;
  let files = 1;
  let unreadable = 0;
  const folders = top.isDirectory() ? [root] : [];
  while (folders.length) {
    const dir = folders.pop()!;
    const handle = await opendir(dir).catch(() => null);
    if (!handle) {
      unreadable++;
      continue;
    }
    for await (const d of handle) {
      const path = join(dir, d.name);
      const s = await lstat(path).catch(() => null);
      if (!s) continue;
      bytes += s.blocks * 512;
      files++;
      if (s.isDirectory() && s.dev === top.dev) folders.push(path);
    }
  }
  return { bytes, files, unreadable };
}
