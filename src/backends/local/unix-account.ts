import { readFileSync } from "node:fs";

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
