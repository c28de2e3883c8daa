import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { invalidInput } from "../core/errors.js";

const WHY: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "not permitted",
  ENOENT: "no folder can be made in that place",
  ENOTDIR: "a part of the path is a file, not a folder",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  EEXIST: "it exists and is not a folder",
};

/**
 * The folder a flag names (--home, --report), made if missing, one level at a time: a path
 * that cannot be made fails at once, naming the path and why (Node 20's recursive mkdir
 * loops forever under /proc).
 */
export function ensureFolder(path: string, flag: string): string {
  const full = resolve(path);
  const missing: string[] = [];
  for (let p = full; ; p = dirname(p)) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "ENOENT")
        throw invalidInput(
          `${flag} ${path}: cannot use ${p}: ${WHY[code ?? ""] ?? (e as Error).message}`,
        );
    }
    if (st) {
      if (!st.isDirectory())
        throw invalidInput(`${flag} ${path}: ${p} is a file, not a folder; name a folder`);
      break;
    }
    missing.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const p of missing) {
    try {
      mkdirSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw invalidInput(
        `${flag} ${path}: cannot make the folder ${p}: ${WHY[code ?? ""] ?? (e as Error).message}`,
      );
    }
  }
  return full;
}
