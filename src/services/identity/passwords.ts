import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

/**
 * Passwords are hashed with scrypt (memory-hard: 32 MiB per hash at N=2^15, r=8), stored
 * as `scrypt$N$r$p$salt$hash` so the parameters can be raised later without breaking old hashes.
 * A center may choose N (auth.passwordHashCost, its log2) for new hashes; old ones keep theirs.
 */
export const DEFAULT_HASH_COST = 15;
let N = 1 << DEFAULT_HASH_COST;

/** The cost (log2 N) of the hashes made from now on in this process. */
export function usePasswordHashCost(log2N: number): void {
  N = 1 << log2N;
}
const R = 8;
const P = 1;
const KEYLEN = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEYLEN, { N: n, r, p, maxmem: 256 * n * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const key = await derive(password, Buffer.from(salt, "base64"), Number(n), Number(r), Number(p));
  const want = Buffer.from(hash, "base64");
  return want.length === key.length && timingSafeEqual(want, key);
}

/** A password for people to copy: 20 characters from 120 random bits. */
export function randomPassword(): string {
  return randomBytes(15).toString("base64url");
}
