import { readFileSync } from "node:fs";
import type { PosixIdentity } from "./backend.js";

export interface UnixAccount {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

/** Looks a Unix account up in /etc/passwd (no NSS: the accounts of this machine). */
export function findUnixAccount(name: string): UnixAccount | null {
  for (const line of readFileSync("/etc/passwd", "utf8").split("\n")) {
    const f = line.split(":");
    if (f[0] === name && f.length >= 7) return { name, uid: Number(f[2]), gid: Number(f[3]), home: f[5]! };
  }
  return null;
}

/** The account a job runs as: the ids the center recorded, or this machine's passwd entry for the name. */
export function resolvePosix(p: PosixIdentity): UnixAccount | null {
  const local = findUnixAccount(p.name);
  if (p.uid !== null && p.gid !== null) return { name: p.name, uid: p.uid, gid: p.gid, home: p.home ?? local?.home ?? "/" };
  return local;
}
