import { readFileSync } from "node:fs";
import type { PosixIdentity } from "./backend.js";

export interface UnixAccount {
  name: string;
  uid: number;
  gid: number;
  home: string;
  /** The login shell; null when the center recorded the ids itself and the machine has no entry. */
  shell?: string | null;
}

/** The accounts of this machine from /etc/passwd (no NSS), as name → account. */
function passwd(): UnixAccount[] {
  const out: UnixAccount[] = [];
  for (const line of readFileSync("/etc/passwd", "utf8").split("\n")) {
    const f = line.split(":");
    if (f.length >= 7)
      out.push({ name: f[0]!, uid: Number(f[2]), gid: Number(f[3]), home: f[5]!, shell: f[6]! });
  }
  return out;
}

/** Looks a Unix account up in /etc/passwd by name. */
export function findUnixAccount(name: string): UnixAccount | null {
  return passwd().find((a) => a.name === name) ?? null;
}

/** Looks a Unix account up in /etc/passwd by uid. */
export function findUnixAccountByUid(uid: number): UnixAccount | null {
  return passwd().find((a) => a.uid === uid) ?? null;
}

/** The account a job runs as: the ids the center recorded, or this machine's passwd entry for the name. */
export function resolvePosix(p: PosixIdentity): UnixAccount | null {
  const local = findUnixAccount(p.name);
  if (p.uid !== null && p.gid !== null)
    return {
      name: p.name,
      uid: p.uid,
      gid: p.gid,
      home: p.home ?? local?.home ?? "/",
      shell: local?.shell ?? null,
    };
  return local;
}
