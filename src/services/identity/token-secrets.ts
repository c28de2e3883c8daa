import { createHash, randomBytes } from "node:crypto";

// Bearer secrets (session cookies and API tokens): random, prefixed so that secret scanners
// recognise a leaked one, and stored only as their SHA-256.
const TOKEN_PREFIX = "guang_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}
